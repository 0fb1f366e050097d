// The admin's commands at the kiosk (kiosk/core/fleet_commands.h): each runs once, and those that show the
// screen or cut a resident off wait until the kiosk is between residents.
#include "kiosk/core/fleet_commands.h"

#include <gtest/gtest.h>

#include "tests/unit/kiosk/core/fake_fleet_store.h"

namespace wp {
namespace {

class FleetCommandsTest : public ::testing::Test {
  protected:
    FleetCommandsTest() {
        actions_.screenshotPng = [this]() -> Result<std::string> {
            ++screenshots_;
            if (screenshotFails_) return Status::unavailable("no window");
            return std::string("\x89PNG fake", 9);
        };
        actions_.logLines = [] { return std::vector<std::string>{"one", "two"}; };
        actions_.restart = [this] { ++restarts_; };
        mailbox_.onReady([this] { ++ready_; });
    }
    FleetCommandRunner& runner() {
        if (!runner_) runner_ = std::make_unique<FleetCommandRunner>(mailbox_, store_, actions_);
        return *runner_;
    }

    testing::FakeFleetStore store_;
    FleetMailbox mailbox_;
    FleetCommandRunner::Actions actions_;
    std::unique_ptr<FleetCommandRunner> runner_;
    int screenshots_ = 0, restarts_ = 0, ready_ = 0;
    bool screenshotFails_ = false;
};

TEST_F(FleetCommandsTest, TheMailboxDropsACommandItHasSeen) {
    EXPECT_EQ(mailbox_.deliver({{17, "logs", ""}, {18, "restart", ""}}), 2);
    EXPECT_EQ(mailbox_.deliver({{17, "logs", ""}, {18, "restart", ""}, {19, "in-service", ""}}), 1);
    auto taken = mailbox_.take();
    ASSERT_EQ(taken.size(), 3u);
    EXPECT_EQ(taken[2].id, 19);
    EXPECT_TRUE(mailbox_.take().empty());
    EXPECT_EQ(mailbox_.deliver({{19, "in-service", ""}}), 0);
}

TEST_F(FleetCommandsTest, OutOfServiceWaitsForTheResidentAndIsKept) {
    mailbox_.deliver({{5, "out-of-service", "Storing, kom morgen terug"}});
    EXPECT_FALSE(runner().update(false));  // a resident is busy
    EXPECT_FALSE(runner().outOfService());
    EXPECT_EQ(runner().waiting(), 1u);
    EXPECT_FALSE(store_.result(5));
    EXPECT_FALSE(runner().update(false));
    EXPECT_TRUE(runner().update(true));  // the resident finished, or the idle wipe came
    EXPECT_EQ(runner().outOfService(), "Storing, kom morgen terug");
    EXPECT_EQ(store_.outOfService().value(), "Storing, kom morgen terug");
    ASSERT_TRUE(store_.result(5));
    EXPECT_TRUE(store_.result(5)->first.ok);
    EXPECT_FALSE(store_.result(5)->second);  // the next heartbeat reports it

    // A new process reads the state back.
    FleetCommandRunner again(mailbox_, store_, actions_);
    EXPECT_EQ(again.outOfService(), "Storing, kom morgen terug");
}

TEST_F(FleetCommandsTest, InServiceAndLogsRunAtOnceEvenDuringAResident) {
    ASSERT_TRUE(store_.setOutOfService("Storing"));
    EXPECT_EQ(runner().outOfService(), "Storing");
    mailbox_.deliver({{6, "in-service", ""}, {7, "logs", ""}});
    EXPECT_TRUE(runner().update(false));
    EXPECT_FALSE(runner().outOfService());
    EXPECT_FALSE(store_.outOfService().value());
    EXPECT_TRUE(store_.result(6));
    auto upload = mailbox_.nextUpload();
    ASSERT_TRUE(upload);
    EXPECT_EQ(upload->id, 7);
    EXPECT_FALSE(upload->screenshot);
    EXPECT_EQ(upload->body, "one\ntwo\n");
    EXPECT_FALSE(store_.result(7));  // the answered upload is its result
    EXPECT_GT(ready_, 0);
}

TEST_F(FleetCommandsTest, AScreenshotIsNeverTakenWhileAResidentIsBusy) {
    mailbox_.deliver({{8, "screenshot", ""}});
    for (int i = 0; i < 5; ++i) runner().update(false);
    EXPECT_EQ(screenshots_, 0);
    EXPECT_FALSE(mailbox_.nextUpload());
    runner().update(true);
    EXPECT_EQ(screenshots_, 1);
    auto upload = mailbox_.nextUpload();
    ASSERT_TRUE(upload);
    EXPECT_TRUE(upload->screenshot);
    EXPECT_TRUE(upload->body.starts_with("\x89PNG"));
    runner().update(true);
    EXPECT_EQ(screenshots_, 1);  // once
}

TEST_F(FleetCommandsTest, AFailedScreenshotIsAFailedResult) {
    screenshotFails_ = true;
    mailbox_.deliver({{9, "screenshot", ""}});
    runner().update(true);
    ASSERT_TRUE(store_.result(9));
    EXPECT_FALSE(store_.result(9)->first.ok);
    EXPECT_EQ(store_.result(9)->first.detail, "no window");
    EXPECT_FALSE(mailbox_.nextUpload());
}

TEST_F(FleetCommandsTest, ARestartWaitsSavesItsResultFirstAndIsNotRunAgainAfterIt) {
    mailbox_.deliver({{10, "restart", ""}, {11, "logs", ""}});
    runner().update(false);
    EXPECT_EQ(restarts_, 0);
    // The restart action sees the result already saved.
    actions_.restart = [this] {
        ++restarts_;
        EXPECT_TRUE(store_.result(10));
    };
    runner_.reset();
    FleetMailbox fresh;
    FleetCommandRunner runner(fresh, store_, actions_);
    fresh.deliver({{10, "restart", ""}});
    runner.update(true);
    EXPECT_EQ(restarts_, 1);
    EXPECT_TRUE(runner.restarting());

    // The next process is sent the same command until the server has the result: it does not run it.
    FleetMailbox next;
    FleetCommandRunner after(next, store_, actions_);
    next.deliver({{10, "restart", ""}});
    after.update(true);
    EXPECT_EQ(restarts_, 1);
    EXPECT_EQ(after.waiting(), 0u);
}

TEST_F(FleetCommandsTest, AnUnknownKindFailsSayingSo) {
    mailbox_.deliver({{12, "reload", ""}});
    runner().update(false);
    ASSERT_TRUE(store_.result(12));
    EXPECT_FALSE(store_.result(12)->first.ok);
    EXPECT_NE(store_.result(12)->first.detail.find("reload"), std::string::npos);
}

TEST_F(FleetCommandsTest, TheLogUploadKeepsTheLastFiveHundredLines) {
    std::vector<std::string> lines;
    for (int i = 0; i < 700; ++i) lines.push_back("line " + std::to_string(i));
    std::string joined = joinLogLines(lines);
    EXPECT_TRUE(joined.starts_with("line 200\n"));
    EXPECT_TRUE(joined.ends_with("line 699\n"));
    EXPECT_EQ(std::count(joined.begin(), joined.end(), '\n'), 500);
}

}  // namespace
}  // namespace wp
