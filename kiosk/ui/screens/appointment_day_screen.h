// "Afspraak", step two: which day. The next 14 days that have a free slot in the chosen agenda, soonest
// first, as large buttons with the weekday and the date in words ("maandag 7 december"), paged with
// "Eerder" / "Later" when they do not fit. The free slots come from the central server (cached a short
// while); while they are fetched it says so, and when the server cannot be reached the unreachable screen
// takes its place. No free day: it says so and offers a call back. Also the first step of a change by code.
#pragma once

#include "kiosk/ui/screen.h"

namespace wp::ui {

class AppointmentDayScreen final : public Screen {
  public:
    static constexpr const char* kId = "appointment-day";
    void onEnter(ResidentSession& session) override;
    void draw(Ui& ui, ResidentSession& session, Rect area) override;

  private:
    int page_ = 0;
};

}  // namespace wp::ui
