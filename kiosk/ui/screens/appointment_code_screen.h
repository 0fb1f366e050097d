// "Ik heb een afspraak": the resident types the booking code on the on-screen keyboard, or holds the slip's
// QR code to the scanner (a USB scanner types the code and Enter like a keyboard, which the keyboard takes
// as typed text), and checks in (kiosk/core/appointment_checkin.h). A check-in, or a walk-in ticket for a
// resident who is too late, opens "appointment-checked-in"; a booking of another day or place opens
// "appointment-found". Too early, a wrong code, too many wrong codes and a server that cannot be asked are
// explained here, in plain words. The typed code and the outcome are wiped when the resident leaves the
// screen and by the session's wipe: the screen and its keyboard are personal-data holders on its list.
#pragma once

#include <string>

#include "kiosk/core/resident_session.h"
#include "kiosk/core/text_entry.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/screen.h"

namespace wp::ui {

class AppointmentCodeScreen final : public Screen, public PersonalDataHolder {
  public:
    static constexpr const char* kId = "appointment-code";
    explicit AppointmentCodeScreen(ResidentSession& session);
    void draw(Ui& ui, ResidentSession& session, Rect area) override;
    void onEnter(ResidentSession& session) override;
    void onLeave(ResidentSession& session) override;

    std::string_view holderName() const override { return "appointment-code screen"; }
    void wipe() override;
    bool holdsNothing() const override;

  private:
    enum class View { Typing, Busy, TooEarly, Trouble };
    void startOver();
    void submit(ResidentSession& session);
    void collect(ResidentSession& session);
    void drawTyping(Ui& ui, ResidentSession& session, Rect area);
    void drawMessage(Ui& ui, ResidentSession& session, Rect area, const std::string& message);

    ResidentSession& session_;
    TextEntry code_{EntryKind::BookingCode, 8};
    Keyboard keyboard_{"appointment-code keyboard"};
    View view_ = View::Typing;
    std::string errorKey_;  // under the field
    std::string message_;   // TooEarly and Trouble: what the screen says
    // Last: they end before what they register.
    PersonalDataRegistration screenHolder_, keyboardHolder_;
};

}  // namespace wp::ui
