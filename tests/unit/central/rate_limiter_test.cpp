#include "central/rate_limiter.h"

#include <gtest/gtest.h>

#include "tests/unit/fake_clock.h"

namespace wp {
namespace {

using namespace std::chrono_literals;

TEST(RateLimiterTest, AllowsNPerSlidingMinutePerKey) {
    testing::FakeClock clock;
    RateLimiter limiter(clock, 3);
    EXPECT_TRUE(limiter.allow("a"));
    clock.advance(10s);
    EXPECT_TRUE(limiter.allow("a"));
    EXPECT_TRUE(limiter.allow("a"));
    EXPECT_FALSE(limiter.allow("a"));
    EXPECT_TRUE(limiter.allow("b"));  // another source has its own budget
    EXPECT_EQ(limiter.retryAfter("a"), 50s);
    clock.advance(50s);  // the first event leaves the window
    EXPECT_TRUE(limiter.allow("a"));
    EXPECT_FALSE(limiter.allow("a"));
}

TEST(RateLimiterTest, RefusedAttemptsDoNotExtendTheWait) {
    testing::FakeClock clock;
    RateLimiter limiter(clock, 1);
    EXPECT_TRUE(limiter.allow("a"));
    for (int i = 0; i < 100; ++i) EXPECT_FALSE(limiter.allow("a"));
    clock.advance(60s);
    EXPECT_TRUE(limiter.allow("a"));
}

}  // namespace
}  // namespace wp
