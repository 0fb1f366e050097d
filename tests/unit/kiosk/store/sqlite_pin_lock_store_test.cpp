// SqlitePinLockStore: a console's wrong-PIN record, none for a console never seen, kept across a reopen.
#include "kiosk/store/sqlite_pin_lock_store.h"

#include <date/date.h>
#include <gtest/gtest.h>

#include "tests/unit/queue_fixtures.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

using namespace std::chrono_literals;
using testing::TempDir;
using testing::utc;

const TimePoint kMorning = utc(2026, 6, 10, 8);  // Wednesday 10:00 CEST

class SqlitePinLockStoreTest : public ::testing::Test {
  protected:
    std::unique_ptr<SqlitePinLockStore> open() {
        auto store = SqlitePinLockStore::open(dir_.path() / "kiosk.db");
        EXPECT_TRUE(store.isOk()) << store.status().message();
        return store.isOk() ? std::move(store).value() : nullptr;
    }

    TempDir dir_;
};

TEST_F(SqlitePinLockStoreTest, PinLockSurvivesAReopen) {
    {
        auto store = open();
        EXPECT_EQ(store->pinLock("Balie 1").value(), PinLock{});
        ASSERT_TRUE(store->savePinLock("Balie 1", {5, kMorning + 5min}).isOk());
        ASSERT_TRUE(store->savePinLock("Balie 2", {2, std::nullopt}).isOk());
    }
    auto store = open();
    EXPECT_EQ(store->pinLock("Balie 1").value(), (PinLock{5, kMorning + 5min}));
    EXPECT_EQ(store->pinLock("Balie 2").value(), (PinLock{2, std::nullopt}));
    ASSERT_TRUE(store->savePinLock("Balie 1", {}).isOk());
    EXPECT_EQ(store->pinLock("Balie 1").value(), PinLock{});
}

}  // namespace
}  // namespace wp
