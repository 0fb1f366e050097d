#include "kiosk/ui/screens/appointment_contact_screen.h"

#include "kiosk/ui/screens/appointment_parts.h"

namespace wp::ui {

AppointmentContactScreen::AppointmentContactScreen(ResidentSession& session)
    : screenHolder_(session.registerHolder(*this)), keyboardHolder_(session.registerHolder(keyboard_)) {}

void AppointmentContactScreen::onEnter(ResidentSession& /*session*/) {
    wipe();
}

void AppointmentContactScreen::wipe() {
    step_ = 0;
    errorKey_.clear();
    keyboard_.wipe();
}

void AppointmentContactScreen::draw(Ui& ui, ResidentSession& session, Rect area) {
    const Theme& t = ui.theme();
    const float gap = t.spacing;
    AppointmentBooking* booking = session.appointmentBooking();
    float y = area.y0;
    static constexpr const char* kTitles[] = {"appointment.name_title", "appointment.phone_title",
                                              "appointment.email_title"};
    static constexpr const char* kLabels[] = {"appointment.name_label", "appointment.phone_label",
                                              "appointment.email_label"};
    static constexpr const char* kBodies[] = {"appointment.privacy", "appointment.phone_body",
                                              "appointment.email_body"};
    y += appointmentTitle(ui, session.tr(kTitles[step_]), area);
    if (booking == nullptr) {
        onlyBack(ui, session, area, y);
        return;
    }
    y += ui.text(session.tr(kBodies[step_]), {area.x0, y, area.x1, area.y1}, FontRole::Body, t.colors.text,
                 t.colors.background) +
         gap / 2;
    TextEntry& entry = step_ == 0 ? booking->name() : step_ == 1 ? booking->phone() : booking->email();
    const std::string error = errorKey_.empty() ? std::string() : session.tr(errorKey_);
    y += textField(ui, entry, session.tr(kLabels[step_]), {area.x0, y, area.x1, y}, error) + gap;
    bool back = false, go = false;
    backAndMain(ui, session, session.tr("appointment.next"), area, y, back, go);
    y += t.sizes.buttonHeight + gap;
    keyboard_.draw(ui, entry, session.language(), {area.x0, y, area.x1, area.y1},
                   [&](std::string_view key) -> const std::string& { return session.tr(key); });
    if (back) {
        session.noteActivity();
        errorKey_.clear();
        keyboard_.reset();
        if (step_ == 0)
            session.back();
        else
            --step_;
        return;
    }
    if (!go && !keyboard_.enterPressed()) return;
    session.noteActivity();
    errorKey_ = step_ == 0   ? booking->checkName()
                : step_ == 1 ? booking->checkPhone()
                             : booking->checkEmail();
    if (!errorKey_.empty()) return;
    keyboard_.reset();
    if (step_ < 2)
        ++step_;
    else
        session.open({kAppointmentCheckScreen, {}});
}

}  // namespace wp::ui
