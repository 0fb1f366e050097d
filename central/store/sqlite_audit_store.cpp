// SqliteCentralStore's audit log (AuditStore): the table audit_log, on the connection for everything but
// intake. Every entry says who, what, which request, when and from where (the remote address). The audit
// page's search uses the indexes of migration 7 (audit_by_time, audit_by_actor) and audit_by_reference.
#include <fmt/format.h>

#include <algorithm>

#include "central/store/sqlite_audit.h"
#include "central/store/sqlite_central_store.h"

namespace wp {

Status insertAudit(SqliteDatabase& c, const AuditEntry& e) {
    auto st = c.prepare(
        "INSERT INTO audit_log (at_ms, actor, action, reference, detail, source) VALUES (?, ?, ?, ?, ?, ?)");
    if (!st) return st.status();
    st->bind(1, toUnixMillis(e.at)).bind(2, e.actor).bind(3, e.action).bind(4, e.reference).bind(5, e.detail);
    st->bind(6, e.source);
    return st->run();
}

Status SqliteCentralStore::appendAudit(const AuditEntry& entry) {
    std::lock_guard lock(otherMutex_);
    return insertAudit(*other_, entry);
}

Result<std::vector<AuditEntry>> SqliteCentralStore::auditLog(const std::optional<std::string>& reference,
                                                             int limit) {
    std::lock_guard lock(otherMutex_);
    std::string sql = "SELECT at_ms, actor, action, reference, detail, source FROM audit_log";
    if (reference) sql += " WHERE reference = ?";
    sql += " ORDER BY id DESC LIMIT ?";
    auto st = other_->prepare(sql);
    if (!st) return st.status();
    int i = 1;
    if (reference) st->bind(i++, *reference);
    st->bind(i, std::int64_t(std::clamp(limit, 1, 10000)));
    std::vector<AuditEntry> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.status();
        if (!row.value()) break;
        out.push_back({fromUnixMillis(st->integer(0)), st->text(1), st->text(2), st->text(3), st->text(4),
                       st->text(5)});
    }
    return out;
}

Result<std::vector<AuditEntry>> SqliteCentralStore::searchAudit(const AuditQuery& q) {
    std::string where;
    auto add = [&](bool set, const char* condition) {
        if (set) where += fmt::format("{}{}", where.empty() ? " WHERE " : " AND ", condition);
    };
    add(q.actor.has_value(), "actor = ?");
    add(q.reference.has_value(), "reference = ?");
    add(q.action.has_value(), "action = ?");
    add(q.from.has_value(), "at_ms >= ?");
    add(q.to.has_value(), "at_ms < ?");
    std::lock_guard lock(otherMutex_);
    auto st = other_->prepare("SELECT at_ms, actor, action, reference, detail, source FROM audit_log" +
                              where + " ORDER BY at_ms DESC, id DESC LIMIT ? OFFSET ?");
    if (!st) return st.status();
    int i = 1;
    if (q.actor) st->bind(i++, *q.actor);
    if (q.reference) st->bind(i++, *q.reference);
    if (q.action) st->bind(i++, *q.action);
    if (q.from) st->bind(i++, toUnixMillis(*q.from));
    if (q.to) st->bind(i++, toUnixMillis(*q.to));
    st->bind(i++, static_cast<std::int64_t>(std::clamp(q.limit, 1, 1000)));
    st->bind(i, static_cast<std::int64_t>(std::max(0, q.offset)));
    std::vector<AuditEntry> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.status();
        if (!row.value()) break;
        out.push_back({fromUnixMillis(st->integer(0)), st->text(1), st->text(2), st->text(3), st->text(4),
                       st->text(5)});
    }
    return out;
}

}  // namespace wp
