// CounterPanel: the ticket at this counter, on the warning colour so it cannot be missed — the oldest call
// with its state, what can be done to it (call again, start serving, finish with an outcome, no-show, park,
// put back) and a button per other service to transfer it to. Stateless; UI thread only.
#pragma once

#include "kiosk/ui/host/host_console.h"
#include "kiosk/ui/ui.h"

namespace wp::ui {

class CounterPanel {
  public:
    // Draws at the top of area; returns where its box ends.
    float draw(Ui& ui, HostConsole& console, Rect area);
};

}  // namespace wp::ui
