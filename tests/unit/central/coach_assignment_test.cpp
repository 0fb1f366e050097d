// Initiative coaches: the pick rule (central/store/coach_assignment.h), the [initiative] config,
// the assignment the store makes with each initiative (shown in the status view and the back office), and
// the routing of the question tree's categories in the shipped configs.
#include <gtest/gtest.h>

#include "central/central_config.h"
#include "central/request_router.h"
#include "central/store/sqlite_central_store.h"
#include "tests/support/shipped_request_specs.h"
#include "tests/unit/central/central_test_requests.h"
#include "tests/unit/fake_clock.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

using testing::makeTestRequest;

const std::vector<InitiativeCoach> kCoaches = {
    {"Fatima", "fatima@example.org"}, {"Joost", ""}, {"Anouk", ""}};

TEST(PickCoachTest, LeastOpenThenFewestInAllThenConfigOrder) {
    EXPECT_FALSE(pickCoach({}, {}));
    EXPECT_EQ(pickCoach(kCoaches, {}), 0u);                    // all equal: the first
    EXPECT_EQ(pickCoach(kCoaches, {{"Fatima", {1, 1}}}), 1u);  // Joost has none
    EXPECT_EQ(pickCoach(kCoaches, {{"Fatima", {1, 1}}, {"Joost", {1, 1}}}), 2u);
    EXPECT_EQ(pickCoach(kCoaches, {{"Fatima", {0, 5}}, {"Joost", {0, 2}}, {"Anouk", {0, 2}}}), 1u);
    EXPECT_EQ(pickCoach(kCoaches, {{"Fatima", {2, 2}}, {"Joost", {3, 3}}, {"Anouk", {1, 9}}}), 2u);
    // A coach in the loads but no longer in the config is ignored.
    EXPECT_EQ(pickCoach(kCoaches, {{"Piet", {0, 0}}, {"Fatima", {1, 1}}, {"Joost", {1, 1}}}), 2u);
}

constexpr const char* kMinimal = R"toml([server]
database = "central.db"
[tls]
certificate = "a"
key = "b"
client_ca = "c"
)toml";

TEST(InitiativeConfigTest, ReadsCoachesAsNamesOrTables) {
    testing::TempDir dir;
    auto c = loadCentralConfig(dir.write("central.toml", std::string(kMinimal) + R"toml(
[initiative]
coaches = ["Fatima", {name = "Joost", email = "joost@example.org"}]
contact_within_working_days = 3
)toml"));
    ASSERT_TRUE(c) << c.status().message();
    ASSERT_EQ(c->initiative.coaches.size(), 2u);
    EXPECT_EQ(c->initiative.coaches[0], (InitiativeCoach{"Fatima", ""}));
    EXPECT_EQ(c->initiative.coaches[1], (InitiativeCoach{"Joost", "joost@example.org"}));
    EXPECT_EQ(c->initiative.contactWithinWorkingDays, 3);
}

TEST(InitiativeConfigTest, DefaultsWithoutTheSection) {
    testing::TempDir dir;
    auto c = loadCentralConfig(dir.write("central.toml", kMinimal));
    ASSERT_TRUE(c) << c.status().message();
    EXPECT_TRUE(c->initiative.coaches.empty());
    EXPECT_EQ(c->initiative.contactWithinWorkingDays, 5);
}

TEST(InitiativeConfigTest, ErrorsNameFileLineAndColumn) {
    testing::TempDir dir;
    auto c = loadCentralConfig(dir.write("central.toml", std::string(kMinimal) + R"toml(
[initiative]
coaches = ["Fatima", 7, {name = "Joost", email = "joost at home"}, "Fatima", ""]
contact_within_working_days = 0
)toml"));
    ASSERT_FALSE(c);
    const std::string m = c.status().message();
    EXPECT_NE(m.find("central.toml:9:22: each coach must be a first name"), std::string::npos) << m;
    EXPECT_NE(m.find("'joost at home' is no e-mail address"), std::string::npos) << m;
    EXPECT_NE(m.find("coach 'Fatima' is listed twice"), std::string::npos) << m;
    EXPECT_NE(m.find("a coach's name must be a first name"), std::string::npos) << m;
    EXPECT_NE(m.find("central.toml:10:31: 'contact_within_working_days' must be working days"),
              std::string::npos)
        << m;
}

class CoachStoreTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto s = SqliteCentralStore::open(dir_.path() / "central.db", wp::testing::shippedRequestSpecs());
        ASSERT_TRUE(s) << s.status().message();
        store_ = std::move(s).value();
    }
    // Stores a new initiative with the coaches to choose from; returns its reference.
    std::string storeInitiative(const std::vector<InitiativeCoach>& coaches = kCoaches) {
        Request r = makeTestRequest(random_, "initiative");
        IntakeItem item{r, "SGN", "initiatief", false, {}, clock_.now(), coaches};
        auto out = store_->storeBatch({item});
        EXPECT_EQ(out[0].kind, IntakeOutcome::Kind::Stored) << out[0].message;
        return r.reference;
    }
    std::string coachOf(const std::string& reference) {
        auto v = store_->statusOf(reference);
        EXPECT_TRUE(v && v->has_value());
        return v && v->has_value() ? (*v)->coach : "?";
    }
    testing::TempDir dir_;
    testing::FakeClock clock_;
    SeededRandom random_{23};
    std::unique_ptr<SqliteCentralStore> store_;
};

TEST_F(CoachStoreTest, InitiativesAreSpreadOverTheCoaches) {
    std::vector<std::string> got;
    for (int i = 0; i < 6; ++i) got.push_back(coachOf(storeInitiative()));
    EXPECT_EQ(got, (std::vector<std::string>{"Fatima", "Joost", "Anouk", "Fatima", "Joost", "Anouk"}));
}

TEST_F(CoachStoreTest, ACoachWhoseInitiativeClosedGetsTheNextOne) {
    std::string a = storeInitiative(), b = storeInitiative(), c = storeInitiative();
    ASSERT_EQ(coachOf(b), "Joost");
    ASSERT_TRUE(store_->updateStatus(b, std::nullopt, {RequestStatus::Closed, {}, {}}, "Ada", "192.0.2.10",
                                     clock_.now()));
    EXPECT_EQ(coachOf(storeInitiative()), "Joost");   // fewest open
    EXPECT_EQ(coachOf(storeInitiative()), "Fatima");  // all one open again: Fatima has fewest in all (1 vs 2)
    (void)a;
    (void)c;
}

TEST_F(CoachStoreTest, SameBatchSeesItsOwnAssignments) {
    std::vector<IntakeItem> items;
    std::vector<std::string> refs;
    for (int i = 0; i < 3; ++i) {
        Request r = makeTestRequest(random_, "initiative");
        refs.push_back(r.reference);
        items.push_back({r, "SGN", "initiatief", false, {}, clock_.now(), kCoaches});
    }
    for (const auto& o : store_->storeBatch(items)) ASSERT_EQ(o.kind, IntakeOutcome::Kind::Stored);
    EXPECT_EQ(coachOf(refs[0]), "Fatima");
    EXPECT_EQ(coachOf(refs[1]), "Joost");
    EXPECT_EQ(coachOf(refs[2]), "Anouk");
}

TEST_F(CoachStoreTest, RepeatKeepsTheFirstCoachAndOtherRequestsGetNone) {
    Request r = makeTestRequest(random_, "initiative");
    IntakeItem item{r, "SGN", "initiatief", false, {}, clock_.now(), kCoaches};
    ASSERT_EQ(store_->storeBatch({item})[0].kind, IntakeOutcome::Kind::Stored);
    ASSERT_EQ(store_->storeBatch({item})[0].kind, IntakeOutcome::Kind::Repeat);
    EXPECT_EQ(coachOf(r.reference), "Fatima");
    EXPECT_EQ(coachOf(storeInitiative()), "Joost") << "the repeat assigned nobody";

    Request callback = makeTestRequest(random_, "callback");
    ASSERT_EQ(store_->storeBatch({{callback, "SGN", "huurloket", false, {}, clock_.now()}})[0].kind,
              IntakeOutcome::Kind::Stored);
    EXPECT_EQ(coachOf(callback.reference), "");
    EXPECT_EQ(coachOf(storeInitiative({})), "") << "no coaches configured: no coach";
}

TEST_F(CoachStoreTest, BackOfficeSeesTheCoachAndACoachWithEmailIsNotified) {
    std::string ref = storeInitiative();  // Fatima, who has an e-mail address
    auto list = store_->listRequests({});
    ASSERT_TRUE(list);
    ASSERT_EQ(list->size(), 1u);
    EXPECT_EQ((*list)[0].coach, "Fatima");
    auto detail = store_->requestDetail(ref, std::nullopt, "Ada", "192.0.2.10", clock_.now());
    ASSERT_TRUE(detail && detail->has_value());
    EXPECT_EQ((*detail)->summary.coach, "Fatima");
    auto due = store_->dueNotifications(clock_.now(), 10);
    ASSERT_TRUE(due);
    ASSERT_EQ(due->size(), 1u);
    EXPECT_EQ((*due)[0].channel, "email");
    EXPECT_EQ((*due)[0].target, "fatima@example.org");
    EXPECT_EQ((*due)[0].reference, ref);

    storeInitiative();  // Joost has no address: no notification
    EXPECT_EQ(store_->dueNotifications(clock_.now(), 10)->size(), 1u);
}

// The routing tables that ship: each category of the question tree reaches its team, unflagged.
class ShippedRoutingTest : public ::testing::TestWithParam<const char*> {};

TEST_P(ShippedRoutingTest, QuestionTreeCategoriesReachTheirTeams) {
    auto c = loadCentralConfig(std::filesystem::path(WIJKPUNT_SOURCE_DIR) / GetParam());
    ASSERT_TRUE(c) << c.status().message();
    RequestRouter router(c->routing.rules, c->routing.defaultTeam);
    const std::pair<const char*, const char*> expected[] = {{"huur", "huurloket"},    {"zorg", "wijkteam"},
                                                            {"geld", "wijkteam"},     {"buren", "wijkteam"},
                                                            {"gemeente", "gemeente"}, {"anders", "gemeente"}};
    for (std::string type : {"question", "callback"}) {
        for (const auto& [category, team] : expected) {
            RouteDecision d = router.route(type, category);
            EXPECT_EQ(d.team, team) << type << " " << category;
            EXPECT_FALSE(d.flagged) << type << " " << category;
        }
    }
    EXPECT_EQ(router.route("home-visit", "").team, "wijkteam");
    EXPECT_EQ(router.route("initiative", "").team, "initiatief");
    EXPECT_FALSE(c->initiative.coaches.empty()) << "initiatives get a coach";
    EXPECT_EQ(c->initiative.contactWithinWorkingDays, 5);
}

INSTANTIATE_TEST_SUITE_P(Configs, ShippedRoutingTest,
                         ::testing::Values("central/central.example.toml", "provisioning/demo/central.toml"),
                         [](const auto& info) { return info.index == 0 ? "Example" : "Demo"; });

}  // namespace
}  // namespace wp
