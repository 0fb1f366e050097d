// The walk-in queue: tickets per service per local day, their states, the events every change leaves
// behind, walk-in hours, and the estimated wait (DESIGN.md: Queue).
//
// What lives where:
// - Service (the content's description of a service) is in common/services.h.
// - QueueStore keeps tickets and their events: issuing and reading them. What the hosts change (calls,
//   transfers, outcomes, counters, pauses) is HostQueueStore (kiosk/core/host_queue_store.h). The kiosk's
//   SQLite implementations are in kiosk/store (SqliteQueueStore, SqliteHostQueueStore). Tests use
//   in-memory ones. Core never touches SQLite.
// - ServiceQueue is what the resident and host screens call: it combines the services, the two stores and
//   the injected Clock, and refuses tickets for a closed or paused service.
// - Local time (localDay, toLocalTime, fromLocalTime) is in common/local_time.h, shared with the central
//   server's agendas.
// - The free functions (walkInStatus, estimateWait, ...) are pure and take time as a parameter.
//
// Days: a ticket's day is the local date in Europe/Amsterdam of the moment it was issued, so numbering
// starts again at 1 at local midnight, also on the 23- and 25-hour days of the daylight-saving changes.
// Numbers never repeat within a (service, day); a number lost in a crash may leave a gap.
//
// Nothing here holds personal data: a ticket is a service, a day, a number, times and states.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/local_time.h"
#include "common/queue_estimate.h"
#include "common/services.h"
#include "common/status.h"

namespace wp {

// --- tickets

// Parked: set aside by the host while the resident fetches something; not in line, not final.
enum class TicketState { Waiting, Called, Serving, Done, NoShow, Cancelled, Parked };

// "waiting", "called", "serving", "done", "no-show", "cancelled", "parked"
std::string_view toString(TicketState s);
std::optional<TicketState> ticketStateFromString(std::string_view s);
bool isFinal(TicketState s);
// The moves a host may make: waiting -> called | cancelled; called -> serving | no-show | waiting (put back)
// | done | parked; serving -> done | parked; parked -> called (resumed: called again). Everything else is a
// programmer mistake or a stale screen. Corrections (undoing a no-show) and transfers are not state moves:
// HostDesk (kiosk/core/host_desk.h) makes them through HostQueueStore::changeTicket.
bool isAllowedTransition(TicketState from, TicketState to);

// How a ticket got into the line. Stored with the ticket; the host console shows it.
enum class TicketOrigin {
    WalkIn,       // taken by a resident on the touch screen
    Appointment,  // a resident who checked in for a booked time, or added by the host for one
    Host,         // added by hand by the host for someone who does not use the screen
};
std::string_view toString(TicketOrigin o);  // "walk-in", "appointment", "host"
std::optional<TicketOrigin> ticketOriginFromString(std::string_view s);

// How a finished ticket ended: chosen by the host when finishing. None until then.
enum class TicketOutcome { None, Helped, Referred, FollowUp };
std::string_view toString(TicketOutcome o);  // "", "helped", "referred", "follow-up"
std::optional<TicketOutcome> ticketOutcomeFromString(std::string_view s);

struct Ticket {
    std::int64_t id = 0;    // the store's id, unique in one database
    std::string serviceId;  // "huurloket"
    std::string day;        // local day, "2026-03-29"
    int number = 0;         // 1, 2, ... per (service, day)
    std::string display;    // "H-014"
    TimePoint issuedAt;
    TicketState state = TicketState::Waiting;
    std::string counter;  // the counter it was called to ("Balie 1"); empty while waiting

    // issuedAt is also the ticket's place in line: a transferred ticket keeps it.
    TicketOrigin origin = TicketOrigin::WalkIn;
    TicketOutcome outcome = TicketOutcome::None;  // set when it is finished (Done)
    std::string transferredFrom;                  // service id it was transferred from; empty when never
    std::optional<TimePoint> firstCalledAt;       // the first call (the end of the resident's wait)
    std::optional<TimePoint> lastCalledAt;        // the current call, while called or serving
    std::chrono::seconds serviceTime{0};          // time at a counter so far (call to park or done), summed
    // Bumped by every change. A host action names the revision its screen showed; a different one means the
    // screen is stale (Conflict), e.g. another console called the ticket in the meantime.
    std::int64_t revision = 0;
    // An appointment ticket from a check-in: the booked start. "Next" calls it before every other ticket once
    // this time has come, and not before (callsBefore); empty for every other ticket.
    std::optional<TimePoint> bookedStart;

    bool operator==(const Ticket&) const = default;
};

// Whether "next" may call a waiting ticket at now: every ticket but a checked-in appointment before its
// booked start (the host can still call that one by choosing it).
bool isDueAt(const Ticket& t, TimePoint now);
// The order in which "next" calls waiting tickets at now: appointment tickets whose booked start has come,
// by booked start; then every other ticket in line order (issue time, then number); last the appointment
// tickets not due yet, by booked start. A strict weak order for std::sort.
bool callsBefore(const Ticket& a, const Ticket& b, TimePoint now);

// "H-014": the prefix, a dash and at least three digits (H-1000 after H-999).
std::string formatTicketNumber(std::string_view prefix, int number);

// --- events

enum class QueueEventKind {
    Issued,
    Called,
    Serving,
    Done,
    NoShow,
    Cancelled,
    Returned,       // called -> waiting: put back in line
    CounterOpened,  // one event per service the counter serves
    CounterClosed,
    Paused,  // the host stopped issuing tickets for a service (for the rest of the day)
    Resumed,
    Printed,  // informational, appended by the ticket printer
    PrintFailed,
    // Appended after PrintFailed so the numbers stored in older queue files keep their meaning.
    Recalled,        // called again at the same counter: the display announces it again
    Parked,          // set aside (called or serving -> parked); resuming it leaves a Called event
    NoShowUndone,    // a no-show corrected: the ticket is back in line at its original place
    TransferredOut,  // left this service's line (service, number: the old ones) ...
    TransferredIn,   // ... and joined another's (service, number: the new ones; display unchanged)
};

// "issued", "called", ..., "print-failed", "recalled", "parked", "no-show-undone", "transferred-out",
// "transferred-in"
std::string_view toString(QueueEventKind k);
std::optional<QueueEventKind> queueEventKindFromString(std::string_view s);
// The event a state change leaves behind.
QueueEventKind eventForTransition(TicketState to);
// Printed and PrintFailed: events that change no state and may be appended directly.
bool isInformational(QueueEventKind k);

// One queue change, for statistics at the central server and for the other roles. No personal data.
struct QueueEvent {
    std::int64_t seq = 0;  // store order, increasing; 0 before it is stored
    QueueEventKind kind = QueueEventKind::Issued;
    std::string serviceId;
    std::string day;      // local day of the ticket (or of `at` for counter and pause events)
    int number = 0;       // ticket number; 0 for counter and pause events
    std::string counter;  // counter name where one is involved
    TimePoint at;
    // The ticket as residents know it ("H-014"), filled in by the store when it reads ticket events (from the
    // ticket; it is not stored with the event); empty for counter and pause events. A transferred ticket
    // keeps its display while its service and number change, so the display reads this, not prefix + number.
    std::string display;
    bool operator==(const QueueEvent&) const = default;
};

// --- walk-in hours

enum class WalkInState { Open, Closed, Paused };

struct WalkInStatus {
    WalkInState state = WalkInState::Closed;
    // Open: when the current walk-in window ends.
    std::optional<TimePoint> closesAt;
    // Closed or Paused: the start of the next walk-in window after now (for Paused the window after the
    // current one, since a pause lasts until the host resumes). Empty when none within 14 days.
    std::optional<TimePoint> nextOpening;
};

// The service's walk-in state at now, given whether the host paused it today.
WalkInStatus walkInStatus(const Service& service, TimePoint now, bool paused);
// The start of the first walk-in window that begins after `after` (at most 14 days ahead).
std::optional<TimePoint> nextWalkInStart(const Service& service, TimePoint after);

// --- the estimated wait (the rule itself is shared with the central server: common/queue_estimate.h)

// How long serving one resident took, per finished ticket of the day in the order they finished: from
// Called to Done. Tickets that ended as no-show or cancelled, or were put back, are not counted (a put-back
// ticket's next call starts its time again).
std::vector<Seconds> serviceDurations(const std::vector<QueueEvent>& eventsOfDay);

// --- storage

// Where tickets and their events are kept: issuing numbers, reading tickets, and the event log. Every change
// of the queue appends its event in its own transaction, here or in HostQueueStore. Implemented by
// SqliteQueueStore (kiosk/store). Errors are the world's: Unavailable (database busy beyond its timeout),
// IoError (disk), NotFound (unknown service or ticket), InvalidInput (an event that only comes with a
// change).
class QueueStore {
  public:
    virtual ~QueueStore() = default;

    // Issues the next number of serviceId for the local day of now, durably: once this returns, the
    // number is never handed out again that day, whatever happens to the process. Appends Issued.
    virtual Result<Ticket> issueTicket(const std::string& serviceId, TimePoint now) = 0;
    // The same, recording how the ticket came in. Like issueTicket it ignores walk-in hours and pauses:
    // ServiceQueue::takeTicket checks those for residents, and a host decides for themself.
    virtual Result<Ticket> issueTicketWithOrigin(const std::string& serviceId, TicketOrigin origin,
                                                 TimePoint now) = 0;
    // The ticket of a resident who checked in for an appointment: origin Appointment with its booked start
    // (see Ticket::bookedStart). Like issueTicketWithOrigin it ignores walk-in hours and pauses.
    virtual Result<Ticket> issueAppointmentTicket(const std::string& serviceId, TimePoint bookedStart,
                                                  TimePoint now) = 0;

    // Tickets of a service on a day: still waiting in line order (issue time, then number: a transferred
    // ticket keeps its place by its original issue time), or in any state in number order.
    virtual Result<std::vector<Ticket>> waitingTickets(const std::string& serviceId,
                                                       const std::string& day) = 0;
    virtual Result<std::vector<Ticket>> ticketsOfDay(const std::string& serviceId,
                                                     const std::string& day) = 0;
    // Every ticket of a local day, all services, in (service, number) order.
    virtual Result<std::vector<Ticket>> allTicketsOfDay(const std::string& day) = 0;
    virtual Result<Ticket> ticket(std::int64_t id) = 0;
    // How many tickets of the same service and day wait ahead of it in line order (see waitingTickets).
    virtual Result<int> countAhead(const Ticket& ticket) = 0;

    // Appends an informational event (Printed, PrintFailed); other kinds come with the changes that make
    // them.
    virtual Status appendEvent(const QueueEvent& event) = 0;
    // Events with seq > afterSeq in order, at most limit (for the other roles and the central server).
    virtual Result<std::vector<QueueEvent>> eventsAfter(std::int64_t afterSeq, int limit) = 0;
    // The events of one service on one day, in order.
    virtual Result<std::vector<QueueEvent>> eventsOfDay(const std::string& serviceId,
                                                        const std::string& day) = 0;
    // The seq of the newest queue event, 0 when there is none (where an event reader starts).
    virtual Result<std::int64_t> lastEventSeq() = 0;
};

class HostQueueStore;  // kiosk/core/host_queue_store.h

// --- what screens call

// A ticket with its place in line, as the ticket screen and the printed ticket show it.
struct TicketView {
    Ticket ticket;
    int peopleAhead = 0;
    std::optional<Seconds> estimatedWait;  // empty: unknown (no counter serving the service now)
};

// The walk-in queue of one contact point. Holds references to the stores and the clock (which must outlive
// it) and its own copy of the services. It issues and reads tickets in `tickets`, and reads in `host`
// whether a service is paused and how many counters serve it. Not thread-safe: one per role process, used
// from its UI thread.
class ServiceQueue {
  public:
    ServiceQueue(std::vector<Service> services, QueueStore& tickets, HostQueueStore& host,
                 const Clock& clock);

    const std::vector<Service>& services() const { return services_; }
    const Service* findService(std::string_view id) const;

    // Open, closed or paused right now. NotFound for an unknown service.
    Result<WalkInStatus> walkInStatus(const std::string& serviceId);
    // Issues a ticket when the service is open now; Unavailable (with the reason) when it is closed or
    // paused, NotFound for an unknown service.
    Result<TicketView> takeTicket(const std::string& serviceId);
    // A ticket's current place in line and estimated wait. A ticket no longer waiting has nobody ahead;
    // its wait is zero while it is called or served, unknown once it is finished.
    Result<TicketView> view(const Ticket& ticket);

  private:
    std::vector<Service> services_;
    QueueStore& store_;
    HostQueueStore& host_;
    const Clock& clock_;
};

}  // namespace wp
