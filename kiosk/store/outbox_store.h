// SqliteOutboxStore: the kiosk's outbox (kiosk/core/outbox.h) in the kiosk's SQLite database, table `outbox`
// (migration 3 in kiosk_schema.cpp).
//
// add() commits with synchronous=FULL before it returns, so a receipt is only printed for a request that
// survives a power cut. The marks after an attempt (delivered, rejected, retry) commit with
// synchronous=NORMAL: one lost in a power cut only means the row is sent again, which the server's
// idempotency by UUID makes harmless. Delivered rows, and rejected rows after their keep time, have their
// body replaced by the request without personal fields; secure_delete=ON (set by SqliteDatabase) overwrites
// the old bytes in the database file, and a TRUNCATE checkpoint after the wipe commits empties the
// write-ahead log of the old pages. Rows are never deleted: the reference codes a kiosk issued stay known.
//
// Bodies are encoded and wiped by the request specs given at open() (the bundle's; they must outlive the
// store): a body of a type or version they do not know keeps no field once wiped.
// Thread-safe: one mutex around the connection. Several processes (walk-in role, sender) may share the file.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>

#include "common/sqlite/sqlite_database.h"
#include "kiosk/core/outbox.h"

namespace wp {

class SqliteOutboxStore final : public OutboxStore {
  public:
    // Opens (creating and upgrading) the kiosk database.
    static Result<std::unique_ptr<SqliteOutboxStore>> open(const std::filesystem::path& file,
                                                           const RequestSpecs& specs);

    Result<std::int64_t> add(const Request& request, TimePoint now) override;
    Result<std::vector<OutboxItem>> due(TimePoint now, int limit, int shard, int shards) override;
    Result<std::optional<TimePoint>> nextDue(int shard, int shards) override;
    Status markDelivered(std::int64_t id, TimePoint now) override;
    Status markRejected(std::int64_t id, int httpStatus, const ApiError& error, TimePoint now) override;
    Status scheduleRetry(std::int64_t id, TimePoint at, const std::string& error) override;
    Result<int> wipeRejectedBefore(TimePoint cutoff, TimePoint now) override;
    Result<OutboxSnapshot> snapshot(int maxRejected) override;

    SqliteDatabase& database() { return *db_; }

  private:
    SqliteOutboxStore(std::unique_ptr<SqliteDatabase> db, const RequestSpecs& specs)
        : db_(std::move(db)), specs_(specs) {}
    Status wipeBody(std::int64_t id, TimePoint now);
    // After a committed wipe: the TRUNCATE checkpoint (SqliteDatabase::checkpointTruncate); a failure is
    // logged, not returned.
    void forgetWiped();
    std::unique_ptr<SqliteDatabase> db_;
    const RequestSpecs& specs_;
    std::mutex mutex_;
};

}  // namespace wp
