// Where a ticket stands, from forwarded queue events: place by original issue time (transfers keep it),
// no-shows and their undoing, calls, the estimate over the counters open now, and stale data.
#include "central/ticket_position.h"

#include <gtest/gtest.h>

namespace wp {
namespace {

using namespace std::chrono_literals;

constexpr const char* kDay = "2026-11-26";

class TicketPositionTest : public ::testing::Test {
  protected:
    TimePoint t0 = fromUnixMillis(1795680000000);  // 2026-11-26 09:00 local
    std::vector<QueueStatEvent> events;
    std::int64_t seq = 0;
    PositionOptions options;

    TicketPositionTest() {
        options.defaultPerPerson = 10min;
        options.defaultByService = {{"huurloket", 15min}};
        options.prefixByService = {{"huurloket", "H"}, {"wijkteam", "W"}};
    }

    void add(const char* kind, const char* service, int number, const char* ticket, TimePoint at,
             const char* counter = "") {
        events.push_back({++seq, kind, service, kDay, number, counter, at, ticket});
    }
    // A host signs in at (or out of) a counter: one event per service the host serves.
    void counter(const char* kind, const char* service, const char* name, TimePoint at) {
        events.push_back({++seq, kind, service, kDay, 0, name, at, ""});
    }
    void issue(const char* service, int number, const char* ticket, TimePoint at) {
        add("issued", service, number, ticket, at);
    }
    std::optional<TicketPosition> position(const std::string& ticket, TimePoint now,
                                           std::optional<TimePoint> heard = std::nullopt,
                                           const std::string& today = kDay) {
        return ticketPosition(events, ticket, kDay, today, now, heard ? heard : std::optional(now), options);
    }
};

TEST_F(TicketPositionTest, UnknownTicketIsNothing) {
    issue("huurloket", 1, "H-001", t0);
    EXPECT_FALSE(position("H-002", t0 + 1min));
    EXPECT_FALSE(position("W-001", t0 + 1min));
}

TEST_F(TicketPositionTest, PeopleBeforeAreEarlierWaitingTicketsOfTheSameService) {
    counter("counter-opened", "huurloket", "Balie 1", t0);
    counter("counter-opened", "gemeente", "Balie 1", t0);
    issue("huurloket", 1, "H-001", t0);
    issue("wijkteam", 1, "W-001", t0 + 1min);
    issue("huurloket", 2, "H-002", t0 + 2min);
    issue("huurloket", 3, "H-003", t0 + 3min);
    auto p = position("H-003", t0 + 4min);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->phase, TicketPhase::Waiting);
    EXPECT_EQ(p->service, "huurloket");
    EXPECT_EQ(p->peopleBefore, 2);
    // Nothing finished today: the content's default for the service, over the one counter open.
    EXPECT_EQ(p->averageServiceTime, 15min);
    EXPECT_EQ(p->counters, 1);
    EXPECT_EQ(p->estimatedWait, 30min);
    EXPECT_EQ(position("H-001", t0 + 4min)->peopleBefore, 0);
    EXPECT_EQ(position("H-001", t0 + 4min)->estimatedWait, 0min);
    // A service the content does not know: the configured default per person.
    issue("gemeente", 1, "G-001", t0);
    issue("gemeente", 2, "G-002", t0 + 1min);
    EXPECT_EQ(position("G-002", t0 + 4min)->estimatedWait, 10min);
}

TEST_F(TicketPositionTest, NoCounterOpenMeansTheWaitIsNotKnownAsOnTheTicket) {
    issue("huurloket", 1, "H-001", t0);
    issue("huurloket", 2, "H-002", t0 + 1min);
    auto p = position("H-002", t0 + 2min);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->peopleBefore, 1);
    EXPECT_EQ(p->counters, 0);
    EXPECT_FALSE(p->estimatedWait) << "no counter serves the service: the page does not guess";
    counter("counter-opened", "huurloket", "Balie 2", t0 + 3min);
    EXPECT_EQ(position("H-002", t0 + 4min)->estimatedWait, 15min);
    counter("counter-closed", "huurloket", "Balie 2", t0 + 5min);
    EXPECT_FALSE(position("H-002", t0 + 6min)->estimatedWait);
}

TEST_F(TicketPositionTest, TheMovingAverageOfTodayAndTheOpenCountersMakeTheEstimate) {
    counter("counter-opened", "huurloket", "Balie 1", t0);
    counter("counter-opened", "huurloket", "Balie 2", t0);
    counter("counter-opened", "wijkteam", "Balie 2", t0);
    for (int n = 1; n <= 6; ++n) issue("huurloket", n, ("H-00" + std::to_string(n)).c_str(), t0 + n * 1s);
    // H-001: 8 minutes at Balie 1; H-002: 12 minutes at Balie 2.
    add("called", "huurloket", 1, "H-001", t0 + 10min, "Balie 1");
    add("called", "huurloket", 2, "H-002", t0 + 10min, "Balie 2");
    add("done", "huurloket", 1, "H-001", t0 + 18min, "Balie 1");
    add("done", "huurloket", 2, "H-002", t0 + 22min, "Balie 2");
    auto p = position("H-006", t0 + 25min);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->peopleBefore, 3);  // H-003, H-004, H-005
    EXPECT_EQ(p->averageServiceTime, 10min);
    EXPECT_EQ(p->counters, 2);
    EXPECT_EQ(p->estimatedWait, 15min);  // 3 x 10 min / 2
    // Balie 2 signs out: one counter left for the Huurloket.
    counter("counter-closed", "huurloket", "Balie 2", t0 + 24min);
    counter("counter-closed", "wijkteam", "Balie 2", t0 + 24min);
    auto later = position("H-006", t0 + 25min);
    EXPECT_EQ(later->counters, 1);
    EXPECT_EQ(later->estimatedWait, 30min);
    // Rounded up to whole minutes.
    add("called", "huurloket", 3, "H-003", t0 + 23min, "Balie 1");
    add("done", "huurloket", 3, "H-003", t0 + 23min + 64s, "Balie 1");
    auto odd = position("H-006", t0 + 25min);  // average (8:00 + 12:00 + 1:04) / 3 = 7:01.33, rounded up
    EXPECT_EQ(odd->peopleBefore, 2);
    EXPECT_EQ(odd->averageServiceTime, 422s);
    EXPECT_EQ(odd->estimatedWait, 15min);  // 2 x 7:02 = 14:04 at the one counter left, shown as 15 minutes
    // Only the last five finished tickets count, as on the kiosk.
    issue("huurloket", 7, "H-007", t0 + 26min);
    issue("huurloket", 8, "H-008", t0 + 27min);
    for (int n = 4; n <= 8; ++n) {
        add("called", "huurloket", n, ("H-00" + std::to_string(n)).c_str(), t0 + 30min + n * 1min, "Balie 1");
        add("done", "huurloket", n, ("H-00" + std::to_string(n)).c_str(), t0 + 30min + n * 1min + 2min,
            "Balie 1");
    }
    issue("huurloket", 9, "H-009", t0 + 40min);
    issue("huurloket", 10, "H-010", t0 + 41min);
    EXPECT_EQ(position("H-010", t0 + 45min)->averageServiceTime, 2min);
}

TEST_F(TicketPositionTest, CalledServingAndDoneSayWhereToGo) {
    issue("huurloket", 14, "H-014", t0);
    add("called", "huurloket", 14, "H-014", t0 + 5min, "Balie 2");
    auto p = position("H-014", t0 + 6min);
    EXPECT_EQ(p->phase, TicketPhase::Called);
    EXPECT_EQ(p->counter, "Balie 2");
    add("recalled", "huurloket", 14, "H-014", t0 + 7min, "Balie 2");
    EXPECT_EQ(position("H-014", t0 + 7min)->phase, TicketPhase::Called);
    add("serving", "huurloket", 14, "H-014", t0 + 8min, "Balie 2");
    EXPECT_EQ(position("H-014", t0 + 8min)->phase, TicketPhase::Serving);
    EXPECT_EQ(position("H-014", t0 + 8min)->counter, "Balie 2");
    add("done", "huurloket", 14, "H-014", t0 + 20min, "Balie 2");
    auto done = position("H-014", t0 + 21min);
    EXPECT_EQ(done->phase, TicketPhase::Done);
    EXPECT_EQ(done->counter, "");
    EXPECT_EQ(done->averageServiceTime, 15min);  // called 5 min, done 20 min: recall changes nothing
}

TEST_F(TicketPositionTest, NoShowsLeaveTheLineAndAnUndoneNoShowKeepsItsPlace) {
    issue("huurloket", 1, "H-001", t0);
    issue("huurloket", 2, "H-002", t0 + 1min);
    issue("huurloket", 3, "H-003", t0 + 2min);
    add("called", "huurloket", 1, "H-001", t0 + 5min, "Balie 1");
    add("no-show", "huurloket", 1, "H-001", t0 + 8min, "Balie 1");
    EXPECT_EQ(position("H-001", t0 + 9min)->phase, TicketPhase::Gone);
    EXPECT_EQ(position("H-003", t0 + 9min)->peopleBefore, 1);
    add("no-show-undone", "huurloket", 1, "H-001", t0 + 10min);
    EXPECT_EQ(position("H-001", t0 + 11min)->phase, TicketPhase::Waiting);
    EXPECT_EQ(position("H-001", t0 + 11min)->peopleBefore, 0);  // its original place, first in line
    EXPECT_EQ(position("H-003", t0 + 11min)->peopleBefore, 2);
    // A no-show's time at the counter is no service time.
    EXPECT_EQ(position("H-003", t0 + 11min)->averageServiceTime, 15min);
    add("cancelled", "huurloket", 2, "H-002", t0 + 12min);
    EXPECT_EQ(position("H-002", t0 + 12min)->phase, TicketPhase::Gone);
    EXPECT_EQ(position("H-003", t0 + 12min)->peopleBefore, 1);
}

TEST_F(TicketPositionTest, ATransferKeepsTheOriginalPlaceInTheNewLine) {
    issue("wijkteam", 1, "W-001", t0);          // 09:00
    issue("huurloket", 1, "H-001", t0 + 1min);  // 09:01
    issue("wijkteam", 2, "W-002", t0 + 2min);   // 09:02
    issue("wijkteam", 3, "W-003", t0 + 3min);   // 09:03
    // H-001 is sent on to the Wijkteam: its number there is 4, its display and place (09:01) stay.
    add("called", "huurloket", 1, "H-001", t0 + 5min, "Balie 1");
    add("transferred-out", "huurloket", 1, "H-001", t0 + 6min, "Balie 1");
    add("transferred-in", "wijkteam", 4, "H-001", t0 + 6min);
    auto moved = position("H-001", t0 + 7min);
    ASSERT_TRUE(moved);
    EXPECT_EQ(moved->service, "wijkteam");
    EXPECT_EQ(moved->phase, TicketPhase::Waiting);
    EXPECT_EQ(moved->peopleBefore, 1);  // only W-001 was there before 09:01
    EXPECT_EQ(position("W-003", t0 + 7min)->peopleBefore, 3);
    EXPECT_EQ(position("W-002", t0 + 7min)->peopleBefore, 2);
    // The time H-001 spent at the Huurloket counter counts for nobody.
    add("called", "wijkteam", 4, "H-001", t0 + 8min, "Balie 3");
    add("done", "wijkteam", 4, "H-001", t0 + 18min, "Balie 3");
    EXPECT_EQ(position("W-003", t0 + 19min)->averageServiceTime, 10min);
}

TEST_F(TicketPositionTest, PutBackAndParkedTickets) {
    issue("huurloket", 1, "H-001", t0);
    issue("huurloket", 2, "H-002", t0 + 1min);
    add("called", "huurloket", 1, "H-001", t0 + 2min, "Balie 1");
    add("returned", "huurloket", 1, "H-001", t0 + 3min);
    EXPECT_EQ(position("H-001", t0 + 3min)->phase, TicketPhase::Waiting);
    EXPECT_EQ(position("H-002", t0 + 3min)->peopleBefore, 1);
    add("called", "huurloket", 1, "H-001", t0 + 4min, "Balie 1");
    add("parked", "huurloket", 1, "H-001", t0 + 6min, "Balie 1");
    EXPECT_EQ(position("H-001", t0 + 6min)->phase, TicketPhase::Parked);
    EXPECT_EQ(position("H-002", t0 + 6min)->peopleBefore, 0);  // a parked ticket is not in line
    add("called", "huurloket", 1, "H-001", t0 + 10min, "Balie 2");
    add("done", "huurloket", 1, "H-001", t0 + 13min, "Balie 2");
    // Served 2 minutes before parking and 3 after: 5, the put-back call not counted.
    EXPECT_EQ(position("H-002", t0 + 14min)->averageServiceTime, 5min);
}

TEST_F(TicketPositionTest, EventsWithoutTheTicketAreMatchedByPrefixAndNumber) {
    issue("huurloket", 14, "", t0);
    add("called", "huurloket", 14, "", t0 + 1min, "Balie 2");
    auto p = position("H-014", t0 + 2min);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->phase, TicketPhase::Called);
    EXPECT_EQ(p->counter, "Balie 2");
}

TEST_F(TicketPositionTest, StaleWhenNoKioskWasHeardForMoreThanTwoMinutes) {
    issue("huurloket", 1, "H-001", t0);
    EXPECT_FALSE(position("H-001", t0 + 5min, t0 + 3min)->stale);
    EXPECT_FALSE(position("H-001", t0 + 5min, t0 + 3min - 0s)->stale);  // exactly two minutes: fresh
    auto stale = position("H-001", t0 + 5min, t0 + 3min - 1s);
    EXPECT_TRUE(stale->stale);
    EXPECT_EQ(stale->lastHeard, t0 + 3min - 1s);
    auto never = ticketPosition(events, "H-001", kDay, kDay, t0 + 1min, std::nullopt, options);
    EXPECT_TRUE(never->stale);
    EXPECT_FALSE(never->lastHeard);
}

TEST_F(TicketPositionTest, AnUnfinishedTicketOfAnEarlierDayIsNoLongerInLine) {
    issue("huurloket", 1, "H-001", t0);
    issue("huurloket", 2, "H-002", t0 + 1min);
    add("called", "huurloket", 2, "H-002", t0 + 2min, "Balie 1");
    add("done", "huurloket", 2, "H-002", t0 + 9min, "Balie 1");
    EXPECT_EQ(position("H-001", t0 + 24h, t0 + 24h, "2026-11-27")->phase, TicketPhase::Gone);
    EXPECT_EQ(position("H-002", t0 + 24h, t0 + 24h, "2026-11-27")->phase, TicketPhase::Done);
}

}  // namespace
}  // namespace wp
