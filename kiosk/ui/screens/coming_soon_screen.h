// "Comes soon": what a tile opens until its own issue lands. Names the service, says plainly that it is
// not here yet and that the host can help now, and offers the way back.
#pragma once

#include "kiosk/ui/screen.h"

namespace wp::ui {

class ComingSoonScreen final : public Screen {
  public:
    static constexpr const char* kId = "coming-soon";
    void draw(Ui& ui, ResidentSession& session, Rect area) override;
};

}  // namespace wp::ui
