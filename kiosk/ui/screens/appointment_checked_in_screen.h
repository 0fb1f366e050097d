// "appointment-checked-in": the resident is in the host's queue. After a check-in: the appointment ticket's
// number, the booked time and that the number is called around then; for a resident too late for the
// appointment: a plain word why, and the normal walk-in ticket they got instead. Whether the ticket printed,
// as on the ticket screen. Reads the ticket flow, which shows the check-in's ticket (TicketFlow::adopt) and
// is wiped with the session.
#pragma once

#include "kiosk/ui/screen.h"

namespace wp::ui {

class AppointmentCheckedInScreen final : public Screen {
  public:
    static constexpr const char* kId = "appointment-checked-in";
    void draw(Ui& ui, ResidentSession& session, Rect area) override;
};

}  // namespace wp::ui
