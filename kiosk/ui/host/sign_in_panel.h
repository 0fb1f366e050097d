// SignInPanel: the host console while nobody is signed in, or while it is locked after idling — the hosts of
// this contact point, one button each, and for the chosen one a PIN pad. The PIN shows as dots only and is
// wiped after every attempt; a wrong PIN says how many tries are left, and after too many the panel only says
// until when the console refuses PINs. UI thread only.
#pragma once

#include <string>

#include "kiosk/ui/host/host_console.h"
#include "kiosk/ui/ui.h"

namespace wp::ui {

class SignInPanel {
  public:
    void draw(Ui& ui, HostConsole& console, Rect area);
    // Forgets the chosen host and what was typed (the host signed out).
    void forgetHost();
    // True while a host is chosen and their PIN pad is shown: then Enter signs in.
    bool pinPadShown() const { return !chosenHost_.empty(); }

  private:
    void drawPinPad(Ui& ui, HostConsole& console, Rect area);

    std::string chosenHost_;  // the host whose PIN is being typed
    std::string pin_;         // digits typed so far; wiped after each attempt
};

}  // namespace wp::ui
