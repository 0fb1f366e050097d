// SqliteHostQueueStore: atomic changes that name the revision they saw, service time across calls, parking
// and recalls, transfers (numbers, display, events, place in line), calling the first in line across
// services, and counters that serve on the day they opened.
#include "kiosk/store/sqlite_host_queue_store.h"

#include <date/date.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/unit/kiosk/store/queue_store_fixture.h"

namespace wp {
namespace {

using namespace std::chrono_literals;
using testing::kDay;
using testing::kMorning;
using testing::service;

class SqliteHostQueueStoreTest : public testing::QueueStoreTest {};

TEST_F(SqliteHostQueueStoreTest, AChangeNamesTheRevisionItSaw) {
    auto [store, host, pinLocks] = open();
    Ticket t = issue(*store, "huurloket", kMorning);
    TicketChange call{t.id, t.revision, TicketState::Called, QueueEventKind::Called, "Balie 1"};
    auto called = host->changeTicket(call, kMorning + 5min);
    ASSERT_TRUE(called.isOk()) << called.status().message();
    EXPECT_EQ(called->state, TicketState::Called);
    EXPECT_EQ(called->revision, t.revision + 1);
    EXPECT_EQ(called->counter, "Balie 1");
    EXPECT_EQ(called->firstCalledAt, kMorning + 5min);
    EXPECT_EQ(store->ticket(t.id).value(), called.value());

    // The same change again, from a screen that still shows the old revision.
    auto stale = host->changeTicket(call, kMorning + 6min);
    EXPECT_EQ(stale.status().code(), Status::Code::Conflict);
    EXPECT_NE(stale.status().message().find("H-001"), std::string::npos);
    EXPECT_EQ(host->changeTicket({999, 0}, kMorning).status().code(), Status::Code::NotFound);
}

TEST_F(SqliteHostQueueStoreTest, ServiceTimeSumsCallsUntilParkOrDoneAndRecallKeepsTheClock) {
    auto [store, host, pinLocks] = open();
    Ticket t = issue(*store, "huurloket", kMorning);
    auto step = [&](TicketState to, QueueEventKind kind, TimePoint at,
                    TicketOutcome outcome = TicketOutcome::None) {
        auto r = host->changeTicket({t.id, t.revision, to, kind, "Balie 2", outcome}, at);
        EXPECT_TRUE(r.isOk()) << r.status().message();
        if (r) t = r.value();
    };
    step(TicketState::Called, QueueEventKind::Called, kMorning + 10min);
    step(TicketState::Called, QueueEventKind::Recalled, kMorning + 11min);
    EXPECT_EQ(t.lastCalledAt, kMorning + 10min);
    step(TicketState::Serving, QueueEventKind::Serving, kMorning + 12min);
    step(TicketState::Parked, QueueEventKind::Parked, kMorning + 15min);  // 5 min
    EXPECT_EQ(t.serviceTime, 5min);
    EXPECT_FALSE(t.lastCalledAt.has_value());
    step(TicketState::Called, QueueEventKind::Called, kMorning + 40min);
    step(TicketState::Done, QueueEventKind::Done, kMorning + 43min, TicketOutcome::FollowUp);  // 3 min more
    EXPECT_EQ(t.serviceTime, 8min);
    EXPECT_EQ(t.firstCalledAt, kMorning + 10min);
    EXPECT_EQ(t.outcome, TicketOutcome::FollowUp);
    EXPECT_EQ(store->ticket(t.id)->outcome, TicketOutcome::FollowUp);
}

TEST_F(SqliteHostQueueStoreTest, ATransferKeepsDisplayAndPlaceAndTakesANewNumber) {
    auto [store, host, pinLocks] = open();
    Ticket h1 = issue(*store, "huurloket", kMorning);         // 10:00
    Ticket w1 = issue(*store, "wijkteam", kMorning + 5min);   // 10:05
    Ticket w2 = issue(*store, "wijkteam", kMorning + 10min);  // 10:10
    auto moved = host->changeTicket({h1.id, h1.revision, TicketState::Waiting, QueueEventKind::TransferredOut,
                                     "Balie 1", TicketOutcome::None, "wijkteam"},
                                    kMorning + 20min);
    ASSERT_TRUE(moved.isOk()) << moved.status().message();
    EXPECT_EQ(moved->serviceId, "wijkteam");
    EXPECT_EQ(moved->number, 3);
    EXPECT_EQ(moved->display, "H-001");
    EXPECT_EQ(moved->transferredFrom, "huurloket");
    EXPECT_EQ(moved->issuedAt, kMorning);
    EXPECT_TRUE(moved->counter.empty());

    // First in the wijkteam line: its original issue time is the earliest.
    auto line = store->waitingTickets("wijkteam", kDay).value();
    ASSERT_EQ(line.size(), 3u);
    EXPECT_EQ(line[0].id, h1.id);
    EXPECT_EQ(line[1].id, w1.id);
    EXPECT_EQ(line[2].id, w2.id);
    EXPECT_EQ(store->countAhead(line[0]).value(), 0);
    EXPECT_EQ(store->countAhead(w2).value(), 2);
    EXPECT_TRUE(store->waitingTickets("huurloket", kDay)->empty());
    // The next wijkteam number does not repeat the transferred one's.
    EXPECT_EQ(issue(*store, "wijkteam", kMorning + 30min).number, 4);

    auto e = events(*store);
    ASSERT_GE(e.size(), 5u);
    QueueEvent out = e[3], in = e[4];
    EXPECT_EQ(out.kind, QueueEventKind::TransferredOut);
    EXPECT_EQ(out.serviceId, "huurloket");
    EXPECT_EQ(out.number, 1);
    EXPECT_EQ(in.kind, QueueEventKind::TransferredIn);
    EXPECT_EQ(in.serviceId, "wijkteam");
    EXPECT_EQ(in.number, 3);
    EXPECT_EQ(in.display, "H-001");
    EXPECT_EQ(out.display, "H-001");   // through the former number
    EXPECT_EQ(e[0].display, "H-001");  // its Issued event too
    EXPECT_EQ(e[1].display, "W-001");

    EXPECT_EQ(host->changeTicket({w1.id, w1.revision, TicketState::Waiting, QueueEventKind::TransferredOut,
                                  "", TicketOutcome::None, "bakker"},
                                 kMorning)
                  .status()
                  .code(),
              Status::Code::NotFound);
}

TEST_F(SqliteHostQueueStoreTest, CallFirstWaitingTakesTheLongestWaitingOfTheServices) {
    auto [store, host, pinLocks] = open();
    Ticket w1 = issue(*store, "wijkteam", kMorning);
    Ticket h1 = issue(*store, "huurloket", kMorning + 1min);
    auto first = host->callFirstWaiting({"huurloket", "wijkteam"}, "Balie 1", kMorning + 2min);
    ASSERT_TRUE(first.isOk());
    ASSERT_TRUE(first->has_value());
    EXPECT_EQ((*first)->id, w1.id);
    EXPECT_EQ((*first)->state, TicketState::Called);
    EXPECT_EQ((*first)->counter, "Balie 1");
    auto second = host->callFirstWaiting({"huurloket"}, "Balie 2", kMorning + 3min);
    ASSERT_TRUE(second.isOk() && second->has_value());
    EXPECT_EQ((*second)->id, h1.id);
    auto none = host->callFirstWaiting({"huurloket", "wijkteam"}, "Balie 1", kMorning + 4min);
    ASSERT_TRUE(none.isOk());
    EXPECT_FALSE(none->has_value());
    EXPECT_EQ(store->allTicketsOfDay(kDay)->size(), 2u);
    EXPECT_EQ(events(*store).back().counter, "Balie 2");
}

TEST_F(SqliteHostQueueStoreTest, CountersServeOnTheDayTheyOpened) {
    auto host = open().host;
    ASSERT_TRUE(host);
    ASSERT_TRUE(host->openCounter("Balie 1", {"huurloket"}, kMorning).isOk());
    ASSERT_TRUE(host->openCounter("Balie 2", {"huurloket", "wijkteam"}, kMorning).isOk());
    EXPECT_EQ(host->countersServing("huurloket", kDay).value(), 2);
    EXPECT_EQ(host->countersServing("wijkteam", kDay).value(), 1);
    EXPECT_EQ(host->countersServing("huurloket", "2026-06-11").value(), 0);  // left open overnight
    EXPECT_EQ(host->openCounter("Balie 3", {"bakker"}, kMorning).code(), Status::Code::NotFound);
}

}  // namespace
}  // namespace wp
