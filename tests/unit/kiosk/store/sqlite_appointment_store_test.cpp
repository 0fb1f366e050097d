// SqliteAppointmentStore (kiosk/store/sqlite_appointment_store.h): the day's list from the central server
// does not undo what happened here, arrivals and no-shows leave their events in the same transaction, and a
// day over is wiped with its names.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "common/wire.h"
#include "kiosk/core/queue.h"
#include "kiosk/store/sqlite_appointment_store.h"
#include "tests/unit/queue_fixtures.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

using namespace std::chrono_literals;

TodayAppointment booking(std::string code, TimePoint start, std::string name = "J. Jansen") {
    TodayAppointment a;
    a.code = std::move(code);
    a.day = localDay(start);
    a.serviceId = "gemeente";
    a.start = start;
    a.end = start + 15min;
    a.name = std::move(name);
    return a;
}

class SqliteAppointmentStoreTest : public ::testing::Test {
  protected:
    SqliteAppointmentStoreTest() {
        auto store = SqliteAppointmentStore::open(dir_.path() / "kiosk.db");
        EXPECT_TRUE(store.isOk()) << store.status().message();
        if (store.isOk()) store_ = std::move(store).value();
    }
    testing::TempDir dir_;
    std::unique_ptr<SqliteAppointmentStore> store_;
    const TimePoint nine_ = testing::utc(2026, 12, 7, 8);  // 09:00 CET
};

TEST_F(SqliteAppointmentStoreTest, TheListReplacesTheDayButKeepsWhatHappenedHere) {
    ASSERT_TRUE(store_->replaceDay("2026-12-07",
                                   {booking("K7QM2XD9", nine_), booking("P3RS4TV5", nine_ + 1h)}, nine_));
    ASSERT_TRUE(store_->recordArrival("K7QM2XD9", nine_, "u-1"));
    // The next list: K7QM2XD9 is still "booked" at the server (the event is not there yet), P3RS4TV5 was
    // cancelled, W8XY9ZA2 is new.
    ASSERT_TRUE(store_->replaceDay(
        "2026-12-07", {booking("K7QM2XD9", nine_), booking("W8XY9ZA2", nine_ + 2h)}, nine_ + 5min));
    auto day = store_->appointmentsOfDay("2026-12-07");
    ASSERT_TRUE(day.isOk());
    ASSERT_EQ(day->size(), 2u);
    EXPECT_EQ((*day)[0].code, "K7QM2XD9");
    EXPECT_EQ((*day)[0].state, AppointmentState::Arrived);
    EXPECT_EQ((*day)[0].arrivedAt, nine_);
    EXPECT_EQ((*day)[1].code, "W8XY9ZA2");
    EXPECT_EQ((*day)[1].state, AppointmentState::Booked);
    EXPECT_EQ((*day)[1].name, "J. Jansen");
}

TEST_F(SqliteAppointmentStoreTest, NoShowsAndArrivalsLeaveOneEventEachUntilSent) {
    ASSERT_TRUE(
        store_->replaceDay("2026-12-07", {booking("K7QM2XD9", nine_), booking("P3RS4TV5", nine_)}, nine_));
    ASSERT_TRUE(store_->recordNoShow("K7QM2XD9", nine_ + 16min, "u-1"));
    ASSERT_TRUE(store_->recordNoShow("K7QM2XD9", nine_ + 17min, "u-2"));  // already a no-show: nothing
    ASSERT_TRUE(store_->recordArrival("P3RS4TV5", nine_ + 1min, "u-3"));
    auto events = store_->unsentEvents(10);
    ASSERT_TRUE(events.isOk());
    ASSERT_EQ(events->size(), 2u);
    EXPECT_EQ((*events)[0],
              (AppointmentEvent{"u-3", "P3RS4TV5", AppointmentEventKind::Arrived, nine_ + 1min}));
    EXPECT_EQ((*events)[1],
              (AppointmentEvent{"u-1", "K7QM2XD9", AppointmentEventKind::NoShow, nine_ + 16min}));
    ASSERT_TRUE(store_->markSent({"u-1", "u-3"}, nine_ + 20min));
    EXPECT_TRUE(store_->unsentEvents(10)->empty());

    // The host takes the no-show back; it is not marked again by itself.
    ASSERT_TRUE(store_->undoNoShow("K7QM2XD9"));
    auto back = store_->appointment("K7QM2XD9");
    ASSERT_TRUE(back.isOk() && back->has_value());
    EXPECT_EQ((*back)->state, AppointmentState::Booked);
    EXPECT_FALSE((*back)->autoNoShow);
    EXPECT_EQ(store_->recordArrival("NOPE2345", nine_, "u-4").code(), Status::Code::NotFound);
}

TEST_F(SqliteAppointmentStoreTest, ADayOverIsWipedWithItsNames) {
    ASSERT_TRUE(store_->replaceDay("2026-12-07", {booking("K7QM2XD9", nine_, "Fatma Yilmaz")}, nine_));
    ASSERT_TRUE(store_->replaceDay("2026-12-08", {booking("P3RS4TV5", nine_ + 24h)}, nine_));
    ASSERT_TRUE(store_->recordArrival("K7QM2XD9", nine_, "u-1"));
    ASSERT_TRUE(store_->recordWrongCode(nine_));
    ASSERT_TRUE(store_->wipeBefore("2026-12-08"));
    EXPECT_TRUE(store_->appointmentsOfDay("2026-12-07")->empty());
    EXPECT_FALSE(store_->appointment("K7QM2XD9")->has_value());
    EXPECT_EQ(store_->appointmentsOfDay("2026-12-08")->size(), 1u);
    EXPECT_EQ(store_->unsentEvents(10)->size(), 1u);  // an unsent event waits until it is sent
    EXPECT_EQ(store_->wrongCodesSince(nine_ - 1h).value(), 0);
    // secure_delete: the name is gone from the file, not only from the table.
    auto& db = store_->database();
    ASSERT_TRUE(db.exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    std::ifstream file(dir_.path() / "kiosk.db", std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    EXPECT_EQ(bytes.find("Fatma Yilmaz"), std::string::npos);
}

}  // namespace
}  // namespace wp
