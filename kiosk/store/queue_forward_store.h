// SqliteQueueForwardStore: how far the kiosk's queue events have reached the central server, in the
// one-row table queue_forward (migration 6 in kiosk_schema.cpp): the seq of the last queue event the server
// confirmed, and when the last batch or heartbeat was answered.
//
// The queue-statistics sender (drivers/net/queue_stat_sender.h) reads the cursor when it starts and moves it
// after every 2xx, so a restarted kiosk goes on where it stopped: nothing is lost, and at most the batch that
// was in flight when it died is sent again (the server stores each (kiosk, seq) once). The cursor never moves
// back. Commits with synchronous=NORMAL: a move lost in a power cut only means a batch is sent again.
//
// Thread-safe: one mutex around its own connection. Several processes may share the file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>

#include "common/clock.h"
#include "common/sqlite/sqlite_database.h"
#include "common/status.h"

namespace wp {

struct QueueForwardCursor {
    std::int64_t lastSeq = 0;             // events up to this seq are at the server
    std::optional<TimePoint> lastSentAt;  // the last answered batch or heartbeat; nullopt: never
};

class SqliteQueueForwardStore {
  public:
    // Opens (creating and upgrading) the kiosk database.
    static Result<std::unique_ptr<SqliteQueueForwardStore>> open(const std::filesystem::path& file);

    Result<QueueForwardCursor> cursor();
    // The server took the events up to lastSeq (a heartbeat: the same lastSeq as before) at sentAt.
    Status confirm(std::int64_t lastSeq, TimePoint sentAt);

    SqliteDatabase& database() { return *db_; }

  private:
    explicit SqliteQueueForwardStore(std::unique_ptr<SqliteDatabase> db) : db_(std::move(db)) {}
    std::unique_ptr<SqliteDatabase> db_;
    std::mutex mutex_;
};

}  // namespace wp
