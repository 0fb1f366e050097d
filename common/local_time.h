// Local time in Europe/Amsterdam, the municipality's time zone: the wall clock of walk-in hours (the kiosk's
// queue) and of appointment hours (the central server's agendas), and the local days both count in.
// Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "common/clock.h"

namespace wp {

struct LocalTime {
    std::string day;      // "2026-03-29"
    int weekday = 0;      // 0 = Monday ... 6 = Sunday (index into Service::walkIn and Agenda::weekly)
    int minuteOfDay = 0;  // 0..1439, the wall clock ("02:30" does not exist on 29 March 2026)
};

LocalTime toLocalTime(TimePoint t);
// The local day ("YYYY-MM-DD") of t: the day a ticket issued at t belongs to.
std::string localDay(TimePoint t);
// The moment the wall clock in Europe/Amsterdam shows minuteOfDay on day ("YYYY-MM-DD"). A wall time that
// does not exist (the hour skipped in March) maps to the first moment after the gap; one that occurs twice
// (October) maps to its first occurrence. minuteOfDay may be 1440 (the next midnight).
TimePoint fromLocalTime(std::string_view day, int minuteOfDay);
// The day after day ("2026-03-29" -> "2026-03-30").
std::string nextDay(std::string_view day);
// The day before day ("2027-01-01" -> "2026-12-31").
std::string previousDay(std::string_view day);

}  // namespace wp
