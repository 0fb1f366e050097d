// The admin pages' views and forms: teams with their notification targets (templates/admin_teams.mustache),
// the routing rules (admin_routing.mustache) and the audit log (audit.mustache). Views turn store data into
// the JSON a template reads; form readers turn a posted form (parseQueryString) into store data, or a Dutch
// message that says what to fix. Pure; thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

#include "central/store/central_store.h"
#include "common/status.h"

namespace wp {

using FormFields = std::multimap<std::string, std::string>;

// uses: what names each team (TeamStore::teamUse); a team in use says why it cannot be removed, one without
// an entry offers no removal.
nlohmann::json teamsView(const RoutingTable& table, const std::map<std::string, TeamUse>& uses);
// Why a team in use cannot be removed, in Dutch: "Dit team kan niet weg: er zijn 3 aanvragen van dit team en
// het is het standaardteam van de routering."
std::string teamInUseText(const TeamUse& use);
// A new team from the add form (name: 2 to 30 of a-z, 0-9 and '-', starting with a letter; label: its Dutch
// display name); InvalidInput with a Dutch message for a name that is taken or not like that, or a bad label.
struct NewTeam {
    std::string name, label;
};
Result<NewTeam> readNewTeamForm(const FormFields& form, const RoutingTable& table);
// The label field of a team form: 1 to 60 characters on one line, without < or >.
Result<std::string> readTeamLabel(const FormFields& form);
// A team's targets from its form (webhook, emails: one address per line); InvalidInput with a Dutch message
// for a webhook that is not https:// or an address without @.
Result<TeamNotifications> readTeamForm(const FormFields& form);

// requestTypes: every type the server takes, in order, for the type choices.
nlohmann::json routingView(const RoutingTable& table, const std::vector<std::string>& requestTypes);
// The default team and the rules from the routing form (order_N, type_N, category_N, team_N, default_team):
// rows sorted by their order number (ties keep their row order), rows without a type left out.
// InvalidInput with a Dutch message for an unknown type or team, or an order that is not a number.
struct RoutingChange {
    std::string defaultTeam;
    std::vector<RoutingRule> rules;
};
Result<RoutingChange> readRoutingForm(const FormFields& form, const RoutingTable& table,
                                      const std::vector<std::string>& requestTypes);
// The audit entry of a routing change: what the rules became, in words.
std::string routingChangeDetail(const RoutingChange& change);

// How many entries one audit page shows.
inline constexpr int kAuditPageSize = 50;
// The audit page's query from its URL parameters (actor, reference, action, from, to: dates "YYYY-MM-DD" in
// Europe/Amsterdam, both included; page from 1). A date that is no date is left out and named in error.
struct AuditPageQuery {
    AuditQuery query;
    int page = 1;
    std::map<std::string, std::string> values;  // the filters as typed, to show them again
    std::string error;
};
AuditPageQuery readAuditQuery(const std::multimap<std::string, std::string>& params);
// entries: at most kAuditPageSize + 1 (the one more says an older page exists).
nlohmann::json auditView(const AuditPageQuery& query, const std::vector<AuditEntry>& entries);

}  // namespace wp
