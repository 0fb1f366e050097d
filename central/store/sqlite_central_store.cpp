#include "central/store/sqlite_central_store.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "central/store/central_schema.h"
#include "central/store/sqlite_audit.h"
#include "central/store/sqlite_request_rows.h"
#include "common/crash_point.h"

namespace wp {

namespace {

// Picks a coach for the request just inserted as `id` (coach_assignment.h) and stores the choice; a coach
// with an e-mail address gets a notification, in the same transaction.
Status assignCoach(SqliteDatabase& c, std::int64_t id, const IntakeItem& item, std::int64_t received) {
    std::map<std::string, CoachLoad> loads;
    {
        auto st = c.prepare(
            "SELECT coach, SUM(CASE WHEN status <> 'closed' THEN 1 ELSE 0 END), COUNT(*) "
            "FROM request WHERE coach <> '' GROUP BY coach");
        if (!st) return st.status();
        for (;;) {
            auto row = st->step();
            if (!row) return row.status();
            if (!row.value()) break;
            loads[st->text(0)] = {st->integer(1), st->integer(2)};
        }
    }
    auto pick = pickCoach(item.coaches, loads);
    if (!pick) return Status::ok();
    const InitiativeCoach& coach = item.coaches[*pick];
    auto up = c.prepare("UPDATE request SET coach = ? WHERE id = ?");
    if (!up) return up.status();
    up->bind(1, coach.name).bind(2, id);
    if (Status s = up->run(); !s) return s;
    if (coach.email.empty()) return Status::ok();
    auto ns = c.prepare(
        "INSERT INTO notification (request_id, team, channel, target, due_at_ms) "
        "VALUES (?, ?, ?, ?, ?)");
    if (!ns) return ns.status();
    ns->bind(1, id).bind(2, item.team).bind(3, "email").bind(4, coach.email).bind(5, received);
    return ns->run();
}

}  // namespace

SqliteCentralStore::SqliteCentralStore(std::unique_ptr<SqliteDatabase> writer,
                                       std::unique_ptr<SqliteDatabase> other, const RequestSpecs& specs)
    : specs_(specs), writer_(std::move(writer)), other_(std::move(other)) {}

SqliteCentralStore::~SqliteCentralStore() = default;

Result<std::unique_ptr<SqliteCentralStore>> SqliteCentralStore::open(const std::filesystem::path& file,
                                                                     const RequestSpecs& specs) {
    // Automatic checkpoints are off: checkpoint() runs from the server's background thread.
    const SqliteDatabase::Options options{.busyTimeoutMs = 10000, .autoCheckpoint = false};
    auto writer = SqliteDatabase::open(file, options);
    if (!writer) return writer.status();
    if (Status s = writer.value()->migrate(centralMigrations()); !s) return s;
    auto other = SqliteDatabase::open(file, options);
    if (!other) return other.status();
    return std::unique_ptr<SqliteCentralStore>(
        new SqliteCentralStore(std::move(writer).value(), std::move(other).value(), specs));
}

std::vector<IntakeOutcome> SqliteCentralStore::storeBatch(const std::vector<IntakeItem>& items) {
    std::lock_guard lock(writerMutex_);
    SqliteDatabase& c = *writer_;
    std::vector<IntakeOutcome> out(items.size());
    auto failAll = [&](const Status& s) {
        for (auto& o : out) o = {IntakeOutcome::Kind::Failed, "", s.message()};
        return out;
    };
    auto tx = SqliteTransaction::begin(c);
    if (!tx) return failAll(tx.status());
    for (size_t i = 0; i < items.size(); ++i) {
        const IntakeItem& item = items[i];
        const Request& r = item.request;
        std::string answer = encodeIntakeAnswer({r.reference, RequestStatus::Received});
        auto ins = c.prepare(
            "INSERT INTO request (uuid, reference, kiosk, contact_point, type, category, language, "
            "team, flagged, status, body, answer, created_at_ms, received_at_ms, updated_at_ms) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
        if (!ins) return failAll(ins.status());
        std::int64_t received = toUnixMillis(item.receivedAt);
        ins->bind(1, r.uuid).bind(2, r.reference).bind(3, r.kioskCode).bind(4, item.contactPoint);
        ins->bind(5, r.type).bind(6, r.category).bind(7, r.language).bind(8, item.team);
        ins->bind(9, std::int64_t(item.flagged ? 1 : 0)).bind(10, encodeRequest(r, specs_)).bind(11, answer);
        ins->bind(12, toUnixMillis(r.createdAt)).bind(13, received).bind(14, received);
        if (Status s = ins->run(); !s) return failAll(s);
        if (c.changes() == 1) {
            std::int64_t id = c.lastInsertId();
            for (const auto& n : item.notify) {
                auto ns = c.prepare(
                    "INSERT INTO notification (request_id, team, channel, target, due_at_ms) "
                    "VALUES (?, ?, ?, ?, ?)");
                if (!ns) return failAll(ns.status());
                ns->bind(1, id).bind(2, item.team).bind(3, n.channel).bind(4, n.target).bind(5, received);
                if (Status s = ns->run(); !s) return failAll(s);
            }
            if (!item.coaches.empty())
                if (Status s = assignCoach(c, id, item, received); !s) return failAll(s);
            out[i] = {IntakeOutcome::Kind::Stored, std::move(answer), ""};
            continue;
        }
        // Not inserted: the UUID is known (a repeat of this kiosk, or another kiosk's UUID), or the reference
        // is stored under another UUID.
        std::optional<std::string> firstAnswer;
        bool otherKiosk = false;
        {
            auto known = c.prepare("SELECT answer, kiosk FROM request WHERE uuid = ?");
            if (!known) return failAll(known.status());
            known->bind(1, r.uuid);
            auto row = known->step();
            if (!row) return failAll(row.status());
            if (row.value()) {
                firstAnswer = known->text(0);
                otherKiosk = known->text(1) != r.kioskCode;
            }
        }
        if (firstAnswer && !otherKiosk) {
            out[i] = {IntakeOutcome::Kind::Repeat, std::move(*firstAnswer), ""};
            continue;
        }
        auto fault =
            c.prepare("INSERT INTO kiosk_fault (kiosk, uuid, reference, what, at_ms) VALUES (?, ?, ?, ?, ?)");
        if (!fault) return failAll(fault.status());
        fault->bind(1, r.kioskCode).bind(2, r.uuid).bind(3, r.reference);
        fault->bind(4, otherKiosk ? "UUID already stored for another kiosk"
                                  : "reference code already stored under another UUID");
        fault->bind(5, received);
        if (Status s = fault->run(); !s) return failAll(s);
        if (otherKiosk)
            out[i] = {IntakeOutcome::Kind::UuidConflict, "",
                      fmt::format("UUID {} is already stored for another kiosk", r.uuid)};
        else
            out[i] = {IntakeOutcome::Kind::ReferenceConflict, "",
                      fmt::format("reference {} is already stored under another UUID", r.reference)};
    }
    crashPoint("central-before-commit");
    if (Status s = tx->commit(); !s) return failAll(s);
    return out;
}

Result<std::optional<RequestStatusView>> SqliteCentralStore::statusOf(const std::string& reference) {
    std::lock_guard lock(otherMutex_);
    auto st =
        other_->prepare("SELECT status, public_note, updated_at_ms, coach FROM request WHERE reference = ?");
    if (!st) return st.status();
    st->bind(1, reference);
    auto row = st->step();
    if (!row) return row.status();
    if (!row.value()) return std::optional<RequestStatusView>();
    RequestStatusView v;
    v.reference = reference;
    v.status = requestStatusFromString(st->text(0)).value_or(RequestStatus::Received);
    v.publicNote = st->text(1);
    v.updatedAt = fromUnixMillis(st->integer(2));
    v.coach = st->text(3);
    return std::optional<RequestStatusView>(std::move(v));
}

Result<std::vector<RequestSummary>> SqliteCentralStore::listRequests(const RequestFilter& f) {
    std::lock_guard lock(otherMutex_);
    std::string sql = fmt::format("SELECT {} FROM request WHERE 1 = 1", kSummaryColumns);
    if (f.team) sql += " AND team = ?";
    if (f.status) sql += " AND status = ?";
    if (f.type) sql += " AND type = ?";
    if (f.flagged) sql += " AND flagged = ?";
    if (f.receivedSince) sql += " AND received_at_ms >= ?";
    sql += " ORDER BY received_at_ms, id LIMIT ? OFFSET ?";
    auto st = other_->prepare(sql);
    if (!st) return st.status();
    int i = 1;
    if (f.team) st->bind(i++, *f.team);
    if (f.status) st->bind(i++, toString(*f.status));
    if (f.type) st->bind(i++, *f.type);
    if (f.flagged) st->bind(i++, std::int64_t(*f.flagged ? 1 : 0));
    if (f.receivedSince) st->bind(i++, toUnixMillis(*f.receivedSince));
    st->bind(i, std::int64_t(std::clamp(f.limit, 1, 1000)));
    st->bind(i + 1, std::int64_t(std::max(f.offset, 0)));
    std::vector<RequestSummary> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.status();
        if (!row.value()) break;
        auto summary = summaryFrom(specs_, *st);
        if (!summary) return summary.status();
        out.push_back(std::move(summary).value());
    }
    return out;
}

Result<std::optional<RequestDetail>> SqliteCentralStore::requestDetail(
    const std::string& reference, const std::optional<std::string>& onlyTeam, const std::string& reader,
    const std::string& source, TimePoint now) {
    std::lock_guard lock(otherMutex_);
    auto tx = SqliteTransaction::begin(*other_);
    if (!tx) return tx.status();
    std::optional<RequestDetail> detail;
    {
        auto st =
            other_->prepare(fmt::format("SELECT {}, body, public_note, internal_note FROM request "
                                        "WHERE reference = ?",
                                        kSummaryColumns));
        if (!st) return st.status();
        st->bind(1, reference);
        auto row = st->step();
        if (!row) return row.status();
        if (row.value()) {
            auto d = detailFrom(specs_, *st);
            if (!d) return d.status();
            detail = std::move(d).value();
        }
    }
    std::string note = detail ? "" : "refused: no such request";
    if (detail && onlyTeam && detail->summary.team != *onlyTeam) {
        note = fmt::format("refused: request of team {}", detail->summary.team);
        detail.reset();
    }
    AuditEntry e{now, reader, "read-personal-data", reference, note, source};
    if (Status s = insertAudit(*other_, e); !s) return s;
    if (Status s = tx->commit(); !s) return s;
    return detail;
}

Result<int> SqliteCentralStore::storeQueueEvents(const QueueStatBatch& batch, const std::string& contactPoint,
                                                 TimePoint receivedAt) {
    std::lock_guard lock(otherMutex_);
    auto tx = SqliteTransaction::begin(*other_);
    if (!tx) return tx.status();
    int added = 0;
    std::int64_t received = toUnixMillis(receivedAt);
    for (const auto& e : batch.events) {
        auto st = other_->prepare(
            "INSERT INTO queue_stat_event (kiosk, seq, kind, service, day, number, counter, at_ms, "
            "received_at_ms, ticket, contact_point) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT DO NOTHING");
        if (!st) return st.status();
        st->bind(1, batch.kioskCode).bind(2, e.seq).bind(3, e.kind).bind(4, e.service).bind(5, e.day);
        st->bind(6, e.number).bind(7, e.counter).bind(8, toUnixMillis(e.at)).bind(9, received);
        st->bind(10, e.ticket).bind(11, contactPoint);
        if (Status s = st->run(); !s) return s;
        added += other_->changes();
    }
    // Every batch, a heartbeat too, says the kiosk is online.
    auto heard = other_->prepare(
        "INSERT INTO kiosk_heard (kiosk, contact_point, last_heard_at_ms) VALUES (?, ?, ?) "
        "ON CONFLICT (kiosk) DO UPDATE SET contact_point = excluded.contact_point, "
        "last_heard_at_ms = excluded.last_heard_at_ms");
    if (!heard) return heard.status();
    heard->bind(1, batch.kioskCode).bind(2, contactPoint).bind(3, received);
    if (Status s = heard->run(); !s) return s;
    if (Status s = tx->commit(); !s) return s;
    return added;
}

Result<std::vector<QueueStatEvent>> SqliteCentralStore::queueEventsOf(const std::string& contactPoint,
                                                                      const std::string& day) {
    return queueEventsOfDays(contactPoint, day, day);
}

Result<std::optional<TimePoint>> SqliteCentralStore::lastHeardFrom(const std::string& contactPoint) {
    std::lock_guard lock(otherMutex_);
    auto st = other_->prepare("SELECT MAX(last_heard_at_ms) FROM kiosk_heard WHERE contact_point = ?");
    if (!st) return st.status();
    st->bind(1, contactPoint);
    auto row = st->step();
    if (!row) return row.status();
    if (!row.value() || st->isNull(0)) return std::optional<TimePoint>();
    return std::optional<TimePoint>(fromUnixMillis(st->integer(0)));
}

Result<std::vector<PendingNotification>> SqliteCentralStore::dueNotifications(TimePoint now, int limit) {
    std::lock_guard lock(otherMutex_);
    auto st = other_->prepare(
        "SELECT n.id, r.reference, r.type, n.team, r.flagged, n.channel, n.target, n.attempts, "
        "r.received_at_ms FROM notification n JOIN request r ON r.id = n.request_id "
        "WHERE n.done_at_ms IS NULL AND n.failed = 0 AND n.due_at_ms <= ? "
        "ORDER BY n.due_at_ms, n.id LIMIT ?");
    if (!st) return st.status();
    st->bind(1, toUnixMillis(now)).bind(2, std::int64_t(limit));
    std::vector<PendingNotification> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.status();
        if (!row.value()) break;
        PendingNotification n;
        n.id = st->integer(0);
        n.reference = st->text(1);
        n.type = st->text(2);
        if (Status s = checkKnownType(specs_, n.type, n.reference); !s) return s;
        n.team = st->text(3);
        n.flagged = st->integer(4) != 0;
        n.channel = st->text(5);
        n.target = st->text(6);
        n.attempts = static_cast<int>(st->integer(7));
        n.receivedAt = fromUnixMillis(st->integer(8));
        out.push_back(std::move(n));
    }
    return out;
}

Status SqliteCentralStore::notificationDelivered(std::int64_t id, TimePoint now) {
    std::lock_guard lock(otherMutex_);
    auto st = other_->prepare("UPDATE notification SET done_at_ms = ?, attempts = attempts + 1 WHERE id = ?");
    if (!st) return st.status();
    st->bind(1, toUnixMillis(now)).bind(2, id);
    return st->run();
}

Status SqliteCentralStore::notificationFailed(std::int64_t id, const std::string& error, TimePoint retryAt,
                                              bool gaveUp) {
    std::lock_guard lock(otherMutex_);
    auto st = other_->prepare(
        "UPDATE notification SET attempts = attempts + 1, last_error = ?, due_at_ms = ?, failed = ? "
        "WHERE id = ?");
    if (!st) return st.status();
    st->bind(1, error.substr(0, 500))
        .bind(2, toUnixMillis(retryAt))
        .bind(3, std::int64_t(gaveUp ? 1 : 0))
        .bind(4, id);
    return st->run();
}

Result<int> SqliteCentralStore::wipePersonalData(const std::string& type, TimePoint cutoff, TimePoint now) {
    std::lock_guard lock(otherMutex_);
    auto tx = SqliteTransaction::begin(*other_);
    if (!tx) return tx.status();
    std::vector<std::pair<std::int64_t, std::string>> rows;
    {
        auto st = other_->prepare(
            "SELECT id, body FROM request WHERE type = ? AND wiped_at_ms IS NULL AND received_at_ms < ?");
        if (!st) return st.status();
        st->bind(1, type).bind(2, toUnixMillis(cutoff));
        for (;;) {
            auto row = st->step();
            if (!row) return row.status();
            if (!row.value()) break;
            rows.emplace_back(st->integer(0), st->text(1));
        }
    }
    for (const auto& [id, body] : rows) {
        auto stored = requestFromBody(specs_, body);
        if (!stored) return stored.status();
        Request kept = withoutPersonalFields(stored.value(), specs_);
        auto up = other_->prepare(
            "UPDATE request SET body = ?, public_note = '', internal_note = '', wiped_at_ms = ? WHERE id = "
            "?");
        if (!up) return up.status();
        up->bind(1, encodeRequest(kept, specs_)).bind(2, toUnixMillis(now)).bind(3, id);
        if (Status s = up->run(); !s) return s;
        // The history's notes and reasons are free text staff wrote about the resident.
        auto history = other_->prepare("UPDATE request_event SET note = '' WHERE request_id = ?");
        if (!history) return history.status();
        if (Status s = history->bind(1, id).run(); !s) return s;
    }
    if (Status s = tx->commit(); !s) return s;
    return static_cast<int>(rows.size());
}

Result<int> SqliteCentralStore::deleteWipedBefore(TimePoint cutoff) {
    std::lock_guard lock(otherMutex_);
    auto tx = SqliteTransaction::begin(*other_);
    if (!tx) return tx.status();
    std::vector<std::pair<std::int64_t, std::string>> rows;
    {
        auto st = other_->prepare("SELECT id, reference FROM request WHERE wiped_at_ms < ?");
        if (!st) return st.status();
        st->bind(1, toUnixMillis(cutoff));
        for (;;) {
            auto row = st->step();
            if (!row) return row.status();
            if (!row.value()) break;
            rows.emplace_back(st->integer(0), st->text(1));
        }
    }
    for (const auto& [id, reference] : rows) {
        for (const char* sql :
             {"DELETE FROM notification WHERE request_id = ?",
              "DELETE FROM request_event WHERE request_id = ?", "DELETE FROM request WHERE id = ?"}) {
            auto del = other_->prepare(sql);
            if (!del) return del.status();
            del->bind(1, id);
            if (Status s = del->run(); !s) return s;
        }
        auto audit = other_->prepare("DELETE FROM audit_log WHERE reference = ?");
        if (!audit) return audit.status();
        audit->bind(1, reference);
        if (Status s = audit->run(); !s) return s;
    }
    if (Status s = tx->commit(); !s) return s;
    return static_cast<int>(rows.size());
}

Status SqliteCentralStore::checkpoint() {
    std::lock_guard lock(otherMutex_);
    return other_->checkpoint();
}

Status SqliteCentralStore::checkpointTruncate() {
    std::lock_guard lock(otherMutex_);
    return other_->checkpointTruncate();
}

Result<std::string> SqliteCentralStore::backupBytes() {
    std::lock_guard lock(otherMutex_);
    return other_->backupBytes();
}

Result<StoreCounts> SqliteCentralStore::counts() {
    std::lock_guard lock(otherMutex_);
    StoreCounts c;
    struct Q {
        const char* sql;
        std::int64_t* out;
    } qs[] = {
        {"SELECT COUNT(*) FROM request", &c.requests},
        {"SELECT COUNT(DISTINCT uuid) FROM request", &c.distinctUuids},
        {"SELECT COUNT(*) FROM kiosk_fault", &c.kioskFaults},
        {"SELECT COUNT(*) FROM queue_stat_event", &c.queueEvents},
        {"SELECT COUNT(*) FROM notification WHERE done_at_ms IS NULL AND failed = 0",
         &c.notificationsPending},
        {"SELECT COUNT(*) FROM notification WHERE done_at_ms IS NOT NULL", &c.notificationsDone},
    };
    for (auto& q : qs) {
        auto st = other_->prepare(q.sql);
        if (!st) return st.status();
        auto row = st->step();
        if (!row) return row.status();
        *q.out = st->integer(0);
    }
    return c;
}

}  // namespace wp
