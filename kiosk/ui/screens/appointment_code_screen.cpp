#include "kiosk/ui/screens/appointment_code_screen.h"

#include "kiosk/core/appointment_checkin.h"
#include "kiosk/core/ticket_flow.h"
#include "kiosk/ui/screens/appointment_checked_in_screen.h"
#include "kiosk/ui/screens/appointment_found_screen.h"

namespace wp::ui {

AppointmentCodeScreen::AppointmentCodeScreen(ResidentSession& session)
    : session_(session),
      screenHolder_(session.registerHolder(*this)),
      keyboardHolder_(session.registerHolder(keyboard_)) {}

void AppointmentCodeScreen::onEnter(ResidentSession& /*session*/) {
    startOver();
}

void AppointmentCodeScreen::onLeave(ResidentSession& /*session*/) {
    wipe();
    keyboard_.wipe();
}

void AppointmentCodeScreen::wipe() {
    code_.wipe();
    errorKey_.clear();
    wipeString(message_);
    view_ = View::Typing;
}

bool AppointmentCodeScreen::holdsNothing() const {
    return code_.empty() && errorKey_.empty() && message_.empty() && view_ == View::Typing;
}

void AppointmentCodeScreen::startOver() {
    wipe();
    keyboard_.wipe();
    if (AppointmentCheckin* checkin = session_.appointmentCheckin()) checkin->wipe();
}

void AppointmentCodeScreen::submit(ResidentSession& session) {
    session.noteActivity();
    if (code_.empty()) {
        errorKey_ = "checkin.code_empty";
        return;
    }
    auto code = normalizeBookingCode(code_.value());
    if (!code) {
        errorKey_ = "checkin.code_wrong";
        return;
    }
    errorKey_.clear();
    AppointmentCheckin* checkin = session.appointmentCheckin();
    if (checkin == nullptr) {
        message_ = session.tr("checkin.not_here");
        view_ = View::Trouble;
        return;
    }
    checkin->submit(*code);
    view_ = View::Busy;
    collect(session);
}

void AppointmentCodeScreen::collect(ResidentSession& session) {
    AppointmentCheckin* checkin = session.appointmentCheckin();
    if (view_ != View::Busy || checkin == nullptr) return;
    checkin->collect();
    using State = AppointmentCheckin::State;
    switch (checkin->state()) {
        case State::Idle:
        case State::Busy:
            return;
        case State::CheckedIn:
        case State::TooLate:
            if (checkin->ticket() && session.ticketFlow())
                session.ticketFlow()->adopt(*checkin->ticket(), session.texts(), session.language());
            view_ = View::Typing;
            session.open({AppointmentCheckedInScreen::kId, {}});
            return;
        case State::Elsewhere:
            view_ = View::Typing;
            session.open({AppointmentFoundScreen::kId, {}});
            return;
        case State::TooEarly:
            message_ =
                fillIn(session.tr("checkin.too_early"),
                       {{"opens", formatLocalHourMinute(checkin->opensAt())},
                        {"time", checkin->appointment() ? formatLocalHourMinute(checkin->appointment()->start)
                                                        : std::string()}});
            view_ = View::TooEarly;
            return;
        case State::NotFound:
            errorKey_ = "checkin.not_found";
            break;
        case State::TooMany:
            errorKey_ = "checkin.too_many";
            break;
        case State::Unreachable:
        case State::Failed:
            message_ = session.tr("checkin.unreachable");
            view_ = View::Trouble;
            return;
    }
    view_ = View::Typing;
    code_.wipe();
    checkin->wipe();
}

void AppointmentCodeScreen::draw(Ui& ui, ResidentSession& session, Rect area) {
    collect(session);
    const Theme& t = ui.theme();
    float y = area.y0;
    y += ui.text(session.tr("checkin.title"), {area.x0, y, area.x1, y + t.titleSize * 2.5f}, FontRole::Title,
                 t.colors.text, t.colors.background, 0.5f);
    y += t.spacing;
    Rect rest{area.x0, y, area.x1, area.y1};
    if (view_ == View::TooEarly || view_ == View::Trouble)
        drawMessage(ui, session, rest, message_);
    else
        drawTyping(ui, session, rest);
}

void AppointmentCodeScreen::drawTyping(Ui& ui, ResidentSession& session, Rect area) {
    const Theme& t = ui.theme();
    const float gap = t.spacing;
    float y = area.y0;
    y += ui.text(session.tr("checkin.intro"), {area.x0, y, area.x1, area.y1}, FontRole::Body, t.colors.text,
                 t.colors.background);
    y += gap / 2;
    const std::string error = errorKey_.empty() ? std::string() : session.tr(errorKey_);
    y += textField(ui, code_, session.tr("checkin.code_label"), {area.x0, y, area.x1, y}, error);
    y += gap;

    if (view_ == View::Busy) {
        const std::string& busy = session.tr("checkin.searching");
        const float h = ui.measureHeight(busy, area.width() - gap * 2, FontRole::Large) + gap * 2;
        ui.fill({area.x0, y, area.x1, y + h}, t.colors.warning, t.cornerRadius);
        ui.text(busy, {area.x0 + gap, y + gap, area.x1 - gap, y + h - gap}, FontRole::Large,
                t.colors.warningText, t.colors.warning, 0.5f);
        return;
    }

    const float buttonH = t.sizes.lowButtonHeight;
    const float half = (area.width() - gap) / 2;
    if (ui.button(session.tr("common.back"), {area.x0, y, area.x0 + half, y + buttonH})) {
        startOver();
        session.back();
        return;
    }
    bool go = ui.mainAction(session.tr("checkin.check_in"), {area.x0 + half + gap, y, area.x1, y + buttonH});
    y += buttonH + gap;
    keyboard_.draw(ui, code_, session.language(), {area.x0, y, area.x1, area.y1},
                   [&](std::string_view key) -> const std::string& { return session.tr(key); });
    if (!code_.empty() && errorKey_ == "checkin.code_empty") errorKey_.clear();
    if (go || keyboard_.enterPressed()) submit(session);
}

void AppointmentCodeScreen::drawMessage(Ui& ui, ResidentSession& session, Rect area,
                                        const std::string& message) {
    const Theme& t = ui.theme();
    const float gap = t.spacing;
    float y = area.y0;
    // On the warning colours with a bar beside it (not by colour alone), in the large font.
    const float indent = t.sizes.panelPadding;
    const float h = ui.measureHeight(message, area.width() - gap * 2 - indent, FontRole::Large) + gap * 2;
    ui.fill({area.x0, y, area.x1, y + h}, t.colors.warning, t.cornerRadius);
    ui.fill({area.x0, y, area.x0 + t.sizes.markerWidth, y + h}, t.colors.warningText);
    ui.text(message, {area.x0 + gap + indent, y + gap, area.x1 - gap, y + h - gap}, FontRole::Large,
            t.colors.warningText, t.colors.warning);
    y += h + gap * 2;
    const float buttonH = t.sizes.lowButtonHeight;
    const float half = (area.width() - gap) / 2;
    if (ui.button(session.tr("checkin.other_code"), {area.x0, y, area.x0 + half, y + buttonH})) {
        session.noteActivity();
        startOver();
    } else if (ui.mainAction(session.tr("ticket.done"), {area.x0 + half + gap, y, area.x1, y + buttonH})) {
        session.startAgain();
    }
}

}  // namespace wp::ui
