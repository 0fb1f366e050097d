// "Sms mij als ik bijna aan de beurt ben": the mobile number, after the ticket is taken (the ticket screen
// offers it). One plain sentence says what the number is for and that it is deleted when the ticket is
// done; the resident types a Dutch mobile number on the numeric keyboard and "Stuur mij een sms" stores it
// with the ticket (kiosk/core/sms_opt_in.h), then the ticket screen comes back and says where the text goes.
// A wrong or empty number is named under the field. The typed number lives in the SmsOptIn (a holder on the
// session's list); the keyboard is the numeric pad, which keeps nothing of its own between frames (no
// layers, no scanner text: kiosk/ui/keyboard.cpp), and is reset whenever the screen comes up or goes.
#pragma once

#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/screen.h"

namespace wp::ui {

class SmsNumberScreen final : public Screen {
  public:
    static constexpr const char* kId = "sms-number";
    void draw(Ui& ui, ResidentSession& session, Rect area) override;
    void onEnter(ResidentSession& session) override;
    void onLeave(ResidentSession& session) override;

  private:
    // Forgets what was typed here (the number, its error, the keyboard's state).
    void startOver(ResidentSession& session);

    Keyboard keyboard_{"sms keyboard"};
};

}  // namespace wp::ui
