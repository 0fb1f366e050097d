#include "kiosk/ui/host/hand_tickets_panel.h"

#include <algorithm>

#include "kiosk/core/ticket_flow.h"

namespace wp::ui {

float HandTicketsPanel::layOut(Ui& ui, HostConsole& console, Rect area, bool draw) {
    const Theme& t = ui.theme();
    const auto& c = t.colors;
    HostDesk& desk = console.desk();
    auto tr = [&](std::string_view key) -> const std::string& { return console.tr(key); };
    const Theme::Sizes& z = t.sizes;
    const float w = area.width();
    const float top = draw ? area.y1 - layOut(ui, console, area, false) : area.y0;  // bottom-aligned
    float y = top;
    const std::string& title = tr("console.hand_title");
    if (draw) ui.text(title, {area.x0, y, area.x1, area.y1}, FontRole::Large, c.text, c.background);
    y += ui.measureHeight(title, w, FontRole::Large) + z.lineGap;

    // Per service: with a slip (when there is a printer) and without.
    const bool printer = desk.hasPrinter();
    // A button as tall as a list row, or as its label needs inside the button's padding.
    const float gap = z.lineGap, bh = z.consoleRowHeight, labelPad = z.controlPadding * 2;
    const float bw = printer ? (w - gap) / 2 : w;
    for (const Service& s : desk.services()) {
        const std::string withSlip = fillIn(tr("console.add_print"), {{"prefix", s.prefix}});
        const std::string without = fillIn(tr("console.add_no_print"), {{"prefix", s.prefix}});
        float h = std::max(bh, ui.measureHeight(without, bw - labelPad, FontRole::Body) + labelPad);
        if (printer) h = std::max(h, ui.measureHeight(withSlip, bw - labelPad, FontRole::Body) + labelPad);
        if (draw) {
            float x = area.x0;
            if (printer) {
                if (ui.button(withSlip, {x, y, x + bw, y + h}, FontRole::Body))
                    console.report(desk.addTicket(s.id, TicketOrigin::Host, true).status());
                x += bw + gap;
            }
            if (ui.button(without, {x, y, x + bw, y + h}, FontRole::Body))
                console.report(desk.addTicket(s.id, TicketOrigin::Host, false).status());
        }
        y += h + z.consoleGap;
    }

    // The latest number added here, big, with what became of its slip. Room for it is kept when there is
    // none yet, so the buttons above never move.
    y += z.consoleGap;
    const float pad = z.panelPadding, between = z.lineGap / 2;
    const float line = ui.measureHeight("X", w, FontRole::Body);
    const float numberH = ui.measureHeight("H-000", w, FontRole::Ticket);
    const auto& added = desk.lastAdded();
    std::string detail, paper;
    bool warn = false;
    if (added) {
        const Ticket& ticket = added->view.ticket;
        detail = fillIn(tr("console.added_line"), {{"service", console.serviceName(ticket.serviceId)},
                                                   {"time", formatLocalHourMinute(ticket.issuedAt)}});
        if (added->view.peopleAhead >= 0)
            detail += " · " +
                      fillIn(tr("console.added_ahead"), {{"count", std::to_string(added->view.peopleAhead)}});
        switch (added->paper) {
            case AddedTicket::Paper::NotAsked:
                paper = tr("console.paper_not_asked");
                warn = true;
                break;
            case AddedTicket::Paper::NoPrinter:
                paper = tr("console.paper_no_printer");
                warn = true;
                break;
            case AddedTicket::Paper::Printing:
                paper = tr("console.paper_printing");
                break;
            case AddedTicket::Paper::Printed:
                paper = tr("console.paper_printed");
                break;
            case AddedTicket::Paper::Failed: {
                const char* reason = added->outcome == PrintOutcome::PaperOut   ? "console.reason_paper_out"
                                     : added->outcome == PrintOutcome::Offline  ? "console.reason_offline"
                                     : added->outcome == PrintOutcome::Rejected ? "console.reason_rejected"
                                                                                : "console.reason_retry";
                paper = fillIn(tr("console.paper_failed"), {{"reason", tr(reason)}});
                warn = true;
                break;
            }
        }
    }
    const float inner = w - 2 * pad;
    const float detailH = added ? ui.measureHeight(detail, inner, FontRole::Body) : line;
    const float paperH = std::max(2 * line, added ? ui.measureHeight(paper, inner, FontRole::Body) : 0.f);
    const float boxH = pad + numberH + between + detailH + between + paperH + pad;
    if (draw) {
        const Rgba& fill = warn ? c.warning : c.button;
        const Rgba& ink = warn ? c.warningText : c.text;
        const Rect box{area.x0, y, area.x1, y + boxH};
        ui.fill(box, fill, t.cornerRadius);
        float ty = y + pad;
        if (added) {
            ty += ui.text(added->view.ticket.display, {box.x0 + pad, ty, box.x1 - pad, box.y1},
                          FontRole::Ticket, ink, fill) +
                  between;
            ty += ui.text(detail, {box.x0 + pad, ty, box.x1 - pad, box.y1}, FontRole::Body, ink, fill) +
                  between;
            ui.text(paper, {box.x0 + pad, ty, box.x1 - pad, box.y1}, FontRole::Body, ink, fill);
        } else {
            ui.text(tr("console.hand_none"), {box.x0 + pad, ty, box.x1 - pad, box.y1}, FontRole::Body,
                    c.textMuted, fill);
        }
    }
    y += boxH;
    return y - top;
}

}  // namespace wp::ui
