// WaitingListsPanel: one column per service — its name and whether it is open, paused or closed; for a
// service served at this counter "call next" and pause/resume; then who waits and how long. A waiting ticket
// chosen in the list shows its actions under it (call it, transfer it to another service, take it out of
// line); parked tickets can be resumed and no-shows undone. A list longer than its column pages ("Vorige H",
// "Meer H" under it), and a ticket chosen near the bottom moves up so its actions show. UI thread only.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "kiosk/ui/host/host_console.h"
#include "kiosk/ui/ui.h"

namespace wp::ui {

class WaitingListsPanel {
  public:
    void draw(Ui& ui, HostConsole& console, Rect area);

  private:
    std::int64_t selected_ = 0;    // a waiting ticket chosen in a list
    bool revealSelected_ = false;  // just chosen: page its list so the ticket and its actions show
    // Per service, the first row its list shows: a list longer than its column pages with "Vorige" and
    // "Meer" under it (rows: the waiting tickets with the chosen one's actions, then parked and no-shows).
    std::map<std::string, int> firstRow_;
};

}  // namespace wp::ui
