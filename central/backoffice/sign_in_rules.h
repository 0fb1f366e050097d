// The back office's rules of time, on the injected clock: when repeated failed sign-ins lock an account (or
// a source address) out, and when a session ends by itself. Pure functions of the times they are given.
#pragma once

#include <chrono>
#include <optional>
#include <vector>

#include "common/clock.h"

namespace wp {

struct LockoutRule {
    int failures = 5;                  // this many failed sign-ins ...
    std::chrono::minutes window{15};   // ... within this long ...
    std::chrono::minutes lockFor{15};  // ... lock sign-in for this long after the last of them
};

// How far back the failures lockedUntil needs reach from now.
std::chrono::minutes lockoutLookBack(const LockoutRule& rule);

// When the lockout that failures (times of failed sign-ins, any order) cause ends, if it has not ended by
// now; nullopt when sign-in is open. A run of rule.failures failures within rule.window locks until
// rule.lockFor after the last failure of the run.
std::optional<TimePoint> lockedUntil(std::vector<TimePoint> failures, const LockoutRule& rule, TimePoint now);

struct SessionLimits {
    std::chrono::minutes idle{30};       // since the session was last used
    std::chrono::minutes absolute{600};  // since sign-in
};

// Whether a session made at createdAt and last used at lastSeenAt has ended by itself at now.
bool sessionTimedOut(TimePoint createdAt, TimePoint lastSeenAt, const SessionLimits& limits, TimePoint now);

}  // namespace wp
