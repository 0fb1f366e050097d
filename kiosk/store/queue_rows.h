// The rows of the queue's tables as both queue stores read and write them: SqliteQueueStore (issuing,
// reading, events) and SqliteHostQueueStore (the hosts' changes) share the ticket, ticket_counter and
// queue_event tables of the kiosk database (kiosk_schema.cpp). Internal to kiosk/store. Every function
// runs on the caller's connection, inside the caller's transaction where it writes; none locks.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/services.h"
#include "common/sqlite/sqlite_database.h"
#include "common/wire.h"
#include "kiosk/core/queue.h"

namespace wp::queue_rows {

// A time column (milliseconds since 1970, common/wire.h); NULL reads as nullopt.
std::optional<TimePoint> optionalMillis(const SqliteStatement& s, int column);

// The ticket columns, in the order readTicket reads them.
inline constexpr std::string_view kTicketColumns =
    "id, service_id, day, number, display, issued_at_ms, state, counter, origin, outcome, transferred_from, "
    "first_called_at_ms, last_called_at_ms, service_ms, revision, booked_start_ms";

// Line order: a ticket's place is its (original) issue time, then its number.
inline constexpr std::string_view kLineOrder = "ORDER BY issued_at_ms, number";

// The ticket of the current row (selected with kTicketColumns).
Ticket readTicket(const SqliteStatement& s);
// Every row the statement gives, as tickets.
Result<std::vector<Ticket>> readTickets(SqliteStatement& stmt);
// NotFound when there is no ticket with that id.
Result<Ticket> selectTicket(SqliteDatabase& db, std::int64_t id);

// Appends the event. Its display is not stored: readers join it from the ticket.
Status insertEvent(SqliteDatabase& db, const QueueEvent& e);

// service id -> ticket prefix, for the services a store serves.
std::map<std::string, std::string> prefixesOf(const std::vector<Service>& services);

}  // namespace wp::queue_rows
