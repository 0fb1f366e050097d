// Opt-in text messages (kiosk/core/sms_notifier.h): the mobile number's normalising, and the notifier's
// rules on the real SQLite stores in a temp folder with a fake gateway.
#include "kiosk/core/sms_notifier.h"

#include <gtest/gtest.h>

#include <vector>

#include "kiosk/core/host_alert_board.h"
#include "kiosk/store/sqlite_host_alert_store.h"
#include "kiosk/store/sqlite_sms_store.h"
#include "tests/unit/fake_clock.h"
#include "tests/unit/queue_fixtures.h"
#include "tests/unit/sqlite_queue_stores.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

using testing::utc;

TEST(MobileNumber, TakesDutchMobileNumbersAsTypedAndNormalisesThem) {
    for (const char* typed : {"0612345678", "06 12345678", "06-1234 5678", "+31612345678", "+31 6 12345678",
                              "0031612345678", "+31 (0)6 12345678", " 06.12.34.56.78 "})
        EXPECT_EQ(normaliseMobileNumber(typed), "+31612345678") << typed;
}

TEST(MobileNumber, RefusesLandlinesWrongLengthsAndOtherText) {
    for (const char* typed :
         {"", "06", "061234567", "06123456789", "0101234567", "+32612345678", "+4412345678", "0612345a78",
          "06+12345678", "++31612345678", "612345678", "0031 10 1234567", "+31 0101234567"})
        EXPECT_FALSE(normaliseMobileNumber(typed).has_value()) << typed;
}

TEST(MobileNumber, ShowsANormalisedNumberTheWayResidentsWriteIt) {
    EXPECT_EQ(formatMobileNumber("+31612345678"), "06 12345678");
}

// A gateway that takes or refuses what it is given, and remembers what it took.
class FakeSender final : public SmsSender {
  public:
    SmsSendResult send(const std::string& number, const std::string& text) override {
        ++attempts;
        if (down) return {false, "connect: Connection refused"};
        sent.push_back({number, text});
        return {true, {}};
    }
    bool down = false;
    int attempts = 0;
    std::vector<std::pair<std::string, std::string>> sent;
};

Content smsContent() {
    Content c;
    c.languages = {"nl", "en"};
    c.texts["nl"].code = "nl";
    c.texts["nl"].texts = {{"sms.message_near", "{number} bijna, voor u: {count}"},
                           {"sms.message_called", "{number} nu naar {counter}"}};
    c.texts["en"].code = "en";
    c.texts["en"].texts = {{"sms.message_near", "{number} nearly, before you: {count}"},
                           {"sms.message_called", "{number} go to {counter}"}};
    return c;
}

class SmsNotifierTest : public ::testing::Test {
  protected:
    void SetUp() override {
        const auto file = dir_.path() / "kiosk.sqlite";
        auto stores = testing::SqliteQueueStores::open(file, services_);
        ASSERT_TRUE(stores) << stores.status().message();
        stores_ = std::move(stores).value();
        auto sms = SqliteSmsStore::open(file);
        ASSERT_TRUE(sms) << sms.status().message();
        sms_ = std::move(sms).value();
        notifier_ = std::make_unique<SmsNotifier>(*stores_.tickets, *sms_, sender_, texts_, clock_, random_,
                                                  SmsRules{});
    }

    Ticket issue() {
        auto t = stores_.tickets->issueTicket("huurloket", clock_.now());
        EXPECT_TRUE(t) << t.status().message();
        return t.value();
    }
    void call(const Ticket& t, const std::string& counter = "Balie 2") {
        ASSERT_TRUE(stores_.host->changeTicketState(t.id, TicketState::Called, counter, clock_.now()));
    }
    void finish(const Ticket& t, TicketState to) {
        ASSERT_TRUE(stores_.host->changeTicketState(t.id, to, "Balie 2", clock_.now()));
    }
    SmsNotifier::Step step() {
        SmsNotifier::Step s = notifier_->step();
        EXPECT_TRUE(s.status) << s.status.message();
        return s;
    }
    std::int64_t rows(const char* table) {
        auto n = sms_->database().queryInt(std::string("SELECT COUNT(*) FROM ") + table);
        EXPECT_TRUE(n);
        return n.value();
    }

    testing::TempDir dir_;
    std::vector<Service> services_{testing::service("huurloket", "H")};
    testing::FakeClock clock_{utc(2026, 11, 26, 9, 0)};
    SystemRandom random_;
    Content content_ = smsContent();
    Texts texts_{content_};
    FakeSender sender_;
    testing::SqliteQueueStores stores_;
    std::unique_ptr<SqliteSmsStore> sms_;
    std::unique_ptr<SmsNotifier> notifier_;
};

TEST_F(SmsNotifierTest, SendsNearWhenTwoOrFewerWaitBeforeAndCalledWithTheCounterEachOnce) {
    std::vector<Ticket> before;
    for (int i = 0; i < 4; ++i) before.push_back(issue());
    const Ticket mine = issue();  // H-005, four before it
    ASSERT_TRUE(sms_->subscribe({mine.id, "+31612345678", "nl"}, clock_.now()));
    step();
    EXPECT_TRUE(sender_.sent.empty()) << "four before: not near yet";

    call(before[0]);
    call(before[1]);
    step();  // two before: near
    ASSERT_EQ(sender_.sent.size(), 1u);
    EXPECT_EQ(sender_.sent[0].first, "+31612345678");
    EXPECT_EQ(sender_.sent[0].second, "H-005 bijna, voor u: 2");
    call(before[2]);
    step();
    EXPECT_EQ(sender_.sent.size(), 1u) << "near goes once";

    call(before[3]);
    call(mine);
    step();
    ASSERT_EQ(sender_.sent.size(), 2u);
    EXPECT_EQ(sender_.sent[1].second, "H-005 nu naar Balie 2");
    // A recall, a put-back and a second call: no second message of either kind.
    ASSERT_TRUE(stores_.host->changeTicketState(mine.id, TicketState::Waiting, "Balie 2", clock_.now()));
    step();
    call(mine, "Balie 3");
    step();
    EXPECT_EQ(sender_.sent.size(), 2u);
    EXPECT_EQ(sender_.attempts, 2);
}

TEST_F(SmsNotifierTest, TheNearRuleComesFromTheSettings) {
    for (int i = 0; i < 3; ++i) issue();
    const Ticket mine = issue();
    ASSERT_TRUE(sms_->subscribe({mine.id, "+31612345678", "en"}, clock_.now()));
    SmsRules rules;
    rules.nearAhead = 3;
    SmsNotifier wide(*stores_.tickets, *sms_, sender_, texts_, clock_, random_, rules);
    EXPECT_TRUE(wide.step().status);
    ASSERT_EQ(sender_.sent.size(), 1u);
    EXPECT_EQ(sender_.sent[0].second, "H-004 nearly, before you: 3");
}

TEST_F(SmsNotifierTest, AGatewayThatIsDownDelaysWithBackoffAndNeverLosesOrDoubles) {
    const Ticket first = issue();
    const Ticket second = issue();
    ASSERT_TRUE(sms_->subscribe({first.id, "+31611111111", "nl"}, clock_.now()));
    ASSERT_TRUE(sms_->subscribe({second.id, "+31622222222", "nl"}, clock_.now()));
    sender_.down = true;
    SmsNotifier::Step s = step();
    EXPECT_EQ(s.made, 2);
    EXPECT_EQ(s.failed, 1);
    EXPECT_EQ(sender_.attempts, 1) << "after a failure the step stops: one message finds out";
    ASSERT_TRUE(notifier_->nextRetry());
    EXPECT_LE(*notifier_->nextRetry() - clock_.now(), std::chrono::seconds(2));

    auto trouble = sms_->gatewayTrouble();
    ASSERT_TRUE(trouble);
    ASSERT_TRUE(trouble.value().has_value());
    EXPECT_EQ(trouble.value()->since, clock_.now());
    EXPECT_EQ(trouble.value()->lastError, "connect: Connection refused");

    // Before its backoff is over the failed message is not tried again; the other is (and fails).
    step();
    EXPECT_EQ(sender_.attempts, 2);
    step();
    EXPECT_EQ(sender_.attempts, 2) << "both wait for their backoff";
    clock_.advance(std::chrono::seconds(2));
    step();  // first retry: within 1..2 s
    EXPECT_EQ(sender_.attempts, 3);
    clock_.advance(std::chrono::seconds(3));
    EXPECT_TRUE(sender_.sent.empty());

    sender_.down = false;
    clock_.advance(std::chrono::minutes(10));
    s = step();
    EXPECT_EQ(s.sent, 2);
    ASSERT_EQ(sender_.sent.size(), 2u);
    EXPECT_EQ(sender_.sent[0].first, "+31611111111");
    EXPECT_EQ(sender_.sent[1].first, "+31622222222");
    clock_.advance(std::chrono::minutes(10));
    step();
    EXPECT_EQ(sender_.sent.size(), 2u) << "each sent once";
    trouble = sms_->gatewayTrouble();
    ASSERT_TRUE(trouble);
    EXPECT_FALSE(trouble.value().has_value()) << "the gateway takes messages again: no alert";
}

TEST_F(SmsNotifierTest, TheNumberIsDeletedWhenTheTicketIsDoneANoShowCancelledOrOfAnotherDay) {
    const Ticket done = issue(), noShow = issue(), cancelled = issue(), waiting = issue(), old = issue();
    for (const Ticket& t : {done, noShow, cancelled, waiting, old})
        ASSERT_TRUE(sms_->subscribe({t.id, "+31612345678", "nl"}, clock_.now()));
    call(done);
    finish(done, TicketState::Done);
    call(noShow);
    finish(noShow, TicketState::NoShow);
    finish(cancelled, TicketState::Cancelled);
    SmsNotifier::Step s = step();
    EXPECT_EQ(s.forgotten, 3);
    EXPECT_EQ(rows("sms_subscription"), 2);

    clock_.advance(std::chrono::hours(24));  // the next day: yesterday's tickets are over
    s = step();
    EXPECT_EQ(s.forgotten, 2);
    EXPECT_EQ(rows("sms_subscription"), 0);
    EXPECT_EQ(rows("sms_message"), 0);
}

TEST_F(SmsNotifierTest, ATransferredTicketKeepsItsMessagesAndIsForgottenWhenDone) {
    services_.push_back(testing::service("wijkteam", "W"));
    auto stores = testing::SqliteQueueStores::open(dir_.path() / "kiosk.sqlite", services_);
    ASSERT_TRUE(stores);
    stores_ = std::move(stores).value();
    notifier_ =
        std::make_unique<SmsNotifier>(*stores_.tickets, *sms_, sender_, texts_, clock_, random_, SmsRules{});
    const Ticket mine = issue();
    ASSERT_TRUE(sms_->subscribe({mine.id, "+31612345678", "nl"}, clock_.now()));
    step();  // nobody before: near
    ASSERT_EQ(sender_.sent.size(), 1u);
    TicketChange move;
    move.ticketId = mine.id;
    move.expectedRevision = stores_.tickets->ticket(mine.id).value().revision;
    move.to = TicketState::Waiting;
    move.event = QueueEventKind::TransferredOut;
    move.counter = "Balie 2";
    move.toServiceId = "wijkteam";
    ASSERT_TRUE(stores_.host->changeTicket(move, clock_.now()));
    step();
    EXPECT_EQ(sender_.sent.size(), 1u) << "near was sent already";
    call(mine, "Balie 4");
    step();
    ASSERT_EQ(sender_.sent.size(), 2u);
    EXPECT_EQ(sender_.sent[1].second, "H-001 nu naar Balie 4");
    finish(mine, TicketState::Done);
    step();
    EXPECT_EQ(rows("sms_subscription"), 0);
}

TEST_F(SmsNotifierTest, AMessageNotYetSentWhenTheTicketIsDoneIsDroppedWithTheNumber) {
    const Ticket mine = issue();
    ASSERT_TRUE(sms_->subscribe({mine.id, "+31612345678", "nl"}, clock_.now()));
    sender_.down = true;
    step();
    call(mine);
    finish(mine, TicketState::Done);
    sender_.down = false;
    clock_.advance(std::chrono::minutes(10));
    step();
    EXPECT_TRUE(sender_.sent.empty());
    EXPECT_EQ(rows("sms_message"), 0);
    auto trouble = sms_->gatewayTrouble();
    ASSERT_TRUE(trouble);
    EXPECT_FALSE(trouble.value().has_value());
}

// The host console's alerts (kiosk/core/host_alert_board.h): a gateway that does not take messages is an
// alert, in Dutch with what to do, until it takes them again; the kiosk goes on issuing tickets meanwhile.
TEST_F(SmsNotifierTest, AFailingGatewayIsAHostAlertUntilItTakesMessagesAgain) {
    auto alertStore = SqliteHostAlertStore::open(dir_.path() / "kiosk.sqlite");
    ASSERT_TRUE(alertStore);
    HostAlertBoard board(*alertStore.value(), nullptr, clock_);
    board.attachSms(sms_.get());
    const Ticket mine = issue();
    ASSERT_TRUE(sms_->subscribe({mine.id, "+31612345678", "nl"}, clock_.now()));
    sender_.down = true;
    step();
    ASSERT_TRUE(board.refresh());
    ASSERT_EQ(board.alerts().size(), 1u);
    EXPECT_EQ(board.alerts()[0].kind, HostAlertKind::SmsGatewayFailing);
    EXPECT_EQ(board.alerts()[0].since, clock_.now());
    EXPECT_EQ(board.alerts()[0].detail, "connect: Connection refused");
    EXPECT_EQ(toString(board.alerts()[0].kind), "sms-gateway-failing");
    issue();  // tickets go on

    sender_.down = false;
    clock_.advance(std::chrono::minutes(1));
    step();
    ASSERT_TRUE(board.refresh());
    EXPECT_TRUE(board.alerts().empty());
}

TEST_F(SmsNotifierTest, NoMessageIsMadeForATicketThatDidNotOptIn) {
    const Ticket t = issue();
    auto added = sms_->addMessage(t.id, SmsKind::Near, "x", clock_.now());
    ASSERT_TRUE(added);
    EXPECT_FALSE(added.value());
    step();
    EXPECT_EQ(sender_.attempts, 0);
}

}  // namespace
}  // namespace wp
