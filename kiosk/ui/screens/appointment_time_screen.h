// "Afspraak", step three: what time on the chosen day. The free slots of that day as large buttons
// ("10:15"), soonest first, three to a row, paged with "Eerder" / "Later" when they do not fit. Choosing one
// opens the name and phone screen (or, for a change by code, the check).
#pragma once

#include "kiosk/ui/screen.h"

namespace wp::ui {

class AppointmentTimeScreen final : public Screen {
  public:
    static constexpr const char* kId = "appointment-time";
    void onEnter(ResidentSession& /*session*/) override { page_ = 0; }
    void draw(Ui& ui, ResidentSession& session, Rect area) override;

  private:
    int page_ = 0;
};

}  // namespace wp::ui
