// SqliteCentralStore's teams and routing (TeamStore): the tables team (its label from migration 12),
// team_email, routing_rule and routing_default (migration 7 in central_schema.cpp), on the connection for
// everything but intake. The row of routing_default is made by the seed, so its presence says the store was
// seeded.
#include <fmt/format.h>

#include <functional>
#include <initializer_list>
#include <set>

#include "central/store/sqlite_audit.h"
#include "central/store/sqlite_central_store.h"

namespace wp {

namespace {

Status writeTargets(SqliteDatabase& c, const std::string& team, const TeamNotifications& targets) {
    auto up = c.prepare("UPDATE team SET webhook_url = ? WHERE name = ?");
    if (!up) return up.status();
    up->bind(1, targets.webhookUrl).bind(2, team);
    if (Status s = up->run(); !s) return s;
    auto del = c.prepare("DELETE FROM team_email WHERE team = ?");
    if (!del) return del.status();
    del->bind(1, team);
    if (Status s = del->run(); !s) return s;
    for (std::size_t i = 0; i < targets.emails.size(); ++i) {
        auto st = c.prepare("INSERT INTO team_email (team, position, email) VALUES (?, ?, ?)");
        if (!st) return st.status();
        st->bind(1, team).bind(2, static_cast<std::int64_t>(i)).bind(3, targets.emails[i]);
        if (Status s = st->run(); !s) return s;
    }
    return Status::ok();
}

Status writeRules(SqliteDatabase& c, const std::vector<RoutingRule>& rules) {
    if (Status s = c.exec("DELETE FROM routing_rule"); !s) return s;
    for (std::size_t i = 0; i < rules.size(); ++i) {
        auto st = c.prepare("INSERT INTO routing_rule (position, type, category, team) VALUES (?, ?, ?, ?)");
        if (!st) return st.status();
        st->bind(1, static_cast<std::int64_t>(i)).bind(2, rules[i].type).bind(3, rules[i].category);
        st->bind(4, rules[i].team);
        if (Status s = st->run(); !s) return s;
    }
    return Status::ok();
}

Result<std::set<std::string>> teamNamesIn(SqliteDatabase& c) {
    auto st = c.prepare("SELECT name FROM team");
    if (!st) return st.status();
    std::set<std::string> names;
    for (;;) {
        auto row = st->step();
        if (!row) return row.status();
        if (!row.value()) break;
        names.insert(st->text(0));
    }
    return names;
}

Result<std::int64_t> countOf(SqliteDatabase& c, const char* sql, const std::string& team) {
    auto st = c.prepare(sql);
    if (!st) return st.status();
    st->bind(1, team);
    auto row = st->step();
    if (!row) return row.status();
    return row.value() ? st->integer(0) : 0;
}

Result<TeamUse> useOf(SqliteDatabase& c, const std::string& team) {
    TeamUse use;
    struct Count {
        const char* sql;
        std::int64_t* into;
    };
    std::int64_t isDefault = 0;
    for (const Count& count : {Count{"SELECT COUNT(*) FROM request WHERE team = ?", &use.requests},
                               Count{"SELECT COUNT(*) FROM routing_rule WHERE team = ?", &use.rules},
                               Count{"SELECT COUNT(*) FROM staff_account WHERE team = ?", &use.accounts},
                               Count{"SELECT COUNT(*) FROM agenda WHERE team = ?", &use.agendas},
                               Count{"SELECT COUNT(*) FROM routing_default WHERE team = ?", &isDefault}}) {
        auto n = countOf(c, count.sql, team);
        if (!n) return n.status();
        *count.into = n.value();
    }
    use.isDefault = isDefault > 0;
    return use;
}

// Runs one statement with text parameters.
Status runWith(SqliteDatabase& c, const char* sql, std::initializer_list<std::string> params) {
    auto st = c.prepare(sql);
    if (!st) return st.status();
    int i = 1;
    for (const std::string& p : params) st->bind(i++, p);
    return st->run();
}

// Runs change (given the store's team names) and appends audit in one write transaction; nothing of either
// stays when change or the audit entry fails.
Status auditedChange(SqliteDatabase& c, const AuditEntry& audit,
                     const std::function<Status(const std::set<std::string>&)>& change) {
    auto tx = SqliteTransaction::begin(c);
    if (!tx) return tx.status();
    auto teams = teamNamesIn(c);
    if (!teams) return teams.status();
    if (Status s = change(*teams); !s) return s;
    if (Status s = insertAudit(c, audit); !s) return s;
    return tx->commit();
}

}  // namespace

Result<bool> SqliteCentralStore::seedRouting(const RoutingTable& seed, TimePoint now) {
    std::lock_guard lock(otherMutex_);
    auto tx = SqliteTransaction::begin(*other_);
    if (!tx) return tx.status();
    auto seeded = other_->queryInt("SELECT COUNT(*) FROM routing_default");
    if (!seeded) return seeded.status();
    if (seeded.value() > 0) return false;
    for (const auto& [team, targets] : seed.teams) {
        auto st = other_->prepare("INSERT INTO team (name, label) VALUES (?, ?)");
        if (!st) return st.status();
        auto label = seed.labels.find(team);
        st->bind(1, team).bind(2, label == seed.labels.end() ? std::string() : label->second);
        if (Status s = st->run(); !s) return s;
        if (Status s = writeTargets(*other_, team, targets); !s) return s;
    }
    if (Status s = writeRules(*other_, seed.rules); !s) return s;
    auto st = other_->prepare("INSERT INTO routing_default (id, team, seeded_at_ms) VALUES (1, ?, ?)");
    if (!st) return st.status();
    st->bind(1, seed.defaultTeam).bind(2, toUnixMillis(now));
    if (Status s = st->run(); !s) return s;
    if (Status s = tx->commit(); !s) return s;
    return true;
}

Result<RoutingTable> SqliteCentralStore::routingTable() {
    std::lock_guard lock(otherMutex_);
    RoutingTable t;
    {
        auto st = other_->prepare("SELECT team FROM routing_default WHERE id = 1");
        if (!st) return st.status();
        auto row = st->step();
        if (!row) return row.status();
        if (row.value()) t.defaultTeam = st->text(0);
    }
    {
        auto st = other_->prepare("SELECT name, webhook_url, label FROM team ORDER BY name");
        if (!st) return st.status();
        for (;;) {
            auto row = st->step();
            if (!row) return row.status();
            if (!row.value()) break;
            t.teams[st->text(0)].webhookUrl = st->text(1);
            if (!st->text(2).empty()) t.labels[st->text(0)] = st->text(2);
        }
    }
    {
        auto st = other_->prepare("SELECT team, email FROM team_email ORDER BY team, position");
        if (!st) return st.status();
        for (;;) {
            auto row = st->step();
            if (!row) return row.status();
            if (!row.value()) break;
            t.teams[st->text(0)].emails.push_back(st->text(1));
        }
    }
    auto st = other_->prepare("SELECT type, category, team FROM routing_rule ORDER BY position");
    if (!st) return st.status();
    for (;;) {
        auto row = st->step();
        if (!row) return row.status();
        if (!row.value()) break;
        t.rules.push_back({st->text(0), st->text(1), st->text(2)});
    }
    return t;
}

Status SqliteCentralStore::replaceRouting(const std::string& defaultTeam,
                                          const std::vector<RoutingRule>& rules, const AuditEntry& audit) {
    std::lock_guard lock(otherMutex_);
    return auditedChange(*other_, audit, [&](const std::set<std::string>& teams) -> Status {
        if (!teams.contains(defaultTeam))
            return Status::invalidInput(fmt::format("the default team '{}' is no team", defaultTeam));
        for (const RoutingRule& r : rules)
            if (!teams.contains(r.team)) return Status::invalidInput(fmt::format("'{}' is no team", r.team));
        if (Status s = writeRules(*other_, rules); !s) return s;
        if (Status s = runWith(*other_, "UPDATE routing_default SET team = ? WHERE id = 1", {defaultTeam});
            !s)
            return s;
        if (other_->changes() == 0) return Status::notFound("the store's routing was never seeded");
        return Status::ok();
    });
}

Status SqliteCentralStore::setTeamNotifications(const std::string& team, const TeamNotifications& targets,
                                                const AuditEntry& audit) {
    std::lock_guard lock(otherMutex_);
    return auditedChange(*other_, audit, [&](const std::set<std::string>& teams) -> Status {
        if (!teams.contains(team)) return Status::notFound(fmt::format("'{}' is no team", team));
        return writeTargets(*other_, team, targets);
    });
}

Status SqliteCentralStore::addTeam(const std::string& team, const std::string& label,
                                   const AuditEntry& audit) {
    std::lock_guard lock(otherMutex_);
    return auditedChange(*other_, audit, [&](const std::set<std::string>& teams) -> Status {
        if (teams.contains(team)) return Status::conflict(fmt::format("there is a team '{}'", team));
        return runWith(*other_, "INSERT INTO team (name, label) VALUES (?, ?)", {team, label});
    });
}

Status SqliteCentralStore::setTeamLabel(const std::string& team, const std::string& label,
                                        const AuditEntry& audit) {
    std::lock_guard lock(otherMutex_);
    return auditedChange(*other_, audit, [&](const std::set<std::string>& teams) -> Status {
        if (!teams.contains(team)) return Status::notFound(fmt::format("'{}' is no team", team));
        return runWith(*other_, "UPDATE team SET label = ? WHERE name = ?", {label, team});
    });
}

Result<TeamUse> SqliteCentralStore::teamUse(const std::string& team) {
    std::lock_guard lock(otherMutex_);
    return useOf(*other_, team);
}

Status SqliteCentralStore::removeTeam(const std::string& team, const AuditEntry& audit) {
    std::lock_guard lock(otherMutex_);
    return auditedChange(*other_, audit, [&](const std::set<std::string>& teams) -> Status {
        if (!teams.contains(team)) return Status::notFound(fmt::format("'{}' is no team", team));
        auto use = useOf(*other_, team);
        if (!use) return use.status();
        if (use->any()) return Status::conflict(fmt::format("team '{}' is still in use", team));
        for (const char* sql : {"DELETE FROM team_email WHERE team = ?", "DELETE FROM team WHERE name = ?"})
            if (Status s = runWith(*other_, sql, {team}); !s) return s;
        return Status::ok();
    });
}

}  // namespace wp
