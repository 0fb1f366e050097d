// SqliteQueueStore as the host console's HostQueueStore: the migration from schema version 3
// keeps tickets, origins, atomic changes with revisions, transfers (numbers, display, events, place in line),
// calling the first in line across services, PIN lockouts surviving a reopen; and SqliteHostAlertStore.
#include <date/date.h>
#include <gtest/gtest.h>

#include "common/sqlite/sqlite_database.h"
#include "kiosk/store/kiosk_schema.h"
#include "kiosk/store/sqlite_host_alert_store.h"
#include "kiosk/store/sqlite_queue_store.h"
#include "tests/unit/queue_fixtures.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

using namespace std::chrono_literals;
using testing::service;
using testing::TempDir;
using testing::utc;

const std::vector<Service> kServices = {service("huurloket", "H"), service("wijkteam", "W")};
const TimePoint kMorning = utc(2026, 6, 10, 8);  // Wednesday 10:00 CEST
const std::string kDay = "2026-06-10";

class HostQueueStoreTest : public ::testing::Test {
  protected:
    std::unique_ptr<SqliteQueueStore> open() {
        auto store = SqliteQueueStore::open(dir_.path() / "kiosk.db", kServices);
        EXPECT_TRUE(store.isOk()) << store.status().message();
        return store.isOk() ? std::move(store).value() : nullptr;
    }
    Ticket issue(SqliteQueueStore& store, const std::string& service, TimePoint at) {
        auto t = store.issueTicket(service, at);
        EXPECT_TRUE(t.isOk()) << t.status().message();
        return t.isOk() ? t.value() : Ticket{};
    }
    std::vector<QueueEvent> events(SqliteQueueStore& store) { return store.eventsAfter(0, 1000).value(); }

    TempDir dir_;
};

TEST_F(HostQueueStoreTest, AVersion3DatabaseUpgradesKeepingItsTickets) {
    {
        auto db = SqliteDatabase::open(dir_.path() / "kiosk.db");
        ASSERT_TRUE(db.isOk());
        ASSERT_TRUE(db.value()->migrate(kioskMigrations(), 3).isOk());
        ASSERT_TRUE(
            db.value()
                ->exec("INSERT INTO ticket (service_id, day, number, display, issued_at_ms, state, counter) "
                       "VALUES ('huurloket', '2026-06-10', 1, 'H-001', 1000, 'called', 'Balie 1'), "
                       "('huurloket', '2026-06-10', 2, 'H-002', 2000, 'waiting', NULL);"
                       "INSERT INTO ticket_counter VALUES ('huurloket', '2026-06-10', 2);"
                       "INSERT INTO queue_event (kind, service_id, day, number, at_ms) "
                       "VALUES ('issued', 'huurloket', '2026-06-10', 1, 1000)")
                .isOk());
    }
    auto store = open();
    ASSERT_TRUE(store);
    auto tickets = store->ticketsOfDay("huurloket", kDay);
    ASSERT_TRUE(tickets.isOk()) << tickets.status().message();
    ASSERT_EQ(tickets->size(), 2u);
    EXPECT_EQ(tickets->at(0).state, TicketState::Called);
    EXPECT_EQ(tickets->at(0).counter, "Balie 1");
    EXPECT_EQ(tickets->at(0).origin, TicketOrigin::WalkIn);
    EXPECT_EQ(tickets->at(0).revision, 0);
    EXPECT_EQ(events(*store).at(0).display, "H-001");  // old events find their ticket too
    // Parked is a state the table takes now; the next number continues.
    ASSERT_TRUE(store->changeTicketState(tickets->at(0).id, TicketState::Parked, "", kMorning).isOk());
    EXPECT_EQ(issue(*store, "huurloket", kMorning).number, 3);
}

TEST_F(HostQueueStoreTest, IssuesWithAnOriginAndRecordsTheDisplayOnEvents) {
    auto store = open();
    auto t = store->issueTicketWithOrigin("wijkteam", TicketOrigin::Appointment, kMorning);
    ASSERT_TRUE(t.isOk());
    EXPECT_EQ(t->origin, TicketOrigin::Appointment);
    EXPECT_EQ(store->ticket(t->id)->origin, TicketOrigin::Appointment);
    auto e = events(*store);
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].kind, QueueEventKind::Issued);
    EXPECT_EQ(e[0].display, "W-001");
    // A print event finds the display by service and number.
    ASSERT_TRUE(store->appendEvent({0, QueueEventKind::Printed, "wijkteam", "", 1, "", kMorning}).isOk());
    EXPECT_EQ(events(*store).back().display, "W-001");
    EXPECT_EQ(store->lastEventSeq().value(), events(*store).back().seq);
}

TEST_F(HostQueueStoreTest, AChangeNamesTheRevisionItSaw) {
    auto store = open();
    Ticket t = issue(*store, "huurloket", kMorning);
    TicketChange call{t.id, t.revision, TicketState::Called, QueueEventKind::Called, "Balie 1"};
    auto called = store->changeTicket(call, kMorning + 5min);
    ASSERT_TRUE(called.isOk()) << called.status().message();
    EXPECT_EQ(called->state, TicketState::Called);
    EXPECT_EQ(called->revision, t.revision + 1);
    EXPECT_EQ(called->counter, "Balie 1");
    EXPECT_EQ(called->firstCalledAt, kMorning + 5min);
    EXPECT_EQ(store->ticket(t.id).value(), called.value());

    // The same change again, from a screen that still shows the old revision.
    auto stale = store->changeTicket(call, kMorning + 6min);
    EXPECT_EQ(stale.status().code(), Status::Code::Conflict);
    EXPECT_NE(stale.status().message().find("H-001"), std::string::npos);
    EXPECT_EQ(store->changeTicket({999, 0}, kMorning).status().code(), Status::Code::NotFound);
}

TEST_F(HostQueueStoreTest, ServiceTimeSumsCallsUntilParkOrDoneAndRecallKeepsTheClock) {
    auto store = open();
    Ticket t = issue(*store, "huurloket", kMorning);
    auto step = [&](TicketState to, QueueEventKind kind, TimePoint at,
                    TicketOutcome outcome = TicketOutcome::None) {
        auto r = store->changeTicket({t.id, t.revision, to, kind, "Balie 2", outcome}, at);
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

TEST_F(HostQueueStoreTest, ATransferKeepsDisplayAndPlaceAndTakesANewNumber) {
    auto store = open();
    Ticket h1 = issue(*store, "huurloket", kMorning);         // 10:00
    Ticket w1 = issue(*store, "wijkteam", kMorning + 5min);   // 10:05
    Ticket w2 = issue(*store, "wijkteam", kMorning + 10min);  // 10:10
    auto moved =
        store->changeTicket({h1.id, h1.revision, TicketState::Waiting, QueueEventKind::TransferredOut,
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

    EXPECT_EQ(store
                  ->changeTicket({w1.id, w1.revision, TicketState::Waiting, QueueEventKind::TransferredOut,
                                  "", TicketOutcome::None, "bakker"},
                                 kMorning)
                  .status()
                  .code(),
              Status::Code::NotFound);
}

TEST_F(HostQueueStoreTest, CallFirstWaitingTakesTheLongestWaitingOfTheServices) {
    auto store = open();
    Ticket w1 = issue(*store, "wijkteam", kMorning);
    Ticket h1 = issue(*store, "huurloket", kMorning + 1min);
    auto first = store->callFirstWaiting({"huurloket", "wijkteam"}, "Balie 1", kMorning + 2min);
    ASSERT_TRUE(first.isOk());
    ASSERT_TRUE(first->has_value());
    EXPECT_EQ((*first)->id, w1.id);
    EXPECT_EQ((*first)->state, TicketState::Called);
    EXPECT_EQ((*first)->counter, "Balie 1");
    auto second = store->callFirstWaiting({"huurloket"}, "Balie 2", kMorning + 3min);
    ASSERT_TRUE(second.isOk() && second->has_value());
    EXPECT_EQ((*second)->id, h1.id);
    auto none = store->callFirstWaiting({"huurloket", "wijkteam"}, "Balie 1", kMorning + 4min);
    ASSERT_TRUE(none.isOk());
    EXPECT_FALSE(none->has_value());
    EXPECT_EQ(store->allTicketsOfDay(kDay)->size(), 2u);
    EXPECT_EQ(events(*store).back().counter, "Balie 2");
}

TEST_F(HostQueueStoreTest, PinLockSurvivesAReopen) {
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

// --- SqliteHostAlertStore

TEST_F(HostQueueStoreTest, HelpRequestsFoldPerScreenUntilAcknowledged) {
    auto walkin = SqliteHostAlertStore::open(dir_.path() / "kiosk.db");
    auto host = SqliteHostAlertStore::open(dir_.path() / "kiosk.db");  // the other process
    ASSERT_TRUE(walkin.isOk() && host.isOk());
    HostAlerts& alerts = *walkin.value();
    alerts.residentAsksForHost("ticket", kMorning);
    alerts.residentAsksForHost("ticket", kMorning + 30s);
    alerts.residentAsksForHost("question.topic", kMorning + 1min);
    EXPECT_EQ(walkin.value()->lastError(), "");

    auto open = host.value()->openHelpRequests();
    ASSERT_TRUE(open.isOk());
    ASSERT_EQ(open->size(), 2u);
    EXPECT_EQ(open->at(0).screen, "ticket");
    EXPECT_EQ(open->at(0).presses, 2);
    EXPECT_EQ(open->at(0).firstAt, kMorning);
    EXPECT_EQ(open->at(0).lastAt, kMorning + 30s);
    EXPECT_EQ(open->at(1).screen, "question.topic");

    ASSERT_TRUE(host.value()->acknowledgeHelpRequest(open->at(0).id, "Fatima", kMorning + 2min).isOk());
    Status again = host.value()->acknowledgeHelpRequest(open->at(0).id, "Jan", kMorning + 3min);
    EXPECT_EQ(again.code(), Status::Code::Conflict);
    EXPECT_NE(again.message().find("Fatima"), std::string::npos);
    EXPECT_EQ(host.value()->acknowledgeHelpRequest(999, "Jan", kMorning).code(), Status::Code::NotFound);
    EXPECT_EQ(host.value()->openHelpRequests()->size(), 1u);
    // A new press on an answered screen is a new request.
    alerts.residentAsksForHost("ticket", kMorning + 4min);
    EXPECT_EQ(host.value()->openHelpRequests()->size(), 2u);
}

TEST_F(HostQueueStoreTest, PrinterReportsAreOneSharedRow) {
    auto store = SqliteHostAlertStore::open(dir_.path() / "kiosk.db");
    ASSERT_TRUE(store.isOk());
    EXPECT_FALSE(store.value()->printerReport()->has_value());
    PrinterStatus st;
    st.state = PrinterStatus::State::Stopped;
    st.reasons = {"media-empty", "offline"};
    st.acceptingJobs = true;
    st.message = "Paper out";
    ASSERT_TRUE(store.value()->reportPrinterStatus(st, kMorning).isOk());
    ASSERT_TRUE(store.value()->reportPrintOutcome(PrintOutcome::PaperOut, kMorning + 1min).isOk());
    ASSERT_TRUE(store.value()->reportPrintOutcome(PrintOutcome::Ok, kMorning + 2min).isOk());
    auto r = store.value()->printerReport();
    ASSERT_TRUE(r.isOk() && r->has_value());
    const PrinterReport& p = **r;
    EXPECT_EQ(p.status.state, PrinterStatus::State::Stopped);
    EXPECT_EQ(p.status.reasons, (std::vector<std::string>{"media-empty", "offline"}));
    EXPECT_TRUE(p.status.acceptingJobs);
    EXPECT_EQ(p.status.message, "Paper out");
    EXPECT_EQ(p.statusAt, kMorning);
    EXPECT_EQ(p.lastFailure, PrintOutcome::PaperOut);
    EXPECT_EQ(p.lastFailureAt, kMorning + 1min);
    EXPECT_EQ(p.lastSuccessAt, kMorning + 2min);
}

}  // namespace
}  // namespace wp
