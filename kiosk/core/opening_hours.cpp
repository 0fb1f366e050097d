#include "kiosk/core/opening_hours.h"

#include <fmt/format.h>

#include <algorithm>

#include "kiosk/core/ticket_flow.h"

namespace wp {

namespace {

// "maandag": the [day] text of a weekday without its time ("maandag {time}").
std::string dayName(const Texts& texts, std::string_view language, std::size_t weekday) {
    std::string name =
        fillIn(texts.get(language, std::string("day.") + kWeekdayKeys[weekday]), {{"time", ""}});
    while (!name.empty() && name.back() == ' ') name.pop_back();
    while (!name.empty() && name.front() == ' ') name.erase(name.begin());
    return name;
}

// "a, b en c" (the language's "and").
std::string listed(const std::vector<std::string>& items, const Texts& texts, std::string_view language) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? " " + texts.get(language, "receipt.and") + " " : ", ";
        out += items[i];
    }
    return out;
}

// The days of one group: three or more in a row as a range, the others by name.
std::string describeDays(const std::vector<std::size_t>& days, const Texts& texts,
                         std::string_view language) {
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < days.size();) {
        std::size_t j = i;
        while (j + 1 < days.size() && days[j + 1] == days[j] + 1) ++j;
        if (j - i >= 2) {
            parts.push_back(fillIn(
                texts.get(language, "receipt.days_range"),
                {{"from", dayName(texts, language, days[i])}, {"to", dayName(texts, language, days[j])}}));
        } else {
            for (std::size_t k = i; k <= j; ++k) parts.push_back(dayName(texts, language, days[k]));
        }
        i = j + 1;
    }
    return listed(parts, texts, language);
}

}  // namespace

std::string formatClockTime(int minuteOfDay) {
    return fmt::format("{}:{:02}", minuteOfDay / 60, minuteOfDay % 60);
}

std::string describeWeekHours(const Service& service, const Texts& texts, std::string_view language) {
    // Days with the same windows form a group; groups in the order of their first day.
    std::vector<std::vector<std::size_t>> groups;
    for (std::size_t d = 0; d < service.walkIn.size(); ++d) {
        if (service.walkIn[d].empty()) continue;
        auto same = std::find_if(groups.begin(), groups.end(), [&](const auto& g) {
            return service.walkIn[g.front()] == service.walkIn[d];
        });
        if (same != groups.end())
            same->push_back(d);
        else
            groups.push_back({d});
    }
    std::string out;
    for (const auto& days : groups) {
        std::vector<std::string> windows;
        for (const WalkInWindow& w : service.walkIn[days.front()])
            windows.push_back(formatClockTime(w.fromMinute) + "–" + formatClockTime(w.toMinute));
        if (!out.empty()) out += "; ";
        out += describeDays(days, texts, language) + " " + listed(windows, texts, language);
    }
    return out;
}

std::string walkInHoursLine(const Service& service, const Texts& texts, std::string_view language) {
    const std::string& name = texts.get(language, service.nameKey);
    std::string hours = describeWeekHours(service, texts, language);
    if (hours.empty()) return fillIn(texts.get(language, "receipt.no_walk_in"), {{"service", name}});
    return fillIn(texts.get(language, "receipt.walk_in"), {{"service", name}, {"hours", hours}});
}

const Service* findService(const std::vector<Service>& services, std::string_view id) {
    for (const Service& s : services)
        if (s.id == id) return &s;
    return nullptr;
}

}  // namespace wp
