// CallBoard: a new call is reported exactly once, a recall again; the previous five calls; waiting
// counts per service (transfers, no-shows and their undo, pauses); a restart and a new day catch up silently;
// the spoken words.
#include <date/date.h>
#include <gtest/gtest.h>

#include "kiosk/core/call_board.h"
#include "kiosk/core/host_desk.h"
#include "tests/unit/fake_clock.h"
#include "tests/unit/queue_fixtures.h"
#include "tests/unit/sqlite_queue_stores.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

using namespace std::chrono_literals;
using testing::FakeClock;
using testing::service;
using testing::SqliteQueueStores;
using testing::TempDir;
using testing::utc;

const std::vector<Service> kServices = {service("huurloket", "H"), service("wijkteam", "W")};
const TimePoint kMorning = utc(2026, 6, 10, 8);  // Wednesday 10:00 CEST

TEST(SpokenCall, LettersSpacedLeadingZerosDroppedCounterLowercased) {
    EXPECT_EQ(spokenCall("H-014", "Balie 2"), "H 14, balie 2");
    EXPECT_EQ(spokenCall("AB-007", "Balie 10"), "A B 7, balie 10");
    EXPECT_EQ(spokenCall("H-100", "Balie 1"), "H 100, balie 1");
    EXPECT_EQ(spokenCall("W-1000", "Spreekkamer A"), "W 1000, spreekkamer A");
    EXPECT_EQ(spokenCall("G-000", "Balie 1"), "G 0, balie 1");
    EXPECT_EQ(spokenCall("H014", "Balie 2"), "H 14, balie 2");
    EXPECT_EQ(spokenCall("H-014", ""), "H 14");
}

class CallBoardTest : public ::testing::Test {
  protected:
    CallBoardTest() : clock_(kMorning) {
        auto stores = SqliteQueueStores::open(dir_.path() / "kiosk.db", kServices);
        EXPECT_TRUE(stores.isOk());
        stores_ = std::move(stores).value();
        board_ = std::make_unique<CallBoard>(kServices, *stores_.tickets, clock_);
        EXPECT_TRUE(board_->poll().isOk());  // the display is up before the day begins
    }
    Ticket issue(const std::string& service) {
        return stores_.tickets->issueTicket(service, clock_.now()).value();
    }
    Ticket change(const Ticket& t, TicketState to, QueueEventKind kind,
                  const std::string& counter = "Balie 2", const std::string& toService = "") {
        auto r = stores_.host->changeTicket(
            {t.id, t.revision, to, kind, counter, TicketOutcome::None, toService}, clock_.now());
        EXPECT_TRUE(r.isOk()) << r.status().message();
        return r.isOk() ? r.value() : t;
    }
    Ticket call(const Ticket& t, const std::string& counter = "Balie 2") {
        return change(t, TicketState::Called, QueueEventKind::Called, counter);
    }
    std::vector<BoardCall> poll() {
        auto r = board_->poll();
        EXPECT_TRUE(r.isOk()) << r.status().message();
        return r.isOk() ? r.value() : std::vector<BoardCall>{};
    }

    TempDir dir_;
    FakeClock clock_;
    SqliteQueueStores stores_;
    std::unique_ptr<CallBoard> board_;
};

TEST_F(CallBoardTest, ANewCallIsReportedExactlyOnce) {
    EXPECT_TRUE(poll().empty());
    EXPECT_FALSE(board_->latest().has_value());
    Ticket t = issue("huurloket");
    for (int i = 0; i < 13; ++i) issue("huurloket");
    Ticket h14 = issue("huurloket");
    EXPECT_TRUE(poll().empty());
    clock_.advance(1min);
    call(h14);
    auto fresh = poll();
    ASSERT_EQ(fresh.size(), 1u);
    EXPECT_EQ(fresh[0].ticket, "H-015");
    EXPECT_EQ(fresh[0].counter, "Balie 2");
    EXPECT_EQ(fresh[0].serviceId, "huurloket");
    EXPECT_EQ(fresh[0].at, kMorning + 1min);
    EXPECT_FALSE(fresh[0].recall);
    EXPECT_EQ(spokenCall(fresh[0].ticket, fresh[0].counter), "H 15, balie 2");
    EXPECT_EQ(board_->latest(), fresh[0]);
    EXPECT_TRUE(poll().empty());
    EXPECT_TRUE(poll().empty());
    EXPECT_EQ(board_->latest(), fresh[0]);

    // Two counters calling between two polls: both, in order.
    call(t, "Balie 1");
    call(issue("wijkteam"), "Balie 3");
    fresh = poll();
    ASSERT_EQ(fresh.size(), 2u);
    EXPECT_EQ(fresh[0].ticket, "H-001");
    EXPECT_EQ(fresh[1].ticket, "W-001");
    EXPECT_EQ(board_->latest()->ticket, "W-001");
}

TEST_F(CallBoardTest, ARecallIsReportedAgainAndTheTicketShowsOnce) {
    Ticket a = call(issue("huurloket"));
    Ticket b = call(issue("huurloket"), "Balie 1");
    ASSERT_EQ(poll().size(), 2u);
    clock_.advance(2min);
    change(a, TicketState::Called, QueueEventKind::Recalled);
    auto fresh = poll();
    ASSERT_EQ(fresh.size(), 1u);
    EXPECT_EQ(fresh[0].ticket, "H-001");
    EXPECT_TRUE(fresh[0].recall);
    EXPECT_EQ(board_->latest()->ticket, "H-001");
    ASSERT_EQ(board_->previous().size(), 1u);  // H-001 is not listed twice
    EXPECT_EQ(board_->previous()[0].ticket, "H-002");
    (void)b;
}

TEST_F(CallBoardTest, KeepsThePreviousFiveCallsNewestFirst) {
    for (int i = 0; i < 7; ++i) {
        call(issue("wijkteam"), "Balie " + std::to_string(i + 1));
        clock_.advance(1min);
    }
    EXPECT_EQ(poll().size(), 7u);
    EXPECT_EQ(board_->latest()->ticket, "W-007");
    ASSERT_EQ(board_->previous().size(), CallBoard::kPreviousCalls);
    EXPECT_EQ(board_->previous()[0].ticket, "W-006");
    EXPECT_EQ(board_->previous()[0].counter, "Balie 6");
    EXPECT_EQ(board_->previous()[4].ticket, "W-002");
}

TEST_F(CallBoardTest, CountsWhoWaitsPerService) {
    std::vector<Ticket> h;
    for (int i = 0; i < 4; ++i) h.push_back(issue("huurloket"));
    issue("wijkteam");
    ASSERT_TRUE(poll().empty());
    EXPECT_EQ(board_->waiting("huurloket"), 4);
    EXPECT_EQ(board_->waiting("wijkteam"), 1);

    Ticket c = call(h[0]);
    change(h[1], TicketState::Waiting, QueueEventKind::TransferredOut, "Balie 2", "wijkteam");
    Ticket gone = change(call(h[2]), TicketState::NoShow, QueueEventKind::NoShow);
    ASSERT_TRUE(stores_.host->setPaused("wijkteam", true, clock_.now()).isOk());
    poll();
    EXPECT_EQ(board_->waiting("huurloket"), 1);
    EXPECT_EQ(board_->waiting("wijkteam"), 2);
    auto counts = board_->counts();
    ASSERT_EQ(counts.size(), 2u);
    EXPECT_EQ(counts[0].serviceId, "huurloket");
    EXPECT_FALSE(counts[0].paused);
    EXPECT_TRUE(counts[1].paused);

    change(gone, TicketState::Waiting, QueueEventKind::NoShowUndone);
    change(c, TicketState::Waiting, QueueEventKind::Returned);
    ASSERT_TRUE(stores_.host->setPaused("wijkteam", false, clock_.now()).isOk());
    poll();
    EXPECT_EQ(board_->waiting("huurloket"), 3);
    EXPECT_FALSE(board_->counts()[1].paused);
}

TEST_F(CallBoardTest, AServiceOutsideItsWalkInHoursIsClosed) {
    std::vector<Service> services = kServices;
    for (auto& day : services[1].walkIn) day = {{9 * 60, 12 * 60}};  // the Wijkteam: mornings only
    CallBoard board(services, *stores_.tickets, clock_);
    ASSERT_TRUE(board.poll().isOk());
    EXPECT_FALSE(board.counts()[0].closed);
    EXPECT_FALSE(board.counts()[1].closed);  // 10:00
    clock_.advance(3h);
    EXPECT_FALSE(board.counts()[0].closed);
    EXPECT_TRUE(board.counts()[1].closed);  // 13:00
    ASSERT_TRUE(stores_.host->setPaused("huurloket", true, clock_.now()).isOk());
    ASSERT_TRUE(board.poll().isOk());
    EXPECT_TRUE(board.counts()[0].paused);
    EXPECT_FALSE(board.counts()[0].closed);
}

TEST_F(CallBoardTest, ARestartedDisplayCatchesUpWithoutAnnouncing) {
    Ticket a = call(issue("huurloket"));
    clock_.advance(1min);
    call(issue("wijkteam"), "Balie 1");
    issue("wijkteam");
    (void)a;
    CallBoard restarted(kServices, *stores_.tickets, clock_);
    auto first = restarted.poll();
    ASSERT_TRUE(first.isOk());
    EXPECT_TRUE(first->empty());
    EXPECT_EQ(restarted.latest()->ticket, "W-001");
    ASSERT_EQ(restarted.previous().size(), 1u);
    EXPECT_EQ(restarted.previous()[0].ticket, "H-001");
    EXPECT_EQ(restarted.waiting("wijkteam"), 1);
    EXPECT_EQ(restarted.lastSeq(), stores_.tickets->lastEventSeq().value());
    call(issue("huurloket"));
    EXPECT_EQ(restarted.poll()->size(), 1u);
}

TEST_F(CallBoardTest, ANewDayStartsEmpty) {
    call(issue("huurloket"));
    issue("huurloket");
    ASSERT_EQ(poll().size(), 1u);
    clock_.advance(24h);
    EXPECT_TRUE(poll().empty());
    EXPECT_FALSE(board_->latest().has_value());
    EXPECT_TRUE(board_->previous().empty());
    EXPECT_EQ(board_->waiting("huurloket"), 0);
    call(issue("huurloket"));
    auto fresh = poll();
    ASSERT_EQ(fresh.size(), 1u);
    EXPECT_EQ(fresh[0].ticket, "H-001");
}

TEST_F(CallBoardTest, FollowsAHostDeskInAnotherObject) {
    HostAccount jan{"jan", "Jan", {"huurloket", "wijkteam"}, hashPin("54321", 10, randomPinSalt()).value()};
    HostDesk desk(kServices, {jan}, stores_.desk(), clock_, HostDeskOptions{"Balie 2"});
    ASSERT_EQ(desk.signIn("jan", "54321")->outcome, HostDesk::SignIn::Outcome::SignedIn);
    Ticket h = issue("huurloket");
    poll();
    auto called = desk.callNext();
    ASSERT_TRUE(called.isOk() && called->has_value());
    auto fresh = poll();
    ASSERT_EQ(fresh.size(), 1u);
    EXPECT_EQ(spokenCall(fresh[0].ticket, fresh[0].counter), "H 1, balie 2");
    ASSERT_TRUE(desk.park(**called).isOk());
    EXPECT_TRUE(poll().empty());
    ASSERT_TRUE(desk.resume(stores_.tickets->ticket(h.id).value()).isOk());
    EXPECT_EQ(poll().size(), 1u);  // a resumed ticket is called again
}

}  // namespace
}  // namespace wp
