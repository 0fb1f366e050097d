// HostQueueStore: what the host console needs from the queue's storage beyond QueueStore.
//
// Implemented by SqliteQueueStore (kiosk/store), which is both a QueueStore and a HostQueueStore on one
// connection: the walk-in role keeps using the QueueStore half, the host and display roles use this one.
// Every change is one transaction that checks, updates the ticket, bumps its revision and appends its
// QueueEvent(s), so several consoles (and the walk-in role) may work on one database at once.
//
// The policy (which host action may do what to which ticket) lives in HostDesk (kiosk/core/host_desk.h); the
// store applies a TicketChange atomically and guards only against a stale screen: a change names the ticket's
// revision the caller saw, and any other revision is a Conflict.
//
// Errors are the world's, as for QueueStore: Unavailable (busy beyond the timeout), IoError, NotFound
// (unknown ticket or service), Conflict (stale revision).
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

// Wrong PINs entered at one console (counter), kept so that a restart does not reset them.
struct PinLock {
    int failures = 0;                      // consecutive wrong PINs since the last good one or lockout end
    std::optional<TimePoint> lockedUntil;  // set while (and after) a lockout; the policy reads the time
    bool operator==(const PinLock&) const = default;
};

class HostQueueStore : public QueueStore {
  public:
    // Issues the next number like issueTicket (durably, appending Issued), recording how it came in.
    // Unlike ServiceQueue::takeTicket it ignores walk-in hours and pauses: the host decides.
    virtual Result<Ticket> issueTicketWithOrigin(const std::string& serviceId, TicketOrigin origin,
                                                 TimePoint now) = 0;

    // Applies a change atomically (see TicketChange) and returns the ticket as it is now. Time bookkeeping:
    // to Called sets lastCalledAt (and firstCalledAt the first time); leaving Called/Serving for Parked or
    // Done adds the time since lastCalledAt to serviceTime; going back into a line clears lastCalledAt.
    virtual Result<Ticket> changeTicket(const TicketChange& change, TimePoint now) = 0;

    // Calls, in one transaction, the ticket that waits first in line (issue time, then number) among the
    // given services on the local day of now; nullopt when nobody waits. Two consoles calling at once get
    // two different tickets.
    virtual Result<std::optional<Ticket>> callFirstWaiting(const std::vector<std::string>& serviceIds,
                                                           const std::string& counter, TimePoint now) = 0;

    // Every ticket of a local day, all services, in (service, number) order.
    virtual Result<std::vector<Ticket>> allTicketsOfDay(const std::string& day) = 0;

    // The seq of the newest queue event, 0 when there is none (where an event reader starts).
    virtual Result<std::int64_t> lastEventSeq() = 0;

    // A console's wrong-PIN record; a console never seen has failures 0 and no lock.
    virtual Result<PinLock> pinLock(const std::string& console) = 0;
    virtual Status savePinLock(const std::string& console, const PinLock& lock) = 0;
};

}  // namespace wp
