// "Wachtnummer", step two: the number, big, until "Klaar" or the idle timeout; the service, the place in
// line, the estimated wait, the time, a QR code for the queue page, and whether the ticket printed. When
// printing fails the resident is told to remember the number; when no number could be made, where to go.
// On a kiosk with an SMS gateway a waiting ticket also offers text messages (sms_number_screen.h).
#pragma once

#include <string>

#include "kiosk/core/ticket_flow.h"
#include "kiosk/ui/screen.h"

namespace wp::ui {

class TicketScreen final : public Screen {
  public:
    static constexpr const char* kId = "ticket";
    void draw(Ui& ui, ResidentSession& session, Rect area) override;
};

// Whether the ticket's paper came out, in a band across area from y: when it did not, the resident is told
// to remember number (on a warning background when printing failed). Returns where the next part starts.
float drawTicketPrintLine(Ui& ui, ResidentSession& session, TicketFlow::PrintState state,
                          const std::string& number, Rect area, float y);

}  // namespace wp::ui
