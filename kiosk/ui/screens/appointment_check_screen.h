// "Afspraak", step five: everything in plain words before it is made — what, where, when, and (for a new
// booking) the name, phone and e-mail — with "Afspraak maken" (for a change by code: "Afspraak verzetten")
// as the main action. While the central server works it says so. Then: made -> the done screen; the time
// was taken meanwhile -> it says so and offers to choose another; known not made -> the unreachable screen
// with its call back; not known (no answer after every try) -> it says plainly that the booking may exist,
// asks not to book again and sends the resident to the host with the facts ("Roep de gastvrouw of gastheer"
// alerts the host console).
#pragma once

#include "kiosk/ui/screen.h"

namespace wp::ui {

class AppointmentCheckScreen final : public Screen {
  public:
    static constexpr const char* kId = "appointment-check";
    void onEnter(ResidentSession& session) override;
    void draw(Ui& ui, ResidentSession& session, Rect area) override;

  private:
    enum class View { Check, Busy, Taken, Unknown, Gone };
    View view_ = View::Check;
};

}  // namespace wp::ui
