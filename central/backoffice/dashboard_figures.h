// DashboardFigures: what the municipality's dashboard shows for one contact point and one ISO week
// (Europe/Amsterdam): how many requests came, of which type and for which team; how fast staff first
// answered them; how many walk-in tickets each service issued; how long people waited from ticket to call,
// per hour of the day. Counts and durations only, never personal data.
//
// Statistics: the median and the 90th percentile are nearest-rank values (the smallest value that at least
// half, or nine in ten, of the values are at or below), so each is a value that really occurred.
// Pure: the store's rows and the time are parameters. Thread-safe.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "central/store/central_store.h"
#include "common/clock.h"

namespace wp {

// An ISO 8601 week of the calendar in Europe/Amsterdam: Monday 00:00 local time up to the next Monday.
struct IsoWeek {
    int year = 0;  // the ISO week-numbering year
    int week = 0;  // 1..53
    bool operator==(const IsoWeek&) const = default;

    // "2026-W49"; nullopt when text is not a week that exists.
    static std::optional<IsoWeek> parse(const std::string& text);
    static IsoWeek containing(TimePoint t);
    std::string text() const;  // "2026-W49"
    IsoWeek previous() const;
    IsoWeek next() const;
    TimePoint start() const;       // Monday 00:00 in Europe/Amsterdam
    TimePoint end() const;         // the next week's start
    std::string firstDay() const;  // "2026-11-30", the Monday
    std::string lastDay() const;   // "2026-12-06", the Sunday
};

// The local hour of the day (0..23) of t in Europe/Amsterdam.
int localHour(TimePoint t);

struct Spread {
    int count = 0;
    std::optional<std::chrono::seconds> median;  // nullopt when count is 0
    std::optional<std::chrono::seconds> p90;
};

// Nearest-rank median and 90th percentile of the values (any order).
Spread spreadOf(std::vector<std::chrono::seconds> values);

struct Count {
    std::string name;
    int count = 0;
    bool operator==(const Count&) const = default;
};

struct HourWait {
    int hour = 0;  // local hour the tickets were issued in
    Spread wait;   // from issue to the first call, of the tickets of that hour that were called
};

struct DashboardFigures {
    int requests = 0;
    std::vector<Count> byType;  // most first, then by name
    std::vector<Count> byTeam;  // most first, then by name

    Spread firstResponse;      // of the requests answered by now
    int answeredInTime = 0;    // first answer within responseTarget
    int answeredLate = 0;      // first answer after responseTarget
    int unansweredLate = 0;    // no answer yet, and older than responseTarget
    int unansweredInTime = 0;  // no answer yet, younger than responseTarget

    int tickets = 0;                      // walk-in tickets issued
    std::vector<Count> ticketsByService;  // most first, then by name
    Spread wait;                          // issue to first call, of every ticket called
    int ticketsNotCalled = 0;             // issued but never called (no-show before the call, gone home)
    std::vector<HourWait> waitByHour;     // hours with at least one ticket issued, in order
};

struct DashboardOptions {
    std::chrono::hours responseTarget{72};  // [dashboard] response_target_hours
};

// Figures from the week's requests (DashboardStore::dashboardRequests) and queue events
// (DashboardStore::queueEventsOfDays). An answer after now is not counted (a clock set back in a test).
DashboardFigures dashboardFigures(const std::vector<DashboardRequest>& requests,
                                  const std::vector<QueueStatEvent>& events, TimePoint now,
                                  const DashboardOptions& options);

}  // namespace wp
