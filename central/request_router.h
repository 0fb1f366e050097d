// RequestRouter: which team handles a request, from a routing table (DESIGN.md: team): the store's, which
// the config seeds once (central/live_routing.h swaps in a new router when an admin changes it).
//
// The first rule whose type and category match wins; "*" matches anything, "" matches a request without a
// category. When no rule matches, the type's own fallback team (its spec's fallback_team) gets it; a type
// without one goes to the default team and is flagged, so someone looks at the routing table.
// Immutable after construction; thread-safe.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "central/central_config.h"

namespace wp {

struct RouteDecision {
    std::string team;
    bool flagged = false;  // no rule and no fallback team: the default team got it
};

class RequestRouter {
  public:
    // fallbackTeams: request type -> the team of its spec's fallback_team.
    RequestRouter(std::vector<RoutingRule> rules, std::string defaultTeam,
                  std::map<std::string, std::string> fallbackTeams = {})
        : rules_(std::move(rules)),
          defaultTeam_(std::move(defaultTeam)),
          fallbackTeams_(std::move(fallbackTeams)) {}
    // The fallback team of each type, from the highest version of its spec.
    static std::map<std::string, std::string> fallbackTeamsOf(const RequestSpecs& specs);

    RouteDecision route(const std::string& type, const std::string& category) const;

  private:
    std::vector<RoutingRule> rules_;
    std::string defaultTeam_;
    std::map<std::string, std::string> fallbackTeams_;
};

}  // namespace wp
