// SqliteQueueStore: ticket numbers per service and local day, restarts, a lagging counter, origins, the
// waiting line and its order, the event rows every change leaves (with SqliteHostQueueStore's changes),
// two connections issuing at once, and crashes at the named points of the issue path.
#include "kiosk/store/sqlite_queue_store.h"

#include <date/date.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <fmt/format.h>

#include <csignal>
#include <filesystem>
#include <set>
#include <thread>

#include "tests/unit/kiosk/store/queue_store_fixture.h"

namespace wp {
namespace {

using namespace std::chrono_literals;
using testing::kDay;
using testing::kMorning;
using testing::kServices;
using testing::service;
using testing::utc;

class SqliteQueueStoreTest : public testing::QueueStoreTest {};

TEST_F(SqliteQueueStoreTest, NumbersCountPerServiceAndDay) {
    auto store = open().tickets;
    ASSERT_TRUE(store);
    auto h1 = store->issueTicket("huurloket", kMorning);
    ASSERT_TRUE(h1.isOk()) << h1.status().message();
    EXPECT_EQ(h1->display, "H-001");
    EXPECT_EQ(h1->number, 1);
    EXPECT_EQ(h1->day, kDay);
    EXPECT_EQ(h1->state, TicketState::Waiting);
    EXPECT_EQ(store->issueTicket("huurloket", kMorning + 1min)->display, "H-002");
    EXPECT_EQ(store->issueTicket("wijkteam", kMorning + 2min)->display, "W-001");
    EXPECT_EQ(store->issueTicket("huurloket", kMorning + 3min)->display, "H-003");
    EXPECT_EQ(store->ticket(h1->id).value(), h1.value());

    auto unknown = store->issueTicket("bakker", kMorning);
    ASSERT_FALSE(unknown.isOk());
    EXPECT_EQ(unknown.status().code(), Status::Code::NotFound);
}

TEST_F(SqliteQueueStoreTest, ARestartKeepsCounting) {
    {
        auto store = open().tickets;
        ASSERT_TRUE(store);
        for (int i = 0; i < 3; ++i) ASSERT_TRUE(store->issueTicket("huurloket", kMorning).isOk());
    }
    auto store = open().tickets;
    ASSERT_TRUE(store);
    EXPECT_EQ(store->issueTicket("huurloket", kMorning + 1h)->number, 4);
    EXPECT_EQ(store->ticketsOfDay("huurloket", kDay)->size(), 4u);
}

TEST_F(SqliteQueueStoreTest, ANewLocalDayStartsAtOne) {
    auto store = open().tickets;
    ASSERT_TRUE(store);
    TimePoint lastSecond = utc(2026, 6, 10, 21, 59, 59);  // 23:59:59 CEST
    EXPECT_EQ(store->issueTicket("huurloket", lastSecond - 1h)->number, 1);
    EXPECT_EQ(store->issueTicket("huurloket", lastSecond)->number, 2);
    auto next = store->issueTicket("huurloket", lastSecond + 1s);
    EXPECT_EQ(next->day, "2026-06-11");
    EXPECT_EQ(next->display, "H-001");
    // Across the October change too: the 25-hour day ends at 23:00 UTC.
    EXPECT_EQ(store->issueTicket("huurloket", utc(2026, 10, 25, 22, 59, 59))->day, "2026-10-25");
    auto after = store->issueTicket("huurloket", utc(2026, 10, 25, 23, 0, 0));
    EXPECT_EQ(after->day, "2026-10-26");
    EXPECT_EQ(after->number, 1);
}

TEST_F(SqliteQueueStoreTest, ALaggingCounterNeverRepeatsANumber) {
    auto store = open().tickets;
    ASSERT_TRUE(store);
    for (int i = 0; i < 5; ++i) ASSERT_TRUE(store->issueTicket("huurloket", kMorning).isOk());
    // Should the counter row ever fall behind (restored backup, hand edit), UNIQUE catches the repeat and
    // the store continues after the highest number.
    ASSERT_TRUE(store->database().exec("UPDATE ticket_counter SET last_number = 2").isOk());
    auto t = store->issueTicket("huurloket", kMorning);
    ASSERT_TRUE(t.isOk()) << t.status().message();
    EXPECT_EQ(t->number, 6);
    EXPECT_EQ(store->issueTicket("huurloket", kMorning)->number, 7);
}

TEST_F(SqliteQueueStoreTest, IssuesWithAnOriginAndRecordsTheDisplayOnEvents) {
    auto store = open().tickets;
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

TEST_F(SqliteQueueStoreTest, WaitingListOrderAheadAndStateChanges) {
    auto [store, host, pinLocks] = open();
    ASSERT_TRUE(store && host);
    std::vector<Ticket> t;
    for (int i = 0; i < 4; ++i)
        t.push_back(store->issueTicket("huurloket", kMorning + std::chrono::minutes(i)).value());
    EXPECT_EQ(store->countAhead(t[3]).value(), 3);
    ASSERT_TRUE(host->changeTicketState(t[0].id, TicketState::Called, "Balie 1", kMorning + 5min).isOk());
    ASSERT_TRUE(host->changeTicketState(t[1].id, TicketState::Cancelled, "", kMorning + 5min).isOk());
    EXPECT_EQ(store->countAhead(t[3]).value(), 1);
    auto waiting = store->waitingTickets("huurloket", kDay).value();
    ASSERT_EQ(waiting.size(), 2u);
    EXPECT_EQ(waiting[0].number, 3);
    EXPECT_EQ(waiting[1].number, 4);
    Ticket called = store->ticket(t[0].id).value();
    EXPECT_EQ(called.state, TicketState::Called);
    EXPECT_EQ(called.counter, "Balie 1");

    Status bad = host->changeTicketState(t[1].id, TicketState::Called, "Balie 1", kMorning + 6min);
    EXPECT_EQ(bad.code(), Status::Code::Conflict);
    EXPECT_NE(bad.message().find("H-002 is cancelled"), std::string::npos) << bad.message();
    EXPECT_EQ(host->changeTicketState(999, TicketState::Called, "Balie 1", kMorning).code(),
              Status::Code::NotFound);
}

TEST_F(SqliteQueueStoreTest, EveryChangeIsAnEventWithoutPersonalData) {
    auto [store, host, pinLocks] = open();
    ASSERT_TRUE(store && host);
    ASSERT_TRUE(host->openCounter("Balie 1", {"huurloket", "wijkteam"}, kMorning).isOk());
    Ticket a = store->issueTicket("huurloket", kMorning + 1min).value();
    ASSERT_TRUE(host->changeTicketState(a.id, TicketState::Called, "Balie 1", kMorning + 2min).isOk());
    ASSERT_TRUE(host->changeTicketState(a.id, TicketState::Serving, "", kMorning + 3min).isOk());
    ASSERT_TRUE(host->changeTicketState(a.id, TicketState::Done, "", kMorning + 13min).isOk());
    ASSERT_TRUE(host->setPaused("huurloket", true, kMorning + 14min).isOk());
    ASSERT_TRUE(host->setPaused("huurloket", true, kMorning + 14min).isOk());  // no change, no event
    EXPECT_TRUE(host->isPaused("huurloket", kDay).value());
    EXPECT_FALSE(host->isPaused("huurloket", "2026-06-11").value());  // a pause holds for its day
    ASSERT_TRUE(host->setPaused("huurloket", false, kMorning + 15min).isOk());
    ASSERT_TRUE(store->appendEvent({0, QueueEventKind::PrintFailed, "huurloket", "", 1, "", kMorning + 16min})
                    .isOk());
    EXPECT_EQ(store->appendEvent({0, QueueEventKind::Issued, "huurloket", kDay, 9, "", kMorning}).code(),
              Status::Code::InvalidInput);
    ASSERT_TRUE(host->openCounter("Balie 1", {"wijkteam"}, kMorning + 17min).isOk());  // stops huurloket
    ASSERT_TRUE(host->closeCounter("Balie 1", kMorning + 18min).isOk());

    auto all = store->eventsAfter(0, 100).value();
    std::vector<std::string> got;
    for (const QueueEvent& e : all)
        got.push_back(fmt::format("{} {} {} {}", toString(e.kind), e.serviceId, e.number, e.counter));
    std::vector<std::string> want = {
        "counter-opened huurloket 0 Balie 1",
        "counter-opened wijkteam 0 Balie 1",
        "issued huurloket 1 ",
        "called huurloket 1 Balie 1",
        "serving huurloket 1 Balie 1",
        "done huurloket 1 Balie 1",
        "paused huurloket 0 ",
        "resumed huurloket 0 ",
        "print-failed huurloket 1 ",
        "counter-closed huurloket 0 Balie 1",
        "counter-closed wijkteam 0 Balie 1",
    };
    EXPECT_EQ(got, want);
    for (size_t i = 1; i < all.size(); ++i) EXPECT_GT(all[i].seq, all[i - 1].seq);
    EXPECT_EQ(all[2].at, kMorning + 1min);
    EXPECT_EQ(all[8].day, kDay);  // filled in from the time

    // Paging for readers that follow the table.
    auto page = store->eventsAfter(all[3].seq, 2).value();
    ASSERT_EQ(page.size(), 2u);
    EXPECT_EQ(page[0].seq, all[4].seq);
    // The day's events of one service feed the moving average: 11 minutes from call to done.
    auto huurDay = store->eventsOfDay("huurloket", kDay).value();
    EXPECT_EQ(serviceDurations(huurDay), (std::vector<std::chrono::seconds>{660s}));
    EXPECT_EQ(host->countersServing("huurloket", kDay).value(), 0);

    // The event table has no column that could hold personal data.
    auto columns = store->database().queryInt(
        "SELECT COUNT(*) FROM pragma_table_info('queue_event') WHERE name NOT IN "
        "('seq', 'kind', 'service_id', 'day', 'number', 'counter', 'at_ms')");
    EXPECT_EQ(columns.value(), 0);
}

TEST_F(SqliteQueueStoreTest, TwoConnectionsIssuingAtOnceNeverShareANumber) {
    auto first = open().tickets;
    auto second = open().tickets;
    ASSERT_TRUE(first && second);
    std::vector<int> a, b;
    auto issue = [](SqliteQueueStore& store, std::vector<int>& out) {
        for (int i = 0; i < 100; ++i) {
            auto t = store.issueTicket("huurloket", kMorning);
            if (t.isOk()) out.push_back(t->number);
        }
    };
    std::thread ta(issue, std::ref(*first), std::ref(a));
    std::thread tb(issue, std::ref(*second), std::ref(b));
    ta.join();
    tb.join();
    ASSERT_EQ(a.size() + b.size(), 200u);
    std::set<int> all(a.begin(), a.end());
    all.insert(b.begin(), b.end());
    EXPECT_EQ(all.size(), 200u);
    EXPECT_EQ(*all.begin(), 1);
    EXPECT_EQ(*all.rbegin(), 200);
}

// A crash at a named point, in a forked child that opens its own connection. What the parent then finds
// tells whether the number was used: before COMMIT nothing is left (the next number is the same), after
// it the number stays taken (a gap, never a repeat).
struct CrashCase {
    const char* point;
    int nextNumber;  // what the next issue hands out after the crash
};
void PrintTo(const CrashCase& c, std::ostream* os) {
    *os << c.point;
}

class SqliteQueueStoreCrashTest : public SqliteQueueStoreTest,
                                  public ::testing::WithParamInterface<CrashCase> {};

TEST_P(SqliteQueueStoreCrashTest, CrashAtANamedPoint) {
    GTEST_FLAG_SET(death_test_style, "fast");
    auto [point, nextNumber] = GetParam();
    {
        auto store = open().tickets;
        ASSERT_TRUE(store);
        ASSERT_TRUE(store->issueTicket("huurloket", kMorning).isOk());  // H-001
    }
    ::setenv("WIJKPUNT_CRASH_AT", point, 1);
    EXPECT_EXIT(
        {
            auto store = SqliteQueueStore::open(file_, kServices);
            if (store.isOk()) (void)store.value()->issueTicket("huurloket", kMorning + 1min);
            std::_Exit(3);  // the crash point was not reached
        },
        ::testing::KilledBySignal(SIGKILL), "");
    ::unsetenv("WIJKPUNT_CRASH_AT");

    auto store = open().tickets;
    ASSERT_TRUE(store);
    EXPECT_EQ(store->issueTicket("huurloket", kMorning + 2min)->number, nextNumber) << point;
    auto all = store->ticketsOfDay("huurloket", kDay).value();
    for (size_t i = 1; i < all.size(); ++i) EXPECT_LT(all[i - 1].number, all[i].number);
    auto integrity = store->database().pragma("integrity_check");
    EXPECT_EQ(integrity.value(), "ok");
}

INSTANTIATE_TEST_SUITE_P(SqliteQueueStore, SqliteQueueStoreCrashTest,
                         ::testing::Values(CrashCase{"issue-begun", 2}, CrashCase{"after-counter-update", 2},
                                           CrashCase{"after-ticket-insert", 2},
                                           CrashCase{"after-event-insert", 2}, CrashCase{"after-commit", 3}),
                         [](const auto& info) {
                             std::string name = info.param.point;
                             std::erase(name, '-');
                             return name;
                         });

}  // namespace
}  // namespace wp
