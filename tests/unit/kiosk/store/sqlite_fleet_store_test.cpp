// SqliteFleetStore: the out-of-service state and the commands' results, shared through the kiosk database.
#include "kiosk/store/sqlite_fleet_store.h"

#include <gtest/gtest.h>

#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

class SqliteFleetStoreTest : public ::testing::Test {
  protected:
    std::unique_ptr<SqliteFleetStore> open() {
        auto store = SqliteFleetStore::open(dir_.path() / "kiosk.db");
        EXPECT_TRUE(store.isOk()) << store.status().message();
        return store.isOk() ? std::move(store).value() : nullptr;
    }
    testing::TempDir dir_;
};

TEST_F(SqliteFleetStoreTest, OutOfServiceIsSeenByAnotherConnectionAndSurvivesAReopen) {
    auto walkin = open();
    auto host = open();
    EXPECT_EQ(host->outOfService().value(), std::nullopt);
    ASSERT_TRUE(walkin->setOutOfService("Storing, kom morgen terug"));
    EXPECT_EQ(host->outOfService().value(), "Storing, kom morgen terug");
    ASSERT_TRUE(walkin->setOutOfService("Andere storing"));
    walkin.reset();
    EXPECT_EQ(open()->outOfService().value(), "Andere storing");
    ASSERT_TRUE(host->setOutOfService(std::nullopt));
    EXPECT_EQ(open()->outOfService().value(), std::nullopt);
}

TEST_F(SqliteFleetStoreTest, ResultsWaitUntilReportedAndACommandIsKnownAfterwards) {
    auto store = open();
    EXPECT_FALSE(store->commandDone(17).value());
    ASSERT_TRUE(store->saveResult({17, true, ""}, false));
    ASSERT_TRUE(store->saveResult({18, false, "no window"}, false));
    ASSERT_TRUE(store->saveResult({19, true, ""}, true));  // an answered upload
    EXPECT_EQ(store->unreportedResults().value(),
              (std::vector<FleetCommandResult>{{17, true, ""}, {18, false, "no window"}}));
    ASSERT_TRUE(store->markReported({17, 18}));
    EXPECT_TRUE(store->unreportedResults()->empty());
    auto reopened = open();
    EXPECT_TRUE(reopened->commandDone(17).value());
    EXPECT_TRUE(reopened->commandDone(19).value());
    EXPECT_FALSE(reopened->commandDone(20).value());
    // Saving again never makes a reported result unreported.
    ASSERT_TRUE(reopened->saveResult({19, true, ""}, false));
    EXPECT_TRUE(reopened->unreportedResults()->empty());
}

}  // namespace
}  // namespace wp
