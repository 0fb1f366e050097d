#include "kiosk/store/queue_forward_store.h"

#include "common/wire.h"
#include "kiosk/store/kiosk_schema.h"

namespace wp {

Result<std::unique_ptr<SqliteQueueForwardStore>> SqliteQueueForwardStore::open(
    const std::filesystem::path& file) {
    auto db = SqliteDatabase::open(file);
    if (!db) return db.status();
    if (Status s = (*db)->migrate(kioskMigrations()); !s) return s;
    // Only the cursor's own small commits run on this connection.
    if (Status s = (*db)->exec("PRAGMA synchronous=NORMAL"); !s) return s;
    return std::unique_ptr<SqliteQueueForwardStore>(new SqliteQueueForwardStore(std::move(db).value()));
}

Result<QueueForwardCursor> SqliteQueueForwardStore::cursor() {
    std::lock_guard lock(mutex_);
    auto st = db_->prepare("SELECT last_seq, last_sent_at_ms FROM queue_forward WHERE id = 1");
    if (!st) return st.status();
    auto row = st->step();
    if (!row) return row.status();
    QueueForwardCursor c;
    if (!row.value()) return c;  // migration 6 inserts the row; be forgiving all the same
    c.lastSeq = st->integer(0);
    if (!st->isNull(1)) c.lastSentAt = fromUnixMillis(st->integer(1));
    return c;
}

Status SqliteQueueForwardStore::confirm(std::int64_t lastSeq, TimePoint sentAt) {
    std::lock_guard lock(mutex_);
    auto st = db_->prepare(
        "INSERT INTO queue_forward (id, last_seq, last_sent_at_ms) VALUES (1, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET last_seq = MAX(last_seq, excluded.last_seq), "
        "last_sent_at_ms = excluded.last_sent_at_ms");
    if (!st) return st.status();
    st->bind(1, lastSeq).bind(2, toUnixMillis(sentAt));
    return st->run();
}

}  // namespace wp
