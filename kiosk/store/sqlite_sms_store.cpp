#include "kiosk/store/sqlite_sms_store.h"

#include "common/log.h"
#include "common/wire.h"
#include "kiosk/store/kiosk_schema.h"

namespace wp {

Result<std::unique_ptr<SqliteSmsStore>> SqliteSmsStore::open(const std::filesystem::path& file) {
    auto db = SqliteDatabase::open(file);
    if (!db) return db.status();
    if (Status s = db.value()->migrate(kioskMigrations()); !s) return s;
    return std::unique_ptr<SqliteSmsStore>(new SqliteSmsStore(std::move(db).value()));
}

Status SqliteSmsStore::subscribe(const SmsSubscription& sub, TimePoint now) {
    std::lock_guard lock(mutex_);
    auto stmt = db_->prepare(
        "INSERT INTO sms_subscription (ticket_id, number, language, created_at_ms) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT (ticket_id) DO UPDATE SET number = ?2, language = ?3");
    if (!stmt) return stmt.status();
    stmt->bind(1, sub.ticketId).bind(2, sub.number).bind(3, sub.language).bind(4, toUnixMillis(now));
    return stmt->run();
}

Result<std::vector<SmsSubscription>> SqliteSmsStore::subscriptions() {
    std::lock_guard lock(mutex_);
    auto stmt = db_->prepare("SELECT ticket_id, number, language FROM sms_subscription ORDER BY ticket_id");
    if (!stmt) return stmt.status();
    std::vector<SmsSubscription> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.status();
        if (!row.value()) break;
        out.push_back({stmt->integer(0), stmt->text(1), stmt->text(2)});
    }
    return out;
}

Result<bool> SqliteSmsStore::addMessage(std::int64_t ticketId, SmsKind kind, const std::string& text,
                                        TimePoint now) {
    std::lock_guard lock(mutex_);
    // Only for an opted-in ticket, and only the first of its kind: UNIQUE (ticket_id, kind) keeps the rest
    // out.
    auto stmt = db_->prepare(
        "INSERT INTO sms_message (ticket_id, kind, text, created_at_ms, next_attempt_at_ms) "
        "SELECT ?1, ?2, ?3, ?4, ?4 WHERE EXISTS (SELECT 1 FROM sms_subscription WHERE ticket_id = ?1) "
        "ON CONFLICT (ticket_id, kind) DO NOTHING");
    if (!stmt) return stmt.status();
    stmt->bind(1, ticketId).bind(2, toString(kind)).bind(3, text).bind(4, toUnixMillis(now));
    if (Status s = stmt->run(); !s) return s;
    return db_->changes() == 1;
}

Result<std::vector<SmsMessage>> SqliteSmsStore::dueMessages(TimePoint now, int limit) {
    std::lock_guard lock(mutex_);
    auto stmt = db_->prepare(
        "SELECT m.id, m.ticket_id, m.kind, s.number, m.text, m.attempts FROM sms_message m "
        "JOIN sms_subscription s ON s.ticket_id = m.ticket_id "
        "WHERE m.sent_at_ms IS NULL AND m.next_attempt_at_ms <= ?1 ORDER BY m.id LIMIT ?2");
    if (!stmt) return stmt.status();
    stmt->bind(1, toUnixMillis(now)).bind(2, std::int64_t{limit});
    std::vector<SmsMessage> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.status();
        if (!row.value()) break;
        SmsMessage m;
        m.id = stmt->integer(0);
        m.ticketId = stmt->integer(1);
        m.kind = stmt->text(2) == "called" ? SmsKind::Called : SmsKind::Near;
        m.number = stmt->text(3);
        m.text = stmt->text(4);
        m.attempts = static_cast<int>(stmt->integer(5));
        out.push_back(std::move(m));
    }
    return out;
}

Status SqliteSmsStore::markSent(std::int64_t messageId, TimePoint now) {
    std::lock_guard lock(mutex_);
    auto stmt = db_->prepare("UPDATE sms_message SET sent_at_ms = ?2 WHERE id = ?1");
    if (!stmt) return stmt.status();
    stmt->bind(1, messageId).bind(2, toUnixMillis(now));
    return stmt->run();
}

Status SqliteSmsStore::markFailed(std::int64_t messageId, const std::string& error, TimePoint now,
                                  TimePoint nextAttempt) {
    std::lock_guard lock(mutex_);
    auto stmt = db_->prepare(
        "UPDATE sms_message SET attempts = attempts + 1, last_error = ?2, next_attempt_at_ms = ?3, "
        "first_failure_at_ms = COALESCE(first_failure_at_ms, ?4) WHERE id = ?1");
    if (!stmt) return stmt.status();
    stmt->bind(1, messageId).bind(2, error).bind(3, toUnixMillis(nextAttempt)).bind(4, toUnixMillis(now));
    return stmt->run();
}

Status SqliteSmsStore::forget(std::int64_t ticketId) {
    std::lock_guard lock(mutex_);
    auto tx = SqliteTransaction::begin(*db_);
    if (!tx) return tx.status();
    for (const char* sql : {"DELETE FROM sms_message WHERE ticket_id = ?1",
                            "DELETE FROM sms_subscription WHERE ticket_id = ?1"}) {
        auto stmt = db_->prepare(sql);
        if (!stmt) return stmt.status();
        stmt->bind(1, ticketId);
        if (Status s = stmt->run(); !s) return s;
    }
    if (Status s = tx->commit(); !s) return s;
    // The number is gone from the database file (secure_delete); the checkpoint takes it out of the
    // write-ahead log too. Should the log stay busy, a later forget() empties it.
    if (Status s = db_->checkpointTruncate(); !s)
        log::warning("sms: the write-ahead log still holds a forgotten number: {}", s.message());
    return Status::ok();
}

Result<std::optional<SmsGatewayTrouble>> SqliteSmsStore::gatewayTrouble() {
    std::lock_guard lock(mutex_);
    auto stmt = db_->prepare(
        "SELECT first_failure_at_ms, last_error FROM sms_message "
        "WHERE sent_at_ms IS NULL AND attempts > 0 ORDER BY first_failure_at_ms, id LIMIT 1");
    if (!stmt) return stmt.status();
    // The message that has failed longest: since when, and its last error.
    auto row = stmt->step();
    if (!row) return row.status();
    if (!row.value()) return std::optional<SmsGatewayTrouble>();
    return std::optional<SmsGatewayTrouble>(
        SmsGatewayTrouble{fromUnixMillis(stmt->integer(0)), stmt->text(1)});
}

}  // namespace wp
