// "Wachtnummer", step one: which service the resident wants a number for. Each service is a tile with its
// name, what it helps with, and whether it is open now. An open one issues the ticket at once; a closed or
// paused one explains when it opens and offers an appointment.
#pragma once

#include "kiosk/ui/screen.h"

namespace wp::ui {

class ServiceChoiceScreen final : public Screen {
public:
    static constexpr const char* kId = "ticket-service";
    void onEnter(ResidentSession& session) override;
    void draw(Ui& ui, ResidentSession& session, Rect area) override;
};

}  // namespace wp::ui
