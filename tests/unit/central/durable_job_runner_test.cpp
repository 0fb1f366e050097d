// The durable-job senders' shared parts (central/durable_job_runner.h): the retry delays and when a job is
// given up, and the loop that works jobs off on a wake-up, on its poll, and stops.
#include "central/durable_job_runner.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace wp {
namespace {

using namespace std::chrono_literals;

TEST(RetryPolicyTest, TheDelayDoublesFromTheFirstRetryUpToTheMostAndTheLastAttemptGivesUp) {
    RetryPolicy p;
    EXPECT_EQ(p.delayAfter(1), 2s);
    EXPECT_EQ(p.delayAfter(2), 4s);
    EXPECT_EQ(p.delayAfter(3), 8s);
    EXPECT_EQ(p.delayAfter(9), 512s);
    EXPECT_EQ(p.delayAfter(10), 15min);  // 1024 s is more than the most
    EXPECT_EQ(p.delayAfter(500), 15min);
    EXPECT_EQ(p.delayAfter(0), 2s);
    EXPECT_FALSE(p.givesUpAfter(11));
    EXPECT_TRUE(p.givesUpAfter(12));

    RetryPolicy fast{Millis(50), Millis(120), 3};
    EXPECT_EQ(fast.delayAfter(2), Millis(100));
    EXPECT_EQ(fast.delayAfter(3), Millis(120));
    EXPECT_TRUE(fast.givesUpAfter(3));
}

// Waits up to 5 s (real time) for pred.
template <typename Pred>
bool eventually(Pred pred) {
    for (auto end = std::chrono::steady_clock::now() + 5s; std::chrono::steady_clock::now() < end;) {
        if (pred()) return true;
        std::this_thread::sleep_for(1ms);
    }
    return pred();
}

TEST(JobWakeLoopTest, AWakeRunsTheWorkAtOnceNotAfterThePoll) {
    std::atomic<int> runs{0};
    JobWakeLoop loop(Millis(60 * 60 * 1000), [&] { ++runs; });
    loop.start();
    std::this_thread::sleep_for(20ms);
    EXPECT_EQ(runs.load(), 0) << "nothing runs before the poll or a wake";
    loop.wake();
    EXPECT_TRUE(eventually([&] { return runs.load() == 1; }));
    loop.wake();
    EXPECT_TRUE(eventually([&] { return runs.load() == 2; }));
}

TEST(JobWakeLoopTest, ThePollRunsTheWorkAgainUntilStopped) {
    std::atomic<int> runs{0};
    JobWakeLoop loop(Millis(5), [&] { ++runs; });
    loop.start();
    EXPECT_TRUE(eventually([&] { return runs.load() >= 3; }));
    loop.stop();
    EXPECT_TRUE(loop.stopping());
    const int stopped = runs.load();
    std::this_thread::sleep_for(30ms);
    EXPECT_EQ(runs.load(), stopped) << "no work after stop()";
}

TEST(JobWakeLoopTest, TheWorkSeesTheStopAndTheDestructorWaitsForIt) {
    std::atomic<bool> sawStop{false};
    std::atomic<bool> started{false};
    {
        JobWakeLoop* self = nullptr;
        JobWakeLoop loop(Millis(60 * 60 * 1000), [&] {
            started = true;
            while (!self->stopping()) std::this_thread::sleep_for(1ms);
            sawStop = true;
        });
        self = &loop;
        loop.start();
        loop.wake();
        ASSERT_TRUE(eventually([&] { return started.load(); }));
    }
    EXPECT_TRUE(sawStop.load());
}

TEST(JobWakeLoopTest, ALoopNeverStartedStopsWithoutWork) {
    std::atomic<int> runs{0};
    {
        JobWakeLoop loop(Millis(1), [&] { ++runs; });
        loop.wake();
    }
    EXPECT_EQ(runs.load(), 0);
}

}  // namespace
}  // namespace wp
