#include "central/request_router.h"

namespace wp {

std::map<std::string, std::string> RequestRouter::fallbackTeamsOf(const RequestSpecs& specs) {
    std::map<std::string, std::string> teams;
    for (const RequestSpec* spec : specs.latestOfEach())
        if (!spec->fallbackTeam.empty()) teams[spec->id] = spec->fallbackTeam;
    return teams;
}

RouteDecision RequestRouter::route(const std::string& type, const std::string& category) const {
    for (const RoutingRule& r : rules_) {
        bool typeMatches = r.type == "*" || r.type == type;
        bool categoryMatches = r.category == "*" || r.category == category;
        if (typeMatches && categoryMatches) return {r.team, false};
    }
    if (auto it = fallbackTeams_.find(type); it != fallbackTeams_.end()) return {it->second, false};
    return {defaultTeam_, true};
}

}  // namespace wp
