#include "common/clock.h"

#include <date/tz.h>

#include <fstream>
#include <sstream>
#include <string>

namespace wp {

ScriptClock::ScriptClock(std::filesystem::path clockFile) : file_(std::move(clockFile)) {}

Millis ScriptClock::readOffset() const {
    if (file_.empty()) return offset_;
    std::ifstream in(file_);
    long long ms = 0;
    if (in >> ms) return Millis(ms);
    return Millis(0);  // no file yet: nobody has advanced the shared clock
}

TimePoint ScriptClock::now() const {
    std::lock_guard lock(mutex_);
    return std::chrono::system_clock::now() + readOffset();
}

void ScriptClock::advance(Millis d) {
    std::lock_guard lock(mutex_);
    offset_ = readOffset() + d;
    if (file_.empty()) return;
    // Write a sibling file and rename it over the clock file, so a reader never sees half a number.
    auto tmp = file_;
    tmp += ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << offset_.count() << '\n';
    }
    std::filesystem::rename(tmp, file_);
}

void ScriptClock::startAt(TimePoint t) {
    {
        std::lock_guard lock(mutex_);
        if (!file_.empty() && std::filesystem::exists(file_)) return;
    }
    advance(std::chrono::duration_cast<Millis>(t - now()));
}

std::optional<TimePoint> parseLocalDateTime(const std::string& text) {
    std::istringstream in(text);
    date::local_time<std::chrono::minutes> local;
    in >> date::parse("%Y-%m-%d %H:%M", local);
    if (in.fail()) return std::nullopt;
    static const date::time_zone* zone = date::locate_zone("Europe/Amsterdam");
    return zone->to_sys(local, date::choose::earliest);
}

std::string formatLocalHourMinute(TimePoint t) {
    static const date::time_zone* zone = date::locate_zone("Europe/Amsterdam");
    auto local = date::make_zoned(zone, std::chrono::floor<std::chrono::minutes>(t));
    return date::format("%H:%M", local);
}

}  // namespace wp
