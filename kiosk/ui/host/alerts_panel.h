// AlertsPanel: the technical messages the host must not miss, each in its own box on the warning colour and
// in the words of host_alert_texts.h (what is wrong, what to do) — printer trouble, a lost connection to the
// central server, a request it refused — and under them the outbox: how many requests wait to be sent and
// when one last went. A resident's call for help is not here: HelpBanner draws it. Stateless; UI thread
// only.
#pragma once

#include "kiosk/ui/host/host_console.h"
#include "kiosk/ui/ui.h"

namespace wp::ui {

class AlertsPanel {
  public:
    void draw(Ui& ui, HostConsole& console, Rect area);
};

}  // namespace wp::ui
