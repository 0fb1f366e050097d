// The contact promise in working days (central/backoffice/contact_promise.h): weekends skipped, the local
// day in Europe/Amsterdam decides, summer time included.
#include "central/backoffice/contact_promise.h"

#include <gtest/gtest.h>

#include "common/wire.h"

namespace wp {
namespace {

TimePoint utc(const char* text) {
    return parseRfc3339(text).value();
}

TEST(ContactPromiseTest, AFridayRequestWithThreeWorkingDaysIsDueWhenThursdayStarts) {
    // Friday 4 December 2026, 10:00 in Amsterdam: Monday, Tuesday and Wednesday are the three days.
    EXPECT_EQ(contactDueAt(utc("2026-12-04T09:00:00Z"), 3), utc("2026-12-09T23:00:00Z"));
}

TEST(ContactPromiseTest, TheLocalDayDecidesNotTheUtcDay) {
    // 23:30 UTC on Friday is 00:30 on Saturday in Amsterdam: the weekend is skipped from Saturday.
    EXPECT_EQ(contactDueAt(utc("2026-12-04T23:30:00Z"), 3), utc("2026-12-09T23:00:00Z"));
    // 22:59 UTC on Thursday is still Thursday in Amsterdam: Friday, Monday, Tuesday.
    EXPECT_EQ(contactDueAt(utc("2026-12-03T22:59:00Z"), 3), utc("2026-12-08T23:00:00Z"));
}

TEST(ContactPromiseTest, AWeekendRequestCountsFromMonday) {
    // Sunday 6 December 2026 with five working days: Monday to Friday, due when Saturday starts.
    EXPECT_EQ(contactDueAt(utc("2026-12-06T12:00:00Z"), 5), utc("2026-12-11T23:00:00Z"));
}

TEST(ContactPromiseTest, SummerTimeMidnightIsTwoHoursBeforeUtcMidnight) {
    // Thursday 26 March 2026 (winter time); the clocks go forward on Sunday 29 March. Two working days:
    // Friday and Monday, due at Tuesday 31 March 00:00 summer time (22:00 UTC on Monday).
    EXPECT_EQ(contactDueAt(utc("2026-03-26T10:00:00Z"), 2), utc("2026-03-30T22:00:00Z"));
}

TEST(ContactPromiseTest, NoPromiseBelowOneDay) {
    EXPECT_EQ(contactDueAt(utc("2026-12-07T09:00:00Z"), 0), contactDueAt(utc("2026-12-07T09:00:00Z"), 1));
    EXPECT_EQ(contactDueAt(utc("2026-12-07T09:00:00Z"), 1), utc("2026-12-08T23:00:00Z"));
}

}  // namespace
}  // namespace wp
