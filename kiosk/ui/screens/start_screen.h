// The start screen: a welcome, the six service tiles from content/, and the two follow-up buttons
// ("Ik heb een afspraak", "Status van mijn vraag").
#pragma once

#include "kiosk/ui/screen.h"

namespace wp::ui {

class StartScreen final : public Screen {
  public:
    void draw(Ui& ui, ResidentSession& session, Rect area) override;
};

}  // namespace wp::ui
