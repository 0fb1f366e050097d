// Changing or cancelling a booking by its code (the screen's argument; the check-in part's
// "appointment-found" screen opens these). Both look the booking up at the central server first and show
// it. Change: "Kies een nieuwe tijd" starts a change (kiosk/core/appointment_booking.h) and opens the day
// screen; the time, check and done screens follow as for a new booking, and the done screen prints a new
// slip. Cancel: "Wilt u uw afspraak op ... afzeggen?" with "Afspraak afzeggen" as the main action, then
// that it is cancelled. A code the server does not know, too many wrong codes and an unreachable server are
// each said in plain words.
#pragma once

#include "kiosk/ui/screen.h"

namespace wp::ui {

class AppointmentByCodeScreen : public Screen {
  public:
    explicit AppointmentByCodeScreen(bool cancel) : cancel_(cancel) {}
    void onEnter(ResidentSession& session) override;
    void draw(Ui& ui, ResidentSession& session, Rect area) override;

  private:
    enum class View { Busy, Found, Cancelling, Cancelled, Problem };
    const bool cancel_;
    View view_ = View::Busy;
    std::string problemKey_;
};

class AppointmentChangeScreen final : public AppointmentByCodeScreen {
  public:
    static constexpr const char* kId = "appointment-change";
    AppointmentChangeScreen() : AppointmentByCodeScreen(false) {}
};

class AppointmentCancelScreen final : public AppointmentByCodeScreen {
  public:
    static constexpr const char* kId = "appointment-cancel";
    AppointmentCancelScreen() : AppointmentByCodeScreen(true) {}
};

}  // namespace wp::ui
