#include "kiosk/store/sqlite_reference_store.h"

#include <gtest/gtest.h>

#include "common/wire.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

TEST(SqliteReferenceStoreTest, ACodeIsIssuedOnceAlsoAfterReopening) {
    testing::TempDir dir;
    const auto file = dir.path() / "kiosk.sqlite";
    const TimePoint t = fromUnixMillis(1'790'000'000'000);
    {
        auto store = SqliteReferenceStore::open(file);
        ASSERT_TRUE(store) << store.status().message();
        auto first = (*store)->claim("SGN-K2-7KQ4XD-3", t);
        ASSERT_TRUE(first) << first.status().message();
        EXPECT_TRUE(*first);
        auto again = (*store)->claim("SGN-K2-7KQ4XD-3", t);
        ASSERT_TRUE(again);
        EXPECT_FALSE(*again);
        EXPECT_TRUE(*(*store)->claim("SGN-K2-8KQ4XD-3", t));
    }
    auto store = SqliteReferenceStore::open(file);
    ASSERT_TRUE(store);
    EXPECT_TRUE(*(*store)->issued("SGN-K2-7KQ4XD-3"));
    EXPECT_FALSE(*(*store)->issued("SGN-K2-9KQ4XD-3"));
    EXPECT_FALSE(*(*store)->claim("SGN-K2-8KQ4XD-3", t));
}

}  // namespace
}  // namespace wp
