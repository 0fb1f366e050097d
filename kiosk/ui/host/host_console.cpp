#include "kiosk/ui/host/host_console.h"

#include <fmt/format.h>

#include "kiosk/core/ticket_flow.h"

namespace wp::ui {

std::string wholeMinutes(std::chrono::seconds s) {
    return std::to_string(s.count() / 60);
}

std::string HostConsole::serviceName(const std::string& id) const {
    if (const Service* s = desk_.findService(id)) return tr(s->nameKey);
    return id;
}

std::string HostConsole::prefixOf(const std::string& id) const {
    if (const Service* s = desk_.findService(id)) return s->prefix;
    return id;
}

bool HostConsole::takeKey(std::string_view key) {
    if (pressedKey_ != key) return false;
    pressedKey_.clear();
    return true;
}

std::string HostConsole::withKey(std::string_view label, std::string_view key) {
    return fmt::format("{} [{}]", label, key);
}

void HostConsole::report(const Status& s) {
    message_ = s ? std::string() : fillIn(tr("console.error"), {{"detail", s.message()}});
    refreshPending_ = true;  // after this frame: the lists being drawn must not change under the loops
}

void HostConsole::refreshIfActedOn() {
    if (!refreshPending_) return;
    refreshPending_ = false;
    refresh();
}

bool HostConsole::refresh() {
    HostSnapshot& s = snapshot_;
    s.state = desk_.state();
    std::string print = fmt::format("{}", static_cast<int>(s.state));
    if (auto locked = desk_.lockedOutUntil()) s.lockedUntil = *locked;
    if (s.lockedUntil) print += fmt::format("/l{}", s.lockedUntil->time_since_epoch().count());
    if (auto lines = desk_.lines()) s.lines = std::move(lines).value();
    if (auto at = desk_.atCounter()) s.atCounter = std::move(at).value();
    if (auto figures = desk_.figures()) s.figures = std::move(figures).value();
    if (appointments_)
        if (auto today = appointments_->today()) s.appointments = std::move(today).value();
    (void)alerts_.refresh();
    // What is shown changes when a ticket moves, a minute passes for a waiting ticket, or an alert comes.
    for (const ServiceLine& l : s.lines) {
        print += fmt::format("|{}:{}:{}", l.service->id, l.paused, static_cast<int>(l.walkIn.state));
        for (const WaitingTicket& w : l.waiting)
            print += fmt::format(",{}.{}.{}", w.ticket.id, w.ticket.revision, w.waited.count() / 60);
        for (const Ticket& t : l.parked) print += fmt::format(",p{}", t.id);
        for (const Ticket& t : l.noShows) print += fmt::format(",n{}", t.id);
    }
    for (const Ticket& t : s.atCounter) print += fmt::format("|c{}.{}", t.id, t.revision);
    for (const TodayAppointment& a : s.appointments)
        print += fmt::format("|b{}.{}.{}", a.code, toString(a.state), a.start.time_since_epoch().count());
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

}  // namespace wp::ui
