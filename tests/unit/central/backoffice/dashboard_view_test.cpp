// The dashboard page's view (central/backoffice/dashboard_view.h): Dutch durations and week names, week
// navigation that stops at the current week, and every figure as a chart with the same numbers in rows.
#include "central/backoffice/dashboard_view.h"

#include <gtest/gtest.h>

namespace wp {
namespace {

using namespace std::chrono_literals;

TEST(DashboardViewTest, DurationsReadAsMinutesHoursOrDays) {
    EXPECT_EQ(durationText(std::nullopt), "-");
    EXPECT_EQ(durationText(0s), "minder dan 1 min");
    EXPECT_EQ(durationText(29s), "minder dan 1 min");
    EXPECT_EQ(durationText(89s), "1 min");
    EXPECT_EQ(durationText(std::chrono::seconds(59min)), "59 min");
    EXPECT_EQ(durationText(std::chrono::seconds(3h + 5min)), "3 uur 5 min");
    EXPECT_EQ(durationText(std::chrono::seconds(2h)), "2 uur");
    EXPECT_EQ(durationText(std::chrono::seconds(52h)), "2 dagen 4 uur");
    EXPECT_EQ(durationText(std::chrono::seconds(72h)), "3 dagen");
}

TEST(DashboardViewTest, AWeekIsNamedByItsDays) {
    EXPECT_EQ((weekLabel(IsoWeek{2026, 49})), "week 49 van 2026: 30 november tot en met 6 december 2026");
    EXPECT_EQ((weekLabel(IsoWeek{2026, 1})), "week 1 van 2026: 29 december 2025 tot en met 4 januari 2026");
}

TEST(DashboardViewTest, EveryFigureHasItsChartAndRowsAndTheWeekLinksStopAtThisWeek) {
    DashboardFigures f;
    f.requests = 3;
    f.byType = {{"callback", 2}, {"question", 1}};
    f.byTeam = {{"huurloket", 3}};
    f.answeredInTime = 2;
    f.unansweredLate = 1;
    f.firstResponse = spreadOf({std::chrono::seconds(2h), std::chrono::seconds(5h)});
    f.tickets = 4;
    f.ticketsByService = {{"huurloket", 4}};
    f.wait = spreadOf({600s, 1200s});
    f.ticketsNotCalled = 2;
    f.waitByHour = {{9, spreadOf({600s, 1200s})}};
    DashboardContext c{"SGN", {"OOS", "SGN"}, {2026, 49}, {2026, 49}, 72h};
    c.teamLabels = {{"huurloket", "Huurloket"}};
    auto v = dashboardView(f, c);
    EXPECT_EQ(v["requests"], 3);
    EXPECT_EQ(v["tickets"], 4);
    EXPECT_EQ(v["byType"]["rows"][0]["label"], "Terugbellen");
    EXPECT_EQ(v["byType"]["rows"][0]["count"], 2);
    EXPECT_NE(v["byType"]["svg"].get<std::string>().find(">Terugbellen</text>"), std::string::npos);
    EXPECT_EQ(v["byTeam"]["rows"][0]["label"], "Huurloket");
    EXPECT_EQ(v["services"]["rows"][0]["count"], 4);
    EXPECT_EQ(v["answers"]["inTime"], 2);
    EXPECT_EQ(v["answers"]["inTimePercent"], 67);
    EXPECT_EQ(v["answers"]["median"], "2 uur");
    EXPECT_EQ(v["answers"]["p90"], "5 uur");
    EXPECT_EQ(v["waits"]["median"], "10 min");
    EXPECT_EQ(v["waits"]["p90"], "20 min");
    EXPECT_EQ(v["waits"]["notCalled"], 2);
    EXPECT_EQ(v["waits"]["hours"][0]["hour"], "9:00 tot 10:00");
    EXPECT_NE(v["waits"]["svg"].get<std::string>().find(">9:00</text>"), std::string::npos);
    EXPECT_EQ(v["contactPoints"][1]["selected"], true);
    EXPECT_EQ(v["previousHref"], "/backoffice/dashboard?contact_point=SGN&week=2026-W48");
    EXPECT_FALSE(v.contains("nextHref"));  // no later week than this one
    EXPECT_FALSE(v.contains("currentHref"));

    c.week = {2026, 47};
    auto earlier = dashboardView(DashboardFigures{}, c);
    EXPECT_EQ(earlier["nextHref"], "/backoffice/dashboard?contact_point=SGN&week=2026-W48");
    EXPECT_EQ(earlier["currentHref"], "/backoffice/dashboard?contact_point=SGN&week=2026-W49");
    EXPECT_EQ(earlier["answers"]["any"], false);
    EXPECT_NE(earlier["byType"]["svg"].get<std::string>().find("Geen gegevens"), std::string::npos);
}

}  // namespace
}  // namespace wp
