#include "common/local_time.h"

#include <date/tz.h>
#include <fmt/format.h>

#include <cassert>

namespace wp {

namespace {

const date::time_zone* amsterdam() {
    static const date::time_zone* zone = date::locate_zone("Europe/Amsterdam");
    return zone;
}

date::local_days parseDay(std::string_view day) {
    // A day always comes from localDay() or the store, which wrote it with localDay(): a bad one is a bug.
    assert(day.size() == 10 && day[4] == '-' && day[7] == '-');
    auto number = [&](size_t at, size_t len) {
        int v = 0;
        for (size_t i = at; i < at + len; ++i) v = v * 10 + (day[i] - '0');
        return v;
    };
    auto ymd = date::year{number(0, 4)} / date::month{static_cast<unsigned>(number(5, 2))} /
               date::day{static_cast<unsigned>(number(8, 2))};
    assert(ymd.ok());
    return date::local_days{ymd};
}

std::string formatDay(date::local_days d) {
    date::year_month_day ymd{d};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()));
}

}  // namespace

LocalTime toLocalTime(TimePoint t) {
    auto local = amsterdam()->to_local(std::chrono::floor<std::chrono::seconds>(t));
    auto day = date::floor<date::days>(local);
    LocalTime out;
    out.day = formatDay(day);
    out.weekday = static_cast<int>(date::weekday{day}.iso_encoding()) - 1;
    out.minuteOfDay = static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(local - day).count());
    return out;
}

std::string localDay(TimePoint t) {
    return toLocalTime(t).day;
}

TimePoint fromLocalTime(std::string_view day, int minuteOfDay) {
    auto local = parseDay(day) + std::chrono::minutes(minuteOfDay);
    return std::chrono::time_point_cast<TimePoint::duration>(
        amsterdam()->to_sys(local, date::choose::earliest));
}

std::string nextDay(std::string_view day) {
    return formatDay(parseDay(day) + date::days{1});
}

std::string previousDay(std::string_view day) {
    return formatDay(parseDay(day) - date::days{1});
}

}  // namespace wp
