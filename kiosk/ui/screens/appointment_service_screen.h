// "Afspraak", step one: with which service. The agendas on offer come from the central server
// (kiosk/core/appointment_client.h, cached a short while): this contact point's services as tiles (the one
// the screen was opened for first), then "Op een andere plek" when other contact points offer appointments,
// which shows those (argument "elsewhere") with their place and address. While the offers are fetched it
// says so; when the server cannot be reached the unreachable screen takes its place. Choosing an agenda
// opens the day screen.
#pragma once

#include "kiosk/ui/screen.h"

namespace wp::ui {

class AppointmentServiceScreen final : public Screen {
  public:
    static constexpr const char* kId = "appointment-service";
    static constexpr const char* kElsewhere = "elsewhere";
    void onEnter(ResidentSession& session) override;
    void draw(Ui& ui, ResidentSession& session, Rect area) override;
};

}  // namespace wp::ui
