// CounterPanel: the ticket at this counter, on the warning colour so it cannot be missed — the oldest call
// with its state and what can be done to it, the most used first: "Klaar en volgende" (finish as helped and
// call the next one), call again, no-show, finish without calling, the other outcomes, start serving, park,
// put back; then a button per other service to transfer it to. With nobody at the counter: "Volgende".
// Under them the host's choice of where the next ticket comes from (the same service, or the longest wait
// across the counter's services), when the counter serves more than one.
//
// Shortcut keys, shown on their buttons: Enter "Klaar en volgende" (or "Volgende"), F2 call again, F3
// no-show, F4 finish without calling. Stateless; UI thread only.
#pragma once

#include "kiosk/ui/host/host_console.h"
#include "kiosk/ui/ui.h"

namespace wp::ui {

class CounterPanel {
  public:
    // Draws at the top of area; returns where its box ends.
    float draw(Ui& ui, HostConsole& console, Rect area);

  private:
    // The choice of where the next ticket comes from ("Volgende nummer uit:" and two buttons), h high at
    // (x, y); nothing, and a width of 0, when the counter serves one service.
    static float nextFromWidth(Ui& ui, HostConsole& console);
    static void drawNextFrom(Ui& ui, HostConsole& console, float x, float y, float h);
};

}  // namespace wp::ui
