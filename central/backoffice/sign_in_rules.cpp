#include "central/backoffice/sign_in_rules.h"

#include <algorithm>

namespace wp {

std::chrono::minutes lockoutLookBack(const LockoutRule& rule) {
    return rule.window + rule.lockFor;
}

std::optional<TimePoint> lockedUntil(std::vector<TimePoint> failures, const LockoutRule& rule,
                                     TimePoint now) {
    if (rule.failures <= 0) return std::nullopt;
    std::sort(failures.begin(), failures.end());
    std::optional<TimePoint> until;
    const size_t run = static_cast<size_t>(rule.failures);
    for (size_t i = run - 1; i < failures.size(); ++i) {
        if (failures[i] - failures[i + 1 - run] > rule.window) continue;
        TimePoint end = failures[i] + rule.lockFor;
        if (end > now && (!until || end > *until)) until = end;
    }
    return until;
}

bool sessionTimedOut(TimePoint createdAt, TimePoint lastSeenAt, const SessionLimits& limits, TimePoint now) {
    return now - lastSeenAt >= limits.idle || now - createdAt >= limits.absolute;
}

}  // namespace wp
