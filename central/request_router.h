// RequestRouter: which team handles a request, from the routing table in the config (DESIGN.md: team).
//
// The first rule whose type and category match wins; "*" matches anything, "" matches a request without a
// category. A request that no rule matches goes to the default team and is flagged, so someone looks at the
// routing table. Immutable after construction; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "central/central_config.h"
#include "common/request.h"

namespace wp {

struct RouteDecision {
    std::string team;
    bool flagged = false;  // no rule matched: the default team got it
};

class RequestRouter {
  public:
    RequestRouter(std::vector<RoutingRule> rules, std::string defaultTeam)
        : rules_(std::move(rules)), defaultTeam_(std::move(defaultTeam)) {}
    RouteDecision route(RequestType type, const std::string& category) const;

  private:
    std::vector<RoutingRule> rules_;
    std::string defaultTeam_;
};

}  // namespace wp
