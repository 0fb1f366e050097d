// wijkpuntctl against the real wijkpunt-central over TLS: an enroll token, the fleet list, commands that the
// kiosk (the test's kiosk certificate, K2 of SGN, posting heartbeats as a kiosk does) reports on, a log
// upload, revocation, the audit log, and the refusals: a token on the command line, no token, a wrong one.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <thread>

#include "tests/integration/central_harness.h"

namespace wp::testing {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

struct CtlRun {
    int exit = -1;
    std::string out, err;
};

class WijkpuntctlTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_TRUE(server_.start());
        auto [status, out] =
            runCentralCommand(server_.config(), {"token", "create", "--name", "Ada", "--role", "admin"});
        ASSERT_EQ(status, 0) << out;
        token_ = out.substr(0, out.find('\n'));
    }

    std::map<std::string, std::string> env(bool withToken = true) const {
        std::map<std::string, std::string> e = {{"WIJKPUNTCTL_SERVER", server_.publicUrl()},
                                                {"WIJKPUNTCTL_CA", pkiFile("ca.crt").string()}};
        if (withToken) e["WIJKPUNTCTL_TOKEN"] = token_;
        return e;
    }

    std::unique_ptr<ChildProcess> start(std::vector<std::string> args,
                                        std::map<std::string, std::string> environment) {
        args.insert(args.begin(), WIJKPUNTCTL_BINARY);
        return std::make_unique<ChildProcess>(args, std::move(environment),
                                              dir_.path() / ("ctl-" + std::to_string(++runs_)));
    }

    CtlRun finish(ChildProcess& p) {
        int status = p.wait(60s);
        return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, p.out(), p.err()};
    }

    CtlRun ctl(std::vector<std::string> args) { return ctl(std::move(args), env()); }
    CtlRun ctl(std::vector<std::string> args, std::map<std::string, std::string> environment) {
        auto p = start(std::move(args), std::move(environment));
        return finish(*p);
    }

    // Kiosk K2 of the test config, on the port the started server took.
    ApiClient kiosk() const { return ApiClient(server_.url(), {}); }

    // A heartbeat of kiosk K2 with these command results; the server's answer.
    json heartbeat(const json& results = json::array()) {
        json body = {{"version", "1.4.0"},
                     {"bundle_version", ""},
                     {"uptime_s", 3600},
                     {"printer", {{"state", "paper-out"}, {"reasons", {"media-empty-error"}}}},
                     {"outbox", {{"waiting", 0}, {"rejected", 0}, {"oldest_waiting_s", 0}}},
                     {"disk_free_mb", 5120},
                     {"last_error", ""},
                     {"in_service", true},
                     {"results", results}};
        HttpResult r = kiosk().post("/v1/kiosk/heartbeat", body.dump());
        EXPECT_EQ(r.status, 200) << r.body;
        return r.status == 200 ? json::parse(r.body) : json::object();
    }

    // Heartbeats until the answer carries a command of this kind; its id (0 when none came within 20 s).
    std::int64_t commandOfKind(const std::string& kind) {
        std::int64_t id = 0;
        waitUntil(
            [&] {
                for (const json& c : heartbeat().value("commands", json::array()))
                    if (c.value("kind", "") == kind) id = c.value("id", std::int64_t{0});
                return id != 0;
            },
            20s);
        return id;
    }

    TempDir dir_;
    CentralServerProcess server_{
        dir_.path() / "central",
        CentralOptions{.extraToml = "[enrollment]\nca_key = \"" + pkiFile("ca.key").string() + "\"\n"}};
    std::string token_;
    int runs_ = 0;
};

TEST_F(WijkpuntctlTest, MakesAnEnrollTokenThatIsShownOnceAndAudited) {
    CtlRun r = ctl({"enroll-token", "--contact-point", "sgn", "--hours", "2"});
    ASSERT_EQ(r.exit, 0) << r.err;
    const std::string token = r.out.substr(0, r.out.find('\n'));
    EXPECT_EQ(token.size(), 43u) << r.out;  // 32 random bytes, base64url without padding
    EXPECT_NE(r.out.find("SGN"), std::string::npos);
    CtlRun audit = ctl({"audit", "--limit", "5"});
    ASSERT_EQ(audit.exit, 0) << audit.err;
    EXPECT_NE(audit.out.find("enroll-token"), std::string::npos) << audit.out;
    EXPECT_EQ(audit.out.find(token), std::string::npos) << "the audit log never holds the token";
}

TEST_F(WijkpuntctlTest, ListsTheKiosksWithTheirLastHeartbeat) {
    heartbeat();
    CtlRun table = ctl({"kiosks"});
    ASSERT_EQ(table.exit, 0) << table.err;
    EXPECT_EQ(table.out.rfind("KIOSK", 0), 0u) << table.out;
    EXPECT_NE(table.out.find("SGN-K2"), std::string::npos) << table.out;
    EXPECT_NE(table.out.find("paper-out"), std::string::npos) << table.out;
    CtlRun js = ctl({"kiosks", "--json"});
    ASSERT_EQ(js.exit, 0) << js.err;
    json list = json::parse(js.out);
    bool found = false;
    for (const json& k : list["kiosks"])
        if (k["kiosk"] == "SGN-K2") {
            found = true;
            EXPECT_EQ(k["health"]["version"], "1.4.0");
        }
    EXPECT_TRUE(found) << js.out;
}

TEST_F(WijkpuntctlTest, ACommandWaitsForTheKiosksResult) {
    auto waiting = start({"command", "SGN-K2", "restart", "--wait", "40"}, env());
    const std::int64_t id = commandOfKind("restart");
    ASSERT_NE(id, 0);
    heartbeat(json::array({{{"command", id}, {"ok", true}, {"detail", ""}}}));
    CtlRun r = finish(*waiting);
    ASSERT_EQ(r.exit, 0) << r.err;
    EXPECT_NE(r.out.find("restart, done"), std::string::npos) << r.out;

    CtlRun queued = ctl({"command", "sgn-k2", "out-of-service", "--message", "Storing, kom morgen terug"});
    ASSERT_EQ(queued.exit, 0) << queued.err;
    EXPECT_NE(queued.out.find("queued"), std::string::npos) << queued.out;
    CtlRun unanswered = ctl({"command", "SGN-K2", "in-service", "--wait", "2"});
    EXPECT_EQ(unanswered.exit, 1);
    EXPECT_NE(unanswered.err.find("did not report"), std::string::npos) << unanswered.err;
}

TEST_F(WijkpuntctlTest, LogsPrintsWhatTheKioskUploaded) {
    auto waiting = start({"logs", "SGN-K2", "--wait", "40"}, env());
    const std::int64_t id = commandOfKind("logs");
    ASSERT_NE(id, 0);
    HttpRequest upload;
    upload.method = "PUT";
    upload.path = "/v1/kiosk/commands/" + std::to_string(id) + "/log";
    upload.contentType = "text/plain";
    upload.body = "first line\nlast line\n";
    HttpResult put = kiosk().send(upload);
    ASSERT_EQ(put.status, 204) << put.body;
    CtlRun r = finish(*waiting);
    ASSERT_EQ(r.exit, 0) << r.err;
    EXPECT_EQ(r.out, "first line\nlast line\n");
}

TEST_F(WijkpuntctlTest, RevokeRefusesTheKioskFromItsNextRequest) {
    heartbeat();
    CtlRun r = ctl({"revoke", "SGN-K2"});
    ASSERT_EQ(r.exit, 0) << r.err;
    EXPECT_TRUE(waitUntil([&] { return kiosk().post("/v1/kiosk/heartbeat", "{}").status == 403; }, 5s));
    CtlRun audit = ctl({"audit"});
    ASSERT_EQ(audit.exit, 0) << audit.err;
    EXPECT_NE(audit.out.find("revoke-kiosk"), std::string::npos) << audit.out;
    CtlRun unknown = ctl({"revoke", "SGN-ZZ"});
    EXPECT_EQ(unknown.exit, 1);
    EXPECT_NE(unknown.err.find("404"), std::string::npos) << unknown.err;
}

TEST_F(WijkpuntctlTest, RefusesATokenOnTheCommandLineAndAWrongOne) {
    CtlRun onLine = ctl({"kiosks", "--token", token_}, env(false));
    EXPECT_EQ(onLine.exit, 2);
    EXPECT_NE(onLine.err.find("--token-file"), std::string::npos) << onLine.err;
    EXPECT_EQ(onLine.out, "");
    CtlRun none = ctl({"kiosks"}, env(false));
    EXPECT_EQ(none.exit, 2);
    const fs::path file = dir_.path() / "token";
    std::ofstream(file) << "not-a-token\n";
    CtlRun wrong = ctl({"kiosks", "--token-file", file.string()}, env(false));
    EXPECT_EQ(wrong.exit, 1);
    EXPECT_NE(wrong.err.find("401"), std::string::npos) << wrong.err;
    std::ofstream(file) << token_ << "\n";
    CtlRun fromFile = ctl({"kiosks", "--token-file", file.string()}, env(false));
    EXPECT_EQ(fromFile.exit, 0) << fromFile.err;
}

}  // namespace
}  // namespace wp::testing
