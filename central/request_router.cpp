#include "central/request_router.h"

namespace wp {

RouteDecision RequestRouter::route(RequestType type, const std::string& category) const {
    std::string_view typeName = toString(type);
    for (const RoutingRule& r : rules_) {
        bool typeMatches = r.type == "*" || r.type == typeName;
        bool categoryMatches = r.category == "*" || r.category == category;
        if (typeMatches && categoryMatches) return {r.team, false};
    }
    return {defaultTeam_, true};
}

}  // namespace wp
