// SqliteCentralStore's reads for the municipality's dashboard (DashboardStore): requests and queue events of
// a contact point, no personal data, on the connection for everything but intake. Index of migration 7:
// request_by_contact_point.
#include <fmt/format.h>

#include "central/store/sqlite_central_store.h"

namespace wp {

Result<std::vector<DashboardRequest>> SqliteCentralStore::dashboardRequests(const std::string& contactPoint,
                                                                            TimePoint from, TimePoint to) {
    std::string actions;
    for (std::string_view a : kResponseActions)
        actions += fmt::format("{}'{}'", actions.empty() ? "" : ", ", a);
    // The first answer by staff: the audit index audit_by_reference (reference, at_ms) finds it per request.
    std::string sql = fmt::format(
        "SELECT r.type, r.team, r.received_at_ms, "
        "(SELECT MIN(a.at_ms) FROM audit_log a WHERE a.reference = r.reference AND a.action IN ({})) "
        "FROM request r WHERE r.contact_point = ? AND r.received_at_ms >= ? AND r.received_at_ms < ? "
        "ORDER BY r.received_at_ms",
        actions);
    std::lock_guard lock(otherMutex_);
    auto st = other_->prepare(sql);
    if (!st) return st.status();
    st->bind(1, contactPoint).bind(2, toUnixMillis(from)).bind(3, toUnixMillis(to));
    std::vector<DashboardRequest> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.status();
        if (!row.value()) break;
        DashboardRequest r;
        r.type = st->text(0);
        r.team = st->text(1);
        r.receivedAt = fromUnixMillis(st->integer(2));
        if (!st->isNull(3)) r.firstResponseAt = fromUnixMillis(st->integer(3));
        out.push_back(std::move(r));
    }
    return out;
}

Result<std::vector<QueueStatEvent>> SqliteCentralStore::queueEventsOfDays(const std::string& contactPoint,
                                                                          const std::string& firstDay,
                                                                          const std::string& lastDay) {
    std::lock_guard lock(otherMutex_);
    auto st = other_->prepare(
        "SELECT seq, kind, service, day, number, counter, at_ms, ticket FROM queue_stat_event "
        "WHERE contact_point = ? AND day >= ? AND day <= ? ORDER BY at_ms, kiosk, seq");
    if (!st) return st.status();
    st->bind(1, contactPoint).bind(2, firstDay).bind(3, lastDay);
    std::vector<QueueStatEvent> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.status();
        if (!row.value()) break;
        QueueStatEvent e;
        e.seq = st->integer(0);
        e.kind = st->text(1);
        e.service = st->text(2);
        e.day = st->text(3);
        e.number = st->integer(4);
        e.counter = st->text(5);
        e.at = fromUnixMillis(st->integer(6));
        e.ticket = st->text(7);
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace wp
