// AlertsPanel: what the host must not miss, each alert in its own box on the warning colour — a resident
// asking for the host (with "seen" while signed in), printer trouble, a lost connection to the central
// server, a request it refused — and under them the outbox: how many requests wait to be sent and when one
// last went. Stateless; UI thread only.
#pragma once

#include "kiosk/ui/host/host_console.h"
#include "kiosk/ui/ui.h"

namespace wp::ui {

class AlertsPanel {
  public:
    void draw(Ui& ui, HostConsole& console, Rect area);
};

}  // namespace wp::ui
