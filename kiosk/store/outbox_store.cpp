#include "kiosk/store/outbox_store.h"

#include <fmt/format.h>

#include "common/log.h"
#include "kiosk/store/kiosk_schema.h"

namespace wp {

Result<std::unique_ptr<SqliteOutboxStore>> SqliteOutboxStore::open(const std::filesystem::path& file,
                                                                   const RequestSpecs& specs) {
    auto db = SqliteDatabase::open(file);
    if (!db) return db.status();
    if (Status s = (*db)->migrate(kioskMigrations()); !s) return s;
    return std::unique_ptr<SqliteOutboxStore>(new SqliteOutboxStore(std::move(db).value(), specs));
}

Result<std::int64_t> SqliteOutboxStore::add(const Request& r, TimePoint now) {
    std::lock_guard lock(mutex_);
    auto st = db_->prepare(
        "INSERT INTO outbox (uuid, reference, type, body, created_at_ms, next_attempt_at_ms) "
        "VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
    if (!st) return st.status();
    std::int64_t ms = toUnixMillis(now);
    st->bind(1, r.uuid).bind(2, r.reference).bind(3, r.type).bind(4, encodeRequest(r, specs_));
    st->bind(5, ms).bind(6, ms);
    auto row = st->step();
    if (!row) return row.status();
    std::int64_t id = st->integer(0);
    if (Status s = st->run(); !s) return s;
    return id;
}

Result<std::vector<OutboxItem>> SqliteOutboxStore::due(TimePoint now, int limit, int shard, int shards) {
    std::lock_guard lock(mutex_);
    auto st = db_->prepare(
        "SELECT id, uuid, reference, body, attempts FROM outbox WHERE state = 'waiting' AND "
        "next_attempt_at_ms <= ? "
        "AND id % ? = ? ORDER BY next_attempt_at_ms, id LIMIT ?");
    if (!st) return st.status();
    st->bind(1, toUnixMillis(now))
        .bind(2, std::int64_t(shards))
        .bind(3, std::int64_t(shard))
        .bind(4, std::int64_t(limit));
    std::vector<OutboxItem> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.status();
        if (!row.value()) break;
        out.push_back(
            {st->integer(0), st->text(1), st->text(2), st->text(3), static_cast<int>(st->integer(4))});
    }
    return out;
}

Result<std::optional<TimePoint>> SqliteOutboxStore::nextDue(int shard, int shards) {
    std::lock_guard lock(mutex_);
    auto st =
        db_->prepare("SELECT MIN(next_attempt_at_ms) FROM outbox WHERE state = 'waiting' AND id % ? = ?");
    if (!st) return st.status();
    st->bind(1, std::int64_t(shards)).bind(2, std::int64_t(shard));
    auto row = st->step();
    if (!row) return row.status();
    if (!row.value() || st->isNull(0)) return std::optional<TimePoint>();
    return std::optional<TimePoint>(fromUnixMillis(st->integer(0)));
}

Status SqliteOutboxStore::wipeBody(std::int64_t id, TimePoint now) {
    auto sel = db_->prepare("SELECT body FROM outbox WHERE id = ?");
    if (!sel) return sel.status();
    sel->bind(1, id);
    auto row = sel->step();
    if (!row) return row.status();
    if (!row.value()) return Status::notFound(fmt::format("no outbox row {}", id));
    auto decoded = decodeRequest(sel->text(0), specs_);
    // Our own bodies always decode; should one not, keep nothing of it rather than something personal.
    std::string kept = decoded ? encodeRequest(withoutPersonalFields(decoded.value(), specs_), specs_) : "{}";
    auto up = db_->prepare("UPDATE outbox SET body = ?, wiped_at_ms = ? WHERE id = ?");
    if (!up) return up.status();
    up->bind(1, kept).bind(2, toUnixMillis(now)).bind(3, id);
    return up->run();
}

void SqliteOutboxStore::forgetWiped() {
    // The wipe is committed either way; a log that stays busy keeps the old bodies only until a later wipe's
    // checkpoint gets through.
    if (Status s = db_->checkpointTruncate(); !s)
        log::warning("outbox: the write-ahead log still holds wiped bodies: {}", s.message());
}

// Bookkeeping after an attempt need not wait for the disk: a mark lost in a power cut only means the row is
// sent again, and the server answers a known UUID with its first answer (and a 4xx again with a 4xx). Only
// add() must be on disk before it returns. synchronous is per connection, so it is lowered for these
// transactions only (WAL keeps them atomic either way).
class RelaxedSync {
  public:
    explicit RelaxedSync(SqliteDatabase& db) : db_(db) { (void)db_.exec("PRAGMA synchronous=NORMAL"); }
    ~RelaxedSync() { (void)db_.exec("PRAGMA synchronous=FULL"); }

  private:
    SqliteDatabase& db_;
};

Status SqliteOutboxStore::markDelivered(std::int64_t id, TimePoint now) {
    std::lock_guard lock(mutex_);
    RelaxedSync relaxed(*db_);
    auto tx = SqliteTransaction::begin(*db_);
    if (!tx) return tx.status();
    auto st = db_->prepare(
        "UPDATE outbox SET state = 'delivered', delivered_at_ms = ?, attempts = attempts + 1, last_error = "
        "'' "
        "WHERE id = ?");
    if (!st) return st.status();
    st->bind(1, toUnixMillis(now)).bind(2, id);
    if (Status s = st->run(); !s) return s;
    if (Status s = wipeBody(id, now); !s) return s;
    if (Status s = tx->commit(); !s) return s;
    forgetWiped();
    return Status::ok();
}

Status SqliteOutboxStore::markRejected(std::int64_t id, int httpStatus, const ApiError& e, TimePoint now) {
    std::lock_guard lock(mutex_);
    RelaxedSync relaxed(*db_);
    auto st = db_->prepare(
        "UPDATE outbox SET state = 'rejected', rejected_at_ms = ?, attempts = attempts + 1, http_status = ?, "
        "error_code = ?, error_message = ?, error_field = ?, last_error = ? WHERE id = ?");
    if (!st) return st.status();
    st->bind(1, toUnixMillis(now)).bind(2, std::int64_t(httpStatus)).bind(3, e.code).bind(4, e.message);
    st->bind(5, e.field).bind(6, fmt::format("HTTP {} {}", httpStatus, e.code)).bind(7, id);
    return st->run();
}

Status SqliteOutboxStore::scheduleRetry(std::int64_t id, TimePoint at, const std::string& error) {
    std::lock_guard lock(mutex_);
    RelaxedSync relaxed(*db_);
    auto st = db_->prepare(
        "UPDATE outbox SET attempts = attempts + 1, next_attempt_at_ms = ?, last_error = ?, last_error_at_ms "
        "= ? "
        "WHERE id = ? AND state = 'waiting'");
    if (!st) return st.status();
    st->bind(1, toUnixMillis(at)).bind(2, error).bind(3, toUnixMillis(at)).bind(4, id);
    return st->run();
}

Result<int> SqliteOutboxStore::wipeRejectedBefore(TimePoint cutoff, TimePoint now) {
    std::lock_guard lock(mutex_);
    auto tx = SqliteTransaction::begin(*db_);
    if (!tx) return tx.status();
    std::vector<std::int64_t> ids;
    {
        auto st = db_->prepare(
            "SELECT id FROM outbox WHERE state = 'rejected' AND wiped_at_ms IS NULL AND rejected_at_ms < ?");
        if (!st) return st.status();
        st->bind(1, toUnixMillis(cutoff));
        for (;;) {
            auto row = st->step();
            if (!row) return row.status();
            if (!row.value()) break;
            ids.push_back(st->integer(0));
        }
    }
    for (auto id : ids)
        if (Status s = wipeBody(id, now); !s) return s;
    if (Status s = tx->commit(); !s) return s;
    if (!ids.empty()) forgetWiped();
    return static_cast<int>(ids.size());
}

Result<OutboxSnapshot> SqliteOutboxStore::snapshot(int maxRejected) {
    std::lock_guard lock(mutex_);
    OutboxSnapshot snap;
    {
        auto st = db_->prepare(
            "SELECT COUNT(*) FILTER (WHERE state = 'waiting'), COUNT(*) FILTER (WHERE state = 'delivered'), "
            "MAX(delivered_at_ms), MIN(CASE WHEN state = 'waiting' THEN created_at_ms END) FROM outbox");
        if (!st) return st.status();
        auto row = st->step();
        if (!row) return row.status();
        snap.waiting = static_cast<int>(st->integer(0));
        snap.delivered = static_cast<int>(st->integer(1));
        if (!st->isNull(2)) snap.lastDelivery = fromUnixMillis(st->integer(2));
        if (!st->isNull(3)) snap.oldestWaiting = fromUnixMillis(st->integer(3));
    }
    {
        auto st = db_->prepare(
            "SELECT last_error FROM outbox WHERE state = 'waiting' AND last_error <> '' "
            "ORDER BY last_error_at_ms DESC LIMIT 1");
        if (!st) return st.status();
        auto row = st->step();
        if (!row) return row.status();
        if (row.value()) snap.lastError = st->text(0);
    }
    auto st = db_->prepare(
        "SELECT id, reference, type, http_status, error_code, error_message, error_field, rejected_at_ms, "
        "wiped_at_ms FROM outbox WHERE state = 'rejected' ORDER BY rejected_at_ms DESC, id DESC LIMIT ?");
    if (!st) return st.status();
    st->bind(1, std::int64_t(maxRejected));
    for (;;) {
        auto row = st->step();
        if (!row) return row.status();
        if (!row.value()) break;
        RejectedRequest r;
        r.id = st->integer(0);
        r.reference = st->text(1);
        r.type = st->text(2);
        r.httpStatus = static_cast<int>(st->integer(3));
        r.error = {r.httpStatus, st->text(4), st->text(5), st->text(6)};
        r.rejectedAt = fromUnixMillis(st->integer(7));
        r.personalDataWiped = !st->isNull(8);
        snap.rejected.push_back(std::move(r));
    }
    return snap;
}

}  // namespace wp
