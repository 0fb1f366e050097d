// Teams and routing live in the store (central/live_routing.h): the config seeds them at the first start
// only, so after that a change in the store decides where the next request goes, whatever the config says.
#include <gtest/gtest.h>

#include "central/store/sqlite_central_store.h"
#include "tests/integration/central_harness.h"
#include "tests/support/shipped_request_specs.h"
#include "tests/unit/central/central_test_requests.h"

namespace wp::testing {
namespace {

class BackOfficeRoutingTest : public ::testing::Test {
  protected:
    std::unique_ptr<SqliteCentralStore> openStore() {
        auto store = SqliteCentralStore::open(server_.database(), wp::testing::shippedRequestSpecs());
        EXPECT_TRUE(store) << store.status().message();
        return store ? std::move(store).value() : nullptr;
    }
    // The team the server gave the request with this reference.
    std::string teamOf(const std::string& reference) {
        auto store = openStore();
        auto list = store->listRequests({});
        for (const RequestSummary& s : list.value())
            if (s.reference == reference) return s.team;
        return "(not stored)";
    }
    std::string send(const Request& r) {
        ApiClient kiosk(server_.url(), {});
        HttpResult res = kiosk.post("/v1/requests", encodeRequest(r, wp::testing::shippedRequestSpecs()));
        EXPECT_EQ(res.status, 201) << res.body;
        return teamOf(r.reference);
    }
    TempDir dir_;
    CentralServerProcess server_{dir_.path() / "central", CentralOptions{}};
    SeededRandom random_{31};
};

TEST_F(BackOfficeRoutingTest, TheConfigSeedsTheStoreOnceAndTheStoreDecidesAfterThat) {
    ASSERT_TRUE(server_.start());
    EXPECT_EQ(send(makeTestRequest(random_, "callback", "huur")), "huurloket");  // the config's rule
    {
        auto store = openStore();
        RoutingTable seeded = store->routingTable().value();
        EXPECT_EQ(seeded.defaultTeam, "gemeente");
        ASSERT_FALSE(seeded.rules.empty());
        EXPECT_EQ(seeded.rules[0], (RoutingRule{"*", "huur", "huurloket"}));
        EXPECT_EQ(seeded.teams.size(), 5u);  // every team, with or without notification targets
    }
    server_.stop();

    // An admin's change while the server is down; the config still says huur -> huurloket.
    {
        auto store = openStore();
        ASSERT_TRUE(store
                        ->replaceRouting("gemeente", {{"*", "huur", "wijkteam"}},
                                         {TimePoint{}, "Admin Ada", "change-routing", "", "test"})
                        .isOk());
    }
    ASSERT_TRUE(server_.start());
    EXPECT_EQ(send(makeTestRequest(random_, "callback", "huur")), "wijkteam");
    EXPECT_EQ(openStore()->routingTable()->rules.size(), 1u);  // not seeded again
}

}  // namespace
}  // namespace wp::testing
