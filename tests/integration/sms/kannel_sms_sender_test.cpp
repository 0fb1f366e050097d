// KannelSmsSender against the real Kannel: bearerbox and smsbox with Kannel's fake SMSC, started privately by
// tests/support/private-kannel.sh, which runs this program with WP_SMS_URL, WP_SMS_USERNAME,
// WP_SMS_PASSWORD and WP_FAKESMSC_LOG set. Also the notifier end to end on a real kiosk database: a
// gateway that is down delays the message, and it arrives once when the gateway is back.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "drivers/net/kannel_sms_sender.h"
#include "kiosk/store/sqlite_sms_store.h"
#include "tests/unit/fake_clock.h"
#include "tests/unit/queue_fixtures.h"
#include "tests/unit/sqlite_queue_stores.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

SmsSettings gateway() {
    SmsSettings s;
    s.url = env("WP_SMS_URL");
    s.username = env("WP_SMS_USERNAME");
    s.password = env("WP_SMS_PASSWORD");
    s.sender = "Wijkpunt";
    return s;
}

std::string fakeSmscLog() {
    std::ifstream in(env("WP_FAKESMSC_LOG"));
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Waits (real time, up to 10 s) until the fake SMSC printed `line`.
bool arrives(const std::string& line) {
    for (int i = 0; i < 100; ++i) {
        if (fakeSmscLog().find(line) != std::string::npos) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
}

class KannelTest : public ::testing::Test {
  protected:
    void SetUp() override {
        if (env("WP_SMS_URL").empty()) GTEST_SKIP() << "run through tests/support/private-kannel.sh";
    }
};

TEST_F(KannelTest, AMessageGoesThroughKannelToTheFakeSmsc) {
    KannelSmsSender sender(gateway());
    SmsSendResult r = sender.send("+31612345678", "Wijkpunt: nummer H-005 is aan de beurt. Ga naar Balie 2.");
    ASSERT_TRUE(r.accepted) << r.error;
    EXPECT_TRUE(
        arrives("<Wijkpunt +31612345678 text Wijkpunt: nummer H-005 is aan de beurt. Ga naar Balie 2.>"))
        << fakeSmscLog();
}

TEST_F(KannelTest, TextOutsideAsciiGoesAsUcs2) {
    KannelSmsSender sender(gateway());
    SmsSendResult r = sender.send("+31611111111", "Sıra sizde");
    ASSERT_TRUE(r.accepted) << r.error;
    // "Sıra" in UCS-2, as fakesmsc prints it URL-encoded: S = %00S, ı (U+0131) = %011, r = %00r, a = %00a.
    EXPECT_TRUE(arrives("<Wijkpunt +31611111111 ucs-2 %00S%011%00r%00a")) << fakeSmscLog();
}

TEST_F(KannelTest, WrongCredentialsAndAGatewayNobodyListensOnAreNotAccepted) {
    SmsSettings wrong = gateway();
    wrong.password = "not-the-password";
    SmsSendResult r = KannelSmsSender(wrong).send("+31612345678", "x");
    EXPECT_FALSE(r.accepted);
    EXPECT_NE(r.error.find("HTTP 403"), std::string::npos) << r.error;

    SmsSettings nobody = gateway();
    nobody.url = "http://127.0.0.1:1/cgi-bin/sendsms";
    r = KannelSmsSender(nobody, 2000).send("+31612345678", "x");
    EXPECT_FALSE(r.accepted);
    EXPECT_FALSE(r.error.empty());
}

// The notifier with the real sender: the gateway is down (a wrong port) for the first attempt, then the
// message goes, once, when the backoff is over.
TEST_F(KannelTest, TheNotifierDelaysWhileTheGatewayIsDownAndSendsOnceWhenItIsBack) {
    testing::TempDir dir;
    const auto file = dir.path() / "kiosk.sqlite";
    std::vector<Service> services{testing::service("huurloket", "H")};
    auto stores = testing::SqliteQueueStores::open(file, services);
    ASSERT_TRUE(stores);
    auto sms = SqliteSmsStore::open(file);
    ASSERT_TRUE(sms);
    testing::FakeClock clock(testing::utc(2026, 11, 26, 9, 0));
    Content content;
    content.languages = {"nl"};
    content.texts["nl"].code = "nl";
    content.texts["nl"].texts = {{"sms.message_near", "Wijkpunt: {number} bijna, voor u: {count}"},
                                 {"sms.message_called", "Wijkpunt: {number} naar {counter}"}};
    Texts texts(content);
    SystemRandom random;

    // A gateway that switches from down to up: the same sender type, two addresses.
    class Switching final : public SmsSender {
      public:
        Switching(SmsSettings up)
            : down_(
                  [&] {
                      SmsSettings s = up;
                      s.url = "http://127.0.0.1:1/cgi-bin/sendsms";
                      return s;
                  }(),
                  2000),
              up_(up) {}
        SmsSendResult send(const std::string& number, const std::string& text) override {
            return isUp ? up_.send(number, text) : down_.send(number, text);
        }
        bool isUp = false;

      private:
        KannelSmsSender down_, up_;
    } sender(gateway());

    SmsNotifier notifier(*stores->tickets, *sms.value(), sender, texts, clock, random, SmsRules{});
    auto ticket = stores->tickets->issueTicket("huurloket", clock.now());
    ASSERT_TRUE(ticket);
    ASSERT_TRUE(sms.value()->subscribe({ticket->id, "+31622222222", "nl"}, clock.now()));
    SmsNotifier::Step s = notifier.step();
    EXPECT_EQ(s.failed, 1);
    auto trouble = sms.value()->gatewayTrouble();
    ASSERT_TRUE(trouble && trouble.value().has_value());

    sender.isUp = true;
    s = notifier.step();
    EXPECT_EQ(s.sent, 0) << "the backoff is on the injected clock";
    clock.advance(std::chrono::seconds(5));
    s = notifier.step();
    EXPECT_EQ(s.sent, 1);
    clock.advance(std::chrono::minutes(5));
    EXPECT_EQ(notifier.step().sent, 0);
    const std::string line = "<Wijkpunt +31622222222 text Wijkpunt: H-001 bijna, voor u: 0>";
    ASSERT_TRUE(arrives(line)) << fakeSmscLog();
    const std::string log = fakeSmscLog();
    EXPECT_EQ(log.find(line), log.rfind(line)) << "delivered once";
}

}  // namespace
}  // namespace wp
