#include "central/backoffice/contact_promise.h"

#include <date/tz.h>

#include <algorithm>

namespace wp {

TimePoint contactDueAt(TimePoint received, int workingDays) {
    static const date::time_zone* zone = date::locate_zone("Europe/Amsterdam");
    const auto local = zone->to_local(std::chrono::time_point_cast<std::chrono::seconds>(received));
    date::local_days day = date::floor<date::days>(local);
    for (int left = std::max(workingDays, 1); left > 0;) {
        day += date::days{1};
        const date::weekday wd{day};
        if (wd != date::Saturday && wd != date::Sunday) --left;
    }
    day += date::days{1};
    // Midnight exists on every day in Europe/Amsterdam (the clock changes at 02:00 and 03:00).
    return std::chrono::time_point_cast<TimePoint::duration>(
        zone->to_sys(date::local_seconds{day.time_since_epoch()}, date::choose::earliest));
}

}  // namespace wp
