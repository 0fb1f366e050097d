// HandTicketsPanel: adding a ticket by hand — per service a button with a printed slip (when there is a
// printer) and one without — and under them the latest number added here, big, with what became of its slip,
// so the host can write it down when no slip came out. Room for that number is kept while there is none, so
// the buttons never move. Stateless; UI thread only.
#pragma once

#include "kiosk/ui/host/host_console.h"
#include "kiosk/ui/ui.h"

namespace wp::ui {

class HandTicketsPanel {
  public:
    // The height the panel takes in a column as wide as area.
    float height(Ui& ui, HostConsole& console, Rect area) { return layOut(ui, console, area, false); }
    // Draws the panel at the bottom of area.
    void draw(Ui& ui, HostConsole& console, Rect area) { layOut(ui, console, area, true); }

  private:
    // Returns the height it takes (draw = false only measures).
    float layOut(Ui& ui, HostConsole& console, Rect area, bool draw);
};

}  // namespace wp::ui
