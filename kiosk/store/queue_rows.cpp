#include "kiosk/store/queue_rows.h"

#include <fmt/format.h>

namespace wp::queue_rows {

std::optional<TimePoint> optionalMillis(const SqliteStatement& s, int column) {
    if (s.isNull(column)) return std::nullopt;
    return fromUnixMillis(s.integer(column));
}

Ticket readTicket(const SqliteStatement& s) {
    Ticket t;
    t.id = s.integer(0);
    t.serviceId = s.text(1);
    t.day = s.text(2);
    t.number = static_cast<int>(s.integer(3));
    t.display = s.text(4);
    t.issuedAt = fromUnixMillis(s.integer(5));
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
    t.bookedStart = optionalMillis(s, 15);
    return t;
}

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

Result<Ticket> selectTicket(SqliteDatabase& db, std::int64_t id) {
    auto select = db.prepare(fmt::format("SELECT {} FROM ticket WHERE id = ?", kTicketColumns));
    if (!select) return select.status();
    select->bind(1, id);
    auto row = select->step();
    if (!row) return row.status();
    if (!row.value()) return Status::notFound(fmt::format("no ticket with id {}", id));
    return readTicket(select.value());
}

Status insertEvent(SqliteDatabase& db, const QueueEvent& e) {
    auto stmt = db.prepare(
        "INSERT INTO queue_event (kind, service_id, day, number, counter, at_ms) VALUES (?, ?, ?, ?, ?, ?)");
    if (!stmt) return stmt.status();
    stmt->bind(1, toString(e.kind)).bind(2, e.serviceId).bind(3, e.day).bind(4, std::int64_t{e.number});
    if (e.counter.empty())
        stmt->bindNull(5);
    else
        stmt->bind(5, e.counter);
    stmt->bind(6, toUnixMillis(e.at));
    return stmt->run();
}

std::map<std::string, std::string> prefixesOf(const std::vector<Service>& services) {
    std::map<std::string, std::string> prefixes;
    for (const Service& s : services) prefixes[s.id] = s.prefix;
    return prefixes;
}

}  // namespace wp::queue_rows
