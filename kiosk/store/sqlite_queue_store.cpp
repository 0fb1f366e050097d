#include "kiosk/store/sqlite_queue_store.h"

#include <fmt/format.h>

#include "common/crash_point.h"
#include "kiosk/store/kiosk_schema.h"
#include "kiosk/store/queue_rows.h"

namespace wp {

using namespace queue_rows;

namespace {

// Events with their ticket's display: the ticket that has the event's (service, day, number) now, or had it
// before a transfer. Counter and pause events (number 0) have none.
constexpr std::string_view kEventSelect =
    "SELECT e.seq, e.kind, e.service_id, e.day, e.number, e.counter, e.at_ms, COALESCE(t.display, "
    "ft.display) "
    "FROM queue_event AS e "
    "LEFT JOIN ticket AS t ON t.service_id = e.service_id AND t.day = e.day AND t.number = e.number "
    "LEFT JOIN ticket_former_number AS f ON f.service_id = e.service_id AND f.day = e.day AND f.number = "
    "e.number "
    "LEFT JOIN ticket AS ft ON ft.id = f.ticket_id ";

}  // namespace

Result<std::unique_ptr<SqliteQueueStore>> SqliteQueueStore::open(const std::filesystem::path& file,
                                                                 const std::vector<Service>& services) {
    auto db = SqliteDatabase::open(file);
    if (!db) return db.status();
    if (Status s = db.value()->migrate(kioskMigrations()); !s) return s;
    return std::unique_ptr<SqliteQueueStore>(
        new SqliteQueueStore(std::move(db).value(), prefixesOf(services)));
}

Result<Ticket> SqliteQueueStore::issueTicket(const std::string& serviceId, TimePoint now) {
    return issueTicketWithOrigin(serviceId, TicketOrigin::WalkIn, now);
}

Result<Ticket> SqliteQueueStore::issueTicketWithOrigin(const std::string& serviceId, TicketOrigin origin,
                                                       TimePoint now) {
    return issue(serviceId, origin, std::nullopt, now);
}

Result<Ticket> SqliteQueueStore::issueAppointmentTicket(const std::string& serviceId, TimePoint bookedStart,
                                                        TimePoint now) {
    return issue(serviceId, TicketOrigin::Appointment,
                 std::chrono::time_point_cast<std::chrono::milliseconds>(bookedStart), now);
}

Result<Ticket> SqliteQueueStore::issue(const std::string& serviceId, TicketOrigin origin,
                                       std::optional<TimePoint> bookedStart, TimePoint now) {
    auto prefix = prefixes_.find(serviceId);
    if (prefix == prefixes_.end()) return Status::notFound(fmt::format("no service '{}'", serviceId));
    now = std::chrono::time_point_cast<std::chrono::milliseconds>(now);  // what the table keeps

    std::lock_guard lock(mutex_);
    Ticket t;
    t.serviceId = serviceId;
    t.day = localDay(now);
    t.issuedAt = now;
    t.state = TicketState::Waiting;
    t.origin = origin;
    t.bookedStart = bookedStart;

    auto tx = SqliteTransaction::begin(*db_);
    if (!tx) return tx.status();
    crashPoint("issue-begun");

    auto bump = db_->prepare(
        "INSERT INTO ticket_counter (service_id, day, last_number) VALUES (?1, ?2, 1) "
        "ON CONFLICT (service_id, day) DO UPDATE SET last_number = last_number + 1 RETURNING last_number");
    if (!bump) return bump.status();
    bump->bind(1, serviceId).bind(2, t.day);
    auto row = bump->step();
    if (!row) return row.status();
    if (!row.value()) return Status::internal("ticket counter returned no number");
    t.number = static_cast<int>(bump->integer(0));
    if (Status s = bump->run(); !s) return s;
    crashPoint("after-counter-update");

    auto insert = [&]() -> Result<std::int64_t> {
        t.display = formatTicketNumber(prefix->second, t.number);
        auto stmt = db_->prepare(
            "INSERT INTO ticket (service_id, day, number, display, issued_at_ms, state, origin, "
            "booked_start_ms) "
            "VALUES (?, ?, ?, ?, ?, 'waiting', ?, ?) RETURNING id");
        if (!stmt) return stmt.status();
        stmt->bind(1, serviceId)
            .bind(2, t.day)
            .bind(3, std::int64_t{t.number})
            .bind(4, t.display)
            .bind(5, toUnixMillis(now))
            .bind(6, toString(origin));
        if (bookedStart)
            stmt->bind(7, toUnixMillis(*bookedStart));
        else
            stmt->bindNull(7);
        auto r = stmt->step();
        if (!r) return r.status();
        std::int64_t id = stmt->integer(0);
        if (Status s = stmt->run(); !s) return s;
        return id;
    };
    auto id = insert();
    if (!id && id.status().code() == Status::Code::Conflict) {
        // The counter lags behind the tickets (it never should): continue after the highest number.
        auto max =
            db_->prepare("SELECT COALESCE(MAX(number), 0) FROM ticket WHERE service_id = ? AND day = ?");
        if (!max) return max.status();
        max->bind(1, serviceId).bind(2, t.day);
        auto r = max->step();
        if (!r) return r.status();
        t.number = static_cast<int>(max->integer(0)) + 1;
        auto fix = db_->prepare("UPDATE ticket_counter SET last_number = ? WHERE service_id = ? AND day = ?");
        if (!fix) return fix.status();
        fix->bind(1, std::int64_t{t.number}).bind(2, serviceId).bind(3, t.day);
        if (Status s = fix->run(); !s) return s;
        id = insert();
    }
    if (!id) return id.status();
    t.id = id.value();
    crashPoint("after-ticket-insert");

    if (Status s =
            insertEvent(*db_, {0, QueueEventKind::Issued, serviceId, t.day, t.number, "", now, t.display});
        !s)
        return s;
    crashPoint("after-event-insert");
    if (Status s = tx->commit(); !s) return s;
    crashPoint("after-commit");
    return t;
}

Result<std::vector<Ticket>> SqliteQueueStore::selectTickets(std::string_view sql,
                                                            const std::string& serviceId,
                                                            const std::string& day) {
    auto stmt = db_->prepare(sql);
    if (!stmt) return stmt.status();
    stmt->bind(1, serviceId).bind(2, day);
    return readTickets(stmt.value());
}

Result<std::vector<Ticket>> SqliteQueueStore::waitingTickets(const std::string& serviceId,
                                                             const std::string& day) {
    std::lock_guard lock(mutex_);
    return selectTickets(
        fmt::format("SELECT {} FROM ticket WHERE service_id = ? AND day = ? AND state = 'waiting' {}",
                    kTicketColumns, kLineOrder),
        serviceId, day);
}

Result<std::vector<Ticket>> SqliteQueueStore::ticketsOfDay(const std::string& serviceId,
                                                           const std::string& day) {
    std::lock_guard lock(mutex_);
    return selectTickets(
        fmt::format("SELECT {} FROM ticket WHERE service_id = ? AND day = ? ORDER BY number", kTicketColumns),
        serviceId, day);
}

Result<Ticket> SqliteQueueStore::ticket(std::int64_t id) {
    std::lock_guard lock(mutex_);
    return selectTicket(*db_, id);
}

Result<int> SqliteQueueStore::countAhead(const Ticket& ticket) {
    std::lock_guard lock(mutex_);
    // Ahead in line order. The issue time is the stored one (whole milliseconds), whatever the caller holds.
    auto stmt = db_->prepare(
        "SELECT COUNT(*) FROM ticket AS w, ticket AS t WHERE t.service_id = ?1 AND t.day = ?2 AND t.number = "
        "?3 "
        "AND w.service_id = t.service_id AND w.day = t.day AND w.state = 'waiting' "
        "AND (w.issued_at_ms < t.issued_at_ms OR (w.issued_at_ms = t.issued_at_ms AND w.number < t.number))");
    if (!stmt) return stmt.status();
    stmt->bind(1, ticket.serviceId).bind(2, ticket.day).bind(3, std::int64_t{ticket.number});
    auto row = stmt->step();
    if (!row) return row.status();
    return static_cast<int>(stmt->integer(0));
}

Result<std::vector<Ticket>> SqliteQueueStore::allTicketsOfDay(const std::string& day) {
    std::lock_guard lock(mutex_);
    auto stmt = db_->prepare(
        fmt::format("SELECT {} FROM ticket WHERE day = ? ORDER BY service_id, number", kTicketColumns));
    if (!stmt) return stmt.status();
    stmt->bind(1, day);
    return readTickets(stmt.value());
}

Result<std::int64_t> SqliteQueueStore::lastEventSeq() {
    std::lock_guard lock(mutex_);
    return db_->queryInt("SELECT COALESCE(MAX(seq), 0) FROM queue_event");
}

Status SqliteQueueStore::appendEvent(const QueueEvent& event) {
    if (!isInformational(event.kind))
        return Status::invalidInput(
            fmt::format("a '{}' event comes with its queue change; only printed and "
                        "print-failed are appended directly",
                        toString(event.kind)));
    QueueEvent e = event;
    if (e.day.empty()) e.day = localDay(e.at);
    std::lock_guard lock(mutex_);
    return insertEvent(*db_, e);
}

Result<std::vector<QueueEvent>> SqliteQueueStore::selectEvents(SqliteStatement& stmt) {
    std::vector<QueueEvent> out;
    for (;;) {
        auto row = stmt.step();
        if (!row) return row.status();
        if (!row.value()) break;
        auto kind = queueEventKindFromString(stmt.text(1));
        if (!kind) continue;  // written by a newer program: a tolerant reader skips it
        QueueEvent e;
        e.seq = stmt.integer(0);
        e.kind = *kind;
        e.serviceId = stmt.text(2);
        e.day = stmt.text(3);
        e.number = static_cast<int>(stmt.integer(4));
        e.counter = stmt.text(5);
        e.at = fromUnixMillis(stmt.integer(6));
        e.display = stmt.text(7);
        out.push_back(std::move(e));
    }
    return out;
}

Result<std::vector<QueueEvent>> SqliteQueueStore::eventsAfter(std::int64_t afterSeq, int limit) {
    std::lock_guard lock(mutex_);
    auto stmt = db_->prepare(fmt::format("{} WHERE e.seq > ? ORDER BY e.seq LIMIT ?", kEventSelect));
    if (!stmt) return stmt.status();
    stmt->bind(1, afterSeq).bind(2, std::int64_t{limit});
    return selectEvents(stmt.value());
}

Result<std::vector<QueueEvent>> SqliteQueueStore::eventsOfDay(const std::string& serviceId,
                                                              const std::string& day) {
    std::lock_guard lock(mutex_);
    auto stmt =
        db_->prepare(fmt::format("{} WHERE e.service_id = ? AND e.day = ? ORDER BY e.seq", kEventSelect));
    if (!stmt) return stmt.status();
    stmt->bind(1, serviceId).bind(2, day);
    return selectEvents(stmt.value());
}

}  // namespace wp
