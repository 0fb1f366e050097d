// When an appointment cannot be made because the central server cannot be reached (or it refused the
// booking, which was then not made): plain words that booking needs the central server, and "Bel mij terug"
// as the main action, which starts the appointment-callback request (sent through the outbox when the
// server is back) with the service of the screen's argument filled in.
#pragma once

#include "kiosk/ui/screen.h"

namespace wp::ui {

class AppointmentUnreachableScreen final : public Screen {
  public:
    static constexpr const char* kId = "appointment-unreachable";
    void draw(Ui& ui, ResidentSession& session, Rect area) override;
};

}  // namespace wp::ui
