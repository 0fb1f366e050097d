#include "kiosk/store/sqlite_queue_store.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "common/crash_point.h"
#include "kiosk/store/kiosk_schema.h"

namespace wp {

namespace {

std::int64_t toMillis(TimePoint t) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

TimePoint fromMillis(std::int64_t ms) {
    return TimePoint(std::chrono::milliseconds(ms));
}

constexpr std::string_view kTicketColumns =
    "id, service_id, day, number, display, issued_at_ms, state, counter";

Ticket readTicket(const SqliteStatement& s) {
    Ticket t;
    t.id = s.columnInt(0);
    t.serviceId = s.columnText(1);
    t.day = s.columnText(2);
    t.number = static_cast<int>(s.columnInt(3));
    t.display = s.columnText(4);
    t.issuedAt = fromMillis(s.columnInt(5));
    // The CHECK constraint on state keeps anything else out of the table.
    t.state = ticketStateFromString(s.columnText(6)).value_or(TicketState::Waiting);
    t.counter = s.columnText(7);
    return t;
}

}  // namespace

Result<std::unique_ptr<SqliteQueueStore>> SqliteQueueStore::open(const std::filesystem::path& file,
                                                                 const std::vector<Service>& services) {
    auto db = SqliteDatabase::open(file);
    if (!db) return db.status();
    if (Status s = db.value()->migrate(kioskMigrations()); !s) return s;
    std::map<std::string, std::string> prefixes;
    for (const Service& s : services) prefixes[s.id] = s.prefix;
    return std::unique_ptr<SqliteQueueStore>(
        new SqliteQueueStore(std::move(db).value(), std::move(prefixes)));
}

Status SqliteQueueStore::insertEvent(const QueueEvent& e) {
    auto stmt = db_->prepare(
        "INSERT INTO queue_event (kind, service_id, day, number, counter, at_ms) VALUES (?, ?, ?, ?, ?, ?)");
    if (!stmt) return stmt.status();
    stmt->bind(1, toString(e.kind)).bind(2, e.serviceId).bind(3, e.day).bind(4, std::int64_t{e.number});
    if (e.counter.empty())
        stmt->bindNull(5);
    else
        stmt->bind(5, e.counter);
    stmt->bind(6, toMillis(e.at));
    return stmt->run();
}

Result<Ticket> SqliteQueueStore::issueTicket(const std::string& serviceId, TimePoint now) {
    auto prefix = prefixes_.find(serviceId);
    if (prefix == prefixes_.end()) return Status::notFound(fmt::format("no service '{}'", serviceId));
    now = std::chrono::time_point_cast<std::chrono::milliseconds>(now);  // what the table keeps

    std::lock_guard lock(mutex_);
    Ticket t;
    t.serviceId = serviceId;
    t.day = localDay(now);
    t.issuedAt = now;
    t.state = TicketState::Waiting;

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
    t.number = static_cast<int>(bump->columnInt(0));
    if (Status s = bump->run(); !s) return s;
    crashPoint("after-counter-update");

    auto insert = [&]() -> Result<std::int64_t> {
        t.display = formatTicketNumber(prefix->second, t.number);
        auto stmt = db_->prepare(
            "INSERT INTO ticket (service_id, day, number, display, issued_at_ms, state) "
            "VALUES (?, ?, ?, ?, ?, 'waiting') RETURNING id");
        if (!stmt) return stmt.status();
        stmt->bind(1, serviceId)
            .bind(2, t.day)
            .bind(3, std::int64_t{t.number})
            .bind(4, t.display)
            .bind(5, toMillis(now));
        auto r = stmt->step();
        if (!r) return r.status();
        std::int64_t id = stmt->columnInt(0);
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
        t.number = static_cast<int>(max->columnInt(0)) + 1;
        auto fix = db_->prepare("UPDATE ticket_counter SET last_number = ? WHERE service_id = ? AND day = ?");
        if (!fix) return fix.status();
        fix->bind(1, std::int64_t{t.number}).bind(2, serviceId).bind(3, t.day);
        if (Status s = fix->run(); !s) return s;
        id = insert();
    }
    if (!id) return id.status();
    t.id = id.value();
    crashPoint("after-ticket-insert");

    if (Status s = insertEvent({0, QueueEventKind::Issued, serviceId, t.day, t.number, "", now}); !s)
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
    std::vector<Ticket> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.status();
        if (!row.value()) break;
        out.push_back(readTicket(stmt.value()));
    }
    return out;
}

Result<std::vector<Ticket>> SqliteQueueStore::waitingTickets(const std::string& serviceId,
                                                             const std::string& day) {
    std::lock_guard lock(mutex_);
    return selectTickets(
        fmt::format("SELECT {} FROM ticket WHERE service_id = ? AND day = ? AND state = 'waiting' "
                    "ORDER BY number",
                    kTicketColumns),
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
    auto stmt = db_->prepare(fmt::format("SELECT {} FROM ticket WHERE id = ?", kTicketColumns));
    if (!stmt) return stmt.status();
    stmt->bind(1, id);
    auto row = stmt->step();
    if (!row) return row.status();
    if (!row.value()) return Status::notFound(fmt::format("no ticket with id {}", id));
    return readTicket(stmt.value());
}

Result<int> SqliteQueueStore::countAhead(const Ticket& ticket) {
    std::lock_guard lock(mutex_);
    auto stmt = db_->prepare(
        "SELECT COUNT(*) FROM ticket WHERE service_id = ? AND day = ? AND state = 'waiting' AND number < ?");
    if (!stmt) return stmt.status();
    stmt->bind(1, ticket.serviceId).bind(2, ticket.day).bind(3, std::int64_t{ticket.number});
    auto row = stmt->step();
    if (!row) return row.status();
    return static_cast<int>(stmt->columnInt(0));
}

Status SqliteQueueStore::changeTicketState(std::int64_t ticketId, TicketState to, const std::string& counter,
                                           TimePoint now) {
    std::lock_guard lock(mutex_);
    auto tx = SqliteTransaction::begin(*db_);
    if (!tx) return tx.status();
    auto select = db_->prepare(fmt::format("SELECT {} FROM ticket WHERE id = ?", kTicketColumns));
    if (!select) return select.status();
    select->bind(1, ticketId);
    auto row = select->step();
    if (!row) return row.status();
    if (!row.value()) return Status::notFound(fmt::format("no ticket with id {}", ticketId));
    Ticket t = readTicket(select.value());
    if (!isAllowedTransition(t.state, to))
        return Status::conflict(
            fmt::format("ticket {} is {}; it cannot become {}", t.display, toString(t.state), toString(to)));
    // A ticket put back in line belongs to no counter; otherwise it keeps the last counter it was called to.
    std::string atCounter = to == TicketState::Waiting ? "" : (counter.empty() ? t.counter : counter);
    auto update = db_->prepare("UPDATE ticket SET state = ?, counter = ? WHERE id = ?");
    if (!update) return update.status();
    update->bind(1, toString(to));
    if (atCounter.empty())
        update->bindNull(2);
    else
        update->bind(2, atCounter);
    update->bind(3, ticketId);
    if (Status s = update->run(); !s) return s;
    if (Status s = insertEvent({0, eventForTransition(to), t.serviceId, t.day, t.number,
                                to == TicketState::Waiting ? counter : atCounter, now});
        !s)
        return s;
    return tx->commit();
}

Status SqliteQueueStore::openCounter(const std::string& counter, const std::vector<std::string>& serviceIds,
                                     TimePoint now) {
    for (const std::string& id : serviceIds)
        if (!prefixes_.contains(id)) return Status::notFound(fmt::format("no service '{}'", id));
    std::set<std::string> wanted(serviceIds.begin(), serviceIds.end());
    std::string today = localDay(now);

    std::lock_guard lock(mutex_);
    auto tx = SqliteTransaction::begin(*db_);
    if (!tx) return tx.status();
    auto current = db_->prepare("SELECT service_id, day FROM counter_service WHERE counter = ?");
    if (!current) return current.status();
    current->bind(1, counter);
    std::set<std::string> openToday;
    std::vector<std::pair<std::string, std::string>> rows;
    for (;;) {
        auto row = current->step();
        if (!row) return row.status();
        if (!row.value()) break;
        rows.emplace_back(current->columnText(0), current->columnText(1));
    }
    for (const auto& [service, day] : rows) {
        if (day == today && wanted.contains(service)) {
            openToday.insert(service);
            continue;
        }
        auto del = db_->prepare("DELETE FROM counter_service WHERE counter = ? AND service_id = ?");
        if (!del) return del.status();
        del->bind(1, counter).bind(2, service);
        if (Status s = del->run(); !s) return s;
        if (day == today)
            if (Status s = insertEvent({0, QueueEventKind::CounterClosed, service, today, 0, counter, now});
                !s)
                return s;
    }
    for (const std::string& service : wanted) {
        if (openToday.contains(service)) continue;
        auto ins = db_->prepare(
            "INSERT INTO counter_service (counter, service_id, day, opened_at_ms) VALUES (?, ?, ?, ?)");
        if (!ins) return ins.status();
        ins->bind(1, counter).bind(2, service).bind(3, today).bind(4, toMillis(now));
        if (Status s = ins->run(); !s) return s;
        if (Status s = insertEvent({0, QueueEventKind::CounterOpened, service, today, 0, counter, now}); !s)
            return s;
    }
    return tx->commit();
}

Status SqliteQueueStore::closeCounter(const std::string& counter, TimePoint now) {
    std::lock_guard lock(mutex_);
    auto tx = SqliteTransaction::begin(*db_);
    if (!tx) return tx.status();
    std::string today = localDay(now);
    auto del = db_->prepare("DELETE FROM counter_service WHERE counter = ? RETURNING service_id, day");
    if (!del) return del.status();
    del->bind(1, counter);
    std::vector<std::string> closedToday;
    for (;;) {
        auto row = del->step();
        if (!row) return row.status();
        if (!row.value()) break;
        if (del->columnText(1) == today) closedToday.push_back(del->columnText(0));
    }
    std::sort(closedToday.begin(), closedToday.end());
    for (const std::string& service : closedToday)
        if (Status s = insertEvent({0, QueueEventKind::CounterClosed, service, today, 0, counter, now}); !s)
            return s;
    return tx->commit();
}

Result<int> SqliteQueueStore::countersServing(const std::string& serviceId, const std::string& day) {
    std::lock_guard lock(mutex_);
    auto stmt = db_->prepare("SELECT COUNT(*) FROM counter_service WHERE service_id = ? AND day = ?");
    if (!stmt) return stmt.status();
    stmt->bind(1, serviceId).bind(2, day);
    auto row = stmt->step();
    if (!row) return row.status();
    return static_cast<int>(stmt->columnInt(0));
}

Status SqliteQueueStore::setPaused(const std::string& serviceId, bool paused, TimePoint now) {
    if (!prefixes_.contains(serviceId)) return Status::notFound(fmt::format("no service '{}'", serviceId));
    std::string today = localDay(now);
    std::lock_guard lock(mutex_);
    auto tx = SqliteTransaction::begin(*db_);
    if (!tx) return tx.status();
    auto current = db_->prepare("SELECT day FROM service_pause WHERE service_id = ?");
    if (!current) return current.status();
    current->bind(1, serviceId);
    auto row = current->step();
    if (!row) return row.status();
    bool pausedToday = row.value() && current->columnText(0) == today;
    if (paused == pausedToday) return Status::ok();  // nothing changes, no event

    if (paused) {
        auto ins = db_->prepare(
            "INSERT OR REPLACE INTO service_pause (service_id, day, paused_at_ms) VALUES (?, ?, ?)");
        if (!ins) return ins.status();
        ins->bind(1, serviceId).bind(2, today).bind(3, toMillis(now));
        if (Status s = ins->run(); !s) return s;
    } else {
        auto del = db_->prepare("DELETE FROM service_pause WHERE service_id = ?");
        if (!del) return del.status();
        del->bind(1, serviceId);
        if (Status s = del->run(); !s) return s;
    }
    if (Status s = insertEvent(
            {0, paused ? QueueEventKind::Paused : QueueEventKind::Resumed, serviceId, today, 0, "", now});
        !s)
        return s;
    return tx->commit();
}

Result<bool> SqliteQueueStore::isPaused(const std::string& serviceId, const std::string& day) {
    std::lock_guard lock(mutex_);
    auto stmt = db_->prepare("SELECT COUNT(*) FROM service_pause WHERE service_id = ? AND day = ?");
    if (!stmt) return stmt.status();
    stmt->bind(1, serviceId).bind(2, day);
    auto row = stmt->step();
    if (!row) return row.status();
    return stmt->columnInt(0) > 0;
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
    return insertEvent(e);
}

Result<std::vector<QueueEvent>> SqliteQueueStore::selectEvents(SqliteStatement& stmt) {
    std::vector<QueueEvent> out;
    for (;;) {
        auto row = stmt.step();
        if (!row) return row.status();
        if (!row.value()) break;
        auto kind = queueEventKindFromString(stmt.columnText(1));
        if (!kind) continue;  // written by a newer program: a tolerant reader skips it
        QueueEvent e;
        e.seq = stmt.columnInt(0);
        e.kind = *kind;
        e.serviceId = stmt.columnText(2);
        e.day = stmt.columnText(3);
        e.number = static_cast<int>(stmt.columnInt(4));
        e.counter = stmt.columnText(5);
        e.at = fromMillis(stmt.columnInt(6));
        out.push_back(std::move(e));
    }
    return out;
}

Result<std::vector<QueueEvent>> SqliteQueueStore::eventsAfter(std::int64_t afterSeq, int limit) {
    std::lock_guard lock(mutex_);
    auto stmt = db_->prepare(
        "SELECT seq, kind, service_id, day, number, counter, at_ms FROM queue_event WHERE seq > ? ORDER BY "
        "seq "
        "LIMIT ?");
    if (!stmt) return stmt.status();
    stmt->bind(1, afterSeq).bind(2, std::int64_t{limit});
    return selectEvents(stmt.value());
}

Result<std::vector<QueueEvent>> SqliteQueueStore::eventsOfDay(const std::string& serviceId,
                                                              const std::string& day) {
    std::lock_guard lock(mutex_);
    auto stmt = db_->prepare(
        "SELECT seq, kind, service_id, day, number, counter, at_ms FROM queue_event WHERE service_id = ? AND "
        "day = ? "
        "ORDER BY seq");
    if (!stmt) return stmt.status();
    stmt->bind(1, serviceId).bind(2, day);
    return selectEvents(stmt.value());
}

}  // namespace wp
