// The queue with appointment tickets (kiosk/core/queue.h callsBefore): a checked-in appointment is called
// ahead of every walk-in of its service once its booked time has come, in order of booked time, and not
// before unless the host chooses it. Real SQLite queue stores in a temp folder and a fake clock.
#include <gtest/gtest.h>

#include "kiosk/core/host_desk.h"
#include "tests/unit/fake_clock.h"
#include "tests/unit/queue_fixtures.h"
#include "tests/unit/sqlite_queue_stores.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

using namespace std::chrono_literals;

const std::vector<Service> kServices = {testing::service("gemeente", "G"),
                                        testing::service("huurloket", "H")};

class HostDeskAppointmentTest : public ::testing::Test {
  protected:
    HostDeskAppointmentTest() : clock_(testing::utc(2026, 12, 7, 8)) {  // 09:00 CET
        auto stores = testing::SqliteQueueStores::open(dir_.path() / "kiosk.db", kServices);
        EXPECT_TRUE(stores.isOk()) << stores.status().message();
        if (stores.isOk()) stores_ = std::move(stores).value();
        hosts_ = {
            {"fatima", "Fatima", {"gemeente", "huurloket"}, hashPin("12345", 100, randomPinSalt()).value()}};
        desk_ = std::make_unique<HostDesk>(kServices, hosts_, stores_.desk(), clock_,
                                           HostDeskOptions{"Balie 1", 0min});
        auto in = desk_->signIn("fatima", "12345");
        EXPECT_TRUE(in.isOk() && in->outcome == HostDesk::SignIn::Outcome::SignedIn);
    }
    Ticket walkIn(const std::string& service) {
        clock_.advance(1min);
        auto t = stores_.tickets->issueTicket(service, clock_.now());
        EXPECT_TRUE(t.isOk());
        return t.isOk() ? t.value() : Ticket{};
    }
    Ticket appointment(const std::string& service, TimePoint booked) {
        clock_.advance(1min);
        auto t = stores_.tickets->issueAppointmentTicket(service, booked, clock_.now());
        EXPECT_TRUE(t.isOk()) << t.status().message();
        return t.isOk() ? t.value() : Ticket{};
    }
    std::string next(const std::string& service = {}) {
        auto r = service.empty() ? desk_->callNext() : desk_->callNext(service);
        EXPECT_TRUE(r.isOk()) << r.status().message();
        return r.isOk() && r->has_value() ? (*r)->display : "";
    }

    testing::FakeClock clock_;
    testing::TempDir dir_;
    testing::SqliteQueueStores stores_;
    std::vector<HostAccount> hosts_;
    std::unique_ptr<HostDesk> desk_;
};

TEST_F(HostDeskAppointmentTest, ADueAppointmentIsCalledBeforeEarlierWalkIns) {
    walkIn("gemeente");                                         // G-001, 09:01
    walkIn("gemeente");                                         // G-002, 09:02
    appointment("gemeente", testing::utc(2026, 12, 7, 8, 15));  // G-003 for 09:15
    clock_.advance(15min);                                      // 09:18
    EXPECT_EQ(next("gemeente"), "G-003");
    EXPECT_EQ(next("gemeente"), "G-001");
    EXPECT_EQ(next("gemeente"), "G-002");
}

TEST_F(HostDeskAppointmentTest, BeforeItsTimeAnAppointmentIsNotCalledByNext) {
    walkIn("gemeente");                                                      // G-001
    const Ticket a = appointment("gemeente", testing::utc(2026, 12, 7, 9));  // G-002 for 10:00
    EXPECT_EQ(next("gemeente"), "G-001");
    EXPECT_EQ(next("gemeente"), "");  // only the appointment waits, and its time has not come
    auto line = desk_->line("gemeente");
    ASSERT_TRUE(line.isOk());
    ASSERT_EQ(line->waiting.size(), 1u);
    EXPECT_EQ(line->waiting[0].ticket.bookedStart, testing::utc(2026, 12, 7, 9));
    // The host may call it all the same.
    auto called = desk_->call(a);
    ASSERT_TRUE(called.isOk()) << called.status().message();
    EXPECT_EQ(called->display, "G-002");
}

TEST_F(HostDeskAppointmentTest, DueAppointmentsGoInOrderOfBookedTimeAcrossServices) {
    walkIn("huurloket");                                         // H-001, 09:01
    appointment("huurloket", testing::utc(2026, 12, 7, 8, 30));  // H-002 for 09:30, checked in 09:02
    appointment("gemeente", testing::utc(2026, 12, 7, 8, 15));   // G-001 for 09:15, checked in 09:03
    appointment("gemeente", testing::utc(2026, 12, 7, 10));      // G-002 for 11:00
    clock_.advance(40min);                                       // 09:43
    auto line = desk_->line("gemeente");
    ASSERT_TRUE(line.isOk());
    ASSERT_EQ(line->waiting.size(), 2u);
    EXPECT_EQ(line->waiting[0].ticket.display, "G-001");
    EXPECT_EQ(next(), "G-001");
    EXPECT_EQ(next(), "H-002");
    EXPECT_EQ(next(), "H-001");
    EXPECT_EQ(next(), "");
}

TEST(CallOrderTest, CallsBeforeRanksDueAppointmentsThenTheLineThenTheRest) {
    const TimePoint now = testing::utc(2026, 12, 7, 9);
    Ticket walk, due, later;
    walk.issuedAt = now - 30min;
    walk.number = 1;
    due.issuedAt = now - 5min;
    due.number = 2;
    due.bookedStart = now - 1min;
    later.issuedAt = now - 40min;
    later.number = 3;
    later.bookedStart = now + 1min;
    EXPECT_TRUE(callsBefore(due, walk, now));
    EXPECT_TRUE(callsBefore(walk, later, now));
    EXPECT_FALSE(callsBefore(later, walk, now));
    EXPECT_TRUE(isDueAt(due, now));
    EXPECT_FALSE(isDueAt(later, now));
    EXPECT_TRUE(isDueAt(walk, now));
}

}  // namespace
}  // namespace wp
