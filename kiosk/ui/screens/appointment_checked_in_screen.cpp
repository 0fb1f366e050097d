#include "kiosk/ui/screens/appointment_checked_in_screen.h"

#include <algorithm>

#include "kiosk/core/appointment_checkin.h"
#include "kiosk/core/ticket_flow.h"
#include "kiosk/ui/screens/ticket_screen.h"

namespace wp::ui {

void AppointmentCheckedInScreen::draw(Ui& ui, ResidentSession& session, Rect area) {
    const Theme& t = ui.theme();
    const auto& c = t.colors;
    const float gap = t.spacing;
    const float w = std::min(area.width(), t.sizes.buttonWidth);
    const float bx = area.x0 + (area.width() - w) / 2;
    const float buttonH = t.sizes.buttonHeight;
    float y = area.y0;

    TicketFlow* flow = session.ticketFlow();
    AppointmentCheckin* checkin = session.appointmentCheckin();
    if (flow == nullptr || !flow->ticket() || checkin == nullptr) {
        // No ticket could be issued (the database failed): a person helps.
        y += ui.text(session.tr("checkin.no_ticket"), {area.x0, y, area.x1, area.y1}, FontRole::Large, c.text,
                     c.background, 0.5f);
        y += gap * 2;
        if (ui.mainAction(session.tr("ticket.done"), {bx, y, bx + w, y + buttonH})) session.startAgain();
        return;
    }
    const Ticket& ticket = flow->ticket()->ticket;
    const bool late = checkin->state() == AppointmentCheckin::State::TooLate;
    y += ui.text(session.tr(late ? "checkin.late_title" : "checkin.done_title"),
                 {area.x0, y, area.x1, area.y1}, FontRole::Title, c.text, c.background, 0.5f);
    y += gap;
    y += ui.text(session.tr("ticket.your_number"), {area.x0, y, area.x1, area.y1}, FontRole::Large, c.text,
                 c.background, 0.5f);
    y +=
        ui.text(ticket.display, {area.x0, y, area.x1, area.y1}, FontRole::Ticket, c.text, c.background, 0.5f);
    for (const Service& s : session.bundle().services)
        if (s.id == ticket.serviceId)
            y += ui.text(session.tr(s.nameKey), {area.x0, y, area.x1, area.y1}, FontRole::Title, c.text,
                         c.background, 0.5f);
    y += gap;

    std::string when;
    if (ticket.state == TicketState::Called || ticket.state == TicketState::Serving)
        when = fillIn(session.tr("ticket.called"), {{"counter", ticket.counter}});
    else if (late)
        when = session.tr("checkin.late_explained");
    else if (ticket.bookedStart)
        when =
            fillIn(session.tr("checkin.called_at"), {{"time", formatLocalHourMinute(*ticket.bookedStart)}});
    y += ui.text(when, {area.x0, y, area.x1, area.y1}, FontRole::Large, c.text, c.background);
    y += gap;
    if (late)
        for (const std::string& line : flow->queueLines(session.texts(), session.language())) {
            y += ui.text(line, {area.x0, y, area.x1, area.y1}, FontRole::Body, c.text, c.background);
            y += t.sizes.lineGap;
        }

    y = drawTicketPrintLine(ui, session, flow->printState(), ticket.display, area, y);
    if (ui.mainAction(session.tr("ticket.done"), {bx, y, bx + w, y + buttonH})) session.startAgain();
}

}  // namespace wp::ui
