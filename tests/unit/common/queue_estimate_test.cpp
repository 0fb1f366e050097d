// The estimated wait, the one rule of the kiosk's ticket and the central's phone queue page.
#include "common/queue_estimate.h"

#include <gtest/gtest.h>

namespace wp {
namespace {

using namespace std::chrono_literals;

TEST(QueueEstimate, PeopleAheadTimesAverageOverCounters) {
    EXPECT_EQ(estimateWait(3, 600s, 1), 1800s);
    EXPECT_EQ(estimateWait(3, 600s, 2), 900s);
    EXPECT_EQ(estimateWait(1, 601s, 2), 301s);  // rounded up
    EXPECT_EQ(estimateWait(0, 600s, 1), 0s);    // next in line
}

TEST(QueueEstimate, NoCounterOpenIsUnknown) {
    EXPECT_EQ(estimateWait(3, 600s, 0), std::nullopt);
    EXPECT_EQ(estimateWait(0, 600s, 0), std::nullopt);  // nobody ahead, but nobody to serve either
    EXPECT_EQ(estimateWait(3, 600s, -1), std::nullopt);
}

TEST(QueueEstimate, MovingAverageOfTheLastFiveOrTheContentDefault) {
    EXPECT_EQ(movingAverageServiceTime({}, 15min), 900s);  // no history today
    EXPECT_EQ(movingAverageServiceTime({300s}, 15min), 300s);
    EXPECT_EQ(movingAverageServiceTime({1000s, 1000s, 100s, 200s, 300s, 400s, 500s}, 15min), 300s);
    EXPECT_EQ(movingAverageServiceTime({100s, 101s}, 15min), 101s);  // 100.5 rounds up
    EXPECT_EQ(movingAverageServiceTime({100s, 200s, 300s}, 15min, 2), 250s);
}

TEST(QueueEstimate, RoundsUpToWholeMinutes) {
    EXPECT_EQ(roundUpToMinutes(360s), 6min);
    EXPECT_EQ(roundUpToMinutes(361s), 7min);
    EXPECT_EQ(roundUpToMinutes(-5s), 0min);
}

}  // namespace
}  // namespace wp
