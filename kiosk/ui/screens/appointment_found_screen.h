// "appointment-found": what a booking code found that cannot be checked in here today — a booking of another
// day or at another contact point. Says when and where it is, that check-in is on that day at that place,
// and offers "Afspraak verzetten" and "Afspraak afzeggen" (the "appointment-change" and "appointment-cancel"
// screens, with the code as argument) where appointments are live here (live_routes.h). Reads the check-in's
// answer (kiosk/core/appointment_checkin.h), which the session's wipe forgets.
#pragma once

#include "kiosk/ui/screen.h"

namespace wp::ui {

class AppointmentFoundScreen final : public Screen {
  public:
    static constexpr const char* kId = "appointment-found";
    void draw(Ui& ui, ResidentSession& session, Rect area) override;
};

}  // namespace wp::ui
