#include "kiosk/store/sqlite_appointment_store.h"

#include <fmt/format.h>

#include <set>

#include "common/wire.h"
#include "kiosk/core/queue.h"
#include "kiosk/store/kiosk_schema.h"

namespace wp {

namespace {

constexpr const char* kColumns =
    "code, day, service_id, start_ms, end_ms, name, state, arrived_at_ms, no_show_at_ms, ticket_id, "
    "auto_no_show";

std::optional<TimePoint> optionalMillis(const SqliteStatement& s, int column) {
    if (s.isNull(column)) return std::nullopt;
    return fromUnixMillis(s.integer(column));
}

TodayAppointment readAppointment(const SqliteStatement& s) {
    TodayAppointment a;
    a.code = s.text(0);
    a.day = s.text(1);
    a.serviceId = s.text(2);
    a.start = fromUnixMillis(s.integer(3));
    a.end = fromUnixMillis(s.integer(4));
    a.name = s.text(5);
    // The CHECK constraint keeps other states out of the table.
    a.state = appointmentStateFromString(s.text(6)).value_or(AppointmentState::Booked);
    a.arrivedAt = optionalMillis(s, 7);
    a.noShowAt = optionalMillis(s, 8);
    if (!s.isNull(9)) a.ticketId = s.integer(9);
    a.autoNoShow = s.integer(10) != 0;
    return a;
}

}  // namespace

Result<std::unique_ptr<SqliteAppointmentStore>> SqliteAppointmentStore::open(
    const std::filesystem::path& file) {
    auto db = SqliteDatabase::open(file);
    if (!db) return db.status();
    if (Status s = db.value()->migrate(kioskMigrations()); !s) return s;
    return std::unique_ptr<SqliteAppointmentStore>(new SqliteAppointmentStore(std::move(db).value()));
}

Status SqliteAppointmentStore::upsert(const TodayAppointment& a, TimePoint now) {
    // A state the server reports replaces only 'booked': what happened here is newer.
    auto stmt = db_->prepare(
        "INSERT INTO appointment (code, day, service_id, start_ms, end_ms, name, state, synced_at_ms) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (code) DO UPDATE SET day = ?2, service_id = ?3, "
        "start_ms = ?4, end_ms = ?5, name = ?6, synced_at_ms = ?8, "
        "state = CASE WHEN state = 'booked' THEN ?7 ELSE state END");
    if (!stmt) return stmt.status();
    stmt->bind(1, a.code)
        .bind(2, a.day)
        .bind(3, a.serviceId)
        .bind(4, toUnixMillis(a.start))
        .bind(5, toUnixMillis(a.end))
        .bind(6, a.name)
        .bind(7, toString(a.state))
        .bind(8, toUnixMillis(now));
    return stmt->run();
}

Status SqliteAppointmentStore::replaceDay(const std::string& day, const std::vector<TodayAppointment>& listed,
                                          TimePoint now) {
    std::lock_guard lock(mutex_);
    auto tx = SqliteTransaction::begin(*db_);
    if (!tx) return tx.status();
    std::set<std::string> codes;
    for (const TodayAppointment& a : listed) {
        if (Status s = upsert(a, now); !s) return s;
        codes.insert(a.code);
    }
    auto kept = db_->prepare("SELECT code FROM appointment WHERE day = ? AND state <> 'arrived'");
    if (!kept) return kept.status();
    kept->bind(1, day);
    std::vector<std::string> gone;
    for (;;) {
        auto row = kept->step();
        if (!row) return row.status();
        if (!row.value()) break;
        if (!codes.contains(kept->text(0))) gone.push_back(kept->text(0));
    }
    for (const std::string& code : gone) {
        auto del = db_->prepare("DELETE FROM appointment WHERE code = ?");
        if (!del) return del.status();
        del->bind(1, code);
        if (Status s = del->run(); !s) return s;
    }
    return tx->commit();
}

Status SqliteAppointmentStore::keep(const TodayAppointment& booking, TimePoint now) {
    std::lock_guard lock(mutex_);
    auto tx = SqliteTransaction::begin(*db_);
    if (!tx) return tx.status();
    if (Status s = upsert(booking, now); !s) return s;
    return tx->commit();
}

Result<std::vector<TodayAppointment>> SqliteAppointmentStore::appointmentsOfDay(const std::string& day) {
    std::lock_guard lock(mutex_);
    auto stmt = db_->prepare(
        fmt::format("SELECT {} FROM appointment WHERE day = ? ORDER BY start_ms, code", kColumns));
    if (!stmt) return stmt.status();
    stmt->bind(1, day);
    std::vector<TodayAppointment> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.status();
        if (!row.value()) break;
        out.push_back(readAppointment(stmt.value()));
    }
    return out;
}

Result<std::optional<TodayAppointment>> SqliteAppointmentStore::select(const std::string& code) {
    auto stmt = db_->prepare(fmt::format("SELECT {} FROM appointment WHERE code = ?", kColumns));
    if (!stmt) return stmt.status();
    stmt->bind(1, code);
    auto row = stmt->step();
    if (!row) return row.status();
    if (!row.value()) return std::optional<TodayAppointment>();
    std::optional<TodayAppointment> out = readAppointment(stmt.value());
    if (Status s = stmt->run(); !s) return s;
    return out;
}

Result<std::optional<TodayAppointment>> SqliteAppointmentStore::appointment(const std::string& code) {
    std::lock_guard lock(mutex_);
    return select(code);
}

Status SqliteAppointmentStore::addEvent(const TodayAppointment& a, AppointmentEventKind kind, TimePoint at,
                                        const std::string& uuid) {
    auto stmt = db_->prepare(
        "INSERT INTO appointment_event (uuid, code, kind, day, at_ms) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (uuid) DO NOTHING");
    if (!stmt) return stmt.status();
    stmt->bind(1, uuid).bind(2, a.code).bind(3, toString(kind)).bind(4, a.day).bind(5, toUnixMillis(at));
    return stmt->run();
}

Status SqliteAppointmentStore::recordArrival(const std::string& code, TimePoint at,
                                             const std::string& eventUuid) {
    std::lock_guard lock(mutex_);
    auto tx = SqliteTransaction::begin(*db_);
    if (!tx) return tx.status();
    auto found = select(code);
    if (!found) return found.status();
    if (!found->has_value()) return Status::notFound(fmt::format("no appointment '{}'", code));
    const TodayAppointment& a = **found;
    if (a.state == AppointmentState::Arrived) return Status::ok();
    auto stmt = db_->prepare(
        "UPDATE appointment SET state = 'arrived', arrived_at_ms = ?, no_show_at_ms = NULL WHERE code = ?");
    if (!stmt) return stmt.status();
    stmt->bind(1, toUnixMillis(at)).bind(2, code);
    if (Status s = stmt->run(); !s) return s;
    if (Status s = addEvent(a, AppointmentEventKind::Arrived, at, eventUuid); !s) return s;
    return tx->commit();
}

Status SqliteAppointmentStore::setTicket(const std::string& code, std::int64_t ticketId) {
    std::lock_guard lock(mutex_);
    auto stmt = db_->prepare("UPDATE appointment SET ticket_id = ? WHERE code = ?");
    if (!stmt) return stmt.status();
    stmt->bind(1, ticketId).bind(2, code);
    if (Status s = stmt->run(); !s) return s;
    if (db_->changes() == 0) return Status::notFound(fmt::format("no appointment '{}'", code));
    return Status::ok();
}

Status SqliteAppointmentStore::recordNoShow(const std::string& code, TimePoint at,
                                            const std::string& eventUuid) {
    std::lock_guard lock(mutex_);
    auto tx = SqliteTransaction::begin(*db_);
    if (!tx) return tx.status();
    auto found = select(code);
    if (!found) return found.status();
    if (!found->has_value()) return Status::notFound(fmt::format("no appointment '{}'", code));
    if ((*found)->state != AppointmentState::Booked) return Status::ok();
    auto stmt = db_->prepare("UPDATE appointment SET state = 'no-show', no_show_at_ms = ? WHERE code = ?");
    if (!stmt) return stmt.status();
    stmt->bind(1, toUnixMillis(at)).bind(2, code);
    if (Status s = stmt->run(); !s) return s;
    if (Status s = addEvent(**found, AppointmentEventKind::NoShow, at, eventUuid); !s) return s;
    return tx->commit();
}

Status SqliteAppointmentStore::undoNoShow(const std::string& code) {
    std::lock_guard lock(mutex_);
    auto stmt = db_->prepare(
        "UPDATE appointment SET state = 'booked', no_show_at_ms = NULL, auto_no_show = 0 "
        "WHERE code = ? AND state = 'no-show'");
    if (!stmt) return stmt.status();
    stmt->bind(1, code);
    return stmt->run();
}

Result<std::vector<AppointmentEvent>> SqliteAppointmentStore::unsentEvents(int limit) {
    std::lock_guard lock(mutex_);
    auto stmt = db_->prepare(
        "SELECT uuid, code, kind, at_ms FROM appointment_event WHERE sent_at_ms IS NULL "
        "ORDER BY at_ms, uuid LIMIT ?");
    if (!stmt) return stmt.status();
    stmt->bind(1, std::int64_t{limit});
    std::vector<AppointmentEvent> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.status();
        if (!row.value()) break;
        AppointmentEvent e;
        e.uuid = stmt->text(0);
        e.code = stmt->text(1);
        e.kind = stmt->text(2) == "no-show" ? AppointmentEventKind::NoShow : AppointmentEventKind::Arrived;
        e.at = fromUnixMillis(stmt->integer(3));
        out.push_back(std::move(e));
    }
    return out;
}

Status SqliteAppointmentStore::markSent(const std::vector<std::string>& uuids, TimePoint at) {
    std::lock_guard lock(mutex_);
    auto tx = SqliteTransaction::begin(*db_);
    if (!tx) return tx.status();
    for (const std::string& uuid : uuids) {
        auto stmt = db_->prepare("UPDATE appointment_event SET sent_at_ms = ? WHERE uuid = ?");
        if (!stmt) return stmt.status();
        stmt->bind(1, toUnixMillis(at)).bind(2, uuid);
        if (Status s = stmt->run(); !s) return s;
    }
    return tx->commit();
}

Status SqliteAppointmentStore::recordWrongCode(TimePoint at) {
    std::lock_guard lock(mutex_);
    auto stmt = db_->prepare("INSERT INTO appointment_wrong_code (at_ms) VALUES (?)");
    if (!stmt) return stmt.status();
    stmt->bind(1, toUnixMillis(at));
    return stmt->run();
}

Result<int> SqliteAppointmentStore::wrongCodesSince(TimePoint since) {
    std::lock_guard lock(mutex_);
    auto stmt = db_->prepare("SELECT COUNT(*) FROM appointment_wrong_code WHERE at_ms >= ?");
    if (!stmt) return stmt.status();
    stmt->bind(1, toUnixMillis(since));
    auto row = stmt->step();
    if (!row) return row.status();
    int n = row.value() ? static_cast<int>(stmt->integer(0)) : 0;
    if (Status s = stmt->run(); !s) return s;
    return n;
}

Status SqliteAppointmentStore::wipeBefore(const std::string& day) {
    std::lock_guard lock(mutex_);
    auto tx = SqliteTransaction::begin(*db_);
    if (!tx) return tx.status();
    for (const char* sql : {"DELETE FROM appointment WHERE day < ?",
                            "DELETE FROM appointment_event WHERE day < ? AND sent_at_ms IS NOT NULL"}) {
        auto stmt = db_->prepare(sql);
        if (!stmt) return stmt.status();
        stmt->bind(1, day);
        if (Status s = stmt->run(); !s) return s;
    }
    auto wrong = db_->prepare("DELETE FROM appointment_wrong_code WHERE at_ms < ?");
    if (!wrong) return wrong.status();
    wrong->bind(1, toUnixMillis(fromLocalTime(day, 0)));
    if (Status s = wrong->run(); !s) return s;
    return tx->commit();
}

}  // namespace wp
