#include "central/store/sqlite_central_store.h"

#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <optional>
#include <thread>

#include "central/intake_writer.h"
#include "central/team_notifier.h"
#include "tests/support/shipped_request_specs.h"
#include "tests/unit/central/central_test_requests.h"
#include "tests/unit/fake_clock.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

using namespace std::chrono_literals;
using testing::makeTestRequest;

class CentralStoreTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto s = SqliteCentralStore::open(dir_.path() / "central.db", wp::testing::shippedRequestSpecs());
        ASSERT_TRUE(s) << s.status().message();
        store_ = std::move(s).value();
    }
    IntakeItem item(const Request& r, std::string team = "huurloket") {
        return {r, "SGN", std::move(team), false, {{"webhook", "https://127.0.0.1:9/h"}}, clock_.now()};
    }
    testing::TempDir dir_;
    testing::FakeClock clock_;
    SeededRandom random_{17};
    std::unique_ptr<SqliteCentralStore> store_;
};

TEST_F(CentralStoreTest, StoresOnceAndRepeatsTheFirstAnswer) {
    Request r = makeTestRequest(random_);
    auto first = store_->storeBatch({item(r)});
    ASSERT_EQ(first[0].kind, IntakeOutcome::Kind::Stored) << first[0].message;
    Request again = r;
    again.fields["topic"] = "changed in a retry";  // the UUID decides, not the content
    auto second = store_->storeBatch({item(again)});
    EXPECT_EQ(second[0].kind, IntakeOutcome::Kind::Repeat);
    EXPECT_EQ(second[0].answer, first[0].answer);
    auto counts = store_->counts();
    EXPECT_EQ(counts->requests, 1);
    EXPECT_EQ(counts->notificationsPending, 1);  // the repeat queued no second notification
}

// A type read back that the server's specs no longer know is an error, never silently another type.
TEST_F(CentralStoreTest, AnUnknownTypeReadBackIsAnError) {
    RequestSpecs withTip = wp::testing::shippedRequestSpecs();
    RequestSpec tip = wp::testing::shippedSpec("pin-support");
    tip.id = "tip";
    ASSERT_TRUE(withTip.add(tip));
    {
        auto wide = SqliteCentralStore::open(dir_.path() / "wide.db", withTip);
        ASSERT_TRUE(wide) << wide.status().message();
        Request r = makeTestRequest(random_, "pin-support");
        r.type = "tip";
        ASSERT_EQ((*wide)->storeBatch({item(r)})[0].kind, IntakeOutcome::Kind::Stored);
        auto listed = (*wide)->listRequests({});
        ASSERT_TRUE(listed) << listed.status().message();
        ASSERT_EQ(listed->size(), 1u);
        EXPECT_EQ(listed->front().type, "tip");
    }
    auto narrow = SqliteCentralStore::open(dir_.path() / "wide.db", wp::testing::shippedRequestSpecs());
    ASSERT_TRUE(narrow) << narrow.status().message();
    auto listed = (*narrow)->listRequests({});
    ASSERT_FALSE(listed);
    EXPECT_NE(listed.status().message().find("of type 'tip', which no request spec of this server knows"),
              std::string::npos)
        << listed.status().message();
}

TEST_F(CentralStoreTest, SameReferenceUnderAnotherUuidIsAConflictAndAFault) {
    Request r = makeTestRequest(random_);
    ASSERT_EQ(store_->storeBatch({item(r)})[0].kind, IntakeOutcome::Kind::Stored);
    Request other = r;
    other.uuid = makeUuid(random_);
    auto out = store_->storeBatch({item(other)});
    EXPECT_EQ(out[0].kind, IntakeOutcome::Kind::ReferenceConflict);
    EXPECT_EQ(store_->counts()->kioskFaults, 1);
    EXPECT_EQ(store_->counts()->requests, 1);
}

TEST_F(CentralStoreTest, ABatchMixesOutcomes) {
    Request a = makeTestRequest(random_), b = makeTestRequest(random_);
    Request aAgain = a;
    Request bClash = b;
    bClash.uuid = makeUuid(random_);
    auto out = store_->storeBatch({item(a), item(b), item(aAgain), item(bClash)});
    EXPECT_EQ(out[0].kind, IntakeOutcome::Kind::Stored);
    EXPECT_EQ(out[1].kind, IntakeOutcome::Kind::Stored);
    EXPECT_EQ(out[2].kind, IntakeOutcome::Kind::Repeat);
    EXPECT_EQ(out[3].kind, IntakeOutcome::Kind::ReferenceConflict);
    EXPECT_EQ(store_->counts()->requests, 2);
}

TEST_F(CentralStoreTest, StatusViewHasNoPersonalData) {
    Request r = makeTestRequest(random_);
    (void)store_->storeBatch({item(r)});
    auto v = store_->statusOf(r.reference);
    ASSERT_TRUE(v && v->has_value());
    EXPECT_EQ((*v)->status, RequestStatus::Received);
    EXPECT_EQ(encodeStatusView(**v).find("010 123 4567"), std::string::npos);
    EXPECT_FALSE(store_->statusOf("SGN-K2-222222-2").value().has_value());
}

TEST_F(CentralStoreTest, DetailReadsAreAuditedAndTeamBound) {
    Request r = makeTestRequest(random_);
    (void)store_->storeBatch({item(r, "huurloket")});
    auto d = store_->requestDetail(r.reference, std::string("huurloket"), "Anna (huurloket)", "192.0.2.10",
                                   clock_.now());
    ASSERT_TRUE(d && d->has_value());
    EXPECT_EQ((*d)->request.fields.at("phone"), "010 123 4567");
    auto refused = store_->requestDetail(r.reference, std::string("wijkteam"), "Bram (wijkteam)",
                                         "2001:db8::7", clock_.now());
    ASSERT_TRUE(refused);
    EXPECT_FALSE(refused->has_value());
    auto log = store_->auditLog(r.reference, 10);
    ASSERT_EQ(log->size(), 2u);
    EXPECT_EQ((*log)[0].actor, "Bram (wijkteam)");
    EXPECT_NE((*log)[0].detail.find("refused"), std::string::npos);
    EXPECT_EQ((*log)[0].source, "2001:db8::7");
    EXPECT_EQ((*log)[1].actor, "Anna (huurloket)");
    EXPECT_EQ((*log)[1].action, "read-personal-data");
    EXPECT_EQ((*log)[1].source, "192.0.2.10");
}

TEST_F(CentralStoreTest, StatusUpdatesKeepNotesAndAreAudited) {
    Request r = makeTestRequest(random_);
    (void)store_->storeBatch({item(r)});
    clock_.advance(1h);
    auto s =
        store_->updateStatus(r.reference, std::nullopt,
                             {RequestStatus::InProgress, std::string("We bellen u."), std::string("belt di")},
                             "Anna", "192.0.2.10", clock_.now());
    ASSERT_TRUE(s) << s.status().message();
    EXPECT_EQ(s->status, RequestStatus::InProgress);
    // A later update without notes keeps them.
    (void)store_->updateStatus(r.reference, std::nullopt,
                               {RequestStatus::Answered, std::nullopt, std::nullopt}, "Anna", "192.0.2.10",
                               clock_.now());
    auto v = store_->statusOf(r.reference).value();
    EXPECT_EQ(v->publicNote, "We bellen u.");
    EXPECT_EQ(v->status, RequestStatus::Answered);
    EXPECT_EQ(v->updatedAt, clock_.now());
    auto wrongTeam = store_->updateStatus(r.reference, std::string("wijkteam"),
                                          {RequestStatus::Closed, {}, {}}, "B", "192.0.2.10", clock_.now());
    EXPECT_EQ(wrongTeam.status().code(), Status::Code::NotFound);
    auto log = store_->auditLog(r.reference, 10).value();
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[0].action, "set-status");
    EXPECT_EQ(log[0].source, "192.0.2.10");
}

TEST_F(CentralStoreTest, ListFiltersByTeamStatusTypeAndFlag) {
    (void)store_->storeBatch({item(makeTestRequest(random_), "huurloket"),
                              item(makeTestRequest(random_, "initiative"), "initiatief")});
    IntakeItem flagged = item(makeTestRequest(random_, "question", "parkeren"), "gemeente");
    flagged.flagged = true;
    (void)store_->storeBatch({flagged});
    RequestFilter f;
    f.team = "huurloket";
    EXPECT_EQ(store_->listRequests(f)->size(), 1u);
    f = {};
    f.flagged = true;
    auto l = store_->listRequests(f).value();
    ASSERT_EQ(l.size(), 1u);
    EXPECT_EQ(l[0].category, "parkeren");
    f = {};
    f.type = "initiative";
    EXPECT_EQ(store_->listRequests(f)->size(), 1u);
    f = {};
    f.status = RequestStatus::Closed;
    EXPECT_EQ(store_->listRequests(f)->size(), 0u);
}

TEST_F(CentralStoreTest, RetentionWipesPersonalFieldsOnly) {
    Request r = makeTestRequest(random_, "home-visit");
    (void)store_->storeBatch({item(r)});
    clock_.advance(24h * 31);
    auto wiped = store_->wipePersonalData("home-visit", clock_.now() - 24h * 30, clock_.now());
    ASSERT_TRUE(wiped);
    EXPECT_EQ(wiped.value(), 1);
    auto d = store_->requestDetail(r.reference, std::nullopt, "admin", "192.0.2.10", clock_.now()).value();
    ASSERT_TRUE(d);
    EXPECT_TRUE(d->summary.personalDataWiped);
    EXPECT_EQ(d->request.fields.count("phone"), 0u);
    EXPECT_EQ(d->request.fields.count("address"), 0u);
    EXPECT_EQ(d->request.fields.at("topic"), "Jan de Vries");
    EXPECT_EQ(store_->wipePersonalData("home-visit", clock_.now(), clock_.now()).value(), 0);
}

TEST_F(CentralStoreTest, QueueEventsAreStoredOnce) {
    QueueStatBatch b{"K2",
                     {{1, "issued", "huurloket", "2026-11-26", 1, "", clock_.now()},
                      {2, "called", "huurloket", "2026-11-26", 1, "Balie 1", clock_.now()}}};
    EXPECT_EQ(store_->storeQueueEvents(b, "SGN", clock_.now()).value(), 2);
    EXPECT_EQ(store_->storeQueueEvents(b, "SGN", clock_.now()).value(), 0);
    EXPECT_EQ(store_->counts()->queueEvents, 2);
}

TEST_F(CentralStoreTest, QueueEventsOfAContactPointAndDayKeepTheirTicket) {
    TimePoint t0 = clock_.now();
    QueueStatBatch k2{"K2",
                      {{1, "issued", "huurloket", "2026-11-26", 14, "", t0, "H-014"},
                       {2, "called", "huurloket", "2026-11-26", 14, "Balie 2", t0 + 2min, "H-014"},
                       {3, "issued", "huurloket", "2026-11-27", 1, "", t0 + 24h, "H-001"}}};
    QueueStatBatch k3{"K3", {{1, "issued", "wijkteam", "2026-11-26", 3, "", t0 + 1min, "W-003"}}};
    QueueStatBatch elsewhere{"K7", {{1, "issued", "huurloket", "2026-11-26", 9, "", t0, "H-009"}}};
    ASSERT_TRUE(store_->storeQueueEvents(k2, "SGN", t0));
    ASSERT_TRUE(store_->storeQueueEvents(k3, "SGN", t0));
    ASSERT_TRUE(store_->storeQueueEvents(elsewhere, "VLD", t0));
    auto events = store_->queueEventsOf("SGN", "2026-11-26").value();
    ASSERT_EQ(events.size(), 3u);  // both kiosks of SGN, that day only, by time
    EXPECT_EQ(events[0], k2.events[0]);
    EXPECT_EQ(events[1], k3.events[0]);
    EXPECT_EQ(events[2], k2.events[1]);
    EXPECT_TRUE(store_->queueEventsOf("SGN", "2026-11-25").value().empty());
}

TEST_F(CentralStoreTest, EveryBatchAndHeartbeatSaysWhenAContactPointWasLastHeard) {
    EXPECT_EQ(store_->lastHeardFrom("SGN").value(), std::nullopt);
    TimePoint t0 = clock_.now();
    ASSERT_TRUE(store_->storeQueueEvents({"K2", {}}, "SGN", t0));  // a heartbeat
    EXPECT_EQ(store_->lastHeardFrom("SGN").value(), t0);
    ASSERT_TRUE(store_->storeQueueEvents({"K3", {}}, "SGN", t0 + 40s));
    ASSERT_TRUE(store_->storeQueueEvents(
        {"K2", {{1, "issued", "huurloket", "2026-11-26", 1, "", t0, "H-001"}}}, "SGN", t0 + 20s));
    EXPECT_EQ(store_->lastHeardFrom("SGN").value(), t0 + 40s);  // the latest of its kiosks
    EXPECT_EQ(store_->lastHeardFrom("VLD").value(), std::nullopt);
    EXPECT_EQ(store_->counts()->queueEvents, 1);
}

TEST_F(CentralStoreTest, PeopleByTokenHash) {
    ASSERT_TRUE(store_->addPerson({"Anna", PersonRole::Team, "huurloket"}, "hash-a", clock_.now(), {}));
    EXPECT_EQ(store_->addPerson({"Anna", PersonRole::Admin, ""}, "hash-b", clock_.now(), {}).code(),
              Status::Code::Conflict);
    auto p = store_->personByTokenHash("hash-a", clock_.now()).value();
    ASSERT_TRUE(p);
    EXPECT_EQ(p->team, "huurloket");
    EXPECT_FALSE(store_->personByTokenHash("nope", clock_.now()).value());
}

TEST_F(CentralStoreTest, RetentionWipesBothNotesAndDeletesRowsWithTheirAuditLater) {
    Request r = makeTestRequest(random_, "callback");
    Request kept = makeTestRequest(random_, "callback");
    (void)store_->storeBatch({item(r), item(kept)});
    ASSERT_TRUE(store_->updateStatus(
        r.reference, std::nullopt, {RequestStatus::InProgress, "Bel Marloes terug", "Schulden bij Woonplus"},
        "Anna", "192.0.2.10", clock_.now()));
    ASSERT_TRUE(store_->requestDetail(r.reference, std::nullopt, "Anna", "192.0.2.10", clock_.now()).value());
    clock_.advance(24h * 10);
    ASSERT_EQ(store_->wipePersonalData("callback", clock_.now() - 24h, clock_.now()).value(), 2);
    auto d = store_->requestDetail(r.reference, std::nullopt, "Anna", "192.0.2.10", clock_.now()).value();
    ASSERT_TRUE(d);
    EXPECT_EQ(d->publicNote, "");
    EXPECT_EQ(d->internalNote, "");
    EXPECT_EQ(store_->deleteWipedBefore(clock_.now() - 24h).value(), 0) << "wiped just now";

    clock_.advance(24h * 2);
    EXPECT_EQ(store_->deleteWipedBefore(clock_.now() - 24h).value(), 2);
    EXPECT_FALSE(
        store_->requestDetail(r.reference, std::nullopt, "Anna", "192.0.2.10", clock_.now()).value());
    auto audit = store_->auditLog(r.reference, 100).value();
    ASSERT_EQ(audit.size(), 1u) << "only the refused read after the delete is left";
    EXPECT_EQ(audit[0].detail, "refused: no such request");
    EXPECT_EQ(store_->counts()->requests, 0);
    EXPECT_TRUE(store_->checkpointTruncate());
    EXPECT_EQ(std::filesystem::file_size(dir_.path() / "central.db-wal"), 0u);
}

TEST_F(CentralStoreTest, BackupIsAUsableCopy) {
    Request r = makeTestRequest(random_);
    (void)store_->storeBatch({item(r)});
    auto bytes = store_->backupBytes();
    ASSERT_TRUE(bytes);
    {
        std::ofstream out(dir_.path() / "backup.db", std::ios::binary);
        out << bytes.value();
    }
    auto copy = SqliteCentralStore::open(dir_.path() / "backup.db", wp::testing::shippedRequestSpecs());
    ASSERT_TRUE(copy);
    EXPECT_TRUE((*copy)->statusOf(r.reference).value().has_value());
}

TEST_F(CentralStoreTest, IntakeWriterGroupsConcurrentRequestsIntoFewCommits) {
    IntakeWriter writer(*store_, 256);
    constexpr int kThreads = 16, kEach = 50;
    std::vector<std::thread> threads;
    std::atomic<int> stored{0};
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&, t] {
            SeededRandom random(1000 + static_cast<std::uint64_t>(t));
            for (int i = 0; i < kEach; ++i)
                if (writer.submitAndWait(item(makeTestRequest(random))).kind == IntakeOutcome::Kind::Stored)
                    ++stored;
        });
    for (auto& th : threads) th.join();
    EXPECT_EQ(stored.load(), kThreads * kEach);
    EXPECT_EQ(store_->counts()->requests, kThreads * kEach);
    EXPECT_LT(writer.batches(), static_cast<std::uint64_t>(kThreads * kEach));
    EXPECT_GT(writer.largestBatch(), 1u);
}

TEST_F(CentralStoreTest, IntakeWriterAnswersEverythingQueuedBeforeItCloses) {
    IntakeWriter writer(*store_, 16);
    constexpr int kItems = 200;
    std::atomic<int> stored{0}, answered{0};
    for (int i = 0; i < kItems; ++i)
        writer.submit(item(makeTestRequest(random_)), [&](IntakeOutcome out) {
            ++answered;
            if (out.kind == IntakeOutcome::Kind::Stored) ++stored;
        });
    writer.close();
    EXPECT_EQ(answered.load(), kItems);
    EXPECT_EQ(stored.load(), kItems);
    EXPECT_EQ(store_->counts()->requests, kItems);
    EXPECT_LE(writer.largestBatch(), 16u);

    // Once closed, a request is refused at once, on the caller's thread, and nothing is stored.
    std::optional<IntakeOutcome> late;
    writer.submit(item(makeTestRequest(random_)), [&](IntakeOutcome out) { late = std::move(out); });
    ASSERT_TRUE(late.has_value());
    EXPECT_EQ(late->kind, IntakeOutcome::Kind::Failed);
    EXPECT_EQ(store_->counts()->requests, kItems);
}

class ScriptedSender final : public NotificationSender {
  public:
    int failuresLeft = 0;
    std::vector<std::string> sent;
    Status send(const PendingNotification& n) override {
        if (failuresLeft > 0) {
            --failuresLeft;
            return Status::unavailable("webhook down");
        }
        sent.push_back(n.reference);
        return Status::ok();
    }
};

TEST_F(CentralStoreTest, NotifierRetriesWithBackoffOnTheInjectedClock) {
    Request r = makeTestRequest(random_);
    (void)store_->storeBatch({item(r)});
    ScriptedSender sender;
    sender.failuresLeft = 2;
    TeamNotifier notifier(*store_, sender, clock_, {});
    EXPECT_EQ(notifier.runOnce(), 0);  // attempt 1 fails: due again in 2 s
    EXPECT_EQ(notifier.runOnce(), 0);  // not due yet
    clock_.advance(2s);
    EXPECT_EQ(notifier.runOnce(), 0);  // attempt 2 fails: due again in 4 s
    clock_.advance(3s);
    EXPECT_EQ(notifier.runOnce(), 0);
    clock_.advance(1s);
    EXPECT_EQ(notifier.runOnce(), 1);
    EXPECT_EQ(sender.sent, std::vector<std::string>{r.reference});
    EXPECT_EQ(store_->counts()->notificationsDone, 1);
}

// Whatever a request holds, its notifications carry none of it: no field of the request (a name, a phone
// number, an address), only the reference, type, team, time and a link to the back office page.
TEST_F(CentralStoreTest, NotificationsCarryALinkAndNoPersonalData) {
    for (const char* type : {"callback", "home-visit", "question", "initiative"}) {
        Request r = makeTestRequest(random_, type, "huur");
        ASSERT_EQ(store_->storeBatch({item(r)})[0].kind, IntakeOutcome::Kind::Stored);
        auto due = store_->dueNotifications(clock_.now(), 10).value();
        ASSERT_FALSE(due.empty());
        const PendingNotification& n = due.back();
        const std::string link = requestLink("https://wijkpunt.example.org/", n.reference);
        EXPECT_EQ(link, "https://wijkpunt.example.org/backoffice/requests/" + r.reference);
        const std::string hook = webhookBody(n, link);
        const std::string mail =
            emailMessage(n, "wijkpunt@example.org", "team@example.org", clock_.now(), link);
        EXPECT_NE(hook.find("\"url\":\"" + link + "\""), std::string::npos) << hook;
        EXPECT_NE(mail.find(link), std::string::npos) << mail;
        for (const auto& [name, value] : r.fields) {
            if (value.size() < 4) continue;  // a short code ("huur") may be part of ordinary words
            EXPECT_EQ(hook.find(value), std::string::npos) << type << " field " << name << ": " << hook;
            EXPECT_EQ(mail.find(value), std::string::npos) << type << " field " << name << ": " << mail;
        }
        for (const auto& n2 : due) (void)store_->notificationDelivered(n2.id, clock_.now());
    }
}

TEST(TeamNotifierTest, MessagesCarryNoPersonalData) {
    PendingNotification n{1,
                          "SGN-K2-7KQ4XD-3",
                          "callback",
                          "huurloket",
                          true,
                          "email",
                          "a@b.nl",
                          0,
                          fromUnixMillis(1764144000000)};
    std::string mail = emailMessage(n, "wijkpunt@example.org", "a@b.nl", fromUnixMillis(1764144000000),
                                    "https://wijkpunt.example.org/backoffice/requests/SGN-K2-7KQ4XD-3");
    EXPECT_NE(mail.find("Subject: Nieuwe aanvraag SGN-K2-7KQ4XD-3 (callback) voor huurloket"),
              std::string::npos);
    EXPECT_NE(mail.find("routeringstabel"), std::string::npos);  // flagged
    std::string hook = webhookBody(n, "https://wijkpunt.example.org/backoffice/requests/SGN-K2-7KQ4XD-3");
    EXPECT_NE(hook.find("\"flagged\":true"), std::string::npos);
}

}  // namespace
}  // namespace wp
