// The opt-in text messages' store: a forgotten number is gone from the database file and its write-ahead
// log as they are on disk, while the store is still open.
#include "kiosk/store/sqlite_sms_store.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "tests/unit/fake_clock.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

TEST(SqliteSmsStoreTest, AForgottenNumberLeavesNothingInTheFileOrItsLog) {
    testing::TempDir dir;
    testing::FakeClock clock;
    const auto file = dir.path() / "kiosk.db";
    auto store = SqliteSmsStore::open(file);
    ASSERT_TRUE(store) << store.status().message();
    ASSERT_TRUE((*store)->subscribe({7, "+31697531357", "nl"}, clock.now()));
    ASSERT_TRUE((*store)->addMessage(7, SmsKind::Near, "H-014: bijna aan de beurt", clock.now()).value());
    ASSERT_NE(testing::databaseOnDisk(file).find("+31697531357"), std::string::npos);

    ASSERT_TRUE((*store)->forget(7));
    EXPECT_TRUE((*store)->subscriptions().value().empty());
    EXPECT_EQ(testing::databaseOnDisk(file).find("+31697531357"), std::string::npos);
}

}  // namespace
}  // namespace wp
