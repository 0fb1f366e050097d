#include "provisioning/wijkpuntctl/fleet_commands.h"

#include <gtest/gtest.h>

#include <deque>
#include <fstream>
#include <sstream>

#include "tests/unit/fake_clock.h"
#include "tests/unit/temp_dir.h"

namespace wp::ctl {
namespace {

// Answers each request with the next scripted answer (404 when none is left) and keeps what was asked.
class ScriptedHttp final : public HttpClient {
  public:
    void answer(int status, std::string body) {
        HttpResult r;
        r.status = status;
        r.body = std::move(body);
        answers_.push_back(std::move(r));
    }
    void down() {
        HttpResult r;
        r.transport = TransportError::Connect;
        r.transportMessage = "connection refused";
        answers_.push_back(std::move(r));
    }
    HttpResult send(const HttpRequest& request) override {
        sent.push_back(request);
        if (answers_.empty()) {
            HttpResult r;
            r.status = 404;
            return r;
        }
        HttpResult r = std::move(answers_.front());
        answers_.pop_front();
        return r;
    }
    std::vector<HttpRequest> sent;

  private:
    std::deque<HttpResult> answers_;
};

struct Harness {
    ScriptedHttp http;
    FleetClient client{http, "admin-token"};
    std::ostringstream out, err;
    wp::testing::FakeClock clock;
    int sleeps = 0;
    CtlContext ctx{client, out, err, clock, [this](std::chrono::milliseconds d) {
                       ++sleeps;
                       clock.advance(d);
                   }};
    CtlCommand command(Verb verb) {
        CtlCommand c;
        c.verb = verb;
        c.server = "https://central.test";
        c.ca = "ca.pem";
        c.kiosk = "SGN-K3";
        return c;
    }
};

std::string header(const HttpRequest& r, const std::string& name) {
    for (const auto& [k, v] : r.headers)
        if (k == name) return v;
    return "";
}

TEST(WijkpuntctlFleet, EnrollTokenPrintsTheTokenAloneOnTheFirstLine) {
    Harness h;
    h.http.answer(201, R"({"token":"tok_abc","contact_point":"SGN","expires":"2026-12-07T10:00:00Z"})");
    CtlCommand c = h.command(Verb::EnrollToken);
    c.contactPoint = "SGN";
    c.hours = 12;
    EXPECT_EQ(runFleetCommand(c, h.ctx), kExitDone);
    ASSERT_EQ(h.http.sent.size(), 1u);
    EXPECT_EQ(h.http.sent[0].method, "POST");
    EXPECT_EQ(h.http.sent[0].path, "/v1/fleet/enroll-tokens");
    EXPECT_EQ(nlohmann::json::parse(h.http.sent[0].body),
              nlohmann::json::parse(R"({"contact_point":"SGN","hours":12})"));
    EXPECT_EQ(header(h.http.sent[0], "Authorization"), "Bearer admin-token");
    EXPECT_EQ(h.out.str().substr(0, h.out.str().find('\n')), "tok_abc");
}

TEST(WijkpuntctlFleet, AServerRefusalExitsOneWithTheServersReason) {
    Harness h;
    h.http.answer(403, R"({"error":{"code":"forbidden","message":"admins only","field":""}})");
    EXPECT_EQ(runFleetCommand(h.command(Verb::Kiosks), h.ctx), kExitRefused);
    EXPECT_EQ(h.err.str(), "wijkpuntctl kiosks: 403 forbidden: admins only\n");
    EXPECT_EQ(h.out.str(), "");
}

TEST(WijkpuntctlFleet, AnUnreachableServerExitsOne) {
    Harness h;
    h.http.down();
    EXPECT_EQ(runFleetCommand(h.command(Verb::Revoke), h.ctx), kExitRefused);
    EXPECT_NE(h.err.str().find("connection refused"), std::string::npos) << h.err.str();
}

TEST(WijkpuntctlFleet, RevokePostsToTheKiosksPath) {
    Harness h;
    h.http.answer(200, R"({"kiosk":"SGN-K3","revoked":true})");
    EXPECT_EQ(runFleetCommand(h.command(Verb::Revoke), h.ctx), kExitDone);
    EXPECT_EQ(h.http.sent[0].path, "/v1/fleet/kiosks/SGN-K3/revoke");
    EXPECT_NE(h.out.str().find("SGN-K3 is revoked"), std::string::npos);
}

TEST(WijkpuntctlFleet, KiosksJsonIsTheServersAnswer) {
    Harness h;
    h.http.answer(200, R"({"kiosks":[{"kiosk":"SGN-K3","trouble":[]}]})");
    CtlCommand c = h.command(Verb::Kiosks);
    c.json = true;
    EXPECT_EQ(runFleetCommand(c, h.ctx), kExitDone);
    EXPECT_EQ(nlohmann::json::parse(h.out.str()),
              nlohmann::json::parse(R"({"kiosks":[{"kiosk":"SGN-K3","trouble":[]}]})"));
}

TEST(WijkpuntctlFleet, CommandWithoutWaitPrintsTheQueuedCommand) {
    Harness h;
    h.http.answer(
        201, R"({"id":18,"kiosk":"SGN-K3","kind":"out-of-service","message":"Storing","state":"queued"})");
    CtlCommand c = h.command(Verb::Command);
    c.kind = "out-of-service";
    c.message = "Storing";
    EXPECT_EQ(runFleetCommand(c, h.ctx), kExitDone);
    EXPECT_EQ(nlohmann::json::parse(h.http.sent[0].body),
              nlohmann::json::parse(R"({"kind":"out-of-service","message":"Storing"})"));
    EXPECT_EQ(h.http.sent[0].path, "/v1/fleet/kiosks/SGN-K3/commands");
    EXPECT_EQ(h.out.str(), "command 18 for SGN-K3: out-of-service \"Storing\", queued\n");
    EXPECT_EQ(h.http.sent.size(), 1u);
}

TEST(WijkpuntctlFleet, CommandWaitPollsUntilTheKioskReportsAndAFailureExitsOne) {
    Harness h;
    h.http.answer(201, R"({"id":19,"kiosk":"SGN-K3","kind":"restart","state":"queued"})");
    h.http.answer(200, R"({"id":19,"kiosk":"SGN-K3","kind":"restart","state":"queued"})");
    h.http.answer(200, R"({"id":19,"kiosk":"SGN-K3","kind":"restart","state":"delivered"})");
    h.http.answer(200, R"({"id":19,"kiosk":"SGN-K3","kind":"restart","state":"failed","detail":"busy"})");
    CtlCommand c = h.command(Verb::Command);
    c.kind = "restart";
    c.waitSeconds = 30;
    EXPECT_EQ(runFleetCommand(c, h.ctx), kExitRefused);
    EXPECT_EQ(h.http.sent.size(), 4u);
    EXPECT_EQ(h.http.sent[3].path, "/v1/fleet/commands/19");
    EXPECT_EQ(h.sleeps, 2);
    EXPECT_NE(h.err.str().find("failed (busy)"), std::string::npos) << h.err.str();
}

TEST(WijkpuntctlFleet, CommandWaitGivesUpAfterItsSeconds) {
    Harness h;
    h.http.answer(201, R"({"id":20,"kiosk":"SGN-K3","kind":"in-service","state":"queued"})");
    for (int i = 0; i < 100; ++i)
        h.http.answer(200, R"({"id":20,"kiosk":"SGN-K3","kind":"in-service","state":"queued"})");
    CtlCommand c = h.command(Verb::Command);
    c.kind = "in-service";
    c.waitSeconds = 5;
    EXPECT_EQ(runFleetCommand(c, h.ctx), kExitRefused);
    EXPECT_EQ(h.sleeps, 5);
    EXPECT_NE(h.err.str().find("within 5 s"), std::string::npos) << h.err.str();
}

TEST(WijkpuntctlFleet, ScreenshotWaitsForTheUploadAndWritesItsBytes) {
    wp::testing::TempDir dir;
    Harness h;
    const std::string png("\x89PNG\r\n\x1a\n\0\0binary", 16);
    h.http.answer(201, R"({"id":21,"kiosk":"SGN-K3","kind":"screenshot","state":"queued","upload":null})");
    h.http.answer(200, R"({"id":21,"kiosk":"SGN-K3","kind":"screenshot","state":"delivered","upload":null})");
    h.http.answer(200,
                  R"({"id":21,"kiosk":"SGN-K3","kind":"screenshot","state":"done","upload":"image/png"})");
    h.http.answer(200, png);
    CtlCommand c = h.command(Verb::Screenshot);
    c.outputFile = dir.path() / "shot.png";
    c.waitSeconds = 60;
    EXPECT_EQ(runFleetCommand(c, h.ctx), kExitDone) << h.err.str();
    EXPECT_EQ(nlohmann::json::parse(h.http.sent[0].body), nlohmann::json::parse(R"({"kind":"screenshot"})"));
    EXPECT_EQ(h.http.sent.back().path, "/v1/fleet/commands/21/upload");
    std::ifstream in(c.outputFile, std::ios::binary);
    std::string written((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(written, png);
}

TEST(WijkpuntctlFleet, LogsPrintsTheUploadedText) {
    Harness h;
    h.http.answer(201, R"({"id":22,"kiosk":"SGN-K3","kind":"logs","state":"queued"})");
    h.http.answer(200, R"({"id":22,"kiosk":"SGN-K3","kind":"logs","state":"done","upload":"text/plain"})");
    h.http.answer(200, "line one\nline two");
    CtlCommand c = h.command(Verb::Logs);
    c.waitSeconds = 60;
    EXPECT_EQ(runFleetCommand(c, h.ctx), kExitDone) << h.err.str();
    EXPECT_EQ(h.out.str(), "line one\nline two\n");
}

TEST(WijkpuntctlFleet, AuditJsonKeepsTheNewestUpToTheLimit) {
    Harness h;
    h.http.answer(200, R"({"entries":[{"action":"a"},{"action":"b"},{"action":"c"}]})");
    CtlCommand c = h.command(Verb::Audit);
    c.limit = 2;
    c.json = true;
    EXPECT_EQ(runFleetCommand(c, h.ctx), kExitDone);
    EXPECT_EQ(h.http.sent[0].method, "GET");
    EXPECT_EQ(h.http.sent[0].path, "/v1/backoffice/audit");
    EXPECT_EQ(nlohmann::json::parse(h.out.str()),
              nlohmann::json::parse(R"({"entries":[{"action":"a"},{"action":"b"}]})"));
}

}  // namespace
}  // namespace wp::ctl
