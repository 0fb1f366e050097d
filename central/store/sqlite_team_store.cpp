// SqliteCentralStore's teams and routing (TeamStore): the tables team, team_email, routing_rule and
// routing_default (migration 7 in central_schema.cpp), on the connection for everything but intake. The row
// of routing_default is made by the seed, so its presence says the store was seeded.
#include <fmt/format.h>

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

}  // namespace

Result<bool> SqliteCentralStore::seedRouting(const RoutingTable& seed, TimePoint now) {
    std::lock_guard lock(otherMutex_);
    auto tx = SqliteTransaction::begin(*other_);
    if (!tx) return tx.status();
    auto seeded = other_->queryInt("SELECT COUNT(*) FROM routing_default");
    if (!seeded) return seeded.status();
    if (seeded.value() > 0) return false;
    for (const auto& [team, targets] : seed.teams) {
        auto st = other_->prepare("INSERT INTO team (name) VALUES (?)");
        if (!st) return st.status();
        st->bind(1, team);
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
        auto st = other_->prepare("SELECT name, webhook_url FROM team ORDER BY name");
        if (!st) return st.status();
        for (;;) {
            auto row = st->step();
            if (!row) return row.status();
            if (!row.value()) break;
            t.teams[st->text(0)].webhookUrl = st->text(1);
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
    auto tx = SqliteTransaction::begin(*other_);
    if (!tx) return tx.status();
    auto teams = teamNamesIn(*other_);
    if (!teams) return teams.status();
    if (!teams->contains(defaultTeam))
        return Status::invalidInput(fmt::format("the default team '{}' is no team", defaultTeam));
    for (const RoutingRule& r : rules)
        if (!teams->contains(r.team)) return Status::invalidInput(fmt::format("'{}' is no team", r.team));
    if (Status s = writeRules(*other_, rules); !s) return s;
    auto st = other_->prepare("UPDATE routing_default SET team = ? WHERE id = 1");
    if (!st) return st.status();
    st->bind(1, defaultTeam);
    if (Status s = st->run(); !s) return s;
    if (other_->changes() == 0) return Status::notFound("the store's routing was never seeded");
    if (Status s = insertAudit(*other_, audit); !s) return s;
    return tx->commit();
}

Status SqliteCentralStore::setTeamNotifications(const std::string& team, const TeamNotifications& targets,
                                                const AuditEntry& audit) {
    std::lock_guard lock(otherMutex_);
    auto tx = SqliteTransaction::begin(*other_);
    if (!tx) return tx.status();
    auto teams = teamNamesIn(*other_);
    if (!teams) return teams.status();
    if (!teams->contains(team)) return Status::notFound(fmt::format("'{}' is no team", team));
    if (Status s = writeTargets(*other_, team, targets); !s) return s;
    if (Status s = insertAudit(*other_, audit); !s) return s;
    return tx->commit();
}

}  // namespace wp
