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
    "id, service_id, day, number, display, issued_at_ms, state, counter, origin, outcome, transferred_from, "
    "first_called_at_ms, last_called_at_ms, service_ms, revision";

// Line order: a ticket's place is its (original) issue time, then its number.
constexpr std::string_view kLineOrder = "ORDER BY issued_at_ms, number";

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

std::optional<TimePoint> optionalMillis(const SqliteStatement& s, int column) {
    if (s.isNull(column)) return std::nullopt;
    return fromMillis(s.integer(column));
}

Ticket readTicket(const SqliteStatement& s) {
    Ticket t;
    t.id = s.integer(0);
    t.serviceId = s.text(1);
    t.day = s.text(2);
    t.number = static_cast<int>(s.integer(3));
    t.display = s.text(4);
    t.issuedAt = fromMillis(s.integer(5));
    // The CHECK constraint on state keeps anything else out of the table.
    t.state = ticketStateFromString(s.text(6)).value_or(TicketState::Waiting);
    t.counter = s.text(7);
    // CHECK constraints keep unknown origins and outcomes out as well.
    t.origin = ticketOriginFromString(s.text(8)).value_or(TicketOrigin::WalkIn);
    t.outcome = ticketOutcomeFromString(s.text(9)).value_or(TicketOutcome::None);
    t.transferredFrom = s.text(10);
    t.firstCalledAt = optionalMillis(s, 11);
    t.lastCalledAt = optionalMillis(s, 12);
    t.serviceTime =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::milliseconds(s.integer(13)));
    t.revision = s.integer(14);
    return t;
}

// Every row the statement gives, as tickets.
Result<std::vector<Ticket>> readTickets(SqliteStatement& stmt) {
    std::vector<Ticket> out;
    for (;;) {
        auto row = stmt.step();
        if (!row) return row.status();
        if (!row.value()) break;
        out.push_back(readTicket(stmt));
    }
    return out;
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
    return stmt->run();  // the display is not stored: readers join it from the ticket (kEventSelect)
}

Result<Ticket> SqliteQueueStore::issueTicket(const std::string& serviceId, TimePoint now) {
    return issueTicketWithOrigin(serviceId, TicketOrigin::WalkIn, now);
}

Result<Ticket> SqliteQueueStore::issueTicketWithOrigin(const std::string& serviceId, TicketOrigin origin,
                                                       TimePoint now) {
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
            "INSERT INTO ticket (service_id, day, number, display, issued_at_ms, state, origin) "
            "VALUES (?, ?, ?, ?, ?, 'waiting', ?) RETURNING id");
        if (!stmt) return stmt.status();
        stmt->bind(1, serviceId)
            .bind(2, t.day)
            .bind(3, std::int64_t{t.number})
            .bind(4, t.display)
            .bind(5, toMillis(now))
            .bind(6, toString(origin));
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

    if (Status s = insertEvent({0, QueueEventKind::Issued, serviceId, t.day, t.number, "", now, t.display});
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

Status SqliteQueueStore::changeTicketState(std::int64_t ticketId, TicketState to, const std::string& counter,
                                           TimePoint now) {
    std::lock_guard lock(mutex_);
    auto tx = SqliteTransaction::begin(*db_);
    if (!tx) return tx.status();
    auto t = selectTicket(ticketId);
    if (!t) return t.status();
    if (!isAllowedTransition(t->state, to))
        return Status::conflict(fmt::format("ticket {} is {}; it cannot become {}", t->display,
                                            toString(t->state), toString(to)));
    auto changed = applyChange(t.value(), to, eventForTransition(to), counter, TicketOutcome::None, "", now);
    if (!changed) return changed.status();
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
        rows.emplace_back(current->text(0), current->text(1));
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
        if (del->text(1) == today) closedToday.push_back(del->text(0));
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
    return static_cast<int>(stmt->integer(0));
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
    bool pausedToday = row.value() && current->text(0) == today;
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
    return stmt->integer(0) > 0;
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
        auto kind = queueEventKindFromString(stmt.text(1));
        if (!kind) continue;  // written by a newer program: a tolerant reader skips it
        QueueEvent e;
        e.seq = stmt.integer(0);
        e.kind = *kind;
        e.serviceId = stmt.text(2);
        e.day = stmt.text(3);
        e.number = static_cast<int>(stmt.integer(4));
        e.counter = stmt.text(5);
        e.at = fromMillis(stmt.integer(6));
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

// --- HostQueueStore

Result<Ticket> SqliteQueueStore::selectTicket(std::int64_t id) {
    auto select = db_->prepare(fmt::format("SELECT {} FROM ticket WHERE id = ?", kTicketColumns));
    if (!select) return select.status();
    select->bind(1, id);
    auto row = select->step();
    if (!row) return row.status();
    if (!row.value()) return Status::notFound(fmt::format("no ticket with id {}", id));
    return readTicket(select.value());
}

Result<int> SqliteQueueStore::nextNumber(const std::string& serviceId, const std::string& day) {
    auto bump = db_->prepare(
        "INSERT INTO ticket_counter (service_id, day, last_number) VALUES (?1, ?2, 1) "
        "ON CONFLICT (service_id, day) DO UPDATE SET last_number = last_number + 1 RETURNING last_number");
    if (!bump) return bump.status();
    bump->bind(1, serviceId).bind(2, day);
    auto row = bump->step();
    if (!row) return row.status();
    if (!row.value()) return Status::internal("ticket counter returned no number");
    int number = static_cast<int>(bump->integer(0));
    if (Status s = bump->run(); !s) return s;
    // Never repeat a number, even should the counter lag behind the tickets.
    auto max = db_->prepare("SELECT COALESCE(MAX(number), 0) FROM ticket WHERE service_id = ? AND day = ?");
    if (!max) return max.status();
    max->bind(1, serviceId).bind(2, day);
    auto r = max->step();
    if (!r) return r.status();
    int highest = static_cast<int>(max->integer(0));
    if (number <= highest) {
        number = highest + 1;
        auto fix = db_->prepare("UPDATE ticket_counter SET last_number = ? WHERE service_id = ? AND day = ?");
        if (!fix) return fix.status();
        fix->bind(1, std::int64_t{number}).bind(2, serviceId).bind(3, day);
        if (Status s = fix->run(); !s) return s;
    }
    return number;
}

Result<Ticket> SqliteQueueStore::applyChange(Ticket t, TicketState to, QueueEventKind event,
                                             const std::string& counter, TicketOutcome outcome,
                                             const std::string& toServiceId, TimePoint now) {
    now = std::chrono::time_point_cast<std::chrono::milliseconds>(now);
    const TicketState from = t.state;
    const bool atCounter = from == TicketState::Called || from == TicketState::Serving;
    const bool transfer = event == QueueEventKind::TransferredOut;
    const std::string fromService = t.serviceId;
    const int fromNumber = t.number;

    // Time bookkeeping (see HostQueueStore::changeTicket).
    if (to == TicketState::Called && event != QueueEventKind::Recalled) {
        t.lastCalledAt = now;
        if (!t.firstCalledAt) t.firstCalledAt = now;
    } else if (atCounter && (to == TicketState::Parked || to == TicketState::Done)) {
        if (t.lastCalledAt)
            t.serviceTime +=
                std::max(std::chrono::seconds(0),
                         std::chrono::duration_cast<std::chrono::seconds>(now - *t.lastCalledAt));
        t.lastCalledAt.reset();
    } else if (to == TicketState::Waiting || to == TicketState::NoShow || to == TicketState::Cancelled) {
        t.lastCalledAt.reset();
    }
    t.state = to;
    // A ticket back in a line belongs to no counter; otherwise it keeps the last counter that acted on it.
    if (to == TicketState::Waiting)
        t.counter.clear();
    else if (!counter.empty())
        t.counter = counter;
    if (to == TicketState::Done) t.outcome = outcome;
    if (transfer) {
        if (!prefixes_.contains(toServiceId))
            return Status::notFound(fmt::format("no service '{}'", toServiceId));
        auto number = nextNumber(toServiceId, t.day);
        if (!number) return number.status();
        // Its old number keeps leading to it, for the events it left under that number.
        auto former = db_->prepare(
            "INSERT OR REPLACE INTO ticket_former_number (service_id, day, number, ticket_id) VALUES (?, ?, "
            "?, ?)");
        if (!former) return former.status();
        former->bind(1, fromService).bind(2, t.day).bind(3, std::int64_t{fromNumber}).bind(4, t.id);
        if (Status s = former->run(); !s) return s;
        t.transferredFrom = fromService;
        t.serviceId = toServiceId;
        t.number = number.value();
    }
    t.revision += 1;

    // serviceTime is kept in whole seconds on the Ticket but milliseconds in the table: round-trip via ms.
    auto update = db_->prepare(
        "UPDATE ticket SET state = ?, counter = ?, outcome = ?, service_id = ?, number = ?, transferred_from "
        "= ?, "
        "first_called_at_ms = ?, last_called_at_ms = ?, service_ms = ?, revision = ? WHERE id = ?");
    if (!update) return update.status();
    update->bind(1, toString(t.state));
    if (t.counter.empty())
        update->bindNull(2);
    else
        update->bind(2, t.counter);
    update->bind(3, toString(t.outcome))
        .bind(4, t.serviceId)
        .bind(5, std::int64_t{t.number})
        .bind(6, t.transferredFrom);
    if (t.firstCalledAt)
        update->bind(7, toMillis(*t.firstCalledAt));
    else
        update->bindNull(7);
    if (t.lastCalledAt)
        update->bind(8, toMillis(*t.lastCalledAt));
    else
        update->bindNull(8);
    update
        ->bind(9, std::int64_t{std::chrono::duration_cast<std::chrono::milliseconds>(t.serviceTime).count()})
        .bind(10, t.revision)
        .bind(11, t.id);
    if (Status s = update->run(); !s) return s;

    // The event names the counter acting; when none is given, the counter the ticket stays with.
    const std::string& eventCounter = to == TicketState::Waiting || !counter.empty() ? counter : t.counter;
    if (Status s = insertEvent({0, event, fromService, t.day, fromNumber, eventCounter, now, t.display}); !s)
        return s;
    if (transfer)
        if (Status s = insertEvent(
                {0, QueueEventKind::TransferredIn, t.serviceId, t.day, t.number, counter, now, t.display});
            !s)
            return s;
    return t;
}

Result<Ticket> SqliteQueueStore::changeTicket(const TicketChange& change, TimePoint now) {
    std::lock_guard lock(mutex_);
    auto tx = SqliteTransaction::begin(*db_);
    if (!tx) return tx.status();
    auto t = selectTicket(change.ticketId);
    if (!t) return t.status();
    if (t->revision != change.expectedRevision)
        return Status::conflict(fmt::format("ticket {} has changed since it was read (it is {}{}{} now)",
                                            t->display, toString(t->state), t->counter.empty() ? "" : " at ",
                                            t->counter));
    auto changed = applyChange(t.value(), change.to, change.event, change.counter, change.outcome,
                               change.toServiceId, now);
    if (!changed) return changed.status();
    if (Status s = tx->commit(); !s) return s;
    return changed;
}

Result<std::optional<Ticket>> SqliteQueueStore::callFirstWaiting(const std::vector<std::string>& serviceIds,
                                                                 const std::string& counter, TimePoint now) {
    if (serviceIds.empty()) return std::optional<Ticket>();
    std::string placeholders;
    for (size_t i = 0; i < serviceIds.size(); ++i) placeholders += i == 0 ? "?" : ", ?";
    std::lock_guard lock(mutex_);
    auto tx = SqliteTransaction::begin(*db_);
    if (!tx) return tx.status();
    auto select =
        db_->prepare(fmt::format("SELECT {} FROM ticket WHERE day = ? AND state = 'waiting' AND service_id "
                                 "IN ({}) {}, service_id LIMIT 1",
                                 kTicketColumns, placeholders, kLineOrder));
    if (!select) return select.status();
    select->bind(1, localDay(now));
    for (size_t i = 0; i < serviceIds.size(); ++i) select->bind(static_cast<int>(i) + 2, serviceIds[i]);
    auto row = select->step();
    if (!row) return row.status();
    if (!row.value()) return std::optional<Ticket>();
    Ticket first = readTicket(select.value());
    if (Status s = select->run(); !s) return s;
    auto called = applyChange(first, TicketState::Called, QueueEventKind::Called, counter,
                              TicketOutcome::None, "", now);
    if (!called) return called.status();
    if (Status s = tx->commit(); !s) return s;
    return std::optional<Ticket>(std::move(called).value());
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

Result<PinLock> SqliteQueueStore::pinLock(const std::string& console) {
    std::lock_guard lock(mutex_);
    auto stmt = db_->prepare("SELECT failures, locked_until_ms FROM console_pin WHERE console = ?");
    if (!stmt) return stmt.status();
    stmt->bind(1, console);
    auto row = stmt->step();
    if (!row) return row.status();
    PinLock out;
    if (!row.value()) return out;
    out.failures = static_cast<int>(stmt->integer(0));
    out.lockedUntil = optionalMillis(stmt.value(), 1);
    return out;
}

Status SqliteQueueStore::savePinLock(const std::string& console, const PinLock& pin) {
    std::lock_guard lock(mutex_);
    auto stmt = db_->prepare(
        "INSERT INTO console_pin (console, failures, locked_until_ms) VALUES (?1, ?2, ?3) "
        "ON CONFLICT (console) DO UPDATE SET failures = ?2, locked_until_ms = ?3");
    if (!stmt) return stmt.status();
    stmt->bind(1, console).bind(2, std::int64_t{pin.failures});
    if (pin.lockedUntil)
        stmt->bind(3, toMillis(*pin.lockedUntil));
    else
        stmt->bindNull(3);
    return stmt->run();
}

}  // namespace wp
