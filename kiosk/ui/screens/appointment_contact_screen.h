// "Afspraak", step four: who comes, one question at a time — the name, the phone number (checked as every
// phone field of the request flows is: kiosk/core/form_validation.h), then an e-mail address for a
// confirmation, which may be left empty. Each has the kiosk's own text field and on-screen keyboard; a wrong
// answer is named under its field. The first question says what the data is used for and when it is wiped.
// The typed text lives in the AppointmentBooking (a holder on the session's list); the keyboard is this
// screen's and is registered with the session too.
#pragma once

#include <string>

#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/screen.h"

namespace wp::ui {

class AppointmentContactScreen final : public Screen, public PersonalDataHolder {
  public:
    static constexpr const char* kId = "appointment-contact";
    explicit AppointmentContactScreen(ResidentSession& session);
    void onEnter(ResidentSession& session) override;
    void draw(Ui& ui, ResidentSession& session, Rect area) override;

    // --- PersonalDataHolder: which question is shown and the error under it.
    std::string_view holderName() const override { return "appointment-contact screen"; }
    void wipe() override;
    bool holdsNothing() const override { return step_ == 0 && errorKey_.empty(); }

  private:
    int step_ = 0;  // 0 name, 1 phone, 2 e-mail
    std::string errorKey_;
    Keyboard keyboard_{"appointment keyboard"};
    PersonalDataRegistration screenHolder_, keyboardHolder_;  // last: they end first
};

}  // namespace wp::ui
