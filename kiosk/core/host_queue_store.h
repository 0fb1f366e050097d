// HostQueueStore: what the hosts change in the queue's storage: ticket states (calls, recalls, outcomes,
// no-shows, corrections), transfers to another service, which counters serve which services, and pauses.
// Tickets themselves are issued and read through QueueStore (kiosk/core/queue.h).
//
// Implemented by SqliteHostQueueStore (kiosk/store). The host role changes through it; the walk-in role
// reads pauses and serving counters through it (ServiceQueue). Every change is one transaction that checks,
// updates, bumps the ticket's revision and appends its QueueEvent(s), so several consoles (and the walk-in
// role) may work on one database at once.
//
// The policy (which host action may do what to which ticket) lives in HostDesk (kiosk/core/host_desk.h); the
// store applies a TicketChange atomically and guards only against a stale screen: a change names the ticket's
// revision the caller saw, and any other revision is a Conflict.
//
// Errors are the world's: Unavailable (busy beyond the timeout), IoError, NotFound (unknown ticket or
// service), Conflict (stale revision, or a state change that is not allowed from the ticket's state).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "kiosk/core/queue.h"

namespace wp {

// One host action on one ticket, as the store applies it.
struct TicketChange {
    std::int64_t ticketId = 0;
    std::int64_t expectedRevision = 0;  // Conflict when the ticket's revision is another one
    TicketState to = TicketState::Waiting;
    QueueEventKind event = QueueEventKind::Called;  // the event it leaves (TransferredOut also adds In)
    // The counter acting. The ticket keeps it as its counter unless it goes back into a line (to Waiting),
    // which clears it; the event always carries it.
    std::string counter;
    TicketOutcome outcome = TicketOutcome::None;  // written when `to` is Done
    // Transfer (event TransferredOut): the service whose line the ticket joins. It gets that service's next
    // number of the ticket's day, keeps its display ("H-014"), origin and issue time (its place in line).
    std::string toServiceId;
};

class HostQueueStore {
  public:
    virtual ~HostQueueStore() = default;

    // --- tickets

    // Moves a ticket to `to` (see isAllowedTransition) at `counter`, appending the matching event.
    virtual Status changeTicketState(std::int64_t ticketId, TicketState to, const std::string& counter,
                                     TimePoint now) = 0;

    // Applies a change atomically (see TicketChange) and returns the ticket as it is now. Time bookkeeping:
    // to Called sets lastCalledAt (and firstCalledAt the first time); leaving Called/Serving for Parked or
    // Done adds the time since lastCalledAt to serviceTime; going back into a line clears lastCalledAt.
    virtual Result<Ticket> changeTicket(const TicketChange& change, TimePoint now) = 0;

    // Calls, in one transaction, the ticket that comes first in callsBefore order (kiosk/core/queue.h: due
    // appointments by booked start, then issue time and number) among the given services on the local day of
    // now, skipping appointment tickets whose booked start has not come; nullopt when nobody is due. Two
    // consoles calling at once get two different tickets.
    virtual Result<std::optional<Ticket>> callFirstWaiting(const std::vector<std::string>& serviceIds,
                                                           const std::string& counter, TimePoint now) = 0;

    // --- counters: a counter starts serving the given services (replacing what it served before) or
    // stops. A counter counts as serving on the local day it was opened only.

    virtual Status openCounter(const std::string& counter, const std::vector<std::string>& serviceIds,
                               TimePoint now) = 0;
    virtual Status closeCounter(const std::string& counter, TimePoint now) = 0;
    virtual Result<int> countersServing(const std::string& serviceId, const std::string& day) = 0;

    // --- pauses: a pause holds for the local day it was set on.

    virtual Status setPaused(const std::string& serviceId, bool paused, TimePoint now) = 0;
    virtual Result<bool> isPaused(const std::string& serviceId, const std::string& day) = 0;
};

}  // namespace wp
