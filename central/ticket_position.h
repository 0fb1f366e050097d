// TicketPosition: where one ticket stands, worked out from the queue events a contact point's kiosks
// forwarded for one day (for the phone queue page, which central/public_pages.h draws).
//
// The events are replayed in order. A ticket is known by its display ("H-014", QueueStatEvent::ticket); for
// events from kiosks that do not send it, by the service's prefix and the number. Its place in line is its
// original issue time: a transfer (transferred-out, then transferred-in with the new service) keeps it, a
// no-show that is undone puts it back at that place. People before a waiting ticket are the waiting tickets
// of the same service issued earlier. The wait follows the kiosk's own rule (common/queue_estimate.h), so the
// phone shows what the ticket says: people x the moving average of that service's service times today
// (called to done; the content's default until one is finished), over the counters serving the service now
// (counter-opened minus counter-closed events); unknown while no counter serves it. The data is stale when
// no kiosk of the contact point was heard for more than two minutes.
//
// Pure: time is a parameter (the server's injected clock), nothing is read or stored. Thread-safe.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/request.h"

namespace wp {

struct PositionOptions {
    std::chrono::minutes defaultPerPerson{10};                     // services not in byService
    std::map<std::string, std::chrono::minutes> defaultByService;  // the content's default_service_minutes
    std::map<std::string, std::string> prefixByService;  // "huurloket" -> "H", for events without ticket
    std::chrono::seconds staleAfter{120};
};

enum class TicketPhase {
    Waiting,  // in line
    Called,   // called (or called again) to a counter
    Serving,  // at the counter
    Parked,   // set aside by the host; will be called again
    Done,     // helped
    Gone,     // no-show, cancelled, or the day is over: no longer in line
};

struct TicketPosition {
    std::string ticket;   // "H-014"
    std::string service;  // its current service id
    TicketPhase phase = TicketPhase::Waiting;
    std::string counter;   // Called and Serving: where to go
    int peopleBefore = 0;  // Waiting only
    // Waiting only; rounded up, 0 when nobody is before it; empty: unknown (no counter serves the service
    // now)
    std::optional<std::chrono::minutes> estimatedWait;
    std::chrono::seconds averageServiceTime{0};
    int counters = 0;                    // counters serving the service now
    bool stale = false;                  // no news from the contact point for more than staleAfter
    std::optional<TimePoint> lastHeard;  // when the server last heard from the contact point
};

// The ticket's position on `day` at now; nullopt when no event of that day names the ticket.
// `today` is the local day of now: a ticket of an earlier day that never finished is Gone.
std::optional<TicketPosition> ticketPosition(const std::vector<QueueStatEvent>& eventsOfDay,
                                             const std::string& ticket, const std::string& day,
                                             const std::string& today, TimePoint now,
                                             std::optional<TimePoint> lastHeard,
                                             const PositionOptions& options);

}  // namespace wp
