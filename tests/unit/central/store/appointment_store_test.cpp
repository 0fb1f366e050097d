// The store's appointments (AppointmentStore on SQLite): agendas, seats, idempotent booking, cancel and
// change, today's list, the kiosks' events, e-mail jobs and the retention wipe.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <atomic>
#include <thread>

#include "central/store/sqlite_central_store.h"
#include "tests/support/shipped_request_specs.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

using namespace std::chrono_literals;

TimePoint at(const char* rfc3339) {
    return *parseRfc3339(rfc3339);
}

Agenda gemeente(int parallel = 2) {
    Agenda a;
    a.contactPoint = "SGN";
    a.service = "gemeente";
    a.weekly[0] = {{540, 720}};
    a.weekly[3] = {{540, 720}, {780, 960}};
    a.slotMinutes = 15;
    a.parallel = parallel;
    a.closures = {{"2026-12-24", 780, 1020, "Kerstavond"}, {"2026-12-25", 0, 1440, ""}};
    a.place = "Wijkpunt Groenoord";
    a.address = "Nieuwe Damlaan 90, Schiedam";
    a.team = "gemeente";
    return a;
}

class AppointmentStoreTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto s = SqliteCentralStore::open(dir_.path() / "central.db", wp::testing::shippedRequestSpecs());
        ASSERT_TRUE(s) << s.status().message();
        store_ = std::move(s).value();
        ASSERT_TRUE(store_->putAgenda(gemeente(), audit("put-agenda")).isOk());
    }
    AuditEntry audit(const std::string& action) {
        return {now_, "Aisha", action, "SGN/gemeente", "", "10.0.0.9"};
    }
    NewBooking booking(const std::string& uuid, const std::string& code, const char* start,
                       const std::string& kiosk = "K2") {
        NewBooking nb;
        nb.request.uuid = uuid;
        nb.request.contactPoint = "SGN";
        nb.request.service = "gemeente";
        nb.request.start = at(start);
        nb.request.name = "Fatma Yilmaz";
        nb.request.phone = "0612345678";
        nb.request.email = "fatma@example.nl";
        nb.request.language = "tr";
        nb.code = code;
        nb.kioskCode = kiosk;
        nb.end = nb.request.start + 15min;
        nb.now = now_;
        nb.reminderDueAt = nb.request.start - 24h;
        return nb;
    }
    testing::TempDir dir_;
    TimePoint now_ = at("2026-12-01T10:00:00Z");
    std::unique_ptr<SqliteCentralStore> store_;
};

constexpr const char* kUuid1 = "00000000-0000-4000-8000-000000000001";
constexpr const char* kUuid2 = "00000000-0000-4000-8000-000000000002";
constexpr const char* kUuid3 = "00000000-0000-4000-8000-000000000003";

TEST_F(AppointmentStoreTest, AnAgendaReadsBackAsPutAndIsReplacedWhole) {
    auto read = store_->agendaOf("SGN", "gemeente");
    ASSERT_TRUE(read) << read.status().message();
    ASSERT_TRUE(read->has_value());
    Agenda expected = gemeente();
    expected.updatedAt = now_;
    EXPECT_EQ(**read, expected);

    Agenda changed = gemeente(1);
    changed.weekly[3].clear();
    changed.closures.clear();
    changed.active = false;
    ASSERT_TRUE(store_->putAgenda(changed, audit("put-agenda")).isOk());
    changed.updatedAt = now_;
    EXPECT_EQ(store_->agendaOf("SGN", "gemeente").value(), changed);
    EXPECT_EQ(store_->agendas().value().size(), 1u);
    EXPECT_FALSE(store_->agendaOf("SGN", "huurloket").value().has_value());
    EXPECT_EQ(store_->auditLog("SGN/gemeente", 10).value().size(), 2u);
}

TEST_F(AppointmentStoreTest, ASlotTakesAsManyBookingsAsItHasSeats) {
    auto a = store_->book(booking(kUuid1, "AAAA2222", "2026-12-07T08:00:00Z"));
    EXPECT_EQ(a.kind, BookingOutcome::Kind::Booked) << a.message;
    EXPECT_EQ(a.booking.place, "Wijkpunt Groenoord");
    EXPECT_EQ(a.booking.state, BookingState::Booked);
    auto b = store_->book(booking(kUuid2, "BBBB2222", "2026-12-07T08:00:00Z"));
    EXPECT_EQ(b.kind, BookingOutcome::Kind::Booked) << b.message;
    auto c = store_->book(booking(kUuid3, "CCCC2222", "2026-12-07T08:00:00Z"));
    EXPECT_EQ(c.kind, BookingOutcome::Kind::SlotTaken);
    EXPECT_FALSE(store_->bookingByCode("CCCC2222").value().has_value());

    auto seats =
        store_->takenSeats("SGN", "gemeente", at("2026-12-07T00:00:00Z"), at("2026-12-08T00:00:00Z"));
    ASSERT_TRUE(seats);
    ASSERT_EQ(seats->size(), 1u);
    EXPECT_EQ(seats->front().taken, 2);
}

TEST_F(AppointmentStoreTest, TheSameUuidFromTheSameKioskIsTheSameBookingAndFromAnotherKioskAConflict) {
    auto first = store_->book(booking(kUuid1, "AAAA2222", "2026-12-07T08:00:00Z"));
    ASSERT_EQ(first.kind, BookingOutcome::Kind::Booked);
    auto again = store_->book(booking(kUuid1, "DDDD2222", "2026-12-07T08:15:00Z"));
    EXPECT_EQ(again.kind, BookingOutcome::Kind::Repeat);
    EXPECT_EQ(again.booking.code, "AAAA2222");
    EXPECT_EQ(again.booking.start, at("2026-12-07T08:00:00Z"));
    auto other = store_->book(booking(kUuid1, "EEEE2222", "2026-12-07T08:00:00Z", "K3"));
    EXPECT_EQ(other.kind, BookingOutcome::Kind::UuidConflict);
    EXPECT_EQ(other.booking.code, "");
}

TEST_F(AppointmentStoreTest, ACodeInUseIsRefusedAndNoAgendaMeansNoBooking) {
    ASSERT_EQ(store_->book(booking(kUuid1, "AAAA2222", "2026-12-07T08:00:00Z")).kind,
              BookingOutcome::Kind::Booked);
    EXPECT_EQ(store_->book(booking(kUuid2, "AAAA2222", "2026-12-07T08:15:00Z")).kind,
              BookingOutcome::Kind::CodeTaken);
    NewBooking nb = booking(kUuid3, "FFFF2222", "2026-12-07T08:15:00Z");
    nb.request.service = "huurloket";
    EXPECT_EQ(store_->book(nb).kind, BookingOutcome::Kind::NoAgenda);
}

TEST_F(AppointmentStoreTest, CancellingFreesTheSeatAndQueuesTheCancelledMailInsteadOfTheReminder) {
    ASSERT_TRUE(store_->putAgenda(gemeente(1), audit("put-agenda")).isOk());
    ASSERT_EQ(store_->book(booking(kUuid1, "AAAA2222", "2026-12-07T08:00:00Z")).kind,
              BookingOutcome::Kind::Booked);
    auto due = store_->dueBookingEmails(at("2026-12-30T00:00:00Z"), 10);
    ASSERT_TRUE(due);
    ASSERT_EQ(due->size(), 2u);
    EXPECT_EQ(due->at(0).kind, BookingEmailKind::Confirmation);
    EXPECT_EQ(due->at(0).booking.email, "fatma@example.nl");
    EXPECT_EQ(due->at(1).kind, BookingEmailKind::Reminder);
    EXPECT_EQ(due->at(1).dueAt, at("2026-12-06T08:00:00Z"));
    ASSERT_TRUE(store_->bookingEmailSent(due->at(0).id, now_).isOk());

    auto cancelled = store_->cancelBooking("AAAA2222", now_ + 1h);
    ASSERT_TRUE(cancelled) << cancelled.status().message();
    EXPECT_EQ(cancelled->state, BookingState::Cancelled);
    EXPECT_EQ(store_->cancelBooking("AAAA2222", now_ + 2h).status().code(), Status::Code::NotFound);
    EXPECT_EQ(store_->cancelBooking("ZZZZ2222", now_ + 2h).status().code(), Status::Code::NotFound);
    due = store_->dueBookingEmails(at("2026-12-30T00:00:00Z"), 10);
    ASSERT_EQ(due->size(), 1u);
    EXPECT_EQ(due->at(0).kind, BookingEmailKind::Cancelled);

    EXPECT_EQ(store_->book(booking(kUuid2, "BBBB2222", "2026-12-07T08:00:00Z")).kind,
              BookingOutcome::Kind::Booked);
}

TEST_F(AppointmentStoreTest, ChangingTakesTheNewSeatOrLeavesTheBookingAsItWas) {
    ASSERT_TRUE(store_->putAgenda(gemeente(1), audit("put-agenda")).isOk());
    ASSERT_EQ(store_->book(booking(kUuid1, "AAAA2222", "2026-12-07T08:00:00Z")).kind,
              BookingOutcome::Kind::Booked);
    ASSERT_EQ(store_->book(booking(kUuid2, "BBBB2222", "2026-12-07T08:15:00Z")).kind,
              BookingOutcome::Kind::Booked);

    auto full = store_->changeBooking("AAAA2222", at("2026-12-07T08:15:00Z"), at("2026-12-07T08:30:00Z"),
                                      now_, std::nullopt);
    EXPECT_EQ(full.kind, BookingOutcome::Kind::SlotTaken);
    EXPECT_EQ(store_->bookingByCode("AAAA2222").value()->start, at("2026-12-07T08:00:00Z"));

    auto moved = store_->changeBooking("AAAA2222", at("2026-12-07T08:30:00Z"), at("2026-12-07T08:45:00Z"),
                                       now_, std::nullopt);
    ASSERT_EQ(moved.kind, BookingOutcome::Kind::Changed) << moved.message;
    EXPECT_EQ(moved.booking.code, "AAAA2222");
    EXPECT_EQ(moved.booking.start, at("2026-12-07T08:30:00Z"));
    // The old seat is free again.
    EXPECT_EQ(store_->book(booking(kUuid3, "CCCC2222", "2026-12-07T08:00:00Z")).kind,
              BookingOutcome::Kind::Booked);
    EXPECT_EQ(store_
                  ->changeBooking("ZZZZ2222", at("2026-12-07T09:00:00Z"), at("2026-12-07T09:15:00Z"), now_,
                                  std::nullopt)
                  .kind,
              BookingOutcome::Kind::NotFound);
}

TEST_F(AppointmentStoreTest, TodaysListLeavesCancelledOutAndTheStaffListIsAudited) {
    ASSERT_EQ(store_->book(booking(kUuid1, "AAAA2222", "2026-12-07T08:00:00Z")).kind,
              BookingOutcome::Kind::Booked);
    ASSERT_EQ(store_->book(booking(kUuid2, "BBBB2222", "2026-12-07T09:00:00Z")).kind,
              BookingOutcome::Kind::Booked);
    ASSERT_EQ(store_->book(booking(kUuid3, "CCCC2222", "2026-12-08T09:00:00Z")).kind,
              BookingOutcome::Kind::Booked);
    ASSERT_TRUE(store_->cancelBooking("BBBB2222", now_));
    auto today = store_->bookingsOf("SGN", at("2026-12-06T23:00:00Z"), at("2026-12-07T23:00:00Z"));
    ASSERT_TRUE(today);
    ASSERT_EQ(today->size(), 1u);
    EXPECT_EQ(today->front().code, "AAAA2222");
    EXPECT_EQ(today->front().name, "Fatma Yilmaz");

    auto staff = store_->staffBookingsOf("SGN", at("2026-12-06T23:00:00Z"), at("2026-12-07T23:00:00Z"),
                                         audit("read-bookings"));
    ASSERT_TRUE(staff);
    EXPECT_EQ(staff->size(), 2u);
    auto log = store_->auditLog("SGN/gemeente", 1).value();
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].action, "read-bookings");
    EXPECT_EQ(log[0].source, "10.0.0.9");
}

TEST_F(AppointmentStoreTest, EventsAreRecordedOnceAndMoveTheState) {
    ASSERT_EQ(store_->book(booking(kUuid1, "AAAA2222", "2026-12-07T08:00:00Z")).kind,
              BookingOutcome::Kind::Booked);
    ASSERT_EQ(store_->book(booking(kUuid2, "BBBB2222", "2026-12-07T09:00:00Z")).kind,
              BookingOutcome::Kind::Booked);
    std::vector<AppointmentEvent> events = {{"10000000-0000-4000-8000-000000000001", "AAAA2222",
                                             AppointmentEventKind::Arrived, at("2026-12-07T07:55:00Z")},
                                            {"10000000-0000-4000-8000-000000000002", "BBBB2222",
                                             AppointmentEventKind::NoShow, at("2026-12-07T09:15:00Z")},
                                            {"10000000-0000-4000-8000-000000000003", "ZZZZ2222",
                                             AppointmentEventKind::NoShow, at("2026-12-07T09:15:00Z")}};
    auto n = store_->recordAppointmentEvents(events, "SGN", "K2", now_);
    ASSERT_TRUE(n) << n.status().message();
    EXPECT_EQ(n.value(), 2);
    EXPECT_EQ(store_->recordAppointmentEvents(events, "SGN", "K2", now_).value(), 0);
    EXPECT_EQ(store_->bookingByCode("AAAA2222").value()->state, BookingState::Arrived);
    EXPECT_EQ(store_->bookingByCode("BBBB2222").value()->state, BookingState::NoShow);
    // Another contact point's kiosk cannot touch these bookings.
    std::vector<AppointmentEvent> foreign = {{"10000000-0000-4000-8000-000000000004", "BBBB2222",
                                              AppointmentEventKind::Arrived, at("2026-12-07T09:20:00Z")}};
    EXPECT_EQ(store_->recordAppointmentEvents(foreign, "SGZ", "K7", now_).value(), 0);
    EXPECT_EQ(store_->bookingByCode("BBBB2222").value()->state, BookingState::NoShow);
    EXPECT_EQ(store_->appointmentEventsOf("AAAA2222").value().size(), 1u);
}

TEST_F(AppointmentStoreTest, CancelTokensFindTheirBooking) {
    auto b = store_->book(booking(kUuid1, "AAAA2222", "2026-12-07T08:00:00Z"));
    ASSERT_EQ(b.kind, BookingOutcome::Kind::Booked);
    ASSERT_TRUE(store_->addCancelToken(b.booking.id, "hash-1", now_).isOk());
    EXPECT_EQ(store_->addCancelToken(9999, "hash-2", now_).code(), Status::Code::NotFound);
    auto found = store_->bookingByCancelTokenHash("hash-1");
    ASSERT_TRUE(found);
    ASSERT_TRUE(found->has_value());
    EXPECT_EQ((*found)->code, "AAAA2222");
    EXPECT_FALSE(store_->bookingByCancelTokenHash("hash-2").value().has_value());
}

TEST_F(AppointmentStoreTest, TheWipeEmptiesPersonalFieldsOfEarlierBookingsAndTheirUnsentMail) {
    ASSERT_EQ(store_->book(booking(kUuid1, "AAAA2222", "2026-12-07T08:00:00Z")).kind,
              BookingOutcome::Kind::Booked);
    ASSERT_EQ(store_->book(booking(kUuid2, "BBBB2222", "2026-12-14T08:00:00Z")).kind,
              BookingOutcome::Kind::Booked);
    auto wiped = store_->wipeBookingPersonalData(at("2026-12-08T00:00:00Z"), now_);
    ASSERT_TRUE(wiped) << wiped.status().message();
    EXPECT_EQ(wiped.value(), 1);
    EXPECT_EQ(store_->wipeBookingPersonalData(at("2026-12-08T00:00:00Z"), now_).value(), 0);
    auto a = store_->bookingByCode("AAAA2222").value();
    EXPECT_TRUE(a->personalDataWiped);
    EXPECT_EQ(a->name, "");
    EXPECT_EQ(a->phone, "");
    EXPECT_EQ(a->email, "");
    EXPECT_EQ(store_->bookingByCode("BBBB2222").value()->name, "Fatma Yilmaz");
    auto due = store_->dueBookingEmails(at("2026-12-30T00:00:00Z"), 10);
    ASSERT_TRUE(due);
    EXPECT_EQ(due->size(), 2u);
    for (const auto& job : *due) EXPECT_EQ(job.booking.code, "BBBB2222");
}

TEST_F(AppointmentStoreTest, ParallelBookersNeverOverfillASlot) {
    ASSERT_TRUE(store_->putAgenda(gemeente(3), audit("put-agenda")).isOk());
    std::vector<std::thread> threads;
    std::atomic<int> booked{0};
    for (int i = 0; i < 12; ++i)
        threads.emplace_back([&, i] {
            auto uuid = fmt::format("20000000-0000-4000-8000-{:012}", i);
            auto code = fmt::format("{}{}{}{}2222", "ABCDEFGHJKMN"[i], "ABCDEFGHJKMN"[i], 'Q', 'Q');
            if (store_->book(booking(uuid, code, "2026-12-07T08:00:00Z")).kind ==
                BookingOutcome::Kind::Booked)
                ++booked;
        });
    for (auto& t : threads) t.join();
    EXPECT_EQ(booked.load(), 3);
}

}  // namespace
}  // namespace wp
