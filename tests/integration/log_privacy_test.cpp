// No personal data in any log line (common/log.h): the real central server's intake and the real kiosk
// sender (wp-outbox-tool) handle requests whose every personal field carries a marker — names, text, e-mail
// addresses, one phone number — through deliveries, refusals, retries after 500s and notifications that
// fail, logging at level debug. Both logs hold lines about all of that, and neither holds a marker.
#include <sys/wait.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "common/clock.h"
#include "kiosk/store/outbox_store.h"
#include "tests/integration/central_harness.h"
#include "tests/support/shipped_request_specs.h"

namespace wp::testing {
namespace {

using namespace std::chrono_literals;
using ::testing::HasSubstr;

const std::string kMarker = "Markeerling";
const std::string kMarkerPhoneDigits = "13579246";  // wp-outbox-tool's marker phone number, 06 13579246

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

// The log holds none of the markers, in any case or spelling of the phone number.
void expectNoPersonalData(const std::string& what, const std::string& log) {
    std::string digits;
    for (char c : log)
        if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
    EXPECT_EQ(lower(log).find(lower(kMarker)), std::string::npos) << what << " names a marker:\n" << log;
    EXPECT_EQ(digits.find(kMarkerPhoneDigits), std::string::npos) << what << " holds the phone number:\n"
                                                                  << log;
}

int runTool(const std::vector<std::string>& args, const fs::path& logPrefix, std::string* err = nullptr) {
    std::vector<std::string> argv = {outboxToolBinary().string()};
    argv.insert(argv.end(), args.begin(), args.end());
    ChildProcess p(argv, {}, logPrefix);
    int status = p.wait(120s);
    if (err != nullptr) *err = p.err();
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(LogPrivacyTest, TheIntakeAndTheSenderNeverLogPersonalData) {
    ASSERT_EQ(setenv("WIJKPUNT_LOG_LEVEL", "debug", 1), 0);  // the children inherit it
    TempDir dir;
    CentralServerProcess server(
        dir.path() / "central",
        {.failFirstIntakes = 2,
         // Every team hears by webhook and e-mail, and both fail: nothing listens on port 9.
         .extraToml = "[notify.huurloket]\nwebhook = \"https://127.0.0.1:9/hook\"\n"
                      "email = [\"huurloket@example.org\"]\n"
                      "[notify.gemeente]\nwebhook = \"https://127.0.0.1:9/hook\"\n"
                      "[webhook]\nsecret_file = \"webhook.secret\"\n"
                      "[smtp]\nurl = \"smtp://127.0.0.1:9\"\nfrom = \"wijkpunt@example.org\"\n"
                      "require_tls = false\n"});
    ASSERT_TRUE(server.start());

    // Twelve requests of every type in turn for this kiosk, and three under another kiosk's code, which
    // the server refuses for this kiosk's certificate.
    const fs::path db = dir.path() / "kiosk.db";
    std::string err;
    ASSERT_EQ(runTool({"enqueue", "--db", db.string(), "--count", "12", "--seed", "3", "--marker", kMarker},
                      dir.path() / "enqueue-1", &err),
              0)
        << err;
    ASSERT_EQ(runTool({"enqueue", "--db", db.string(), "--count", "3", "--seed", "4", "--kiosk", "K3",
                       "--marker", kMarker},
                      dir.path() / "enqueue-2", &err),
              0)
        << err;

    // The sender delivers them through the two 500s (retried on the moving shared clock).
    ChildProcess sender({outboxToolBinary().string(), "send", "--db", db.string(), "--url", server.url(),
                         "--ca", pkiFile("ca.crt").string(), "--cert", pkiFile("kiosk.crt").string(), "--key",
                         pkiFile("kiosk.key").string(), "--clock-file", server.clockFile().string(),
                         "--until-empty", "--timeout-s", "90"},
                        {}, dir.path() / "sender");
    ScriptClock clock(server.clockFile());
    ASSERT_TRUE(waitUntil(
        [&] {
            if (!sender.running()) return true;
            clock.advance(1min);
            return false;
        },
        100s))
        << sender.err();
    int status = sender.wait(1s);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << sender.err();
    auto outbox = SqliteOutboxStore::open(db, wp::testing::shippedRequestSpecs());
    ASSERT_TRUE(outbox);
    auto snapshot = outbox.value()->snapshot(10);
    ASSERT_TRUE(snapshot);
    EXPECT_EQ(snapshot->delivered, 12);
    EXPECT_EQ(snapshot->rejected.size(), 3u);

    // A body the server cannot take, with a marker where the server's answer quotes what it got.
    HttpResult refused =
        ApiClient(server.url(), {})
            .post("/v1/requests", R"({"uuid": "0f8fad5b-d9cb-469f-a165-70867728950e", "type": ")" + kMarker +
                                      R"(", "fields": {"phone": "06 13579246"}})");
    EXPECT_EQ(refused.status, 400);
    EXPECT_THAT(refused.body, HasSubstr(kMarker))
        << "the answer no longer quotes the value: pick another case";

    // Notifications fail and are retried on the server's clock.
    ASSERT_TRUE(waitUntil(
        [&] {
            clock.advance(1min);
            const std::string log = server.process()->err();
            return log.find("(SGN-K2-") != std::string::npos &&
                   log.find(", email) failed") != std::string::npos;
        },
        30s))
        << server.process()->err();
    server.stop();
    const int serverStatus = server.process()->wait(1s);
    EXPECT_TRUE(WIFEXITED(serverStatus) && WEXITSTATUS(serverStatus) == 0)
        << "server status " << serverStatus;

    const std::string centralLog = server.process()->err();
    EXPECT_THAT(centralLog,
                HasSubstr("wijkpunt-central: info: refused a request of kiosk K2: 403 forbidden at 'kiosk'"));
    EXPECT_THAT(centralLog,
                HasSubstr("wijkpunt-central: info: refused a request of kiosk K2: 400 invalid_value "
                          "at 'type'"));
    EXPECT_THAT(centralLog, HasSubstr(", webhook) failed, attempt 1"));
    EXPECT_THAT(centralLog, HasSubstr("wijkpunt-central: info: stopped; "));
    expectNoPersonalData("the central server's log", centralLog);

    const std::string senderLog = sender.err();
    EXPECT_THAT(senderLog, HasSubstr("wp-outbox-tool: info: outbox: request SGN-K2-"));
    EXPECT_THAT(senderLog, HasSubstr("not delivered (HTTP 500)"));
    EXPECT_THAT(senderLog, HasSubstr("wp-outbox-tool: warning: outbox: request SGN-K3-"));
    EXPECT_THAT(senderLog, HasSubstr("refused by the central server: HTTP 403 forbidden at 'kiosk'"));
    EXPECT_THAT(senderLog, HasSubstr("wp-outbox-tool: debug: outbox: request SGN-K2-"));
    expectNoPersonalData("the kiosk sender's log", senderLog);
}

}  // namespace
}  // namespace wp::testing
