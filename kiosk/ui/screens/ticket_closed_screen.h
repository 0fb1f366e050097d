// A service that issues no tickets now (outside walk-in hours, or paused by the host): says so, says when
// it opens again, and offers what the kiosk offers in the place of an appointment (live_routes.h: "Bel mij
// terug") as its main action, "Terug" beside it.
#pragma once

#include "kiosk/ui/screen.h"

namespace wp::ui {

class TicketClosedScreen final : public Screen {
  public:
    static constexpr const char* kId = "ticket-closed";
    void draw(Ui& ui, ResidentSession& session, Rect area) override;
};

}  // namespace wp::ui
