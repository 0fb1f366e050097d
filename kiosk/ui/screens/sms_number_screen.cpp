#include "kiosk/ui/screens/sms_number_screen.h"

#include "kiosk/core/sms_opt_in.h"

namespace wp::ui {

void SmsNumberScreen::startOver(ResidentSession& session) {
    keyboard_.wipe();
    if (SmsOptIn* optIn = session.smsOptIn()) {
        optIn->number().wipe();
        optIn->clearError();
    }
}

void SmsNumberScreen::onEnter(ResidentSession& session) {
    startOver(session);
}

void SmsNumberScreen::onLeave(ResidentSession& session) {
    startOver(session);
}

void SmsNumberScreen::draw(Ui& ui, ResidentSession& session, Rect area) {
    const Theme& t = ui.theme();
    const float gap = t.spacing;
    float y = area.y0;
    y += ui.text(session.tr("sms.title"), {area.x0, y, area.x1, y + t.titleSize * 2.5f}, FontRole::Title,
                 t.colors.text, t.colors.background, 0.5f);
    y += gap / 2;
    y += ui.text(session.tr("sms.purpose"), {area.x0, y, area.x1, area.y1}, FontRole::Body, t.colors.text,
                 t.colors.background);
    y += gap / 2;
    SmsOptIn* optIn = session.smsOptIn();
    if (optIn == nullptr) {  // no gateway on this kiosk: the ticket screen never opens this one
        // The only way on: the main action.
        if (ui.mainAction(session.tr("common.back"), {area.x0, y, area.x1, y + t.sizes.lowButtonHeight}))
            session.back();
        return;
    }
    const std::string error = optIn->errorKey().empty() ? std::string() : session.tr(optIn->errorKey());
    y += textField(ui, optIn->number(), session.tr("sms.number_label"), {area.x0, y, area.x1, y}, error);
    y += gap;

    const float buttonH = t.sizes.lowButtonHeight;
    const float half = (area.width() - gap) / 2;
    if (ui.button(session.tr("common.back"), {area.x0, y, area.x0 + half, y + buttonH})) {
        startOver(session);
        session.back();
        return;
    }
    const bool save = ui.mainAction(session.tr("sms.save"), {area.x0 + half + gap, y, area.x1, y + buttonH});
    y += buttonH + gap;
    keyboard_.draw(ui, optIn->number(), session.language(), {area.x0, y, area.x1, area.y1},
                   [&](std::string_view key) -> const std::string& { return session.tr(key); });
    if (!optIn->number().empty() && optIn->errorKey() == "sms.number_empty") optIn->clearError();
    if (save || keyboard_.enterPressed()) {
        session.noteActivity();
        if (optIn->submit(session.language()) == SmsOptIn::Outcome::Saved) {
            keyboard_.wipe();
            session.back();  // the ticket screen, which now says where the text goes
        }
    }
}

}  // namespace wp::ui
