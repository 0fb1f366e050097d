// Lockout windows and session timeouts on a fake clock (central/backoffice/sign_in_rules.h).
#include <gtest/gtest.h>

#include "central/backoffice/sign_in_rules.h"
#include "tests/unit/fake_clock.h"

namespace wp {
namespace {

using namespace std::chrono_literals;

TEST(LockoutTest, FiveFailuresWithinTheWindowLockForFifteenMinutesAfterTheLast) {
    testing::FakeClock clock;
    const LockoutRule rule{5, 15min, 15min};
    std::vector<TimePoint> failures;
    for (int i = 0; i < 4; ++i) {
        failures.push_back(clock.now());
        clock.advance(2min);
    }
    EXPECT_FALSE(lockedUntil(failures, rule, clock.now()));
    failures.push_back(clock.now());  // the fifth, 8 minutes after the first
    EXPECT_EQ(lockedUntil(failures, rule, clock.now()), clock.now() + 15min);
    clock.advance(15min - 1ms);
    EXPECT_TRUE(lockedUntil(failures, rule, clock.now()));
    clock.advance(1ms);
    EXPECT_FALSE(lockedUntil(failures, rule, clock.now()));
}

TEST(LockoutTest, FailuresSpreadWiderThanTheWindowDoNotLock) {
    testing::FakeClock clock;
    const LockoutRule rule{5, 15min, 15min};
    std::vector<TimePoint> failures;
    for (int i = 0; i < 10; ++i) {
        failures.push_back(clock.now());
        clock.advance(4min);  // five failures span 16 minutes
    }
    EXPECT_FALSE(lockedUntil(failures, rule, clock.now()));
}

TEST(LockoutTest, TheOrderOfFailuresDoesNotMatterAndTheLatestRunCounts) {
    const TimePoint t0 = TimePoint(std::chrono::hours(1000));
    const LockoutRule rule{3, 10min, 5min};
    std::vector<TimePoint> failures = {t0 + 2min, t0, t0 + 1min, t0 + 20min, t0 + 21min, t0 + 22min};
    EXPECT_EQ(lockedUntil(failures, rule, t0 + 23min), t0 + 27min);
    EXPECT_FALSE(lockedUntil(failures, rule, t0 + 27min));
    EXPECT_EQ(lockoutLookBack(rule), 15min);
}

TEST(SessionTimeoutTest, IdleAndAbsoluteLimitsEndASession) {
    const TimePoint start = TimePoint(std::chrono::hours(1000));
    const SessionLimits limits{30min, 600min};
    EXPECT_FALSE(sessionTimedOut(start, start, limits, start + 30min - 1ms));
    EXPECT_TRUE(sessionTimedOut(start, start, limits, start + 30min));
    EXPECT_FALSE(sessionTimedOut(start, start + 599min, limits, start + 600min - 1ms));
    EXPECT_TRUE(sessionTimedOut(start, start + 599min, limits, start + 600min));
}

}  // namespace
}  // namespace wp
