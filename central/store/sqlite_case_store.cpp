// SqliteCentralStore's back office cases (CaseStore, and RequestStore::updateStatus, which the JSON API
// calls): the inbox query, the changes a team makes (assign, forward, status, plan) with their history in
// request_event, the team's export and the counts. Every change writes its history event and its audit
// entry in the transaction that makes it; every read of personal data writes its audit entry in the
// transaction that reads it. On the connection for everything but intake.
//
// The inbox pages by keyset on (received_at_ms, id), which the indexes request_inbox and
// request_inbox_by_team (migration 6) serve in order, so a page costs the same at row 1 and row 100,000.
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <variant>

#include "central/store/sqlite_audit.h"
#include "central/store/sqlite_central_store.h"
#include "central/store/sqlite_request_rows.h"
#include "common/reference_code.h"

namespace wp {

namespace {

using Param = std::variant<std::string, std::int64_t>;

// A WHERE clause and its parameters, in order.
struct Where {
    std::string sql = " WHERE 1 = 1";
    std::vector<Param> params;
    void add(const char* condition, Param p) {
        sql += " AND ";
        sql += condition;
        params.push_back(std::move(p));
    }
};

int bindAll(SqliteStatement& st, const std::vector<Param>& params) {
    int i = 1;
    for (const auto& p : params) {
        if (const auto* s = std::get_if<std::string>(&p))
            st.bind(i++, *s);
        else
            st.bind(i++, std::get<std::int64_t>(p));
    }
    return i;
}

// The filters of q but its status and paging.
Where filterOf(const InboxQuery& q) {
    Where w;
    if (q.team) w.add("team = ?", *q.team);
    if (q.type) w.add("type = ?", *q.type);
    if (q.category) w.add("category = ?", *q.category);
    if (q.contactPoint) w.add("contact_point = ?", *q.contactPoint);
    if (q.receivedBefore) w.add("received_at_ms < ?", toUnixMillis(*q.receivedBefore));
    if (q.assignee) w.add("assignee_id = ?", *q.assignee);
    // Reference codes are upper-case letters, digits and '-': anything else cannot match, and keeps LIKE's
    // own characters out.
    std::string part;
    for (char c : q.referencePart)
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '-')
            part += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    // A whole code (what a resident reads out from a receipt) is found through the reference's unique
    // index; a piece of one through index ranges too (kReferencePieceCondition).
    if (verifyReferenceCode(part)) {
        w.add("reference = ?", part);
    } else if (!part.empty()) {
        w.sql += fmt::format(" AND {}", kReferencePieceCondition);
        for (int i = 0; i < 3; ++i) w.params.insert(w.params.end(), {part, part + "~"});
    }
    return w;
}

constexpr const char* kCaseColumns = "assignee_id, assignee, plan_kind, plan_date, plan_part, id";

// The case columns that follow the summary columns.
void caseFrom(const SqliteStatement& st, int first, std::int64_t& assigneeId, std::string& assignee,
              CasePlan& plan) {
    assigneeId = st.integer(first);
    assignee = st.text(first + 1);
    plan = {st.text(first + 2), st.text(first + 3), st.text(first + 4)};
}

struct CaseRef {
    std::int64_t id = 0;
    std::string team;
};

// The request's row id and team, or NotFound when there is none in scope.
Result<CaseRef> caseRef(SqliteDatabase& c, const std::string& reference, const CaseScope& scope) {
    auto st = c.prepare("SELECT id, team FROM request WHERE reference = ?");
    if (!st) return st.status();
    st->bind(1, reference);
    auto row = st->step();
    if (!row) return row.status();
    if (!row.value() || (scope.onlyTeam && st->text(1) != *scope.onlyTeam))
        return Status::notFound(fmt::format("no request {}", reference));
    return CaseRef{st->integer(0), st->text(1)};
}

Status insertEvent(SqliteDatabase& c, std::int64_t requestId, TimePoint now, const std::string& actor,
                   const std::string& kind, const std::string& detail, const std::string& note) {
    auto st = c.prepare(
        "INSERT INTO request_event (request_id, at_ms, actor, kind, detail, note) VALUES (?, ?, ?, ?, ?, ?)");
    if (!st) return st.status();
    st->bind(1, requestId).bind(2, toUnixMillis(now)).bind(3, actor).bind(4, kind).bind(5, detail);
    st->bind(6, note);
    return st->run();
}

// What a change also writes in its transaction, given the request's row id.
using AlsoWrite = std::function<Status(SqliteDatabase&, std::int64_t requestId)>;

// One change: the UPDATE of sql (its parameters, then the row id), the history event, the audit entry and
// whatever also writes, in one transaction.
Status change(SqliteDatabase& c, const std::string& reference, const CaseScope& scope, const CaseActor& actor,
              TimePoint now, const std::string& sql, const std::vector<Param>& params,
              const std::vector<CaseEvent>& events, const std::string& auditAction,
              const std::string& auditDetail, const AlsoWrite& also = {}) {
    auto tx = SqliteTransaction::begin(c);
    if (!tx) return tx.status();
    auto ref = caseRef(c, reference, scope);
    if (!ref) return ref.status();
    auto up = c.prepare(sql + ", updated_at_ms = ? WHERE id = ?");
    if (!up) return up.status();
    int next = bindAll(*up, params);
    up->bind(next, toUnixMillis(now)).bind(next + 1, ref->id);
    if (Status s = up->run(); !s) return s;
    for (const auto& e : events)
        if (Status s = insertEvent(c, ref->id, now, actor.name, e.kind, e.detail, e.note); !s) return s;
    if (Status s = insertAudit(c, {now, actor.name, auditAction, reference, auditDetail, actor.source}); !s)
        return s;
    if (also)
        if (Status s = also(c, ref->id); !s) return s;
    return tx->commit();
}

}  // namespace

Result<InboxPage> SqliteCentralStore::inbox(const InboxQuery& q) {
    std::lock_guard lock(otherMutex_);
    InboxPage page;
    const Where base = filterOf(q);
    Where w = base;
    if (q.status)
        w.add("status = ?", std::string(toString(*q.status)));
    else if (!q.includeClosed)
        w.add("status <> ?", std::string("closed"));
    const bool backwards = q.before.has_value() && !q.after.has_value();
    if (q.after) {
        w.sql += " AND (received_at_ms > ? OR (received_at_ms = ? AND id > ?))";
        w.params.insert(w.params.end(), {q.after->receivedAtMs, q.after->receivedAtMs, q.after->id});
    } else if (q.before) {
        w.sql += " AND (received_at_ms < ? OR (received_at_ms = ? AND id < ?))";
        w.params.insert(w.params.end(), {q.before->receivedAtMs, q.before->receivedAtMs, q.before->id});
    }
    const int limit = std::clamp(q.limit, 1, 200);
    std::string sql =
        fmt::format("SELECT {}, {} FROM request{} ORDER BY received_at_ms {}, id {} LIMIT ?", kSummaryColumns,
                    kCaseColumns, w.sql, backwards ? "DESC" : "ASC", backwards ? "DESC" : "ASC");
    {
        auto st = other_->prepare(sql);
        if (!st) return st.status();
        int next = bindAll(*st, w.params);
        st->bind(next, std::int64_t(limit + 1));
        for (;;) {
            auto row = st->step();
            if (!row) return row.status();
            if (!row.value()) break;
            CaseRow r;
            auto summary = summaryFrom(specs_, *st);
            if (!summary) return summary.status();
            r.summary = std::move(summary).value();
            caseFrom(*st, kSummaryColumnCount, r.assigneeId, r.assignee, r.plan);
            r.cursor = {toUnixMillis(r.summary.receivedAt), st->integer(kSummaryColumnCount + 5)};
            page.rows.push_back(std::move(r));
        }
    }
    const bool more = page.rows.size() > static_cast<size_t>(limit);
    if (more) page.rows.pop_back();
    if (backwards) {
        std::reverse(page.rows.begin(), page.rows.end());
        page.hasEarlier = more;
        page.hasLater = true;
    } else {
        page.hasEarlier = q.after.has_value();
        page.hasLater = more;
    }
    auto counts = other_->prepare(
        fmt::format("SELECT status, COUNT(*) FROM request{} GROUP BY status ORDER BY status", base.sql));
    if (!counts) return counts.status();
    bindAll(*counts, base.params);
    for (;;) {
        auto row = counts->step();
        if (!row) return row.status();
        if (!row.value()) break;
        if (auto status = requestStatusFromString(counts->text(0)))
            page.countsByStatus.emplace_back(*status, counts->integer(1));
    }
    std::sort(page.countsByStatus.begin(), page.countsByStatus.end());
    return page;
}

Result<std::optional<CaseDetail>> SqliteCentralStore::caseDetail(const std::string& reference,
                                                                 const CaseScope& scope,
                                                                 const CaseActor& reader, TimePoint now) {
    std::lock_guard lock(otherMutex_);
    auto tx = SqliteTransaction::begin(*other_);
    if (!tx) return tx.status();
    std::optional<CaseDetail> out;
    std::int64_t id = 0;
    {
        auto st = other_->prepare(
            fmt::format("SELECT {}, {}, body, public_note, internal_note FROM request WHERE reference = ?",
                        kSummaryColumns, kCaseColumns));
        if (!st) return st.status();
        st->bind(1, reference);
        auto row = st->step();
        if (!row) return row.status();
        if (row.value()) {
            CaseDetail d;
            auto summary = summaryFrom(specs_, *st);
            if (!summary) return summary.status();
            const int body = kSummaryColumnCount + 6;
            auto request = requestFromBody(specs_, st->text(body));
            if (!request) return request.status();
            d.detail.summary = std::move(summary).value();
            d.detail.request = std::move(request).value();
            d.detail.publicNote = st->text(body + 1);
            d.detail.internalNote = st->text(body + 2);
            caseFrom(*st, kSummaryColumnCount, d.assigneeId, d.assignee, d.plan);
            id = st->integer(kSummaryColumnCount + 5);
            out = std::move(d);
        }
    }
    std::string note = out ? "" : "refused: no such request";
    if (out && scope.onlyTeam && out->detail.summary.team != *scope.onlyTeam) {
        note = fmt::format("refused: request of team {}", out->detail.summary.team);
        out.reset();
    }
    if (out) {
        auto st = other_->prepare(
            "SELECT at_ms, actor, kind, detail, note FROM request_event WHERE request_id = ? ORDER BY id");
        if (!st) return st.status();
        st->bind(1, id);
        for (;;) {
            auto row = st->step();
            if (!row) return row.status();
            if (!row.value()) break;
            out->history.push_back(
                {fromUnixMillis(st->integer(0)), st->text(1), st->text(2), st->text(3), st->text(4)});
        }
    }
    AuditEntry e{now, reader.name, "read-personal-data", reference, note, reader.source};
    if (Status s = insertAudit(*other_, e); !s) return s;
    if (Status s = tx->commit(); !s) return s;
    return out;
}

Status SqliteCentralStore::assign(const std::string& reference, const CaseScope& scope,
                                  std::int64_t assigneeId, const std::string& assigneeName,
                                  const CaseActor& actor, TimePoint now) {
    std::lock_guard lock(otherMutex_);
    const char* kind = assigneeId == 0 ? "unassigned" : assigneeId == actor.accountId ? "taken" : "assigned";
    std::string name = assigneeId == 0 ? "" : assigneeName;
    return change(*other_, reference, scope, actor, now, "UPDATE request SET assignee_id = ?, assignee = ?",
                  {assigneeId, name}, {{now, actor.name, kind, name, ""}}, "assign",
                  fmt::format("{} {}", kind, name));
}

Status SqliteCentralStore::forward(const std::string& reference, const CaseScope& scope,
                                   const std::string& toTeam, const std::string& reason,
                                   const std::vector<NotificationTarget>& notify, const CaseActor& actor,
                                   TimePoint now) {
    std::lock_guard lock(otherMutex_);
    std::string from;
    {
        auto ref = caseRef(*other_, reference, scope);
        if (!ref) return ref.status();
        from = ref->team;
    }
    if (from == toTeam)
        return Status::invalidInput(fmt::format("request {} is already {}'s", reference, toTeam));
    std::string detail = fmt::format("{} -> {}", from, toTeam);
    auto notifyTeam = [&](SqliteDatabase& c, std::int64_t id) {
        for (const auto& n : notify) {
            auto st = c.prepare(
                "INSERT INTO notification (request_id, team, channel, target, due_at_ms) VALUES (?, ?, ?, ?, "
                "?)");
            if (!st) return st.status();
            st->bind(1, id).bind(2, toTeam).bind(3, n.channel).bind(4, n.target).bind(5, toUnixMillis(now));
            if (Status s = st->run(); !s) return s;
        }
        return Status::ok();
    };
    return change(*other_, reference, scope, actor, now,
                  "UPDATE request SET team = ?, assignee_id = 0, assignee = '', flagged = 0", {toTeam},
                  {{now, actor.name, "forwarded", detail, reason}}, "forward", detail, notifyTeam);
}

Status SqliteCentralStore::setStatus(const std::string& reference, const CaseScope& scope,
                                     const StatusUpdate& u, const CaseActor& actor, TimePoint now) {
    std::lock_guard lock(otherMutex_);
    std::vector<CaseEvent> events{
        {now, actor.name, "status", std::string(toString(u.status)), u.publicNote.value_or("")}};
    if (u.internalNote) events.push_back({now, actor.name, "internal-note", "", *u.internalNote});
    std::string sql = "UPDATE request SET status = ?";
    std::vector<Param> params{std::string(toString(u.status))};
    if (u.publicNote) {
        sql += ", public_note = ?";
        params.emplace_back(*u.publicNote);
    }
    if (u.internalNote) {
        sql += ", internal_note = ?";
        params.emplace_back(*u.internalNote);
    }
    std::string detail = fmt::format("status={}{}{}", toString(u.status), u.publicNote ? " public_note" : "",
                                     u.internalNote ? " internal_note" : "");
    return change(*other_, reference, scope, actor, now, sql, params, events, "set-status", detail);
}

Result<RequestSummary> SqliteCentralStore::updateStatus(const std::string& reference,
                                                        const std::optional<std::string>& onlyTeam,
                                                        const StatusUpdate& u, const std::string& who,
                                                        const std::string& source, TimePoint now) {
    if (Status s = setStatus(reference, CaseScope{onlyTeam}, u, {0, who, source}, now); !s) return s;
    std::lock_guard lock(otherMutex_);
    auto st = other_->prepare(fmt::format("SELECT {} FROM request WHERE reference = ?", kSummaryColumns));
    if (!st) return st.status();
    st->bind(1, reference);
    auto row = st->step();
    if (!row) return row.status();
    if (!row.value()) return Status::notFound(fmt::format("no request {}", reference));
    return summaryFrom(specs_, *st);
}

Status SqliteCentralStore::plan(const std::string& reference, const CaseScope& scope, const CasePlan& p,
                                const CaseActor& actor, TimePoint now) {
    if (p.kind != "home-visit" && p.kind != "first-talk")
        return Status::invalidInput("a plan is a home-visit or a first-talk");
    if (p.partOfDay != "ochtend" && p.partOfDay != "middag" && p.partOfDay != "avond")
        return Status::invalidInput("the part of the day is ochtend, middag or avond");
    std::lock_guard lock(otherMutex_);
    std::string detail = fmt::format("{} {} {}", p.kind, p.date, p.partOfDay);
    return change(*other_, reference, scope, actor, now,
                  "UPDATE request SET plan_kind = ?, plan_date = ?, plan_part = ?",
                  {p.kind, p.date, p.partOfDay}, {{now, actor.name, "planned", detail, ""}}, "plan", detail);
}

Result<std::vector<RequestDetail>> SqliteCentralStore::exportOpen(const std::string& team,
                                                                  const CaseActor& reader, int limit,
                                                                  TimePoint now) {
    std::lock_guard lock(otherMutex_);
    auto tx = SqliteTransaction::begin(*other_);
    if (!tx) return tx.status();
    std::vector<RequestDetail> out;
    {
        auto st = other_->prepare(fmt::format(
            "SELECT {}, body, public_note, internal_note FROM request WHERE team = ? AND status <> 'closed' "
            "ORDER BY received_at_ms, id LIMIT ?",
            kSummaryColumns));
        if (!st) return st.status();
        st->bind(1, team).bind(2, std::int64_t(std::max(limit, 1)));
        for (;;) {
            auto row = st->step();
            if (!row) return row.status();
            if (!row.value()) break;
            auto d = detailFrom(specs_, *st);
            if (!d) return d.status();
            out.push_back(std::move(d).value());
        }
    }
    AuditEntry e{now,
                 reader.name,
                 "export",
                 "",
                 fmt::format("open requests of team {}: {}", team, out.size()),
                 reader.source};
    if (Status s = insertAudit(*other_, e); !s) return s;
    if (Status s = tx->commit(); !s) return s;
    return out;
}

Result<std::vector<RequestCount>> SqliteCentralStore::requestCounts() {
    std::lock_guard lock(otherMutex_);
    auto st = other_->prepare(
        "SELECT team, type, status, contact_point, COUNT(*) FROM request "
        "GROUP BY team, type, status, contact_point ORDER BY team, type, status, contact_point");
    if (!st) return st.status();
    std::vector<RequestCount> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.status();
        if (!row.value()) break;
        RequestCount c;
        c.team = st->text(0);
        c.type = st->text(1);
        c.status = requestStatusFromString(st->text(2)).value_or(RequestStatus::Received);
        c.contactPoint = st->text(3);
        c.count = st->integer(4);
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace wp
