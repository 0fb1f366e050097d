// Check-in for an appointment (kiosk/core/appointment_checkin.h): the windows around the booked time, also on
// the day the clocks go back; and AppointmentCheckin on the real SQLite stores in
// a temp folder with a fake clock: a check-in issues an appointment ticket once, too early says when to come
// back, too late gives a walk-in ticket, and wrong codes count here too.
#include <gtest/gtest.h>

#include "common/random_source.h"
#include "kiosk/core/appointment_checkin.h"
#include "kiosk/store/sqlite_appointment_store.h"
#include "tests/unit/fake_clock.h"
#include "tests/unit/queue_fixtures.h"
#include "tests/unit/sqlite_queue_stores.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

using namespace std::chrono_literals;

TodayAppointment booking(std::string code, TimePoint start, std::string service = "gemeente") {
    TodayAppointment a;
    a.code = std::move(code);
    a.day = localDay(start);
    a.serviceId = std::move(service);
    a.start = start;
    a.end = start + 15min;
    a.name = "J. Jansen";
    return a;
}

TEST(CheckinRulesTest, OpensEarlyMinutesBeforeAndClosesLateMinutesAfterTheStart) {
    const CheckinRules rules;                                                      // 30 early, 15 late
    const TodayAppointment a = booking("K7QM2XD9", testing::utc(2026, 12, 7, 9));  // 10:00 CET
    EXPECT_EQ(checkinVerdict(a, a.start - 31min, rules), CheckinVerdict::TooEarly);
    EXPECT_EQ(checkinVerdict(a, a.start - 30min, rules), CheckinVerdict::CheckIn);
    EXPECT_EQ(checkinVerdict(a, a.start + 15min, rules), CheckinVerdict::CheckIn);
    EXPECT_EQ(checkinVerdict(a, a.start + 15min + 1s, rules), CheckinVerdict::TooLate);
    EXPECT_EQ(checkinOpensAt(a, rules), a.start - 30min);
    EXPECT_EQ(formatLocalHourMinute(checkinOpensAt(a, rules)), "09:30");
    EXPECT_EQ(checkinVerdict(a, a.start + 1440min, rules), CheckinVerdict::OtherDay);
}

TEST(CheckinRulesTest, TheWindowIsRealMinutesOnTheDayTheClocksGoBack) {
    // 25 October 2026: 03:00 CEST becomes 02:00 CET. A booking at 02:30 CET (01:30 UTC) opens 30 real minutes
    // before, at 02:00 CET (which the wall clock also showed an hour earlier, in CEST).
    const CheckinRules rules;
    const TodayAppointment a = booking("K7QM2XD9", testing::utc(2026, 10, 25, 1, 30));
    EXPECT_EQ(a.day, "2026-10-25");
    EXPECT_EQ(checkinVerdict(a, testing::utc(2026, 10, 25, 0, 30), rules), CheckinVerdict::TooEarly);
    EXPECT_EQ(checkinVerdict(a, testing::utc(2026, 10, 25, 1, 0), rules), CheckinVerdict::CheckIn);
    EXPECT_EQ(formatLocalHourMinute(checkinOpensAt(a, rules)), "02:00");
    EXPECT_TRUE(noShowDue(a, testing::utc(2026, 10, 25, 1, 46), rules));
    EXPECT_FALSE(noShowDue(a, testing::utc(2026, 10, 25, 1, 45), rules));
}

TEST(CheckinRulesTest, AnUndoneNoShowIsNotMarkedAgain) {
    TodayAppointment a = booking("K7QM2XD9", testing::utc(2026, 12, 7, 9));
    a.autoNoShow = false;
    EXPECT_FALSE(noShowDue(a, a.start + 1h, CheckinRules{}));
}

class AppointmentCheckinTest : public ::testing::Test {
  protected:
    AppointmentCheckinTest() : clock_(testing::utc(2026, 12, 7, 8, 50)) {  // 09:50 CET
        auto stores = testing::SqliteQueueStores::open(dir_.path() / "kiosk.db", services_);
        EXPECT_TRUE(stores.isOk()) << stores.status().message();
        if (stores.isOk()) stores_ = std::move(stores).value();
        auto appointments = SqliteAppointmentStore::open(dir_.path() / "kiosk.db");
        EXPECT_TRUE(appointments.isOk());
        if (appointments.isOk()) store_ = std::move(appointments).value();
        queue_ = std::make_unique<ServiceQueue>(services_, *stores_.tickets, *stores_.host, clock_);
        CheckinRules rules;
        rules.wrongCodeLimit = 3;
        checkin_ = std::make_unique<AppointmentCheckin>(
            CheckinParts{*store_, *stores_.tickets, *queue_, clock_, random_, "SGN"}, rules, nullptr,
            nullptr);
        EXPECT_TRUE(store_->replaceDay("2026-12-07",
                                       {booking("K7QM2XD9", testing::utc(2026, 12, 7, 9)),
                                        booking("P3RS4TV5", testing::utc(2026, 12, 7, 10))},
                                       clock_.now()));
    }

    std::vector<Service> services_ = {testing::service("gemeente", "G"), testing::service("huurloket", "H")};
    testing::FakeClock clock_;
    testing::TempDir dir_;
    testing::SqliteQueueStores stores_;
    std::unique_ptr<SqliteAppointmentStore> store_;
    std::unique_ptr<ServiceQueue> queue_;
    SystemRandom random_;
    std::unique_ptr<AppointmentCheckin> checkin_;
};

TEST_F(AppointmentCheckinTest, ACheckInRecordsTheArrivalAndIssuesAnAppointmentTicketOnce) {
    checkin_->submit("K7QM2XD9");
    ASSERT_EQ(checkin_->state(), AppointmentCheckin::State::CheckedIn);
    ASSERT_TRUE(checkin_->ticket());
    const Ticket first = checkin_->ticket()->ticket;
    EXPECT_EQ(first.display, "G-001");
    EXPECT_EQ(first.origin, TicketOrigin::Appointment);
    EXPECT_EQ(first.bookedStart, testing::utc(2026, 12, 7, 9));
    auto kept = store_->appointment("K7QM2XD9");
    ASSERT_TRUE(kept.isOk() && kept->has_value());
    EXPECT_EQ((*kept)->state, AppointmentState::Arrived);
    EXPECT_EQ((*kept)->ticketId, first.id);
    auto events = store_->unsentEvents(10);
    ASSERT_TRUE(events.isOk());
    ASSERT_EQ(events->size(), 1u);
    EXPECT_EQ((*events)[0].kind, AppointmentEventKind::Arrived);
    EXPECT_EQ((*events)[0].code, "K7QM2XD9");

    // Checking in again shows the same ticket; nothing new is issued or sent.
    checkin_->wipe();
    checkin_->submit("K7QM2XD9");
    ASSERT_EQ(checkin_->state(), AppointmentCheckin::State::CheckedIn);
    EXPECT_EQ(checkin_->ticket()->ticket.id, first.id);
    EXPECT_EQ(store_->unsentEvents(10)->size(), 1u);
}

TEST_F(AppointmentCheckinTest, TooEarlySaysWhenCheckInOpens) {
    checkin_->submit("P3RS4TV5");  // 11:00; now 09:50
    ASSERT_EQ(checkin_->state(), AppointmentCheckin::State::TooEarly);
    EXPECT_EQ(formatLocalHourMinute(checkin_->opensAt()), "10:30");
    EXPECT_TRUE(stores_.tickets->allTicketsOfDay("2026-12-07")->empty());
}

TEST_F(AppointmentCheckinTest, TooLateGivesAWalkInTicket) {
    clock_.advance(26min);  // 10:16, the booking was at 10:00
    checkin_->submit("K7QM2XD9");
    ASSERT_EQ(checkin_->state(), AppointmentCheckin::State::TooLate);
    ASSERT_TRUE(checkin_->ticket());
    EXPECT_EQ(checkin_->ticket()->ticket.origin, TicketOrigin::WalkIn);
    EXPECT_FALSE(checkin_->ticket()->ticket.bookedStart);
    EXPECT_EQ((*store_->appointment("K7QM2XD9"))->state, AppointmentState::Booked);
}

TEST_F(AppointmentCheckinTest, WrongCodesCountHereAndStopGuessing) {
    for (int i = 0; i < 3; ++i) {
        checkin_->submit("AAAAAAAA");
        EXPECT_EQ(checkin_->state(), AppointmentCheckin::State::NotFound);
    }
    checkin_->submit("K7QM2XD9");  // even a right code waits
    EXPECT_EQ(checkin_->state(), AppointmentCheckin::State::TooMany);
    clock_.advance(10min + 1s);  // the wrong codes are more than 10 minutes old
    checkin_->submit("K7QM2XD9");
    EXPECT_EQ(checkin_->state(), AppointmentCheckin::State::CheckedIn);
}

TEST_F(AppointmentCheckinTest, WipeForgetsTheCodeAndTheOutcome) {
    checkin_->submit("K7QM2XD9");
    EXPECT_FALSE(checkin_->holdsNothing());
    checkin_->wipe();
    EXPECT_TRUE(checkin_->holdsNothing());
    EXPECT_EQ(checkin_->state(), AppointmentCheckin::State::Idle);
}

}  // namespace
}  // namespace wp
