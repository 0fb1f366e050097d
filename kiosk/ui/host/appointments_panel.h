// AppointmentsPanel: today's appointments of this contact point at the host console — per booking its time,
// service, name, code and state in words (arrived, not yet, no-show: never by colour alone) — and the host's
// corrections: "niet gekomen" for a booking whose time has come without a check-in, and taking a no-show
// back. Draws from the console's snapshot; acts through the AppointmentBoard
// (kiosk/core/appointment_board.h). Stateless but for the page shown; UI thread only.
#pragma once

#include "kiosk/ui/host/host_console.h"
#include "kiosk/ui/ui.h"

namespace wp::ui {

class AppointmentsPanel {
  public:
    void draw(Ui& ui, HostConsole& console, Rect area);

  private:
    int first_ = 0;  // the first booking shown when they do not all fit
};

}  // namespace wp::ui
