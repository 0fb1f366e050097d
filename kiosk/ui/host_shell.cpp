#include "kiosk/ui/host_shell.h"

#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <functional>

#include "kiosk/core/ticket_flow.h"

namespace wp::ui {

namespace {

// Whole minutes, rounded down: "0 min" for someone who just arrived.
std::string minutesText(std::chrono::seconds s) {
    return std::to_string(s.count() / 60);
}

}  // namespace

std::string HostShell::serviceName(const std::string& id) const {
    if (const Service* s = desk_.findService(id)) return tr(s->nameKey);
    return id;
}

std::string HostShell::prefixOf(const std::string& id) const {
    if (const Service* s = desk_.findService(id)) return s->prefix;
    return id;
}

void HostShell::report(const Status& s) {
    message_ = s ? std::string() : fillIn(tr("console.error"), {{"detail", s.message()}});
    refreshPending_ = true;  // after this frame: the lists being drawn must not change under the loops
}

bool HostShell::refresh() {
    state_ = desk_.state();
    std::string print = fmt::format("{}", static_cast<int>(state_));
    if (auto locked = desk_.lockedOutUntil()) lockedUntil_ = *locked;
    if (lockedUntil_) print += fmt::format("/l{}", lockedUntil_->time_since_epoch().count());
    if (auto lines = desk_.lines()) lines_ = std::move(lines).value();
    if (auto at = desk_.atCounter()) atCounter_ = std::move(at).value();
    if (auto figures = desk_.figures()) figures_ = std::move(figures).value();
    (void)alerts_.refresh();
    // What is shown changes when a ticket moves, a minute passes for a waiting ticket, or an alert comes.
    for (const ServiceLine& l : lines_) {
        print += fmt::format("|{}:{}:{}", l.service->id, l.paused, static_cast<int>(l.walkIn.state));
        for (const WaitingTicket& w : l.waiting)
            print += fmt::format(",{}.{}.{}", w.ticket.id, w.ticket.revision, w.waited.count() / 60);
        for (const Ticket& t : l.parked) print += fmt::format(",p{}", t.id);
        for (const Ticket& t : l.noShows) print += fmt::format(",n{}", t.id);
    }
    for (const Ticket& t : atCounter_) print += fmt::format("|c{}.{}", t.id, t.revision);
    for (const HostAlert& a : alerts_.alerts())
        print += fmt::format("|a{}{}", static_cast<int>(a.kind), a.detail);
    if (const auto& o = alerts_.outbox()) print += fmt::format("|o{}", o->waiting);
    if (const auto& added = desk_.lastAdded())
        print += fmt::format("|h{}.{}.{}", added->view.ticket.id, static_cast<int>(added->paper),
                             added->view.peopleAhead);
    bool changed = print != fingerprint_;
    fingerprint_ = std::move(print);
    return changed;
}

void HostShell::drawFrame(Ui& ui, float width, float height) {
    const Theme& t = bundle_.themes.at(bundle_.settings.hostTheme);
    const auto& c = t.colors;
    ui.beginFrame("host", t, width, height);

    // Top bar: where, who, when; sign out.
    const float barH = 90.f;
    const float pad = t.spacing;
    ui.fill({0, 0, width, barH}, c.bar);
    std::string who = bundle_.settings.contactPoint.name + " · " + desk_.counter();
    if (desk_.host() && state_ != HostDesk::State::SignedOut) who += " · " + desk_.host()->name;
    ui.text(who, {pad, (barH - t.largeSize * 1.15f) / 2, width * 0.6f, barH}, FontRole::Large, c.barText,
            c.bar);
    ui.text(formatLocalHourMinute(clock_.now()),
            {width * 0.6f, (barH - t.largeSize * 1.15f) / 2, width - 300, barH}, FontRole::Large, c.barText,
            c.bar, 1.f);
    if (state_ == HostDesk::State::SignedIn &&
        ui.button(tr("console.sign_out"), {width - 280, 12, width - pad, barH - 12}, FontRole::Body)) {
        report(desk_.signOut());
        chosenHost_.clear();
    }

    float y = barH + pad;
    if (!message_.empty()) {
        const float h = ui.measureHeight(message_, width - pad * 4, FontRole::Body) + pad;
        ui.fill({pad, y, width - pad, y + h}, c.warning, t.cornerRadius);
        ui.text(message_, {pad * 2, y + pad / 2, width - pad * 2, y + h}, FontRole::Body, c.warningText,
                c.warning);
        y += h + pad;
    }
    // The right column: the alerts, and under them adding a ticket by hand (its buttons stay in one place).
    const float alertsW = 520.f;
    const Rect right{width - alertsW, y, width - pad, height - pad};
    float alertsBottom = right.y1;
    const bool signedIn = state_ == HostDesk::State::SignedIn;
    if (signedIn) alertsBottom -= drawHandTickets(ui, right, false) + pad;
    drawAlerts(ui, {right.x0, right.y0, right.x1, alertsBottom});
    if (signedIn) drawHandTickets(ui, {right.x0, alertsBottom + pad, right.x1, right.y1}, true);
    Rect main{pad, y, width - alertsW - pad * 2, height - pad};
    if (state_ == HostDesk::State::SignedIn) {
        const float counterBottom = drawCounter(ui, {main.x0, main.y0, main.x1, main.y1});
        const float figuresH = 190.f;
        drawLines(ui, {main.x0, counterBottom + pad, main.x1, main.y1 - figuresH - pad});
        drawFigures(ui, {main.x0, main.y1 - figuresH, main.x1, main.y1});
    } else {
        drawSignIn(ui, main);
    }
    ui.endFrame();
    if (refreshPending_) {
        refreshPending_ = false;
        refresh();
    }
}

void HostShell::drawSignIn(Ui& ui, Rect area) {
    const Theme& t = ui.theme();
    const auto& c = t.colors;
    float y = area.y0;
    const std::string title = state_ == HostDesk::State::IdleLocked
                                  ? tr("console.idle_locked")
                                  : fillIn(tr("console.sign_in_title"), {{"counter", desk_.counter()}});
    y += ui.text(title, {area.x0, y, area.x1, area.y1}, FontRole::Title, c.text, c.background) + t.spacing;
    if (lockedUntil_ && *lockedUntil_ > clock_.now()) {
        ui.text(fillIn(tr("console.locked_out"), {{"time", formatLocalHourMinute(*lockedUntil_)}}),
                {area.x0, y, area.x1, area.y1}, FontRole::Large, c.text, c.background);
        return;
    }
    if (chosenHost_.empty() && state_ == HostDesk::State::IdleLocked && desk_.host())
        chosenHost_ = desk_.host()->id;
    // The hosts, one button each; the chosen one gets the PIN pad.
    y += ui.text(tr("console.choose_host"), {area.x0, y, area.x1, area.y1}, FontRole::Large, c.text,
                 c.background) +
         t.spacing;
    float x = area.x0;
    for (const HostAccount& h : desk_.hosts()) {
        if (ui.button(h.name, {x, y, x + 260, y + 90}, FontRole::Large, h.id == chosenHost_)) {
            chosenHost_ = h.id;
            pin_.clear();
        }
        x += 260 + t.spacing;
        if (x + 260 > area.x1) {
            x = area.x0;
            y += 90 + t.spacing;
        }
    }
    y += 90 + t.spacing * 2;
    if (!chosenHost_.empty()) drawPinPad(ui, {area.x0, y, area.x1, area.y1});
}

void HostShell::drawPinPad(Ui& ui, Rect area) {
    const Theme& t = ui.theme();
    const auto& c = t.colors;
    std::string name = chosenHost_;
    for (const HostAccount& h : desk_.hosts())
        if (h.id == chosenHost_) name = h.name;
    float y = area.y0;
    y += ui.text(fillIn(tr("console.pin_for"), {{"name", name}}), {area.x0, y, area.x1, area.y1},
                 FontRole::Large, c.text, c.background);
    // The PIN shows as dots only.
    std::string dots;
    for (size_t i = 0; i < pin_.size(); ++i) dots += "• ";
    y += ui.text(dots.empty() ? std::string(" ") : dots, {area.x0, y, area.x1, area.y1}, FontRole::Title,
                 c.text, c.background) +
         t.spacing;
    const float key = 100.f, gap = 12.f;
    const char* keys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"};
    for (int i = 0; i < 10; ++i) {
        float kx = area.x0 + static_cast<float>(i % 5) * (key + gap);
        float ky = y + static_cast<float>(i / 5) * (key + gap);
        if (ui.button(keys[i], {kx, ky, kx + key, ky + key}, FontRole::Title) && pin_.size() < 6)
            pin_ += keys[i];
    }
    y += 2 * (key + gap);
    if (ui.button(tr("console.clear"), {area.x0, y, area.x0 + 2 * key + gap, y + 90}, FontRole::Large))
        pin_.clear();
    if (ui.button(tr("console.sign_in"), {area.x0 + 2 * (key + gap), y, area.x0 + 5 * key + 4 * gap, y + 90},
                  FontRole::Large)) {
        auto result = desk_.signIn(chosenHost_, pin_);
        std::fill(pin_.begin(), pin_.end(), '\0');
        pin_.clear();
        if (!result) {
            report(result.status());
            return;
        }
        switch (result->outcome) {
            case HostDesk::SignIn::Outcome::SignedIn:
                message_.clear();
                chosenHost_.clear();
                break;
            case HostDesk::SignIn::Outcome::WrongPin:
                message_ = fillIn(tr("console.wrong_pin"), {{"count", std::to_string(result->attemptsLeft)}});
                break;
            case HostDesk::SignIn::Outcome::LockedOut:
                message_.clear();
                break;
        }
        refreshPending_ = true;
    }
}

float HostShell::drawCounter(Ui& ui, Rect area) {
    const Theme& t = ui.theme();
    const auto& c = t.colors;
    // The box behind is drawn first on a channel below, once its height is known.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    const float pad = t.spacing;
    float y = area.y0 + pad / 2;
    y += ui.text(tr("console.at_counter"), {area.x0 + pad, y, area.x1 - pad, area.y1}, FontRole::Large,
                 c.warningText, c.warning);
    auto closeBox = [&](float bottom) {
        dl->ChannelsSetCurrent(0);
        ui.fill({area.x0, area.y0, area.x1, bottom}, c.warning, t.cornerRadius);
        dl->ChannelsMerge();
        return bottom;
    };
    if (atCounter_.empty()) {
        y += ui.text(tr("console.nobody_at_counter"), {area.x0 + pad, y + pad / 2, area.x1 - pad, area.y1},
                     FontRole::Body, c.warningText, c.warning);
        return closeBox(y + pad);
    }
    // The oldest call first; its actions on the row below it.
    const Ticket& ticket = atCounter_.front();
    const std::string state =
        tr(ticket.state == TicketState::Serving ? "console.state_serving" : "console.state_called");
    y += ui.text(ticket.display + " · " + serviceName(ticket.serviceId) + " · " + state,
                 {area.x0 + pad, y, area.x1 - pad, area.y1}, FontRole::Title, c.warningText, c.warning) +
         8;
    struct Action {
        const char* key;
        std::function<Status()> run;
    };
    const Action actions[] = {
        {"console.recall", [&] { return desk_.recall(ticket).status(); }},
        {"console.serving", [&] { return desk_.startServing(ticket).status(); }},
        {"console.helped", [&] { return desk_.finish(ticket, TicketOutcome::Helped).status(); }},
        {"console.referred", [&] { return desk_.finish(ticket, TicketOutcome::Referred).status(); }},
        {"console.follow_up", [&] { return desk_.finish(ticket, TicketOutcome::FollowUp).status(); }},
        {"console.no_show", [&] { return desk_.markNoShow(ticket).status(); }},
        {"console.park", [&] { return desk_.park(ticket).status(); }},
        {"console.put_back", [&] { return desk_.putBack(ticket).status(); }},
    };
    float x = area.x0 + pad;
    const float bh = 64.f;
    for (const Action& a : actions) {
        const std::string& label = tr(a.key);
        const float w = std::max(160.f, ui.measureWidth(label, FontRole::Body) + 40);
        if (x + w > area.x1 - pad) {
            x = area.x0 + pad;
            y += bh + 8;
        }
        if (ui.button(label, {x, y, x + w, y + bh}, FontRole::Body)) report(a.run());
        x += w + 8;
    }
    // Transfer to another service.
    y += bh + 8;
    x = area.x0 + pad;
    for (const ServiceLine& l : lines_) {
        if (l.service->id == ticket.serviceId) continue;
        std::string label = fillIn(tr("console.transfer_to"), {{"prefix", serviceName(l.service->id)}});
        const float w = ui.measureWidth(label, FontRole::Body) + 40;
        if (x + w > area.x1 - pad) {
            x = area.x0 + pad;
            y += bh + 8;
        }
        if (ui.button(label, {x, y, x + w, y + bh}, FontRole::Body))
            report(desk_.transfer(ticket, l.service->id).status());
        x += w + 8;
    }
    return closeBox(y + bh + pad);
}

void HostShell::drawLines(Ui& ui, Rect area) {
    const Theme& t = ui.theme();
    const auto& c = t.colors;
    if (lines_.empty()) return;
    const float gap = t.spacing;
    const float colW =
        (area.width() - gap * static_cast<float>(lines_.size() - 1)) / static_cast<float>(lines_.size());
    float x = area.x0;
    const float bh = 60.f;
    const bool reveal = revealSelected_;  // a click below sets it again, for the next frame
    revealSelected_ = false;
    for (const ServiceLine& l : lines_) {
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
            const float pauseW = std::min(colW * 0.45f, ui.measureWidth(pauseLabel, FontRole::Body) + 40);
            if (ui.button(fillIn(tr("console.next"), {{"prefix", prefix}}),
                          {x, y, x + colW - pauseW - 6, y + bh}, FontRole::Body))
                report(desk_.callNext(id).status());
            if (ui.button(pauseLabel, {x + colW - pauseW, y, x + colW, y + bh}, FontRole::Body))
                report(l.paused ? desk_.resumeService(id) : desk_.pauseService(id));
            y += bh + 6;
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
            const std::int64_t ticketId = w.ticket.id;
            rows.push_back({w.ticket.display + " · " +
                                fillIn(tr("console.minutes"), {{"count", minutesText(w.waited)}}) + " · " +
                                origin,
                            false, selected_ == ticketId, [this, ticketId] {
                                selected_ = selected_ == ticketId ? 0 : ticketId;
                                revealSelected_ = selected_ != 0;
                            }});
            if (selected_ != ticketId || !l.servedHere) continue;
            chosenRow = static_cast<int>(rows.size()) - 1;
            const Ticket& ticket = w.ticket;
            rows.push_back({fillIn(tr("console.call_ticket"), {{"ticket", ticket.display}}), true, false,
                            [this, &ticket] { report(desk_.call(ticket).status()); }});
            for (const ServiceLine& other : lines_) {
                if (other.service->id == id) continue;
                const std::string& to = other.service->id;
                rows.push_back({fillIn(tr("console.transfer_ticket"),
                                       {{"ticket", ticket.display}, {"service", tr(other.service->nameKey)}}),
                                true, false, [this, &ticket, to] {
                                    auto moved = desk_.transfer(ticket, to);
                                    if (moved) selected_ = 0;
                                    report(moved.status());
                                }});
            }
            rows.push_back({fillIn(tr("console.cancel_ticket"), {{"ticket", ticket.display}}), true, false,
                            [this, &ticket] { report(desk_.cancel(ticket).status()); }});
            chosenRows = static_cast<int>(rows.size()) - chosenRow;
        }
        for (const Ticket& p : l.parked)
            rows.push_back({fillIn(tr("console.resume_ticket"), {{"ticket", p.display}}), false, false,
                            [this, &p] { report(desk_.resume(p).status()); }});
        for (const Ticket& n : l.noShows)
            rows.push_back({fillIn(tr("console.undo_no_show"), {{"ticket", n.display}}), false, false,
                            [this, &n] { report(desk_.undoNoShow(n).status()); }});

        // A page of rows, with "Vorige" and "Meer" at the foot of the column when they do not all fit.
        const float rowH = bh + 4;
        const int total = static_cast<int>(rows.size());
        const bool paged = static_cast<float>(total) * rowH > area.y1 - y;
        const int perPage =
            paged ? std::max(1, static_cast<int>((area.y1 - y - (bh + 6)) / rowH)) : std::max(total, 1);
        int& first = firstRow_[id];
        if (reveal && chosenRow >= 0 && chosenRow + chosenRows > first + perPage)
            first =
                std::min(chosenRow, chosenRow + chosenRows - perPage);  // the ticket first when all won't fit
        if (reveal && chosenRow >= 0 && chosenRow < first) first = chosenRow;
        first = paged ? std::clamp(first, 0, total - perPage) : 0;
        for (int i = first; i < std::min(total, first + perPage); ++i) {
            const Row& r = rows[static_cast<size_t>(i)];
            if (ui.button(r.label, {r.indent ? x + 16 : x, y, x + colW, y + bh}, FontRole::Body, r.chosen))
                r.click();
            y += rowH;
        }
        if (paged) {
            const float ny = area.y1 - bh, half = (colW - 6) / 2;
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

float HostShell::drawHandTickets(Ui& ui, Rect area, bool draw) {
    const Theme& t = ui.theme();
    const auto& c = t.colors;
    const float w = area.width();
    const float top = draw ? area.y1 - drawHandTickets(ui, area, false) : area.y0;  // bottom-aligned
    float y = top;
    const std::string& title = tr("console.hand_title");
    if (draw) ui.text(title, {area.x0, y, area.x1, area.y1}, FontRole::Large, c.text, c.background);
    y += ui.measureHeight(title, w, FontRole::Large) + 8;

    // Per service: with a slip (when there is a printer) and without.
    const bool printer = desk_.hasPrinter();
    const float gap = 8.f, bh = 56.f;
    const float bw = printer ? (w - gap) / 2 : w;
    for (const Service& s : desk_.services()) {
        const std::string withSlip = fillIn(tr("console.add_print"), {{"prefix", s.prefix}});
        const std::string without = fillIn(tr("console.add_no_print"), {{"prefix", s.prefix}});
        float h = std::max(bh, ui.measureHeight(without, bw - 24, FontRole::Body) + 24);
        if (printer) h = std::max(h, ui.measureHeight(withSlip, bw - 24, FontRole::Body) + 24);
        if (draw) {
            float x = area.x0;
            if (printer) {
                if (ui.button(withSlip, {x, y, x + bw, y + h}, FontRole::Body))
                    report(desk_.addTicket(s.id, TicketOrigin::Host, true).status());
                x += bw + gap;
            }
            if (ui.button(without, {x, y, x + bw, y + h}, FontRole::Body))
                report(desk_.addTicket(s.id, TicketOrigin::Host, false).status());
        }
        y += h + 6;
    }

    // The latest number added here, big, with what became of its slip. Room for it is kept when there is
    // none yet, so the buttons above never move.
    y += 6;
    const float pad = 16.f;
    const float line = ui.measureHeight("X", w, FontRole::Body);
    const float numberH = ui.measureHeight("H-000", w, FontRole::Ticket);
    const auto& added = desk_.lastAdded();
    std::string detail, paper;
    bool warn = false;
    if (added) {
        const Ticket& ticket = added->view.ticket;
        detail = fillIn(tr("console.added_line"), {{"service", serviceName(ticket.serviceId)},
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
    const float boxH = pad + numberH + 4 + detailH + 4 + paperH + pad;
    if (draw) {
        const Rgba& fill = warn ? c.warning : c.button;
        const Rgba& ink = warn ? c.warningText : c.text;
        const Rect box{area.x0, y, area.x1, y + boxH};
        ui.fill(box, fill, t.cornerRadius);
        float ty = y + pad;
        if (added) {
            ty += ui.text(added->view.ticket.display, {box.x0 + pad, ty, box.x1 - pad, box.y1},
                          FontRole::Ticket, ink, fill) +
                  4;
            ty += ui.text(detail, {box.x0 + pad, ty, box.x1 - pad, box.y1}, FontRole::Body, ink, fill) + 4;
            ui.text(paper, {box.x0 + pad, ty, box.x1 - pad, box.y1}, FontRole::Body, ink, fill);
        } else {
            ui.text(tr("console.hand_none"), {box.x0 + pad, ty, box.x1 - pad, box.y1}, FontRole::Body,
                    c.textMuted, fill);
        }
    }
    y += boxH;
    return y - top;
}

void HostShell::drawAlerts(Ui& ui, Rect area) {
    const Theme& t = ui.theme();
    const auto& c = t.colors;
    float y = area.y0;
    y +=
        ui.text(tr("console.alerts"), {area.x0, y, area.x1, area.y1}, FontRole::Large, c.text, c.background) +
        8;
    const auto& alerts = alerts_.alerts();
    if (alerts.empty())
        y += ui.text(tr("console.no_alerts"), {area.x0, y, area.x1, area.y1}, FontRole::Body, c.textMuted,
                     c.background);
    const TimePoint now = clock_.now();
    for (const HostAlert& a : alerts) {
        std::string line;
        switch (a.kind) {
            case HostAlertKind::ResidentAsksForHost:
                line =
                    fillIn(tr("console.asks_host"),
                           {{"screen", a.detail},
                            {"minutes",
                             std::to_string(
                                 std::chrono::duration_cast<std::chrono::minutes>(now - a.since).count())}});
                break;
            case HostAlertKind::PrinterPaperOut:
                line = tr("console.paper_out");
                break;
            case HostAlertKind::PrinterOffline:
                line = fillIn(tr("console.printer_offline"), {{"detail", a.detail}});
                break;
            case HostAlertKind::PrintFailed:
                line = tr("console.print_failed");
                break;
            case HostAlertKind::ConnectionLost:
                line = fillIn(tr("console.connection_lost"), {{"time", formatLocalHourMinute(a.since)}});
                break;
            case HostAlertKind::RequestRejected:
                line = fillIn(tr("console.rejected"), {{"reference", a.reference}, {"detail", a.detail}});
                break;
        }
        // Alerts that cannot be missed: on the warning colour, each in its own box.
        const float h = ui.measureHeight(line, area.width() - 32, FontRole::Body) + 24 +
                        (a.helpRequest && state_ == HostDesk::State::SignedIn ? 70.f : 0.f);
        if (y + h > area.y1) break;
        ui.fill({area.x0, y, area.x1, y + h}, c.warning, t.cornerRadius);
        float ty = y + 12;
        ty += ui.text(line, {area.x0 + 16, ty, area.x1 - 16, area.y1}, FontRole::Body, c.warningText,
                      c.warning);
        if (a.helpRequest && state_ == HostDesk::State::SignedIn) {
            std::string label = tr("console.seen") + " · " + a.detail;
            if (ui.button(label, {area.x0 + 16, ty + 4, area.x1 - 16, ty + 64}, FontRole::Body))
                report(alerts_.acknowledge(a.helpRequest->id,
                                           desk_.host() ? desk_.host()->name : desk_.counter()));
        }
        y += h + 8;
    }
    if (const auto& o = alerts_.outbox()) {
        y += t.spacing;
        y += ui.text(tr("console.outbox"), {area.x0, y, area.x1, area.y1}, FontRole::Large, c.text,
                     c.background);
        y += ui.text(fillIn(tr("console.outbox_waiting"), {{"count", std::to_string(o->waiting)}}),
                     {area.x0, y, area.x1, area.y1}, FontRole::Body, c.text, c.background);
        ui.text(o->lastDelivery
                    ? fillIn(tr("console.outbox_last"), {{"time", formatLocalHourMinute(*o->lastDelivery)}})
                    : tr("console.outbox_never"),
                {area.x0, y, area.x1, area.y1}, FontRole::Body, c.text, c.background);
    }
}

void HostShell::drawFigures(Ui& ui, Rect area) {
    const Theme& t = ui.theme();
    const auto& c = t.colors;
    float y = area.y0;
    y +=
        ui.text(tr("console.figures"), {area.x0, y, area.x1, area.y1}, FontRole::Large, c.text, c.background);
    auto duration = [&](const std::optional<std::chrono::seconds>& s) {
        return s ? fillIn(tr("console.minutes"), {{"count", minutesText(*s)}}) : tr("console.none");
    };
    for (const ServiceFigures& f : figures_) {
        if (f.tickets == 0) continue;
        std::string line = prefixOf(f.serviceId) + ": " +
                           fillIn(tr("console.figures_line"), {{"tickets", std::to_string(f.tickets)},
                                                               {"served", std::to_string(f.served)},
                                                               {"no_shows", std::to_string(f.noShows)},
                                                               {"average", duration(f.averageWait)},
                                                               {"longest", duration(f.longestWait)},
                                                               {"service", duration(f.averageServiceTime)}});
        y += ui.text(line, {area.x0, y, area.x1, area.y1}, FontRole::Body, c.text, c.background);
    }
}

}  // namespace wp::ui
