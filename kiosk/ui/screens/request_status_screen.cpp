#include "kiosk/ui/screens/request_status_screen.h"

#include "kiosk/core/status_lookup.h"
#include "kiosk/core/ticket_flow.h"

namespace wp::ui {

namespace {

std::string statusKey(RequestStatus s) {
    std::string key = "request_status.status_";
    for (char c : toString(s)) key += c == '-' ? '_' : c;
    return key;
}

}  // namespace

RequestStatusScreen::RequestStatusScreen(ResidentSession& session)
    : session_(session),
      prefix_(referencePrefix(session.bundle().settings.contactPoint.letters,
                              session.bundle().settings.kioskCode)),
      screenHolder_(session.registerHolder(*this)),
      keyboardHolder_(session.registerHolder(keyboard_)) {
    code_.set(prefix_);
}

void RequestStatusScreen::onEnter(ResidentSession& /*session*/) {
    startOver();  // a fresh screen each time it comes up
}

void RequestStatusScreen::onLeave(ResidentSession& /*session*/) {
    startOver();
}

void RequestStatusScreen::wipe() {
    code_.set(prefix_);  // wipes what was typed; this kiosk's part is no one's data
    errorKey_.clear();
    view_ = View::Typing;
}

bool RequestStatusScreen::holdsNothing() const {
    return code_.value() == prefix_ && errorKey_.empty() && view_ == View::Typing;
}

void RequestStatusScreen::startOver() {
    wipe();
    keyboard_.wipe();
    if (StatusLookup* lookup = session_.statusLookup()) lookup->wipe();
}

void RequestStatusScreen::search(ResidentSession& session) {
    session.noteActivity();
    if (code_.empty() || code_.value() == prefix_) {
        errorKey_ = "request_status.code_empty";
        return;
    }
    auto code = referenceFromField(code_.value(), prefix_);
    if (!code) {
        errorKey_ = "request_status.code_wrong";
        return;
    }
    errorKey_.clear();
    StatusLookup* lookup = session.statusLookup();
    if (!lookup) {
        view_ = View::Unreachable;  // this kiosk has no central server to ask
        return;
    }
    lookup->start(*code);
    view_ = View::Busy;
}

void RequestStatusScreen::collect(ResidentSession& session) {
    StatusLookup* lookup = session.statusLookup();
    if (view_ != View::Busy || !lookup) return;
    lookup->collect();
    switch (lookup->state()) {
        case StatusLookup::State::Busy:
            return;
        case StatusLookup::State::Found:
            view_ = View::Found;
            return;
        case StatusLookup::State::NotFound:
            errorKey_ = "request_status.not_found";
            break;
        case StatusLookup::State::TooMany:
            errorKey_ = "request_status.too_many";
            break;
        case StatusLookup::State::Unreachable:
            view_ = View::Unreachable;
            return;
        case StatusLookup::State::Idle:
            break;
    }
    view_ = View::Typing;
    lookup->wipe();
}

void RequestStatusScreen::draw(Ui& ui, ResidentSession& session, Rect area) {
    collect(session);
    const Theme& t = ui.theme();
    float y = area.y0;
    y += ui.text(session.tr("request_status.title"), {area.x0, y, area.x1, y + t.titleSize * 2.5f},
                 FontRole::Title, t.colors.text, t.colors.background, 0.5f);
    y += t.spacing;
    Rect rest{area.x0, y, area.x1, area.y1};
    switch (view_) {
        case View::Typing:
        case View::Busy:
            drawTyping(ui, session, rest);
            break;
        case View::Found:
            drawFound(ui, session, rest);
            break;
        case View::Unreachable:
            drawUnreachable(ui, session, rest);
            break;
    }
}

float RequestStatusScreen::drawTyping(Ui& ui, ResidentSession& session, Rect area) {
    const Theme& t = ui.theme();
    const float gap = t.spacing;
    float y = area.y0;
    y += ui.text(session.tr("request_status.intro"), {area.x0, y, area.x1, area.y1}, FontRole::Body,
                 t.colors.text, t.colors.background);
    y += gap / 2;
    const std::string error = errorKey_.empty() ? std::string() : session.tr(errorKey_);
    y += textField(ui, code_, session.tr("request_status.code_label"), {area.x0, y, area.x1, y}, error);
    y += gap;

    if (view_ == View::Busy) {
        // Shown until the worker answers; the keyboard waits.
        const std::string& busy = session.tr("request_status.searching");
        const float h = ui.measureHeight(busy, area.width() - gap * 2, FontRole::Large) + gap * 2;
        ui.fill({area.x0, y, area.x1, y + h}, t.colors.warning, t.cornerRadius);
        ui.text(busy, {area.x0 + gap, y + gap, area.x1 - gap, y + h - gap}, FontRole::Large,
                t.colors.warningText, t.colors.warning, 0.5f);
        return y + h - area.y0;
    }

    const float buttonH = t.sizes.lowButtonHeight;
    const float half = (area.width() - gap) / 2;
    if (ui.button(session.tr("common.back"), {area.x0, y, area.x0 + half, y + buttonH})) {
        startOver();
        session.back();
        return y - area.y0;
    }
    bool go =
        ui.mainAction(session.tr("request_status.search"), {area.x0 + half + gap, y, area.x1, y + buttonH});
    y += buttonH + gap;
    const std::string& language = session.language();
    keyboard_.draw(ui, code_, language, {area.x0, y, area.x1, area.y1},
                   [&](std::string_view key) -> const std::string& { return session.tr(key); });
    if (code_.value().size() > prefix_.size() && errorKey_ == "request_status.code_empty") errorKey_.clear();
    if (go || keyboard_.enterPressed()) search(session);
    return area.y1 - area.y0;
}

float RequestStatusScreen::drawFound(Ui& ui, ResidentSession& session, Rect area) {
    const Theme& t = ui.theme();
    const float gap = t.spacing;
    const RequestStatusView& v = session.statusLookup()->view();
    float y = area.y0;
    y += ui.text(fillIn(session.tr("request_status.result_for"), {{"code", v.reference}}),
                 {area.x0, y, area.x1, area.y1}, FontRole::Large, t.colors.text, t.colors.background);
    y += gap;
    // The status itself, large, with a bar beside it (a block would look like a button); its words say
    // what it means.
    const std::string& status = session.tr(statusKey(v.status));
    const float h = ui.measureHeight(status, area.width() - gap * 2, FontRole::Title);
    ui.fill({area.x0, y, area.x0 + gap / 2, y + h}, t.colors.controlBorder);
    ui.text(status, {area.x0 + gap * 1.5f, y, area.x1, y + h}, FontRole::Title, t.colors.text,
            t.colors.background);
    y += h + gap;
    if (!v.publicNote.empty()) {
        y += ui.text(session.tr("request_status.note_label"), {area.x0, y, area.x1, area.y1}, FontRole::Body,
                     t.colors.text, t.colors.background);
        y += gap / 3;
        y += ui.text(v.publicNote, {area.x0, y, area.x1, area.y1}, FontRole::Large, t.colors.text,
                     t.colors.background);
        y += gap;
    }
    if (const std::string& coach = v.coach; !coach.empty()) {
        y += ui.text(fillIn(session.tr("request_status.coach"), {{"name", coach}}),
                     {area.x0, y, area.x1, area.y1}, FontRole::Body, t.colors.text, t.colors.background);
        y += gap;
    }
    y += gap;
    const float buttonH = t.sizes.lowButtonHeight;
    const float half = (area.width() - gap) / 2;
    // Read: done here, so the way back is the main action.
    if (ui.mainAction(session.tr("common.back"), {area.x0, y, area.x0 + half, y + buttonH})) {
        startOver();
        session.back();
    } else if (ui.button(session.tr("request_status.other_code"),
                         {area.x0 + half + gap, y, area.x1, y + buttonH})) {
        session.noteActivity();
        startOver();
    }
    return y + buttonH - area.y0;
}

float RequestStatusScreen::drawUnreachable(Ui& ui, ResidentSession& session, Rect area) {
    const Theme& t = ui.theme();
    const float gap = t.spacing;
    float y = area.y0;
    const std::string& line = session.tr("request_status.unreachable");
    // On the warning colours with a bar beside it (not by colour alone), in the large font.
    const float indent = t.sizes.panelPadding;
    const float h = ui.measureHeight(line, area.width() - gap * 2 - indent, FontRole::Large) + gap * 2;
    ui.fill({area.x0, y, area.x1, y + h}, t.colors.warning, t.cornerRadius);
    ui.fill({area.x0, y, area.x0 + t.sizes.markerWidth, y + h}, t.colors.warningText);
    ui.text(line, {area.x0 + gap + indent, y + gap, area.x1 - gap, y + h - gap}, FontRole::Large,
            t.colors.warningText, t.colors.warning);
    y += h + gap * 2;
    const float buttonH = t.sizes.lowButtonHeight;
    const float half = (area.width() - gap) / 2;
    if (ui.button(session.tr("request_status.other_code"), {area.x0, y, area.x0 + half, y + buttonH})) {
        session.noteActivity();
        startOver();
    } else if (ui.mainAction(session.tr("request_status.try_again"),
                             {area.x0 + half + gap, y, area.x1, y + buttonH})) {
        view_ = View::Typing;
        search(session);
    }
    return y + buttonH - area.y0;
}

}  // namespace wp::ui
