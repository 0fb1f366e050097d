// FiguresPanel: today's figures, one line per service that had tickets — how many, served, no-shows, the
// average and longest wait and the average time at the counter. Stateless; UI thread only.
#pragma once

#include "kiosk/ui/host/host_console.h"
#include "kiosk/ui/ui.h"

namespace wp::ui {

class FiguresPanel {
  public:
    void draw(Ui& ui, HostConsole& console, Rect area);
};

}  // namespace wp::ui
