// SqliteHostQueueStore: what the hosts change in the walk-in queue, in the kiosk's SQLite database, as
// HostQueueStore (kiosk/core/host_queue_store.h): ticket states, calls, outcomes and revisions, transfers,
// the counters that serve (table counter_service) and the day's pauses (table service_pause). The tickets
// and events it changes are the ones SqliteQueueStore issues and reads (kiosk/store/queue_rows.h).
//
// Every change is one BEGIN IMMEDIATE transaction that reads the ticket, checks it (transition or revision),
// updates it and appends its events, committed with synchronous=FULL. A transfer moves the ticket row to the
// other service with that service's next number from ticket_counter (display, issue time and id unchanged)
// and records its former number in ticket_former_number, so its earlier events still find it.
//
// Thread-safe: one mutex around its own connection. Several processes may share the file.
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

namespace wp {

class SqliteHostQueueStore final : public HostQueueStore {
  public:
    // Opens (creating and upgrading) the kiosk database. Counters, pauses and transfers take these
    // services only.
    static Result<std::unique_ptr<SqliteHostQueueStore>> open(const std::filesystem::path& file,
                                                              const std::vector<Service>& services);

    Status changeTicketState(std::int64_t ticketId, TicketState to, const std::string& counter,
                             TimePoint now) override;
    Result<Ticket> changeTicket(const TicketChange& change, TimePoint now) override;
    Result<std::optional<Ticket>> callFirstWaiting(const std::vector<std::string>& serviceIds,
                                                   const std::string& counter, TimePoint now) override;
    Status openCounter(const std::string& counter, const std::vector<std::string>& serviceIds,
                       TimePoint now) override;
    Status closeCounter(const std::string& counter, TimePoint now) override;
    Result<int> countersServing(const std::string& serviceId, const std::string& day) override;
    Status setPaused(const std::string& serviceId, bool paused, TimePoint now) override;
    Result<bool> isPaused(const std::string& serviceId, const std::string& day) override;

    // The connection, for tests and maintenance tools.
    SqliteDatabase& database() { return *db_; }

  private:
    SqliteHostQueueStore(std::unique_ptr<SqliteDatabase> db, std::map<std::string, std::string> prefixes)
        : db_(std::move(db)), prefixes_(std::move(prefixes)) {}
    // Called with mutex_ held, inside a transaction.
    Result<Ticket> applyChange(Ticket t, TicketState to, QueueEventKind event, const std::string& counter,
                               TicketOutcome outcome, const std::string& toServiceId, TimePoint now);
    Result<int> nextNumber(const std::string& serviceId, const std::string& day);

    std::unique_ptr<SqliteDatabase> db_;
    std::map<std::string, std::string> prefixes_;  // service id -> ticket prefix
    std::mutex mutex_;
};

}  // namespace wp
