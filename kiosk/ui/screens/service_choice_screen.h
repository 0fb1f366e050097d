// "Wachtnummer", step one: which service the resident wants a number for. Each service is a tile with its
// name, what it helps with, and whether it is open now. An open one issues the ticket at once; a closed or
// paused one explains when it opens and offers an appointment.
#pragma once

#include <string>

#include "kiosk/ui/screen.h"

namespace wp::ui {

// Takes a number of serviceId for the resident and opens what follows: the ticket screen, or the "closed"
// screen when the service issues no numbers now. The service choice and "Nu met iemand praten" (the
// question screens) both use it. The session must have a ticket flow whose choices have been read.
void takeTicketFor(ResidentSession& session, const std::string& serviceId);

class ServiceChoiceScreen final : public Screen {
  public:
    static constexpr const char* kId = "ticket-service";
    void onEnter(ResidentSession& session) override;
    void draw(Ui& ui, ResidentSession& session, Rect area) override;
};

}  // namespace wp::ui
