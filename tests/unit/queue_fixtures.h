// Small helpers the queue, store, host-desk and call-board tests share: a UTC moment, and a service that
// has walk-in hours all day on every day (so tests choose their clock freely).
#pragma once

#include <date/date.h>

#include <chrono>
#include <string>

#include "common/clock.h"
#include "common/services.h"

namespace wp::testing {

inline TimePoint utc(int y, unsigned m, unsigned d, int hh = 0, int mm = 0, int ss = 0) {
    return TimePoint(date::sys_days{date::year{y} / m / d} + std::chrono::hours(hh) +
                     std::chrono::minutes(mm) + std::chrono::seconds(ss));
}

inline Service service(std::string id, std::string prefix) {
    Service s;
    s.id = std::move(id);
    s.prefix = std::move(prefix);
    for (auto& day : s.walkIn) day = {{0, 24 * 60}};
    return s;
}

}  // namespace wp::testing
