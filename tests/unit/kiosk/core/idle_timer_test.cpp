#include "kiosk/core/idle_timer.h"

#include <gtest/gtest.h>

namespace wp {
namespace {

using namespace std::chrono_literals;

TEST(IdleTimerTest, ActiveThenWarningThenExpired) {
    IdleTimer t(90s, 30s);
    TimePoint start{};
    t.restart(start);
    EXPECT_EQ(t.phase(start + 59s), IdleTimer::Phase::Active);
    EXPECT_EQ(t.phase(start + 60s), IdleTimer::Phase::Warning);
    EXPECT_EQ(t.secondsLeft(start + 60s), 30);
    EXPECT_EQ(t.secondsLeft(start + 60s + 1ms), 30);  // rounded up: never shows 0 before the end
    EXPECT_EQ(t.phase(start + 89s), IdleTimer::Phase::Warning);
    EXPECT_EQ(t.phase(start + 90s), IdleTimer::Phase::Expired);
    EXPECT_EQ(t.secondsLeft(start + 95s), 0);
}

TEST(IdleTimerTest, RestartPostponesEverything) {
    IdleTimer t(90s, 30s);
    TimePoint start{};
    t.restart(start);
    t.restart(start + 70s);
    EXPECT_EQ(t.phase(start + 100s), IdleTimer::Phase::Active);
    EXPECT_EQ(t.phase(start + 131s), IdleTimer::Phase::Warning);
}

TEST(IdleTimerTest, NextChangeIsTheWarningThenEachSecond) {
    IdleTimer t(90s, 30s);
    TimePoint start{};
    t.restart(start);
    EXPECT_EQ(t.nextChange(start + 10s), start + 60s);
    EXPECT_EQ(t.nextChange(start + 60s), start + 61s);
    EXPECT_EQ(t.nextChange(start + 60s + 300ms), start + 61s);
}

}  // namespace
}  // namespace wp
