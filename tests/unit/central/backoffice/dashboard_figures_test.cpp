// The dashboard's figures (central/backoffice/dashboard_figures.h) against hand-computed data: ISO weeks in
// Europe/Amsterdam, nearest-rank medians and 90th percentiles, requests by type and team, time to first
// answer, tickets per service and waits from ticket to call per hour of the day.
#include "central/backoffice/dashboard_figures.h"

#include <gtest/gtest.h>

#include "common/wire.h"

namespace wp {
namespace {

using namespace std::chrono_literals;

TimePoint utc(const std::string& text) {
    auto t = parseRfc3339(text);
    EXPECT_TRUE(t.has_value()) << text;
    return t.value_or(TimePoint{});
}

TEST(IsoWeekTest, AWeekRunsFromMondayMidnightInAmsterdam) {
    auto w = IsoWeek::parse("2026-W49");
    ASSERT_TRUE(w.has_value());
    EXPECT_EQ(w->text(), "2026-W49");
    EXPECT_EQ(w->firstDay(), "2026-11-30");
    EXPECT_EQ(w->lastDay(), "2026-12-06");
    EXPECT_EQ(w->start(), utc("2026-11-29T23:00:00Z"));  // CET is UTC+1
    EXPECT_EQ(w->end(), utc("2026-12-06T23:00:00Z"));
    EXPECT_EQ(IsoWeek::containing(utc("2026-11-29T22:59:59Z")), (IsoWeek{2026, 48}));
    EXPECT_EQ(IsoWeek::containing(utc("2026-11-29T23:00:00Z")), (IsoWeek{2026, 49}));
}

TEST(IsoWeekTest, TheWeekOfTheSummerTimeChangeIsAnHourShort) {
    IsoWeek w{2026, 13};  // Sunday 29 March 2026 the clocks go forward
    EXPECT_EQ(w.start(), utc("2026-03-22T23:00:00Z"));
    EXPECT_EQ(w.end(), utc("2026-03-29T22:00:00Z"));
    EXPECT_EQ(w.end() - w.start(), 167h);
}

TEST(IsoWeekTest, WeeksCrossYearsAndOnlyRealWeeksParse) {
    EXPECT_TRUE(IsoWeek::parse("2026-W53").has_value());  // 2026 starts on a Thursday: 53 weeks
    EXPECT_FALSE(IsoWeek::parse("2025-W53").has_value());
    EXPECT_EQ((IsoWeek{2026, 53}.next()), (IsoWeek{2027, 1}));
    EXPECT_EQ((IsoWeek{2027, 1}.previous()), (IsoWeek{2026, 53}));
    EXPECT_EQ((IsoWeek{2026, 1}.firstDay()), "2025-12-29");
    for (const char* bad :
         {"", "2026", "2026-49", "2026-W00", "2026-W5x", "2026-W495", "abcd-W01", "2026-W-1"})
        EXPECT_FALSE(IsoWeek::parse(bad).has_value()) << bad;
    EXPECT_EQ(IsoWeek::parse("2026-W05"), (IsoWeek{2026, 5}));
}

TEST(DashboardFiguresTest, LocalHourFollowsSummerTime) {
    EXPECT_EQ(localHour(utc("2026-07-01T07:30:00Z")), 9);
    EXPECT_EQ(localHour(utc("2026-12-01T07:30:00Z")), 8);
}

TEST(DashboardFiguresTest, MedianAndP90AreNearestRankValues) {
    Spread four = spreadOf({40s, 10s, 30s, 20s});
    EXPECT_EQ(four.count, 4);
    EXPECT_EQ(four.median, 20s);
    EXPECT_EQ(four.p90, 40s);
    Spread ten = spreadOf({1s, 2s, 3s, 4s, 5s, 6s, 7s, 8s, 9s, 10s});
    EXPECT_EQ(ten.median, 5s);
    EXPECT_EQ(ten.p90, 9s);
    Spread one = spreadOf({7s});
    EXPECT_EQ(one.median, 7s);
    EXPECT_EQ(one.p90, 7s);
    Spread none = spreadOf({});
    EXPECT_EQ(none.count, 0);
    EXPECT_FALSE(none.median.has_value());
    EXPECT_FALSE(none.p90.has_value());
}

TEST(DashboardFiguresTest, RequestsAreCountedByTypeAndTeamWithTheirFirstAnswer) {
    TimePoint now = utc("2026-12-08T12:00:00Z");
    std::vector<DashboardRequest> requests = {
        {"callback", "huurloket", utc("2026-11-30T08:00:00Z"), utc("2026-11-30T10:00:00Z")},  // 2 h
        {"callback", "wijkteam", utc("2026-11-30T10:00:00Z"), utc("2026-12-04T14:00:00Z")},   // 100 h: late
        {"question", "huurloket", utc("2026-12-01T08:00:00Z"), std::nullopt},  // 172 h without answer
        {"question", "gemeente", utc("2026-12-06T20:00:00Z"), std::nullopt},   // 40 h without answer
        {"home-visit", "wijkteam", utc("2026-12-02T08:00:00Z"), utc("2026-12-09T08:00:00Z")},  // after now
    };
    DashboardFigures f = dashboardFigures(requests, {}, now, DashboardOptions{72h});
    EXPECT_EQ(f.requests, 5);
    EXPECT_EQ(f.byType, (std::vector<Count>{{"callback", 2}, {"question", 2}, {"home-visit", 1}}));
    EXPECT_EQ(f.byTeam, (std::vector<Count>{{"huurloket", 2}, {"wijkteam", 2}, {"gemeente", 1}}));
    EXPECT_EQ(f.firstResponse.count, 2);
    EXPECT_EQ(f.firstResponse.median, std::chrono::seconds(2h));
    EXPECT_EQ(f.firstResponse.p90, std::chrono::seconds(100h));
    EXPECT_EQ(f.answeredInTime, 1);
    EXPECT_EQ(f.answeredLate, 1);
    EXPECT_EQ(f.unansweredLate, 2);
    EXPECT_EQ(f.unansweredInTime, 1);
    EXPECT_EQ(f.tickets, 0);
    EXPECT_TRUE(f.waitByHour.empty());
}

QueueStatEvent event(std::int64_t seq, const char* kind, const char* service, std::int64_t number,
                     const char* ticket, const std::string& at) {
    QueueStatEvent e;
    e.seq = seq;
    e.kind = kind;
    e.service = service;
    e.day = "2026-11-30";
    e.number = number;
    e.ticket = ticket;
    e.at = utc(at);
    return e;
}

TEST(DashboardFiguresTest, TicketsPerServiceAndWaitsFromTicketToFirstCallPerLocalHour) {
    // Monday 30 November 2026, CET (UTC+1): local 09:05 is 08:05Z.
    std::vector<QueueStatEvent> events = {
        event(1, "counter-opened", "huurloket", 0, "", "2026-11-30T07:55:00Z"),
        event(2, "issued", "huurloket", 1, "H-001", "2026-11-30T08:05:00Z"),
        event(3, "called", "huurloket", 1, "H-001", "2026-11-30T08:15:00Z"),  // 10 min, hour 9
        event(4, "issued", "huurloket", 2, "H-002", "2026-11-30T08:20:00Z"),
        event(5, "issued", "wijkteam", 1, "W-001", "2026-11-30T08:40:00Z"),
        event(6, "called", "wijkteam", 1, "W-001", "2026-11-30T08:44:00Z"),   // 4 min, hour 9
        event(7, "called", "huurloket", 2, "H-002", "2026-11-30T08:50:00Z"),  // 30 min, hour 9
        event(8, "called", "huurloket", 2, "H-002", "2026-11-30T09:00:00Z"),  // a second call: no new wait
        event(9, "issued", "wijkteam", 2, "W-002", "2026-11-30T09:10:00Z"),   // hour 10, never called
        event(10, "issued", "huurloket", 3, "", "2026-11-30T10:00:00Z"),      // no display: service + number
        event(11, "called", "huurloket", 3, "", "2026-11-30T10:20:00Z"),      // 20 min, hour 11
    };
    DashboardFigures f = dashboardFigures({}, events, utc("2026-12-08T12:00:00Z"), DashboardOptions{});
    EXPECT_EQ(f.tickets, 5);
    EXPECT_EQ(f.ticketsByService, (std::vector<Count>{{"huurloket", 3}, {"wijkteam", 2}}));
    EXPECT_EQ(f.ticketsNotCalled, 1);
    EXPECT_EQ(f.wait.count, 4);
    EXPECT_EQ(f.wait.median, std::chrono::seconds(10min));
    EXPECT_EQ(f.wait.p90, std::chrono::seconds(30min));
    ASSERT_EQ(f.waitByHour.size(), 3u);
    EXPECT_EQ(f.waitByHour[0].hour, 9);
    EXPECT_EQ(f.waitByHour[0].wait.count, 3);
    EXPECT_EQ(f.waitByHour[0].wait.median, std::chrono::seconds(10min));
    EXPECT_EQ(f.waitByHour[0].wait.p90, std::chrono::seconds(30min));
    EXPECT_EQ(f.waitByHour[1].hour, 10);
    EXPECT_EQ(f.waitByHour[1].wait.count, 0);
    EXPECT_FALSE(f.waitByHour[1].wait.median.has_value());
    EXPECT_EQ(f.waitByHour[2].hour, 11);
    EXPECT_EQ(f.waitByHour[2].wait.median, std::chrono::seconds(20min));
    EXPECT_EQ(f.waitByHour[2].wait.p90, std::chrono::seconds(20min));
}

}  // namespace
}  // namespace wp
