// The heartbeat sender (drivers/net/heartbeat_sender.h) one step at a time: what a heartbeat carries, when
// the next one goes, the commands and renewals of the answer, and the uploads.
#include "drivers/net/heartbeat_sender.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/unit/drivers/net/scripted_http.h"
#include "tests/unit/fake_clock.h"
#include "tests/unit/kiosk/core/fake_fleet_store.h"

namespace wp {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;
using Kind = HeartbeatSender::Step::Kind;

class FixedHealth final : public HealthSource {
  public:
    KioskHealth health() override { return h; }
    KioskHealth h;
};

class HeartbeatSenderTest : public ::testing::Test {
  protected:
    HeartbeatSenderTest() {
        health_.h.version = "1.4.0";
        health_.h.uptimeSeconds = 3600;
        health_.h.printerState = "paper-out";
        health_.h.printerReasons = {"media-empty"};
        health_.h.outboxWaiting = 2;
        health_.h.oldestWaitingSeconds = 95;
        health_.h.diskFreeMb = 5120;
        health_.h.lastError = "outbox: disk full";
        health_.h.inService = false;
        options_.interval = 60s;
    }
    HeartbeatSender& sender() {
        if (!sender_)
            sender_ = std::make_unique<HeartbeatSender>(health_, mailbox_, store_, clock_, options_,
                                                        [this](HttpClient&, bool asked) {
                                                            renewCalls_.push_back(asked);
                                                            return Status::ok();
                                                        });
        return *sender_;
    }

    FixedHealth health_;
    FleetMailbox mailbox_;
    testing::FakeFleetStore store_;
    testing::FakeClock clock_;
    testing::ScriptedHttp http_;
    HeartbeatSender::Options options_;
    std::unique_ptr<HeartbeatSender> sender_;
    std::vector<bool> renewCalls_;
};

TEST_F(HeartbeatSenderTest, AHeartbeatCarriesTheHealthAsTheContractSpellsIt) {
    http_.answer(200, R"({"interval_s":60,"renew":false,"commands":[]})");
    EXPECT_EQ(sender().sendOnce(http_).kind, Kind::Sent);
    ASSERT_EQ(http_.requests.size(), 1u);
    EXPECT_EQ(http_.requests[0].method, "POST");
    EXPECT_EQ(http_.requests[0].path, "/v1/kiosk/heartbeat");
    json body = json::parse(http_.requests[0].body);
    EXPECT_EQ(body["version"], "1.4.0");
    EXPECT_EQ(body["bundle_version"], "");
    EXPECT_EQ(body["uptime_s"], 3600);
    EXPECT_EQ(body["printer"]["state"], "paper-out");
    EXPECT_EQ(body["printer"]["reasons"], json::array({"media-empty"}));
    EXPECT_EQ(body["outbox"]["waiting"], 2);
    EXPECT_EQ(body["outbox"]["rejected"], 0);
    EXPECT_EQ(body["outbox"]["oldest_waiting_s"], 95);
    EXPECT_EQ(body["disk_free_mb"], 5120);
    EXPECT_EQ(body["last_error"], "outbox: disk full");
    EXPECT_EQ(body["in_service"], false);
    EXPECT_EQ(body["results"], json::array());
}

TEST_F(HeartbeatSenderTest, TheNextHeartbeatGoesAfterTheServersInterval) {
    http_.answer(200, R"({"interval_s":30})");
    sender().sendOnce(http_);
    EXPECT_EQ(sender().interval(), 30s);
    clock_.advance(29s);
    EXPECT_EQ(sender().sendOnce(http_).kind, Kind::Idle);
    EXPECT_EQ(http_.requests.size(), 1u);
    clock_.advance(1s);
    EXPECT_EQ(sender().sendOnce(http_).kind, Kind::Sent);
    EXPECT_EQ(http_.requests.size(), 2u);
    EXPECT_EQ(sender().heartbeatsSent(), 2);
}

TEST_F(HeartbeatSenderTest, ALostHeartbeatBacksOffOnTheClock) {
    http_.down();
    HeartbeatSender::Step step = sender().sendOnce(http_);
    EXPECT_EQ(step.kind, Kind::Failed);
    EXPECT_NE(step.error.find("connect"), std::string::npos);
    EXPECT_EQ(sender().sendOnce(http_).kind, Kind::BackingOff);
    clock_.advance(2s);  // the first retry waits at most 2 s
    EXPECT_EQ(sender().sendOnce(http_).kind, Kind::Sent);
}

TEST_F(HeartbeatSenderTest, CommandsOfTheAnswerReachTheMailboxOnce) {
    const char* answer =
        R"({"interval_s":60,"renew":false,"commands":[{"id":18,"kind":"out-of-service","message":"Storing, kom morgen terug"},
            {"id":19,"kind":"logs","future":true}],"future":1})";
    http_.answer(200, answer);
    EXPECT_EQ(sender().sendOnce(http_).commands, 2);
    clock_.advance(60s);
    http_.answer(200, answer);  // sent again until the results arrive: nothing new
    EXPECT_EQ(sender().sendOnce(http_).commands, 0);
    auto taken = mailbox_.take();
    ASSERT_EQ(taken.size(), 2u);
    EXPECT_EQ(taken[0], (FleetCommand{18, "out-of-service", "Storing, kom morgen terug"}));
    EXPECT_EQ(taken[1], (FleetCommand{19, "logs", ""}));
}

TEST_F(HeartbeatSenderTest, AResultGoesAtOnceAndCountsAsReportedAfterTheAnswer) {
    sender().sendOnce(http_);
    ASSERT_TRUE(store_.saveResult({17, true, ""}, false));
    ASSERT_TRUE(store_.saveResult({20, false, "no window"}, false));
    http_.answer(503, "");
    EXPECT_EQ(sender().sendOnce(http_).kind, Kind::Failed);  // not due by the clock, but results wait
    EXPECT_EQ(store_.unreportedResults()->size(), 2u);
    clock_.advance(2s);
    EXPECT_EQ(sender().sendOnce(http_).kind, Kind::Sent);
    json body = json::parse(http_.requests.back().body);
    EXPECT_EQ(body["results"], json::parse(R"([{"command":17,"ok":true,"detail":""},
                                                {"command":20,"ok":false,"detail":"no window"}])"));
    EXPECT_TRUE(store_.unreportedResults()->empty());
    EXPECT_EQ(sender().sendOnce(http_).kind, Kind::Idle);
}

TEST_F(HeartbeatSenderTest, UploadsGoFirstAndAnAnsweredUploadIsTheResult) {
    mailbox_.addUpload({12, true, std::string("\x89PNG\r\n", 6)});
    mailbox_.addUpload({13, false, "line\n"});
    http_.answer(204, "");
    http_.answer(204, "");
    HeartbeatSender::Step step = sender().sendOnce(http_);
    EXPECT_EQ(step.uploads, 2);
    ASSERT_EQ(http_.requests.size(), 3u);
    EXPECT_EQ(http_.requests[0].method, "PUT");
    EXPECT_EQ(http_.requests[0].path, "/v1/kiosk/commands/12/screenshot");
    EXPECT_EQ(http_.requests[0].contentType, "image/png");
    EXPECT_EQ(http_.requests[0].body.size(), 6u);
    EXPECT_EQ(http_.requests[1].path, "/v1/kiosk/commands/13/log");
    EXPECT_TRUE(http_.requests[1].contentType.starts_with("text/plain"));
    EXPECT_EQ(http_.requests[2].path, "/v1/kiosk/heartbeat");
    EXPECT_FALSE(mailbox_.nextUpload());
    ASSERT_TRUE(store_.result(12));
    EXPECT_TRUE(store_.result(12)->second);  // reported: the upload told the server
}

TEST_F(HeartbeatSenderTest, AnUploadTheServerCannotTakeNowIsTriedAgain) {
    mailbox_.addUpload({12, true, "png"});
    http_.down();
    EXPECT_EQ(sender().sendOnce(http_).kind, Kind::Failed);
    EXPECT_TRUE(mailbox_.nextUpload());
    clock_.advance(2s);
    http_.answer(404, R"({"error":{"code":"not-found"}})");  // the command is gone: dropped
    sender().sendOnce(http_);
    EXPECT_FALSE(mailbox_.nextUpload());
    ASSERT_TRUE(store_.result(12));
    EXPECT_FALSE(store_.result(12)->first.ok);
}

TEST_F(HeartbeatSenderTest, TheRenewHookHearsWhetherTheServerAskedForIt) {
    http_.answer(200, R"({"renew":false})");
    sender().sendOnce(http_);
    clock_.advance(60s);
    http_.answer(200, R"({"renew":true})");
    sender().sendOnce(http_);
    EXPECT_EQ(renewCalls_, (std::vector<bool>{false, true}));
}

TEST_F(HeartbeatSenderTest, AnAnswerThatIsNotJsonIsAFailure) {
    http_.answer(200, "<html>");
    EXPECT_EQ(sender().sendOnce(http_).kind, Kind::Failed);
    EXPECT_FALSE(decodeHeartbeatAnswer("[1]"));
    auto a = decodeHeartbeatAnswer(
        R"({"interval_s":"soon","commands":[{"id":"x","kind":"logs"},{"kind":"logs"}]})");
    ASSERT_TRUE(a);
    EXPECT_FALSE(a->intervalSeconds);
    EXPECT_TRUE(a->commands.empty());
}

}  // namespace
}  // namespace wp
