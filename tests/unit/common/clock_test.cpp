#include "common/clock.h"

#include <gtest/gtest.h>

#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

using namespace std::chrono_literals;

TEST(ScriptClockTest, AdvanceMovesTime) {
    ScriptClock clock;
    TimePoint before = clock.now();
    clock.advance(90s);
    EXPECT_GE(clock.now() - before, 90s);
    EXPECT_LT(clock.now() - before, 95s);
}

TEST(ScriptClockTest, ClockFileIsSharedBetweenClocks) {
    testing::TempDir dir;
    ScriptClock a(dir.path() / "clock"), b(dir.path() / "clock");
    TimePoint before = b.now();
    a.advance(1h);
    EXPECT_GE(b.now() - before, 1h);
    b.advance(1h);
    EXPECT_GE(a.now() - before, 2h);
}

TEST(LocalTimeTest, AmsterdamKeepsDaylightSaving) {
    using namespace std::chrono;
    // 2026-07-01 10:15 UTC is 12:15 in summer time; 2026-01-15 10:15 UTC is 11:15 in winter time.
    TimePoint summer = sys_days{year{2026} / July / 1} + 10h + 15min;
    TimePoint winter = sys_days{year{2026} / January / 15} + 10h + 15min;
    EXPECT_EQ(formatLocalHourMinute(summer), "12:15");
    EXPECT_EQ(formatLocalHourMinute(winter), "11:15");
}

}  // namespace
}  // namespace wp
