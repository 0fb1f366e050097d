// SqliteQueueStore: the walk-in queue in the kiosk's SQLite database (DESIGN.md: Queue).
//
// Ticket numbers: each issue is one BEGIN IMMEDIATE transaction that bumps the (service, day) row of
// ticket_counter, inserts the ticket and its Issued event, and commits with synchronous=FULL before the
// number is returned. Two processes issuing at once queue on the write lock. A crash before COMMIT leaves
// nothing behind; a crash after it keeps the number used (the resident may never have seen it: a gap, never
// a repeat). UNIQUE(service_id, day, number) on ticket is the last line of defence: should the counter ever
// lag behind the tickets, the issue resynchronises it from the highest number instead of repeating one.
//
// Crash points on the issue path, in order (see common/crash_point.h):
//   "issue-begun", "after-counter-update", "after-ticket-insert", "after-event-insert", "after-commit";
// and "migration-before-commit" while opening an old file.
//
// Issue 5: it is also the HostQueueStore (kiosk/core/host_queue_store.h) of the host console and the display:
// ticket origin, parking, transfers, outcomes, revisions, and the consoles' PIN lockouts (table console_pin).
// Waiting lines are ordered by issue time, then number. A transfer moves the ticket row to the other service
// with that service's next number (display, issue time and id unchanged) and records its former number in
// ticket_former_number; events are read with the display of their ticket joined in (queue_event itself keeps
// no more columns than before).
//
// Thread-safe: one mutex around the connection. Several processes may share the file.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/services.h"
#include "common/sqlite/sqlite_database.h"
#include "kiosk/core/host_queue_store.h"
#include "kiosk/core/queue.h"

namespace wp {

class SqliteQueueStore final : public HostQueueStore {
  public:
    // Opens (creating and upgrading) the kiosk database. Tickets are issued for these services only.
    static Result<std::unique_ptr<SqliteQueueStore>> open(const std::filesystem::path& file,
                                                          const std::vector<Service>& services);

    Result<Ticket> issueTicket(const std::string& serviceId, TimePoint now) override;
    Result<std::vector<Ticket>> waitingTickets(const std::string& serviceId, const std::string& day) override;
    Result<std::vector<Ticket>> ticketsOfDay(const std::string& serviceId, const std::string& day) override;
    Result<Ticket> ticket(std::int64_t id) override;
    Result<int> countAhead(const Ticket& ticket) override;
    Status changeTicketState(std::int64_t ticketId, TicketState to, const std::string& counter,
                             TimePoint now) override;
    Status openCounter(const std::string& counter, const std::vector<std::string>& serviceIds,
                       TimePoint now) override;
    Status closeCounter(const std::string& counter, TimePoint now) override;
    Result<int> countersServing(const std::string& serviceId, const std::string& day) override;
    Status setPaused(const std::string& serviceId, bool paused, TimePoint now) override;
    Result<bool> isPaused(const std::string& serviceId, const std::string& day) override;
    Status appendEvent(const QueueEvent& event) override;
    Result<std::vector<QueueEvent>> eventsAfter(std::int64_t afterSeq, int limit) override;
    Result<std::vector<QueueEvent>> eventsOfDay(const std::string& serviceId,
                                                const std::string& day) override;

    // HostQueueStore
    Result<Ticket> issueTicketWithOrigin(const std::string& serviceId, TicketOrigin origin,
                                         TimePoint now) override;
    Result<Ticket> changeTicket(const TicketChange& change, TimePoint now) override;
    Result<std::optional<Ticket>> callFirstWaiting(const std::vector<std::string>& serviceIds,
                                                   const std::string& counter, TimePoint now) override;
    Result<std::vector<Ticket>> allTicketsOfDay(const std::string& day) override;
    Result<std::int64_t> lastEventSeq() override;
    Result<PinLock> pinLock(const std::string& console) override;
    Status savePinLock(const std::string& console, const PinLock& lock) override;

    // The connection, for tests and maintenance tools.
    SqliteDatabase& database() { return *db_; }

  private:
    SqliteQueueStore(std::unique_ptr<SqliteDatabase> db, std::map<std::string, std::string> prefixes)
        : db_(std::move(db)), prefixes_(std::move(prefixes)) {}
    Status insertEvent(const QueueEvent& e);
    // Issue 5 helpers; called with mutex_ held, inside a transaction where they write.
    Result<Ticket> selectTicket(std::int64_t id);
    Result<Ticket> applyChange(Ticket t, TicketState to, QueueEventKind event, const std::string& counter,
                               TicketOutcome outcome, const std::string& toServiceId, TimePoint now);
    Result<int> nextNumber(const std::string& serviceId, const std::string& day);
    Result<std::vector<Ticket>> selectTickets(std::string_view sql, const std::string& serviceId,
                                              const std::string& day);
    Result<std::vector<QueueEvent>> selectEvents(SqliteStatement& stmt);

    std::unique_ptr<SqliteDatabase> db_;
    std::map<std::string, std::string> prefixes_;  // service id -> ticket prefix
    std::mutex mutex_;
};

}  // namespace wp
