// The start screen: a welcome, the tiles from content/ whose service is live here (live_routes.h), each with
// its pictogram, the first ("Wachtnummer") drawn as the main action, and the two follow-up buttons ("Ik heb
// een afspraak", always, and "Status van mijn vraag").
#pragma once

#include "kiosk/ui/screen.h"

namespace wp::ui {

class StartScreen final : public Screen {
  public:
    void draw(Ui& ui, ResidentSession& session, Rect area) override;
};

}  // namespace wp::ui
