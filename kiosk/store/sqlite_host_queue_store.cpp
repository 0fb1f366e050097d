#include "kiosk/store/sqlite_host_queue_store.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "kiosk/store/kiosk_schema.h"
#include "kiosk/store/queue_rows.h"

namespace wp {

using namespace queue_rows;

Result<std::unique_ptr<SqliteHostQueueStore>> SqliteHostQueueStore::open(
    const std::filesystem::path& file, const std::vector<Service>& services) {
    auto db = SqliteDatabase::open(file);
    if (!db) return db.status();
    if (Status s = db.value()->migrate(kioskMigrations()); !s) return s;
    return std::unique_ptr<SqliteHostQueueStore>(
        new SqliteHostQueueStore(std::move(db).value(), prefixesOf(services)));
}

Status SqliteHostQueueStore::changeTicketState(std::int64_t ticketId, TicketState to,
                                               const std::string& counter, TimePoint now) {
    std::lock_guard lock(mutex_);
    auto tx = SqliteTransaction::begin(*db_);
    if (!tx) return tx.status();
    auto t = selectTicket(*db_, ticketId);
    if (!t) return t.status();
    if (!isAllowedTransition(t->state, to))
        return Status::conflict(fmt::format("ticket {} is {}; it cannot become {}", t->display,
                                            toString(t->state), toString(to)));
    auto changed = applyChange(t.value(), to, eventForTransition(to), counter, TicketOutcome::None, "", now);
    if (!changed) return changed.status();
    return tx->commit();
}

Result<Ticket> SqliteHostQueueStore::changeTicket(const TicketChange& change, TimePoint now) {
    std::lock_guard lock(mutex_);
    auto tx = SqliteTransaction::begin(*db_);
    if (!tx) return tx.status();
    auto t = selectTicket(*db_, change.ticketId);
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

Result<std::optional<Ticket>> SqliteHostQueueStore::callFirstWaiting(
    const std::vector<std::string>& serviceIds, const std::string& counter, TimePoint now) {
    if (serviceIds.empty()) return std::optional<Ticket>();
    std::string placeholders;
    for (size_t i = 0; i < serviceIds.size(); ++i) placeholders += i == 0 ? "?" : ", ?";
    std::lock_guard lock(mutex_);
    auto tx = SqliteTransaction::begin(*db_);
    if (!tx) return tx.status();
    auto select =
        db_->prepare(fmt::format("SELECT {} FROM ticket WHERE day = ? AND state = 'waiting' AND service_id "
                                 "IN ({}) AND (booked_start_ms IS NULL OR booked_start_ms <= ?) "
                                 "ORDER BY booked_start_ms IS NULL, booked_start_ms, issued_at_ms, number, "
                                 "service_id LIMIT 1",
                                 kTicketColumns, placeholders));
    if (!select) return select.status();
    // The order of callsBefore (kiosk/core/queue.h): appointments whose time has come first, by booked
    // start; appointments not due yet are left for the host to choose.
    select->bind(1, localDay(now));
    for (size_t i = 0; i < serviceIds.size(); ++i) select->bind(static_cast<int>(i) + 2, serviceIds[i]);
    select->bind(static_cast<int>(serviceIds.size()) + 2, toUnixMillis(now));
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

Result<Ticket> SqliteHostQueueStore::applyChange(Ticket t, TicketState to, QueueEventKind event,
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
        update->bind(7, toUnixMillis(*t.firstCalledAt));
    else
        update->bindNull(7);
    if (t.lastCalledAt)
        update->bind(8, toUnixMillis(*t.lastCalledAt));
    else
        update->bindNull(8);
    update
        ->bind(9, std::int64_t{std::chrono::duration_cast<std::chrono::milliseconds>(t.serviceTime).count()})
        .bind(10, t.revision)
        .bind(11, t.id);
    if (Status s = update->run(); !s) return s;

    // The event names the counter acting; when none is given, the counter the ticket stays with.
    const std::string& eventCounter = to == TicketState::Waiting || !counter.empty() ? counter : t.counter;
    if (Status s =
            insertEvent(*db_, {0, event, fromService, t.day, fromNumber, eventCounter, now, t.display});
        !s)
        return s;
    if (transfer)
        if (Status s = insertEvent(*db_, {0, QueueEventKind::TransferredIn, t.serviceId, t.day, t.number,
                                          counter, now, t.display});
            !s)
            return s;
    return t;
}

Result<int> SqliteHostQueueStore::nextNumber(const std::string& serviceId, const std::string& day) {
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

// --- counters

Status SqliteHostQueueStore::openCounter(const std::string& counter,
                                         const std::vector<std::string>& serviceIds, TimePoint now) {
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
            if (Status s =
                    insertEvent(*db_, {0, QueueEventKind::CounterClosed, service, today, 0, counter, now});
                !s)
                return s;
    }
    for (const std::string& service : wanted) {
        if (openToday.contains(service)) continue;
        auto ins = db_->prepare(
            "INSERT INTO counter_service (counter, service_id, day, opened_at_ms) VALUES (?, ?, ?, ?)");
        if (!ins) return ins.status();
        ins->bind(1, counter).bind(2, service).bind(3, today).bind(4, toUnixMillis(now));
        if (Status s = ins->run(); !s) return s;
        if (Status s = insertEvent(*db_, {0, QueueEventKind::CounterOpened, service, today, 0, counter, now});
            !s)
            return s;
    }
    return tx->commit();
}

Status SqliteHostQueueStore::closeCounter(const std::string& counter, TimePoint now) {
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
        if (Status s = insertEvent(*db_, {0, QueueEventKind::CounterClosed, service, today, 0, counter, now});
            !s)
            return s;
    return tx->commit();
}

Result<int> SqliteHostQueueStore::countersServing(const std::string& serviceId, const std::string& day) {
    std::lock_guard lock(mutex_);
    auto stmt = db_->prepare("SELECT COUNT(*) FROM counter_service WHERE service_id = ? AND day = ?");
    if (!stmt) return stmt.status();
    stmt->bind(1, serviceId).bind(2, day);
    auto row = stmt->step();
    if (!row) return row.status();
    return static_cast<int>(stmt->integer(0));
}

// --- pauses

Status SqliteHostQueueStore::setPaused(const std::string& serviceId, bool paused, TimePoint now) {
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
        ins->bind(1, serviceId).bind(2, today).bind(3, toUnixMillis(now));
        if (Status s = ins->run(); !s) return s;
    } else {
        auto del = db_->prepare("DELETE FROM service_pause WHERE service_id = ?");
        if (!del) return del.status();
        del->bind(1, serviceId);
        if (Status s = del->run(); !s) return s;
    }
    if (Status s = insertEvent(*db_, {0, paused ? QueueEventKind::Paused : QueueEventKind::Resumed, serviceId,
                                      today, 0, "", now});
        !s)
        return s;
    return tx->commit();
}

Result<bool> SqliteHostQueueStore::isPaused(const std::string& serviceId, const std::string& day) {
    std::lock_guard lock(mutex_);
    auto stmt = db_->prepare("SELECT COUNT(*) FROM service_pause WHERE service_id = ? AND day = ?");
    if (!stmt) return stmt.status();
    stmt->bind(1, serviceId).bind(2, day);
    auto row = stmt->step();
    if (!row) return row.status();
    return stmt->integer(0) > 0;
}

}  // namespace wp
