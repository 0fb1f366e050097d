// SqliteQueueStore: the walk-in queue's tickets and events in the kiosk's SQLite database (DESIGN.md:
// Queue), as QueueStore (kiosk/core/queue.h). What the hosts change (calls, transfers, counters, pauses) is
// SqliteHostQueueStore's, on the same tables; the consoles' PIN lockouts are SqlitePinLockStore's.
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
// Waiting lines are ordered by issue time, then number. Events are read with the display of their ticket
// joined in: the ticket that has the event's (service, day, number) now, or had it before a transfer
// (ticket_former_number); queue_event itself keeps no display.
//
// Thread-safe: one mutex around its own connection. Several processes may share the file.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/services.h"
#include "common/sqlite/sqlite_database.h"
#include "kiosk/core/queue.h"

namespace wp {

class SqliteQueueStore final : public QueueStore {
  public:
    // Opens (creating and upgrading) the kiosk database. Tickets are issued for these services only.
    static Result<std::unique_ptr<SqliteQueueStore>> open(const std::filesystem::path& file,
                                                          const std::vector<Service>& services);

    Result<Ticket> issueTicket(const std::string& serviceId, TimePoint now) override;
    Result<Ticket> issueTicketWithOrigin(const std::string& serviceId, TicketOrigin origin,
                                         TimePoint now) override;
    Result<Ticket> issueAppointmentTicket(const std::string& serviceId, TimePoint bookedStart,
                                          TimePoint now) override;
    Result<std::vector<Ticket>> waitingTickets(const std::string& serviceId, const std::string& day) override;
    Result<std::vector<Ticket>> ticketsOfDay(const std::string& serviceId, const std::string& day) override;
    Result<std::vector<Ticket>> allTicketsOfDay(const std::string& day) override;
    Result<Ticket> ticket(std::int64_t id) override;
    Result<int> countAhead(const Ticket& ticket) override;
    Status appendEvent(const QueueEvent& event) override;
    Result<std::vector<QueueEvent>> eventsAfter(std::int64_t afterSeq, int limit) override;
    Result<std::vector<QueueEvent>> eventsOfDay(const std::string& serviceId,
                                                const std::string& day) override;
    Result<std::int64_t> lastEventSeq() override;

    // The connection, for tests and maintenance tools.
    SqliteDatabase& database() { return *db_; }

  private:
    SqliteQueueStore(std::unique_ptr<SqliteDatabase> db, std::map<std::string, std::string> prefixes)
        : db_(std::move(db)), prefixes_(std::move(prefixes)) {}
    // Issues a ticket of any origin; bookedStart for an appointment ticket from a check-in.
    Result<Ticket> issue(const std::string& serviceId, TicketOrigin origin,
                         std::optional<TimePoint> bookedStart, TimePoint now);
    // Called with mutex_ held.
    Result<std::vector<Ticket>> selectTickets(std::string_view sql, const std::string& serviceId,
                                              const std::string& day);
    Result<std::vector<QueueEvent>> selectEvents(SqliteStatement& stmt);

    std::unique_ptr<SqliteDatabase> db_;
    std::map<std::string, std::string> prefixes_;  // service id -> ticket prefix
    std::mutex mutex_;
};

}  // namespace wp
