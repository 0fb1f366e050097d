#include "kiosk/ui/screens/ticket_closed_screen.h"

#include "kiosk/ui/screens/live_routes.h"
#include "kiosk/ui/screens/walk_in_text.h"

namespace wp::ui {

void TicketClosedScreen::draw(Ui& ui, ResidentSession& session, Rect area) {
    const Theme& t = ui.theme();
    const auto& c = t.colors;
    const std::string& serviceId = session.screen().arg;
    const TicketFlow::Choice* choice =
        session.ticketFlow() ? session.ticketFlow()->choice(serviceId) : nullptr;
    const Service* service = choice ? choice->service : nullptr;
    const bool paused = choice && choice->status.state == WalkInState::Paused;
    const std::string name = service ? session.tr(service->nameKey) : serviceId;

    float y = area.y0;
    y += ui.text(
        fillIn(session.tr(paused ? "ticket.paused_title" : "ticket.closed_title"), {{"service", name}}),
        {area.x0, y, area.x1, area.y1}, FontRole::Title, c.text, c.background, 0.5f);
    y += t.spacing * 2;
    if (choice && choice->status.nextOpening) {
        y += ui.text(fillIn(session.tr("ticket.reopens"),
                            {{"when", describeMoment(session, *choice->status.nextOpening)}}),
                     {area.x0, y, area.x1, area.y1}, FontRole::Large, c.text, c.background, 0.5f);
        y += t.spacing * 2;
    }
    y += ui.text(session.tr("ticket.closed_body"), {area.x0, y, area.x1, area.y1}, FontRole::Body, c.text,
                 c.background, 0.5f);
    y += t.spacing * 2;

    drawOfferAndBack(ui, session, area, y, serviceId);
}

}  // namespace wp::ui
