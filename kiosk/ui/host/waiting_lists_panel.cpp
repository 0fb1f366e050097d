#include "kiosk/ui/host/waiting_lists_panel.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <vector>

#include "kiosk/core/ticket_flow.h"

namespace wp::ui {

void WaitingListsPanel::draw(Ui& ui, HostConsole& console, Rect area) {
    const Theme& t = ui.theme();
    const auto& c = t.colors;
    HostDesk& desk = console.desk();
    const std::vector<ServiceLine>& lines = console.snapshot().lines;
    auto tr = [&](std::string_view key) -> const std::string& { return console.tr(key); };
    if (lines.empty()) return;
    const float gap = t.spacing;
    const float colW =
        (area.width() - gap * static_cast<float>(lines.size() - 1)) / static_cast<float>(lines.size());
    float x = area.x0;
    const Theme::Sizes& z = t.sizes;
    const float bh = z.consoleRowHeight, side = z.consoleGap;
    const bool reveal = revealSelected_;  // a click below sets it again, for the next frame
    revealSelected_ = false;
    for (const ServiceLine& l : lines) {
        const std::string& id = l.service->id;
        const std::string prefix = l.service->prefix;
        float y = area.y0;
        std::string state = l.paused                              ? tr("console.paused_state")
                            : l.walkIn.state == WalkInState::Open ? tr("console.open")
                                                                  : tr("console.closed");
        y += ui.text(tr(l.service->nameKey) + " · " + state, {x, y, x + colW, area.y1}, FontRole::Large,
                     c.text, c.background);
        if (l.servedHere) {
            // Call next (the wide one) and pause on one row; pause is as wide as its word needs.
            const std::string pauseLabel =
                fillIn(tr(l.paused ? "console.resume_service" : "console.pause"), {{"prefix", prefix}});
            const float pauseW = std::min(
                colW * 0.45f, ui.measureWidth(pauseLabel, FontRole::Body) + z.consoleLabelPadding * 2);
            if (ui.button(fillIn(tr("console.next"), {{"prefix", prefix}}),
                          {x, y, x + colW - pauseW - side, y + bh}, FontRole::Body))
                console.report(desk.callNext(id).status());
            if (ui.button(pauseLabel, {x + colW - pauseW, y, x + colW, y + bh}, FontRole::Body))
                console.report(l.paused ? desk.resumeService(id) : desk.pauseService(id));
            y += bh + side;
        }
        y += ui.text(tr("console.waiting") + fmt::format(" ({})", l.waiting.size()),
                     {x, y, x + colW, area.y1}, FontRole::Body, c.textMuted, c.background);

        // The list as rows of one height: each waiting ticket, the chosen one followed by its actions
        // (indented under it so they read as belonging to it: call it, send it into another service's line,
        // keeping its place by its original time, and, last and away from call, take it out of line); then
        // the parked tickets and the no-shows.
        struct Row {
            std::string label;
            bool indent = false, chosen = false;
            std::function<void()> click;
        };
        std::vector<Row> rows;
        int chosenRow = -1, chosenRows = 0;
        for (const WaitingTicket& w : l.waiting) {
            std::string origin = w.ticket.origin == TicketOrigin::WalkIn ? tr("console.origin_walk_in")
                                 : w.ticket.origin == TicketOrigin::Host ? tr("console.origin_host")
                                                                         : tr("console.origin_appointment");
            // A checked-in appointment: the booked time, when "next" calls it.
            if (w.ticket.bookedStart) origin += " " + formatLocalHourMinute(*w.ticket.bookedStart);
            const std::int64_t ticketId = w.ticket.id;
            rows.push_back({w.ticket.display + " · " +
                                fillIn(tr("console.minutes"), {{"count", wholeMinutes(w.waited)}}) + " · " +
                                origin,
                            false, selected_ == ticketId, [this, ticketId] {
                                selected_ = selected_ == ticketId ? 0 : ticketId;
                                revealSelected_ = selected_ != 0;
                            }});
            if (selected_ != ticketId || !l.servedHere) continue;
            chosenRow = static_cast<int>(rows.size()) - 1;
            const Ticket& ticket = w.ticket;
            rows.push_back({fillIn(tr("console.call_ticket"), {{"ticket", ticket.display}}), true, false,
                            [&console, &desk, &ticket] { console.report(desk.call(ticket).status()); }});
            for (const ServiceLine& other : lines) {
                if (other.service->id == id) continue;
                const std::string& to = other.service->id;
                rows.push_back({fillIn(tr("console.transfer_ticket"),
                                       {{"ticket", ticket.display}, {"service", tr(other.service->nameKey)}}),
                                true, false, [this, &console, &desk, &ticket, to] {
                                    auto moved = desk.transfer(ticket, to);
                                    if (moved) selected_ = 0;
                                    console.report(moved.status());
                                }});
            }
            rows.push_back({fillIn(tr("console.cancel_ticket"), {{"ticket", ticket.display}}), true, false,
                            [&console, &desk, &ticket] { console.report(desk.cancel(ticket).status()); }});
            chosenRows = static_cast<int>(rows.size()) - chosenRow;
        }
        for (const Ticket& p : l.parked)
            rows.push_back({fillIn(tr("console.resume_ticket"), {{"ticket", p.display}}), false, false,
                            [&console, &desk, &p] { console.report(desk.resume(p).status()); }});
        for (const Ticket& n : l.noShows)
            rows.push_back({fillIn(tr("console.undo_no_show"), {{"ticket", n.display}}), false, false,
                            [&console, &desk, &n] { console.report(desk.undoNoShow(n).status()); }});

        // A page of rows, with "Vorige" and "Meer" at the foot of the column when they do not all fit.
        const float rowH = bh + z.lineGap / 2;
        const int total = static_cast<int>(rows.size());
        const bool paged = static_cast<float>(total) * rowH > area.y1 - y;
        const int perPage =
            paged ? std::max(1, static_cast<int>((area.y1 - y - (bh + side)) / rowH)) : std::max(total, 1);
        int& first = firstRow_[id];
        if (reveal && chosenRow >= 0 && chosenRow + chosenRows > first + perPage)
            first =
                std::min(chosenRow, chosenRow + chosenRows - perPage);  // the ticket first when all won't fit
        if (reveal && chosenRow >= 0 && chosenRow < first) first = chosenRow;
        first = paged ? std::clamp(first, 0, total - perPage) : 0;
        for (int i = first; i < std::min(total, first + perPage); ++i) {
            const Row& r = rows[static_cast<size_t>(i)];
            if (ui.button(r.label, {r.indent ? x + z.panelPadding : x, y, x + colW, y + bh}, FontRole::Body,
                          r.chosen))
                r.click();
            y += rowH;
        }
        if (paged) {
            const float ny = area.y1 - bh, half = (colW - side) / 2;
            if (first > 0 && ui.button(fillIn(tr("console.list_previous"), {{"prefix", prefix}}),
                                       {x, ny, x + half, ny + bh}, FontRole::Body))
                first = std::max(0, first - perPage);
            if (first + perPage < total &&
                ui.button(fillIn(tr("console.list_more"), {{"prefix", prefix}}),
                          {x + colW - half, ny, x + colW, ny + bh}, FontRole::Body))
                first += perPage;  // the last page is kept full (clamped) when it is drawn
        }
        x += colW + gap;
    }
}

}  // namespace wp::ui
