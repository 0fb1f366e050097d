// The store's teams and routing (TeamStore), its dashboard reads (DashboardStore), the audit log's search,
// and the server's live routing on top of them (central/live_routing.h).
#include <gtest/gtest.h>

#include "central/live_routing.h"
#include "central/store/sqlite_central_store.h"
#include "tests/support/shipped_request_specs.h"
#include "tests/unit/central/central_test_requests.h"
#include "tests/unit/fake_clock.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

using namespace std::chrono_literals;

RoutingTable seedTable() {
    RoutingTable t;
    t.defaultTeam = "gemeente";
    t.rules = {{"*", "huur", "huurloket"}, {"home-visit", "*", "wijkteam"}};
    t.teams["huurloket"] = {"https://huur.example.org/hook", {"a@example.org", "b@example.org"}};
    t.teams["wijkteam"] = {};
    t.teams["gemeente"] = {"", {"gemeente@example.org"}};
    return t;
}

class TeamStoreTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto s = SqliteCentralStore::open(dir_.path() / "central.db", wp::testing::shippedRequestSpecs());
        ASSERT_TRUE(s) << s.status().message();
        store_ = std::move(s).value();
    }
    AuditEntry audit(const std::string& action) { return {clock_.now(), "Aisha", action, "", "test"}; }
    testing::TempDir dir_;
    testing::FakeClock clock_;
    SeededRandom random_{23};
    std::unique_ptr<SqliteCentralStore> store_;
};

TEST_F(TeamStoreTest, TheSeedIsCopiedOnceAndLaterSeedsChangeNothing) {
    auto empty = store_->routingTable();
    ASSERT_TRUE(empty) << empty.status().message();
    EXPECT_TRUE(empty->teams.empty());
    auto first = store_->seedRouting(seedTable(), clock_.now());
    ASSERT_TRUE(first) << first.status().message();
    EXPECT_TRUE(first.value());
    EXPECT_EQ(store_->routingTable().value(), seedTable());

    RoutingTable other = seedTable();
    other.defaultTeam = "wijkteam";
    other.rules.clear();
    auto second = store_->seedRouting(other, clock_.now());
    ASSERT_TRUE(second);
    EXPECT_FALSE(second.value());
    EXPECT_EQ(store_->routingTable().value(), seedTable());

    // Even with every rule removed by an admin, the store stays seeded.
    ASSERT_TRUE(store_->replaceRouting("gemeente", {}, audit("change-routing")).isOk());
    EXPECT_FALSE(store_->seedRouting(seedTable(), clock_.now()).value());
    EXPECT_TRUE(store_->routingTable()->rules.empty());
}

TEST_F(TeamStoreTest, RoutingChangesKeepTheirOrderAreAuditedAndNameOnlyKnownTeams) {
    ASSERT_TRUE(store_->seedRouting(seedTable(), clock_.now()).value());
    std::vector<RoutingRule> rules = {{"callback", "", "wijkteam"}, {"*", "*", "huurloket"}};
    Status s = store_->replaceRouting("wijkteam", rules, audit("change-routing"));
    ASSERT_TRUE(s.isOk()) << s.message();
    RoutingTable t = store_->routingTable().value();
    EXPECT_EQ(t.rules, rules);
    EXPECT_EQ(t.defaultTeam, "wijkteam");
    auto log = store_->searchAudit({.action = "change-routing"});
    ASSERT_TRUE(log);
    ASSERT_EQ(log->size(), 1u);
    EXPECT_EQ((*log)[0].actor, "Aisha");

    EXPECT_EQ(store_->replaceRouting("nobody", {}, audit("change-routing")).code(),
              Status::Code::InvalidInput);
    EXPECT_EQ(store_->replaceRouting("gemeente", {{"*", "*", "nobody"}}, audit("change-routing")).code(),
              Status::Code::InvalidInput);
    EXPECT_EQ(store_->routingTable()->rules, rules);  // a refused change changed nothing
    EXPECT_EQ(store_->searchAudit({.action = "change-routing"})->size(), 1u);
}

TEST_F(TeamStoreTest, ATeamsNotificationTargetsAreReplacedAndAnUnknownTeamIsNotFound) {
    ASSERT_TRUE(store_->seedRouting(seedTable(), clock_.now()).value());
    TeamNotifications targets{"", {"nieuw@example.org"}};
    ASSERT_TRUE(store_->setTeamNotifications("huurloket", targets, audit("change-team")).isOk());
    EXPECT_EQ(store_->routingTable()->teams.at("huurloket"), targets);
    EXPECT_EQ(store_->routingTable()->teams.at("gemeente"), seedTable().teams.at("gemeente"));
    EXPECT_EQ(store_->setTeamNotifications("nobody", targets, audit("change-team")).code(),
              Status::Code::NotFound);
}

TEST_F(TeamStoreTest, AnAdminAddsATeamAndChangesItsNameAudited) {
    RoutingTable seed = seedTable();
    seed.labels = {{"huurloket", "Huurloket"}};
    ASSERT_TRUE(store_->seedRouting(seed, clock_.now()).value());
    EXPECT_EQ(store_->routingTable()->labels, seed.labels);
    EXPECT_EQ(store_->routingTable()->labelOf("wijkteam"), "wijkteam");  // no label: its name

    ASSERT_TRUE(store_->addTeam("schuldhulp", "Schuldhulp", audit("add-team")).isOk());
    RoutingTable t = store_->routingTable().value();
    ASSERT_TRUE(t.teams.contains("schuldhulp"));
    EXPECT_EQ(t.teams.at("schuldhulp"), TeamNotifications{});
    EXPECT_EQ(t.labelOf("schuldhulp"), "Schuldhulp");
    EXPECT_EQ(store_->addTeam("schuldhulp", "Nog eens", audit("add-team")).code(), Status::Code::Conflict);
    EXPECT_EQ(store_->routingTable()->labelOf("schuldhulp"), "Schuldhulp");

    ASSERT_TRUE(store_->setTeamLabel("schuldhulp", "Schuldhulpmaatje", audit("rename-team")).isOk());
    EXPECT_EQ(store_->routingTable()->labelOf("schuldhulp"), "Schuldhulpmaatje");
    EXPECT_EQ(store_->setTeamLabel("nobody", "Niemand", audit("rename-team")).code(), Status::Code::NotFound);
    EXPECT_EQ(store_->searchAudit({.action = "add-team"})->size(), 1u);
    EXPECT_EQ(store_->searchAudit({.action = "rename-team"})->size(), 1u);

    // A new team can be routed to at once.
    ASSERT_TRUE(store_->replaceRouting("gemeente", {{"*", "schuld", "schuldhulp"}}, audit("change-routing")));
}

TEST_F(TeamStoreTest, ATeamThatAnythingNamesCannotBeRemovedAndSaysWhat) {
    ASSERT_TRUE(store_->seedRouting(seedTable(), clock_.now()).value());
    // huurloket: two rules and a request; gemeente: the default; wijkteam: a rule and an account.
    IntakeItem item;
    item.request = testing::makeTestRequest(random_);
    item.contactPoint = "SGN";
    item.team = "huurloket";
    item.receivedAt = clock_.now();
    ASSERT_EQ(store_->storeBatch({item})[0].kind, IntakeOutcome::Kind::Stored);
    ASSERT_TRUE(store_->replaceRouting(
        "gemeente",
        {{"*", "huur", "huurloket"}, {"callback", "*", "huurloket"}, {"home-visit", "*", "wijkteam"}},
        audit("change-routing")));
    StaffAccount anna;
    anna.name = "Anna";
    anna.email = "anna@example.org";
    anna.role = StaffRole::Team;
    anna.team = "wijkteam";
    ASSERT_TRUE(store_->addStaffAccount(anna, clock_.now()));

    TeamUse huur = store_->teamUse("huurloket").value();
    EXPECT_EQ(huur.requests, 1);
    EXPECT_EQ(huur.rules, 2);
    EXPECT_FALSE(huur.isDefault);
    EXPECT_TRUE(huur.any());
    EXPECT_TRUE(store_->teamUse("gemeente")->isDefault);
    TeamUse wijk = store_->teamUse("wijkteam").value();
    EXPECT_EQ(wijk.accounts, 1);
    EXPECT_EQ(wijk.rules, 1);
    for (const char* team : {"huurloket", "gemeente", "wijkteam"})
        EXPECT_EQ(store_->removeTeam(team, audit("remove-team")).code(), Status::Code::Conflict) << team;
    EXPECT_EQ(store_->routingTable()->teams.size(), 3u);  // nothing removed

    // A team nothing names goes, with its notification targets.
    ASSERT_TRUE(store_->addTeam("schuldhulp", "Schuldhulp", audit("add-team")).isOk());
    ASSERT_TRUE(store_->setTeamNotifications("schuldhulp", {"", {"s@example.org"}}, audit("change-team")));
    EXPECT_FALSE(store_->teamUse("schuldhulp")->any());
    ASSERT_TRUE(store_->removeTeam("schuldhulp", audit("remove-team")).isOk());
    EXPECT_FALSE(store_->routingTable()->teams.contains("schuldhulp"));
    EXPECT_EQ(store_->removeTeam("schuldhulp", audit("remove-team")).code(), Status::Code::NotFound);
    EXPECT_EQ(store_->searchAudit({.action = "remove-team"})->size(), 1u);
    // Added again, it starts without the old targets.
    ASSERT_TRUE(store_->addTeam("schuldhulp", "Schuldhulp", audit("add-team")).isOk());
    EXPECT_TRUE(store_->routingTable()->teams.at("schuldhulp").emails.empty());
}

TEST_F(TeamStoreTest, LiveRoutingSeedsReadsAndSwapsInAChange) {
    LiveRouting routing(*store_, {});
    ASSERT_TRUE(routing.start(seedTable(), clock_.now()).isOk());
    auto before = routing.current();
    EXPECT_EQ(before->router.route("callback", "huur").team, "huurloket");
    EXPECT_EQ(before->targetsOf("huurloket").size(), 3u);  // the webhook and two addresses
    EXPECT_EQ(before->targetsOf("huurloket")[0].channel, "webhook");

    ASSERT_TRUE(
        store_->replaceRouting("gemeente", {{"*", "huur", "wijkteam"}}, audit("change-routing")).isOk());
    ASSERT_TRUE(routing.reload().isOk());
    EXPECT_EQ(routing.current()->router.route("callback", "huur").team, "wijkteam");
    EXPECT_EQ(before->router.route("callback", "huur").team, "huurloket");  // a held snapshot stays whole
}

TEST_F(TeamStoreTest, DashboardRequestsAreThoseOfTheContactPointAndWeekWithTheFirstAnswer) {
    TimePoint t0 = clock_.now();
    auto item = [&](std::string contactPoint, TimePoint received) {
        IntakeItem i;
        i.request = testing::makeTestRequest(random_);
        i.contactPoint = std::move(contactPoint);
        i.team = "huurloket";
        i.receivedAt = received;
        return i;
    };
    std::vector<IntakeItem> items = {item("SGN", t0), item("SGN", t0 + 1h), item("OOS", t0 + 1h),
                                     item("SGN", t0 + 48h)};
    for (const auto& out : store_->storeBatch(items)) ASSERT_EQ(out.kind, IntakeOutcome::Kind::Stored);
    std::string first = items[0].request.reference;
    ASSERT_TRUE(store_->updateStatus(first, std::nullopt, {RequestStatus::InProgress, "We bellen u.", {}},
                                     "Aisha", "192.0.2.7", t0 + 3h));
    ASSERT_TRUE(store_->updateStatus(first, std::nullopt, {RequestStatus::Closed, {}, {}}, "Aisha",
                                     "192.0.2.7", t0 + 5h));
    auto rows = store_->dashboardRequests("SGN", t0, t0 + 24h);
    ASSERT_TRUE(rows) << rows.status().message();
    ASSERT_EQ(rows->size(), 2u);
    EXPECT_EQ((*rows)[0].receivedAt, t0);
    EXPECT_EQ((*rows)[0].firstResponseAt, t0 + 3h);
    EXPECT_EQ((*rows)[0].type, "callback");
    EXPECT_EQ((*rows)[0].team, "huurloket");
    EXPECT_FALSE((*rows)[1].firstResponseAt.has_value());
}

TEST_F(TeamStoreTest, QueueEventsOfDaysAreThoseOfTheContactPointWithinTheDays) {
    QueueStatBatch batch;
    batch.kioskCode = "K2";
    auto ev = [](std::int64_t seq, const char* day, std::int64_t minute) {
        QueueStatEvent e;
        e.seq = seq;
        e.kind = "issued";
        e.service = "huurloket";
        e.day = day;
        e.number = seq;
        e.ticket = "H-00" + std::to_string(seq);
        e.at = TimePoint(std::chrono::minutes(minute));
        return e;
    };
    batch.events = {ev(1, "2026-11-29", 1), ev(2, "2026-11-30", 2), ev(3, "2026-12-06", 3),
                    ev(4, "2026-12-07", 4)};
    ASSERT_TRUE(store_->storeQueueEvents(batch, "SGN", clock_.now()));
    QueueStatBatch other;
    other.kioskCode = "K9";
    other.events = {ev(1, "2026-11-30", 5)};
    ASSERT_TRUE(store_->storeQueueEvents(other, "OOS", clock_.now()));
    auto events = store_->queueEventsOfDays("SGN", "2026-11-30", "2026-12-06");
    ASSERT_TRUE(events) << events.status().message();
    ASSERT_EQ(events->size(), 2u);
    EXPECT_EQ((*events)[0].ticket, "H-002");
    EXPECT_EQ((*events)[1].ticket, "H-003");
    EXPECT_EQ((*events)[1].at, TimePoint(std::chrono::minutes(3)));
}

TEST_F(TeamStoreTest, TheAuditSearchFiltersNewestFirstAndPages) {
    TimePoint t0 = clock_.now();
    for (int i = 0; i < 5; ++i)
        ASSERT_TRUE(store_->appendAudit({t0 + std::chrono::minutes(i), i % 2 ? "Bram" : "Aisha",
                                         i < 3 ? "read-personal-data" : "set-status",
                                         "SGN-" + std::to_string(i), "", "192.0.2." + std::to_string(i)}));
    auto all = store_->searchAudit({});
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), 5u);
    EXPECT_EQ((*all)[0].reference, "SGN-4");  // newest first
    EXPECT_EQ((*all)[0].source, "192.0.2.4");
    auto page = store_->searchAudit({.limit = 2, .offset = 2});
    ASSERT_EQ(page->size(), 2u);
    EXPECT_EQ((*page)[0].reference, "SGN-2");
    EXPECT_EQ((*page)[1].reference, "SGN-1");
    EXPECT_EQ(store_->searchAudit({.actor = "Bram"})->size(), 2u);
    EXPECT_EQ(store_->searchAudit({.reference = "SGN-3"})->size(), 1u);
    EXPECT_EQ(store_->searchAudit({.action = "set-status"})->size(), 2u);
    auto window = store_->searchAudit({.from = t0 + 1min, .to = t0 + 3min});
    ASSERT_EQ(window->size(), 2u);
    EXPECT_EQ((*window)[0].reference, "SGN-2");
    EXPECT_EQ(store_->searchAudit({.actor = "Aisha", .action = "read-personal-data"})->size(), 2u);
}

}  // namespace
}  // namespace wp
