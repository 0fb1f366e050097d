// HostDesk: signing in, the PIN lockout (also across a restart), the idle lock, every host action,
// stale screens, transfer ordering, no-show undo, tickets by hand, pauses, and today's figures. Runs on the
// real SQLite queue stores in a temp folder and a fake clock.
#include <date/date.h>
#include <gtest/gtest.h>

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
using Outcome = HostDesk::SignIn::Outcome;

const std::vector<Service> kServices = {service("huurloket", "H"), service("wijkteam", "W"),
                                        service("gemeente", "G")};
const TimePoint kMorning = utc(2026, 6, 10, 8);  // Wednesday 10:00 CEST
const std::string kDay = "2026-06-10";

// Few iterations: the tests check the logic, not the cost (the loader insists on 200,000 in a bundle).
HostAccount host(std::string id, std::string name, std::vector<std::string> services, std::string_view pin) {
    return {std::move(id), std::move(name), std::move(services), hashPin(pin, 100, randomPinSalt()).value()};
}

const std::vector<HostAccount>& hosts() {
    static const std::vector<HostAccount> h = {
        host("fatima", "Fatima", {"huurloket", "wijkteam"}, "12345"),
        host("jan", "Jan", {"huurloket", "wijkteam", "gemeente"}, "54321")};
    return h;
}

class HostDeskTest : public ::testing::Test {
  protected:
    HostDeskTest() : clock_(kMorning) { reopen(); }

    void reopen() {
        desk_.reset();
        other_.reset();
        stores_ = {};
        auto stores = SqliteQueueStores::open(dir_.path() / "kiosk.db", kServices);
        ASSERT_TRUE(stores.isOk()) << stores.status().message();
        stores_ = std::move(stores).value();
        // A long idle lock: these tests move the clock in big steps. The idle lock has its own test.
        desk_ = std::make_unique<HostDesk>(kServices, hosts(), stores_.desk(), clock_,
                                           HostDeskOptions{"Balie 1", 60min});
    }
    HostDesk& otherDesk() {
        if (!other_)
            other_ = std::make_unique<HostDesk>(kServices, hosts(), stores_.desk(), clock_,
                                                HostDeskOptions{"Balie 2", 60min});
        return *other_;
    }
    void signIn(HostDesk& desk, const std::string& id, const std::string& pin) {
        auto r = desk.signIn(id, pin);
        ASSERT_TRUE(r.isOk()) << r.status().message();
        ASSERT_EQ(r->outcome, Outcome::SignedIn);
    }
    Ticket issue(const std::string& service) {
        auto t = stores_.tickets->issueTicket(service, clock_.now());
        EXPECT_TRUE(t.isOk());
        return t.isOk() ? t.value() : Ticket{};
    }
    Ticket reread(const Ticket& t) { return stores_.tickets->ticket(t.id).value(); }
    ServiceLine line(const std::string& service) {
        auto l = desk_->line(service);
        EXPECT_TRUE(l.isOk()) << l.status().message();
        return l.isOk() ? l.value() : ServiceLine{};
    }
    std::vector<QueueEventKind> kinds() {
        std::vector<QueueEventKind> out;
        auto events = stores_.tickets->eventsAfter(0, 1000);
        EXPECT_TRUE(events.isOk());
        for (const QueueEvent& e : events.value()) out.push_back(e.kind);
        return out;
    }

    TempDir dir_;
    FakeClock clock_;
    SqliteQueueStores stores_;
    std::unique_ptr<HostDesk> desk_, other_;
};

// --- signing in

TEST_F(HostDeskTest, SignInOpensTheCounterForTheHostsServicesAndSignOutClosesIt) {
    EXPECT_EQ(desk_->state(), HostDesk::State::SignedOut);
    signIn(*desk_, "fatima", "12345");
    EXPECT_EQ(desk_->state(), HostDesk::State::SignedIn);
    ASSERT_NE(desk_->host(), nullptr);
    EXPECT_EQ(desk_->host()->name, "Fatima");
    EXPECT_EQ(desk_->servingServices(), (std::vector<std::string>{"huurloket", "wijkteam"}));
    EXPECT_EQ(stores_.host->countersServing("huurloket", kDay).value(), 1);
    EXPECT_EQ(stores_.host->countersServing("gemeente", kDay).value(), 0);

    ASSERT_TRUE(desk_->chooseServices({"wijkteam"}).isOk());
    EXPECT_EQ(stores_.host->countersServing("huurloket", kDay).value(), 0);
    EXPECT_EQ(desk_->chooseServices({"gemeente"}).code(), Status::Code::InvalidInput);
    EXPECT_EQ(desk_->chooseServices({}).code(), Status::Code::InvalidInput);

    ASSERT_TRUE(desk_->signOut().isOk());
    EXPECT_EQ(desk_->state(), HostDesk::State::SignedOut);
    EXPECT_EQ(desk_->host(), nullptr);
    EXPECT_EQ(stores_.host->countersServing("wijkteam", kDay).value(), 0);
    EXPECT_EQ(desk_->signIn("nobody", "12345").status().code(), Status::Code::NotFound);
}

TEST_F(HostDeskTest, FiveWrongPinsLockTheConsoleForFiveMinutes) {
    for (int i = 1; i <= 4; ++i) {
        auto r = desk_->signIn(i % 2 ? "fatima" : "jan", "99999");  // counted per console, whichever host
        ASSERT_TRUE(r.isOk());
        EXPECT_EQ(r->outcome, Outcome::WrongPin);
        EXPECT_EQ(r->attemptsLeft, 5 - i);
    }
    auto fifth = desk_->signIn("fatima", "1234");  // malformed counts too
    ASSERT_TRUE(fifth.isOk());
    EXPECT_EQ(fifth->outcome, Outcome::LockedOut);
    EXPECT_EQ(fifth->lockedUntil, kMorning + 5min);

    clock_.advance(4min + 59s);
    auto early = desk_->signIn("fatima", "12345");  // the right PIN, too early
    ASSERT_TRUE(early.isOk());
    EXPECT_EQ(early->outcome, Outcome::LockedOut);
    EXPECT_EQ(desk_->lockedOutUntil().value(), kMorning + 5min);
    EXPECT_EQ(desk_->state(), HostDesk::State::SignedOut);
    // Another console has its own count.
    signIn(otherDesk(), "jan", "54321");

    clock_.advance(1s);
    EXPECT_EQ(desk_->lockedOutUntil().value(), std::nullopt);
    signIn(*desk_, "fatima", "12345");
}

TEST_F(HostDeskTest, ALockoutSurvivesARestart) {
    for (int i = 0; i < 5; ++i) ASSERT_TRUE(desk_->signIn("jan", "11111").isOk());
    reopen();  // the process restarts: new store connection, new desk
    auto r = desk_->signIn("jan", "54321");
    ASSERT_TRUE(r.isOk());
    EXPECT_EQ(r->outcome, Outcome::LockedOut);
    EXPECT_EQ(r->lockedUntil, kMorning + 5min);
    clock_.advance(5min);
    reopen();
    signIn(*desk_, "jan", "54321");
}

TEST_F(HostDeskTest, AGoodPinStartsTheCountAgainAndSoDoesTheEndOfALockout) {
    for (int i = 0; i < 4; ++i) ASSERT_TRUE(desk_->signIn("fatima", "00000").isOk());
    signIn(*desk_, "fatima", "12345");
    ASSERT_TRUE(desk_->signOut().isOk());
    auto r = desk_->signIn("fatima", "00000");
    EXPECT_EQ(r->attemptsLeft, 4);

    for (int i = 0; i < 4; ++i) ASSERT_TRUE(desk_->signIn("fatima", "00000").isOk());
    clock_.advance(5min);
    auto after = desk_->signIn("fatima", "00000");
    EXPECT_EQ(after->outcome, Outcome::WrongPin);
    EXPECT_EQ(after->attemptsLeft, 4);
}

TEST_F(HostDeskTest, TheConsoleLocksItselfAfterIdleMinutes) {
    desk_ = std::make_unique<HostDesk>(kServices, hosts(), stores_.desk(), clock_,
                                       HostDeskOptions{"Balie 1", 5min});
    signIn(*desk_, "fatima", "12345");
    EXPECT_EQ(desk_->idleLockAt(), kMorning + 5min);
    clock_.advance(4min);
    desk_->noteActivity();
    clock_.advance(4min);
    EXPECT_EQ(desk_->state(), HostDesk::State::SignedIn);
    issue("huurloket");
    ASSERT_TRUE(desk_->callNext().isOk());  // an action is activity too
    clock_.advance(4min + 59s);
    EXPECT_EQ(desk_->state(), HostDesk::State::SignedIn);
    clock_.advance(1s);
    EXPECT_EQ(desk_->state(), HostDesk::State::IdleLocked);
    EXPECT_EQ(desk_->callNext().status().code(), Status::Code::Unavailable);
    desk_->noteActivity();  // moving the mouse does not unlock
    EXPECT_EQ(desk_->state(), HostDesk::State::IdleLocked);
    // Still signed in, the counter still open: the host may be talking to a resident.
    EXPECT_EQ(desk_->host()->id, "fatima");
    EXPECT_EQ(stores_.host->countersServing("huurloket", kDay).value(), 1);
    EXPECT_TRUE(desk_->lines().isOk());  // reading is fine

    auto wrong = desk_->signIn("fatima", "11111");
    EXPECT_EQ(wrong->outcome, Outcome::WrongPin);
    EXPECT_EQ(desk_->state(), HostDesk::State::IdleLocked);
    signIn(*desk_, "fatima", "12345");
    EXPECT_EQ(desk_->state(), HostDesk::State::SignedIn);

    // Another host may take over a locked console.
    clock_.advance(5min);
    signIn(*desk_, "jan", "54321");
    EXPECT_EQ(desk_->host()->id, "jan");
    EXPECT_EQ(stores_.host->countersServing("gemeente", kDay).value(), 1);
}

TEST_F(HostDeskTest, ZeroIdleMinutesNeverLocks) {
    HostDesk desk(kServices, hosts(), stores_.desk(), clock_, HostDeskOptions{"Balie 3", 0min});
    signIn(desk, "jan", "54321");
    clock_.advance(10h);
    EXPECT_EQ(desk.state(), HostDesk::State::SignedIn);
    EXPECT_EQ(desk.idleLockAt(), std::nullopt);
}

TEST_F(HostDeskTest, ActionsNeedASignedInHostWhoServesTheService) {
    Ticket g = issue("gemeente");
    EXPECT_EQ(desk_->callNext().status().code(), Status::Code::Unavailable);
    EXPECT_EQ(desk_->call(g).status().code(), Status::Code::Unavailable);
    EXPECT_EQ(desk_->addTicket("huurloket", TicketOrigin::Host, false).status().code(),
              Status::Code::Unavailable);
    signIn(*desk_, "fatima", "12345");
    EXPECT_EQ(desk_->call(g).status().code(), Status::Code::InvalidInput);
    EXPECT_EQ(desk_->callNext("gemeente").status().code(), Status::Code::InvalidInput);
    EXPECT_EQ(desk_->pauseService("gemeente").code(), Status::Code::InvalidInput);
    EXPECT_EQ(desk_->callNext("bakker").status().code(), Status::Code::NotFound);
    EXPECT_EQ(reread(g).state, TicketState::Waiting);
}

// --- the line and the actions

TEST_F(HostDeskTest, TheWaitingListShowsPlaceWaitedTimeAndOrigin) {
    signIn(*desk_, "fatima", "12345");
    issue("huurloket");
    clock_.advance(3min);
    ASSERT_TRUE(desk_->addTicket("huurloket", TicketOrigin::Appointment, false).isOk());
    clock_.advance(2min);
    ServiceLine l = line("huurloket");
    ASSERT_EQ(l.waiting.size(), 2u);
    EXPECT_EQ(l.waiting[0].ticket.display, "H-001");
    EXPECT_EQ(l.waiting[0].position, 1);
    EXPECT_EQ(l.waiting[0].waited, 5min);
    EXPECT_EQ(l.waiting[0].ticket.origin, TicketOrigin::WalkIn);
    EXPECT_EQ(l.waiting[1].ticket.origin, TicketOrigin::Appointment);
    EXPECT_EQ(l.waiting[1].waited, 2min);
    EXPECT_TRUE(l.servedHere);
    EXPECT_EQ(l.countersServing, 1);
    EXPECT_EQ(l.walkIn.state, WalkInState::Open);
    EXPECT_FALSE(line("gemeente").servedHere);
}

TEST_F(HostDeskTest, CallNextTakesTheLongestWaitingOfTheCountersServices) {
    signIn(*desk_, "fatima", "12345");
    issue("gemeente");  // not Fatima's
    clock_.advance(1min);
    Ticket w = issue("wijkteam");
    clock_.advance(1min);
    Ticket h = issue("huurloket");
    auto first = desk_->callNext();
    ASSERT_TRUE(first.isOk() && first->has_value());
    EXPECT_EQ((*first)->id, w.id);
    clock_.advance(1s);
    EXPECT_EQ((*first)->counter, "Balie 1");
    auto second = desk_->callNext("huurloket");
    ASSERT_TRUE(second.isOk() && second->has_value());
    EXPECT_EQ((*second)->id, h.id);
    auto none = desk_->callNext();
    ASSERT_TRUE(none.isOk());
    EXPECT_FALSE(none->has_value());
    auto here = desk_->atCounter();
    ASSERT_TRUE(here.isOk());
    ASSERT_EQ(here->size(), 2u);
    EXPECT_EQ(here->at(0).id, w.id);
}

TEST_F(HostDeskTest, CallAChosenTicketRecallServeAndFinish) {
    signIn(*desk_, "fatima", "12345");
    issue("huurloket");
    Ticket second = issue("huurloket");
    auto called = desk_->call(second);
    ASSERT_TRUE(called.isOk()) << called.status().message();
    EXPECT_EQ(called->state, TicketState::Called);
    clock_.advance(1min);
    auto recalled = desk_->recall(called.value());
    ASSERT_TRUE(recalled.isOk());
    EXPECT_EQ(recalled->state, TicketState::Called);
    EXPECT_EQ(desk_->finish(recalled.value(), TicketOutcome::None).status().code(),
              Status::Code::InvalidInput);
    auto serving = desk_->startServing(recalled.value());
    ASSERT_TRUE(serving.isOk());
    clock_.advance(9min);
    auto done = desk_->finish(serving.value(), TicketOutcome::Referred);
    ASSERT_TRUE(done.isOk());
    EXPECT_EQ(done->state, TicketState::Done);
    EXPECT_EQ(done->outcome, TicketOutcome::Referred);
    EXPECT_EQ(done->serviceTime, 10min);
    EXPECT_EQ(desk_->recall(done.value()).status().code(), Status::Code::InvalidInput);
    EXPECT_EQ(kinds(), (std::vector<QueueEventKind>{
                           QueueEventKind::CounterOpened, QueueEventKind::CounterOpened,
                           QueueEventKind::Issued, QueueEventKind::Issued, QueueEventKind::Called,
                           QueueEventKind::Recalled, QueueEventKind::Serving, QueueEventKind::Done}));
}

TEST_F(HostDeskTest, AStaleScreenGetsAConflict) {
    signIn(*desk_, "fatima", "12345");
    signIn(otherDesk(), "jan", "54321");
    Ticket t = issue("huurloket");  // both screens show it waiting
    ASSERT_TRUE(otherDesk().call(t).isOk());
    auto mine = desk_->call(t);
    EXPECT_EQ(mine.status().code(), Status::Code::Conflict);
    EXPECT_NE(mine.status().message().find("Balie 2"), std::string::npos) << mine.status().message();
    EXPECT_EQ(desk_->transfer(t, "wijkteam").status().code(), Status::Code::Conflict);
    EXPECT_EQ(reread(t).counter, "Balie 2");
}

TEST_F(HostDeskTest, PutBackParkAndResume) {
    signIn(*desk_, "fatima", "12345");
    Ticket a = issue("huurloket");
    clock_.advance(1min);
    Ticket b = issue("huurloket");
    auto called = desk_->callNext("huurloket");
    ASSERT_TRUE(called.isOk() && called->has_value());
    auto back = desk_->putBack(**called);
    ASSERT_TRUE(back.isOk());
    EXPECT_EQ(line("huurloket").waiting.at(0).ticket.id, a.id);  // its place again

    auto again = desk_->call(back.value());
    ASSERT_TRUE(again.isOk());
    clock_.advance(2min);
    auto parked = desk_->park(again.value());
    ASSERT_TRUE(parked.isOk());
    EXPECT_EQ(parked->state, TicketState::Parked);
    EXPECT_EQ(parked->serviceTime, 2min);
    ServiceLine l = line("huurloket");
    ASSERT_EQ(l.parked.size(), 1u);
    EXPECT_EQ(l.parked[0].id, a.id);
    ASSERT_EQ(l.waiting.size(), 1u);  // parked is not in line
    EXPECT_EQ(l.waiting[0].ticket.id, b.id);
    EXPECT_EQ(desk_->park(reread(b)).status().code(), Status::Code::InvalidInput);

    clock_.advance(10min);
    auto resumed = desk_->resume(parked.value());
    ASSERT_TRUE(resumed.isOk());
    EXPECT_EQ(resumed->state, TicketState::Called);
    EXPECT_EQ(resumed->counter, "Balie 1");
    clock_.advance(3min);
    auto done = desk_->finish(resumed.value(), TicketOutcome::Helped);
    ASSERT_TRUE(done.isOk());
    EXPECT_EQ(done->serviceTime, 5min);  // 2 + 3: the parked time is not service time
    EXPECT_EQ(desk_->resume(done.value()).status().code(), Status::Code::InvalidInput);
}

TEST_F(HostDeskTest, ATransferredTicketKeepsItsPlaceByOriginalIssueTime) {
    signIn(*desk_, "jan", "54321");
    Ticket h1 = issue("huurloket");  // 10:00
    clock_.advance(5min);
    Ticket w1 = issue("wijkteam");  // 10:05
    clock_.advance(5min);
    Ticket w2 = issue("wijkteam");  // 10:10
    clock_.advance(5min);
    Ticket h2 = issue("huurloket");  // 10:15

    // H-002 (10:15) goes to the back of wijkteam's line, H-001 (10:00) to its front.
    ASSERT_TRUE(desk_->transfer(h2, "wijkteam").isOk());
    auto called = desk_->call(h1);  // talked to at the counter first, then sent on
    ASSERT_TRUE(called.isOk());
    auto moved = desk_->transfer(called.value(), "wijkteam");
    ASSERT_TRUE(moved.isOk()) << moved.status().message();
    EXPECT_EQ(moved->display, "H-001");
    EXPECT_EQ(moved->state, TicketState::Waiting);

    ServiceLine l = line("wijkteam");
    ASSERT_EQ(l.waiting.size(), 4u);
    EXPECT_EQ(l.waiting[0].ticket.display, "H-001");
    EXPECT_EQ(l.waiting[1].ticket.id, w1.id);
    EXPECT_EQ(l.waiting[2].ticket.id, w2.id);
    EXPECT_EQ(l.waiting[3].ticket.display, "H-002");
    EXPECT_EQ(l.waiting[0].waited, 15min);  // from the original issue
    EXPECT_TRUE(line("huurloket").waiting.empty());
    // The resident's own ticket screen sees the same place.
    EXPECT_EQ(stores_.tickets->countAhead(reread(w2)).value(), 2);

    auto next = desk_->callNext("wijkteam");
    ASSERT_TRUE(next.isOk() && next->has_value());
    EXPECT_EQ((*next)->display, "H-001");
    EXPECT_EQ(desk_->transfer(**next, "wijkteam").status().code(), Status::Code::InvalidInput);
    EXPECT_EQ(desk_->transfer(**next, "bakker").status().code(), Status::Code::NotFound);
}

// The console offers "To {service}" on a waiting ticket chosen in the list, for every other service.
TEST_F(HostDeskTest, AWaitingTicketGoesToAServiceThisHostDoesNotServe) {
    signIn(*desk_, "fatima", "12345");  // huurloket and wijkteam
    Ticket g1 = issue("gemeente");      // 10:00
    clock_.advance(2min);
    Ticket h1 = issue("huurloket");  // 10:02
    clock_.advance(1min);
    auto moved = desk_->transfer(line("huurloket").waiting.at(0).ticket, "gemeente");
    ASSERT_TRUE(moved.isOk()) << moved.status().message();
    EXPECT_EQ(moved->display, "H-001");
    EXPECT_EQ(moved->serviceId, "gemeente");
    EXPECT_EQ(moved->transferredFrom, "huurloket");
    EXPECT_EQ(moved->state, TicketState::Waiting);

    ServiceLine l = line("gemeente");
    ASSERT_EQ(l.waiting.size(), 2u);
    EXPECT_EQ(l.waiting[0].ticket.id, g1.id);  // issued earlier, stays first
    EXPECT_EQ(l.waiting[1].ticket.display, "H-001");
    EXPECT_EQ(l.waiting[1].waited, 1min);
    EXPECT_TRUE(line("huurloket").waiting.empty());
    // Now it is the Gemeente's: Fatima can no longer act on it; the screen she saw before is stale.
    EXPECT_EQ(desk_->call(l.waiting[1].ticket).status().code(), Status::Code::InvalidInput);
    EXPECT_EQ(desk_->transfer(h1, "wijkteam").status().code(), Status::Code::Conflict);
}

TEST_F(HostDeskTest, ANoShowCanBeUndoneAndGoesBackToItsPlace) {
    signIn(*desk_, "fatima", "12345");
    Ticket a = issue("huurloket");
    clock_.advance(1min);
    issue("huurloket");
    auto called = desk_->callNext("huurloket");
    ASSERT_TRUE(called.isOk() && called->has_value());
    EXPECT_EQ(desk_->markNoShow(reread(issue("wijkteam"))).status().code(), Status::Code::InvalidInput);
    auto gone = desk_->markNoShow(**called);
    ASSERT_TRUE(gone.isOk());
    EXPECT_EQ(gone->state, TicketState::NoShow);
    ServiceLine l = line("huurloket");
    ASSERT_EQ(l.noShows.size(), 1u);
    EXPECT_EQ(l.noShows[0].id, a.id);
    EXPECT_EQ(l.waiting.size(), 1u);

    auto back = desk_->undoNoShow(l.noShows[0]);
    ASSERT_TRUE(back.isOk()) << back.status().message();
    EXPECT_EQ(back->state, TicketState::Waiting);
    l = line("huurloket");
    EXPECT_TRUE(l.noShows.empty());
    ASSERT_EQ(l.waiting.size(), 2u);
    EXPECT_EQ(l.waiting[0].ticket.id, a.id);
    EXPECT_EQ(desk_->undoNoShow(back.value()).status().code(), Status::Code::InvalidInput);
    EXPECT_EQ(kinds().back(), QueueEventKind::NoShowUndone);
}

TEST_F(HostDeskTest, CancelTakesAWaitingTicketOutOfLine) {
    signIn(*desk_, "fatima", "12345");
    Ticket t = issue("wijkteam");
    auto cancelled = desk_->cancel(t);
    ASSERT_TRUE(cancelled.isOk());
    EXPECT_EQ(cancelled->state, TicketState::Cancelled);
    EXPECT_TRUE(line("wijkteam").waiting.empty());
}

TEST_F(HostDeskTest, ATicketByHandWorksWhilePausedAndSaysWhetherToPrint) {
    signIn(*desk_, "fatima", "12345");
    issue("huurloket");
    ASSERT_TRUE(desk_->pauseService("huurloket").isOk());
    ServiceLine l = line("huurloket");
    EXPECT_TRUE(l.paused);
    EXPECT_EQ(l.walkIn.state, WalkInState::Paused);
    // The touch screen issues nothing now...
    ServiceQueue queue(kServices, *stores_.tickets, *stores_.host, clock_);
    EXPECT_EQ(queue.takeTicket("huurloket").status().code(), Status::Code::Unavailable);
    // ... but the host can.
    auto hand = desk_->addTicket("huurloket", TicketOrigin::Host, true);
    ASSERT_TRUE(hand.isOk()) << hand.status().message();
    EXPECT_TRUE(hand->print);
    EXPECT_EQ(hand->view.ticket.display, "H-002");
    EXPECT_EQ(hand->view.ticket.origin, TicketOrigin::Host);
    EXPECT_EQ(hand->view.peopleAhead, 1);
    ASSERT_TRUE(hand->view.estimatedWait.has_value());  // a counter serves huurloket
    EXPECT_EQ(desk_->addTicket("huurloket", TicketOrigin::WalkIn, false).status().code(),
              Status::Code::InvalidInput);
    EXPECT_EQ(desk_->addTicket("bakker", TicketOrigin::Host, false).status().code(), Status::Code::NotFound);
    // Any service may get a ticket by hand, also one this host does not serve.
    EXPECT_TRUE(desk_->addTicket("gemeente", TicketOrigin::Appointment, false).isOk());

    ASSERT_TRUE(desk_->resumeService("huurloket").isOk());
    EXPECT_FALSE(line("huurloket").paused);
    EXPECT_TRUE(queue.takeTicket("huurloket").isOk());
}

// --- figures

TEST_F(HostDeskTest, TodaysFiguresPerService) {
    signIn(*desk_, "jan", "54321");
    // 10:00 H-001, 10:02 H-002, 10:04 H-003, 10:06 W-001
    std::vector<Ticket> h;
    for (int i = 0; i < 3; ++i) {
        h.push_back(issue("huurloket"));
        clock_.advance(2min);
    }
    Ticket w = issue("wijkteam");
    clock_.advance(4min);                                        // 10:10
    auto c1 = desk_->call(h[0]);                                 // waited 10 min
    auto d1 = desk_->finish(c1.value(), TicketOutcome::Helped);  // 0 s
    ASSERT_TRUE(d1.isOk());
    auto c2 = desk_->call(h[1]);                                             // waited 8 min
    clock_.advance(6min);                                                    // 10:16
    ASSERT_TRUE(desk_->finish(c2.value(), TicketOutcome::FollowUp).isOk());  // 6 min
    auto c3 = desk_->call(h[2]);                                             // waited 12 min
    ASSERT_TRUE(desk_->markNoShow(c3.value()).isOk());
    ASSERT_TRUE(desk_->transfer(w, "huurloket").isOk());  // W-001 -> huurloket, still waiting since 10:06
    clock_.advance(4min);                                 // 10:20

    auto figures = desk_->figures();
    ASSERT_TRUE(figures.isOk());
    ASSERT_EQ(figures->size(), 3u);
    const ServiceFigures& hf = figures->at(0);
    EXPECT_EQ(hf.serviceId, "huurloket");
    EXPECT_EQ(hf.tickets, 4);
    EXPECT_EQ(hf.served, 2);
    EXPECT_EQ(hf.noShows, 1);
    EXPECT_EQ(hf.waitingNow, 1);
    EXPECT_EQ(hf.transferredIn, 1);
    EXPECT_EQ(hf.helped, 1);
    EXPECT_EQ(hf.followUp, 1);
    EXPECT_EQ(hf.referred, 0);
    EXPECT_EQ(hf.averageWait, 10min);        // (10 + 8 + 12) / 3
    EXPECT_EQ(hf.longestWait, 14min);        // W-001, still waiting since 10:06
    EXPECT_EQ(hf.averageServiceTime, 3min);  // (0 + 6) / 2
    const ServiceFigures& wf = figures->at(1);
    EXPECT_EQ(wf.tickets, 0);
    EXPECT_EQ(wf.transferredOut, 1);
    EXPECT_EQ(wf.averageWait, std::nullopt);
    EXPECT_EQ(wf.longestWait, std::nullopt);
    EXPECT_EQ(wf.averageServiceTime, std::nullopt);
    EXPECT_EQ(figures->at(2).tickets, 0);
}

TEST(DayFigures, ArePureOverTheDaysTickets) {
    Ticket t;
    t.serviceId = "huurloket";
    t.issuedAt = kMorning;
    t.state = TicketState::Done;
    t.firstCalledAt = kMorning + 90s;
    t.serviceTime = 100s;
    t.outcome = TicketOutcome::Referred;
    Ticket u = t;
    u.firstCalledAt = kMorning + 30s;
    u.serviceTime = 201s;
    auto f = dayFigures({kServices[0]}, {t, u}, kMorning + 1h);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].served, 2);
    EXPECT_EQ(f[0].referred, 2);
    EXPECT_EQ(f[0].averageWait, 60s);
    EXPECT_EQ(f[0].longestWait, 90s);
    EXPECT_EQ(f[0].averageServiceTime, 150s);  // whole seconds, rounded down
}

}  // namespace
}  // namespace wp
