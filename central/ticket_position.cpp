#include "central/ticket_position.h"

#include "common/queue_estimate.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace wp {

namespace {

using std::chrono::seconds;

// One ticket as the replay sees it.
struct Replayed {
    std::string service;
    TicketPhase phase = TicketPhase::Waiting;
    std::string counter;
    TimePoint issuedAt;
    std::size_t issueOrder = 0;             // ties in issue time: the order the issues were seen
    std::optional<TimePoint> segmentStart;  // at a counter since
    seconds served{0};
};

// The ticket an event is about: its display, or prefix-number for kiosks that do not send the display.
std::string ticketOf(const QueueStatEvent& e, const PositionOptions& o) {
    if (!e.ticket.empty()) return e.ticket;
    if (e.number <= 0) return {};
    auto it = o.prefixByService.find(e.service);
    if (it == o.prefixByService.end()) return {};
    return fmt::format("{}-{:03}", it->second, e.number);
}

bool atCounter(TicketPhase p) {
    return p == TicketPhase::Called || p == TicketPhase::Serving;
}

}  // namespace

std::optional<TicketPosition> ticketPosition(const std::vector<QueueStatEvent>& events,
                                             const std::string& ticket, const std::string& day,
                                             const std::string& today, TimePoint now,
                                             std::optional<TimePoint> lastHeard, const PositionOptions& o) {
    std::map<std::string, Replayed> tickets;
    std::map<std::string, std::vector<seconds>> durations;  // finished tickets' service times, per service
    std::map<std::string, std::set<std::string>> openCounters;  // service -> counters serving it now
    std::size_t issues = 0;

    for (const QueueStatEvent& e : events) {
        if (e.day != day) continue;
        // A host signing in at a counter opens it for each service the host serves; signing out closes it.
        if (e.kind == "counter-opened" && !e.counter.empty() && e.at <= now)
            openCounters[e.service].insert(e.counter);
        if (e.kind == "counter-closed" && e.at <= now) openCounters[e.service].erase(e.counter);
        std::string id = ticketOf(e, o);
        if (id.empty()) continue;
        if (e.kind == "issued") {
            Replayed r;
            r.service = e.service;
            r.issuedAt = e.at;
            r.issueOrder = issues++;
            tickets[id] = std::move(r);
            continue;
        }
        auto it = tickets.find(id);
        if (it == tickets.end()) continue;  // its issue was not forwarded (an older day or lost): skip
        Replayed& t = it->second;
        const bool wasAtCounter = atCounter(t.phase);
        auto closeSegment = [&](bool keep) {
            if (t.segmentStart && keep)
                t.served += std::max(seconds(0), std::chrono::duration_cast<seconds>(e.at - *t.segmentStart));
            t.segmentStart.reset();
        };
        if (e.kind == "called") {
            if (!wasAtCounter) t.segmentStart = e.at;
            t.phase = TicketPhase::Called;
            t.counter = e.counter;
        } else if (e.kind == "recalled") {
            t.phase = TicketPhase::Called;
            if (!e.counter.empty()) t.counter = e.counter;
        } else if (e.kind == "serving") {
            if (!wasAtCounter) t.segmentStart = e.at;
            t.phase = TicketPhase::Serving;
            if (!e.counter.empty()) t.counter = e.counter;
        } else if (e.kind == "parked") {
            closeSegment(true);
            t.phase = TicketPhase::Parked;
        } else if (e.kind == "done") {
            closeSegment(true);
            t.phase = TicketPhase::Done;
            durations[t.service].push_back(t.served);
        } else if (e.kind == "no-show" || e.kind == "cancelled") {
            closeSegment(false);
            t.served = seconds(0);
            t.phase = TicketPhase::Gone;
        } else if (e.kind == "returned" || e.kind == "no-show-undone") {
            // Back in line at its original place; a put-back ticket's next call starts its time again.
            closeSegment(false);
            t.served = seconds(0);
            t.phase = TicketPhase::Waiting;
            t.counter.clear();
        } else if (e.kind == "transferred-out") {
            closeSegment(false);
            t.served = seconds(0);
            t.phase = TicketPhase::Waiting;
            t.counter.clear();
        } else if (e.kind == "transferred-in") {
            t.service = e.service;  // issue time (its place) unchanged
            t.phase = TicketPhase::Waiting;
        }
        // printed, print-failed and unknown kinds change nothing
    }

    auto mine = tickets.find(ticket);
    if (mine == tickets.end()) return std::nullopt;
    const Replayed& t = mine->second;

    TicketPosition p;
    p.ticket = ticket;
    p.service = t.service;
    p.phase = t.phase;
    p.counter = t.counter;
    p.lastHeard = lastHeard;
    p.stale = !lastHeard || now - *lastHeard > o.staleAfter;
    if (day < today && p.phase != TicketPhase::Done) p.phase = TicketPhase::Gone;  // that day is over
    if (p.phase != TicketPhase::Called && p.phase != TicketPhase::Serving) p.counter.clear();

    // The kiosk's own rule (common/queue_estimate.h): the moving average of today's service times, the
    // content's default until one is finished, over the counters serving the service now.
    auto d = o.defaultByService.find(t.service);
    p.averageServiceTime = movingAverageServiceTime(
        durations[t.service], d != o.defaultByService.end() ? d->second : o.defaultPerPerson);
    p.counters = static_cast<int>(openCounters[t.service].size());

    if (p.phase == TicketPhase::Waiting) {
        for (const auto& [id, other] : tickets) {
            if (id == ticket || other.phase != TicketPhase::Waiting || other.service != t.service) continue;
            if (other.issuedAt < t.issuedAt ||
                (other.issuedAt == t.issuedAt && other.issueOrder < t.issueOrder))
                ++p.peopleBefore;
        }
        if (auto wait = estimateWait(p.peopleBefore, p.averageServiceTime, p.counters))
            p.estimatedWait = roundUpToMinutes(*wait);
    }
    return p;
}

}  // namespace wp
