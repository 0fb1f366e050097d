#include "kiosk/ui/screens/ticket_screen.h"

#include <algorithm>

#include "kiosk/core/qr_code.h"
#include "kiosk/core/sms_opt_in.h"
#include "kiosk/ui/screens/sms_number_screen.h"

namespace wp::ui {

float drawTicketPrintLine(Ui& ui, ResidentSession& session, TicketFlow::PrintState state,
                          const std::string& number, Rect area, float y) {
    const Theme& t = ui.theme();
    const auto& c = t.colors;
    std::string printLine;
    bool trouble = false;
    switch (state) {
        case TicketFlow::PrintState::None:
            printLine = fillIn(session.tr("ticket.no_printer"), {{"number", number}});
            break;
        case TicketFlow::PrintState::Printing:
            printLine = session.tr("ticket.printing");
            break;
        case TicketFlow::PrintState::Printed:
            printLine = session.tr("ticket.printed");
            break;
        case TicketFlow::PrintState::Failed:
            printLine = fillIn(session.tr("ticket.print_failed"), {{"number", number}});
            trouble = true;
            break;
    }
    const float pad = t.spacing;
    const float lineH = ui.measureHeight(printLine, area.width() - pad * 2, FontRole::Large);
    const Rect box{area.x0, y, area.x1, y + lineH + pad * 2};
    ui.fill(box, trouble ? c.warning : c.background, t.cornerRadius);
    ui.text(printLine, {box.x0 + pad, box.y0 + pad, box.x1 - pad, box.y1}, FontRole::Large,
            trouble ? c.warningText : c.text, trouble ? c.warning : c.background, 0.5f);
    return box.y1 + t.spacing * 2;
}

void TicketScreen::draw(Ui& ui, ResidentSession& session, Rect area) {
    const Theme& t = ui.theme();
    const auto& c = t.colors;
    TicketFlow* flow = session.ticketFlow();
    const float w = std::min(area.width(), t.sizes.buttonWidth);
    const float buttonH = t.sizes.buttonHeight;
    const float lineGap = t.sizes.lineGap;
    const float bx = area.x0 + (area.width() - w) / 2;
    float y = area.y0;

    if (flow == nullptr || !flow->ticket()) {
        y += ui.text(session.tr("ticket.failed"), {area.x0, y, area.x1, area.y1}, FontRole::Large, c.text,
                     c.background, 0.5f);
        y += t.spacing * 2;
        if (ui.mainAction(session.tr("common.back"), {bx, y, bx + w, y + buttonH})) session.back();
        return;
    }
    const TicketView& view = *flow->ticket();
    const Ticket& ticket = view.ticket;
    const Service* service = nullptr;
    for (const Service& s : session.bundle().services)
        if (s.id == ticket.serviceId) service = &s;

    y += ui.text(session.tr("ticket.your_number"), {area.x0, y, area.x1, area.y1}, FontRole::Large, c.text,
                 c.background, 0.5f);
    y +=
        ui.text(ticket.display, {area.x0, y, area.x1, area.y1}, FontRole::Ticket, c.text, c.background, 0.5f);
    if (service)
        y += ui.text(session.tr(service->nameKey), {area.x0, y, area.x1, area.y1}, FontRole::Title, c.text,
                     c.background, 0.5f);
    y += t.spacing;

    if (ticket.state == TicketState::Called || ticket.state == TicketState::Serving) {
        // Called by a host while the screen is still open: where to go now, in the place of the wait and the
        // queue page (they are over).
        const std::string line = fillIn(session.tr("ticket.called"), {{"counter", ticket.counter}});
        const float h = ui.measureHeight(line, area.width() - t.spacing * 2, FontRole::Title) + t.spacing * 2;
        ui.fill({area.x0, y, area.x1, y + h}, c.warning, t.cornerRadius);
        ui.text(line, {area.x0 + t.spacing, y + t.spacing, area.x1 - t.spacing, y + h}, FontRole::Title,
                c.warningText, c.warning, 0.5f);
        y += h + t.spacing;
    } else {
        // The facts on the left, the QR code for the queue page on the right.
        const float qrSide = t.sizes.qrSize;
        const Rect facts{area.x0, y, area.x1 - qrSide - t.spacing, area.y1};
        float fy = y;
        // The place in line and the wait in the printed ticket's words (kiosk/core/ticket_words.h).
        for (const std::string& line : flow->queueLines(session.texts(), session.language())) {
            fy += ui.text(line, {facts.x0, fy, facts.x1, facts.y1}, FontRole::Body, c.text, c.background);
            fy += lineGap;
        }
        fy += ui.text(
            fillIn(session.tr("ticket.issued_at"), {{"time", formatLocalHourMinute(ticket.issuedAt)}}),
            {facts.x0, fy, facts.x1, facts.y1}, FontRole::Body, c.text, c.background);
        fy += lineGap;
        fy += ui.text(session.bundle().settings.contactPoint.name, {facts.x0, fy, facts.x1, facts.y1},
                      FontRole::Body, c.text, c.background);
        fy += lineGap;
        fy += ui.text(session.tr("ticket.resident_line"), {facts.x0, fy, facts.x1, facts.y1}, FontRole::Body,
                      c.text, c.background);
        float qy = y;
        if (auto qr = encodeQr(flow->queuePageUrl(ticket))) {
            ui.qrCode(*qr, {area.x1 - qrSide, qy, area.x1, qy + qrSide}, {0, 0, 0, 1}, {1, 1, 1, 1});
            qy += qrSide + lineGap;
            qy += ui.text(session.tr("ticket.qr_caption"), {area.x1 - qrSide, qy, area.x1, area.y1},
                          FontRole::Body, c.text, c.background, 0.5f);
        }
        y = std::max(fy, qy) + t.spacing * 2;
    }

    y = drawTicketPrintLine(ui, session, flow->printState(), ticket.display, area, y);

    // Opt-in text messages, after the ticket (kiosk/ui/screens/sms_number_screen.h).
    if (const SmsOptIn* sms = session.smsOptIn()) {
        if (sms->offered()) {
            const float offerH = t.sizes.lowButtonHeight;  // secondary: lower than "Klaar"
            if (ui.button(session.tr("sms.offer"), {bx, y, bx + w, y + offerH}, FontRole::Body))
                session.open({SmsNumberScreen::kId, {}});
            y += offerH + t.spacing / 2;
        } else if (sms->subscribed()) {
            y += ui.text(fillIn(session.tr("sms.subscribed"), {{"number", sms->shownNumber()}}),
                         {area.x0, y, area.x1, area.y1}, FontRole::Body, c.text, c.background, 0.5f);
            y += t.spacing / 2;
        }
    }

    if (ui.mainAction(session.tr("ticket.done"), {bx, y, bx + w, y + buttonH})) session.startAgain();
}

}  // namespace wp::ui
