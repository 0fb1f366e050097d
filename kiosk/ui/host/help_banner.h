// HelpBanner: a resident's call for help ("Vraag het de gastvrouw of gastheer", ACCESSIBILITY.md #18) across
// the whole console under the top bar, in the theme's help colour — never the warning colour of the
// technical messages — one line per screen where someone asked, in the large font, with "Gezien" while a
// host is signed in (F5 for the oldest). The host role chimes when a call comes in
// (HostAlertBoard::takeNewCallForHelp). Stateless; UI thread only.
#pragma once

#include "kiosk/ui/host/host_console.h"
#include "kiosk/ui/ui.h"

namespace wp::ui {

class HelpBanner {
  public:
    // Draws at the top of area; returns its height (0 when nobody asks for help).
    float draw(Ui& ui, HostConsole& console, Rect area);
};

}  // namespace wp::ui
