// "Comes soon": what a tile or button opens whose service is not at this kiosk. Names what
// was asked for, says plainly that it is not here yet and that the host can help now, and offers what the
// kiosk can do instead ("Bel mij terug") as its main action, then the way back. The start
// screen leaves out tiles that would open it.
#pragma once

#include "kiosk/ui/screen.h"

namespace wp::ui {

class ComingSoonScreen final : public Screen {
  public:
    static constexpr const char* kId = "coming-soon";
    void draw(Ui& ui, ResidentSession& session, Rect area) override;
};

}  // namespace wp::ui
