// Initiative coaches (DESIGN.md: team initiatief): who gets the next initiative.
//
// The coaches come from the server's config ([initiative] coaches); the store keeps with each initiative
// the first name of the coach it assigned, in the transaction that stores the request. pickCoach() is the
// rule, deterministic and free of storage so it can be tested alone: the coach with the fewest open
// (not closed) initiatives; on a tie the one with the fewest initiatives in all; then the first in the
// config. Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace wp {

struct InitiativeCoach {
    std::string name;   // first name only: residents see it in the status of their request
    std::string email;  // optional: new initiatives are mailed to the coach (no personal data in the mail)
    bool operator==(const InitiativeCoach&) const = default;
};

struct CoachLoad {
    std::int64_t open = 0;   // assigned initiatives that are not closed
    std::int64_t total = 0;  // every initiative ever assigned
};

// Index into coaches of the coach for the next initiative; nullopt when there are none. loads is by name;
// a coach missing from it has no initiatives yet.
inline std::optional<std::size_t> pickCoach(const std::vector<InitiativeCoach>& coaches,
                                            const std::map<std::string, CoachLoad>& loads) {
    std::optional<std::size_t> best;
    CoachLoad bestLoad;
    for (std::size_t i = 0; i < coaches.size(); ++i) {
        auto it = loads.find(coaches[i].name);
        CoachLoad load = it != loads.end() ? it->second : CoachLoad{};
        const bool fewer =
            load.open < bestLoad.open || (load.open == bestLoad.open && load.total < bestLoad.total);
        if (!best || fewer) {
            best = i;
            bestLoad = load;
        }
    }
    return best;
}

}  // namespace wp
