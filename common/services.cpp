#include "common/services.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "common/bundle.h"
#include "common/toml_reader.h"

namespace wp {

using toml_reader::TomlReader;
namespace fs = std::filesystem;

int parseMinuteOfDay(std::string_view s) {
    if (s.size() != 5 || s[2] != ':') return -1;
    for (size_t i : {0u, 1u, 3u, 4u})
        if (s[i] < '0' || s[i] > '9') return -1;
    int hours = (s[0] - '0') * 10 + (s[1] - '0');
    int minutes = (s[3] - '0') * 10 + (s[4] - '0');
    if (minutes > 59) return -1;
    if (hours > 24 || (hours == 24 && minutes != 0)) return -1;
    return hours * 60 + minutes;
}

namespace {

bool isServiceId(std::string_view s) {
    if (s.empty() || s.size() > 32 || s.front() == '-' || s.back() == '-') return false;
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

bool isPrefix(std::string_view s) {
    return (s.size() == 1 || s.size() == 2) &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool isLeap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

// "YYYY-MM-DD" with a real month and day.
bool isDay(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (size_t i = 0; i < s.size(); ++i)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
    int y = std::stoi(std::string(s.substr(0, 4)));
    int m = std::stoi(std::string(s.substr(5, 2)));
    int d = std::stoi(std::string(s.substr(8, 2)));
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1) return false;
    return d <= kDays[m - 1] + (m == 2 && isLeap(y) ? 1 : 0);
}

// Parses one weekday's list of "HH:MM-HH:MM" windows.
std::vector<WalkInWindow> readWindows(TomlReader& r, const toml::node& n, std::string_view weekday) {
    std::vector<WalkInWindow> out;
    const toml::array* list = n.as_array();
    if (list == nullptr) {
        r.error(&n, fmt::format("'{}' must be a list of walk-in times like [\"09:00-12:00\"], found {}",
                                weekday, TomlReader::typeName(n)));
        return out;
    }
    for (const toml::node& item : *list) {
        std::optional<std::string_view> text = item.value<std::string_view>();
        if (!item.is_string() || !text) {
            r.error(&item, fmt::format("a walk-in time must be a string like \"09:00-12:00\", found {}",
                                       TomlReader::typeName(item)));
            continue;
        }
        std::string_view s = *text;
        size_t dash = s.find('-');
        int from = dash == std::string_view::npos ? -1 : parseMinuteOfDay(s.substr(0, dash));
        int to = dash == std::string_view::npos ? -1 : parseMinuteOfDay(s.substr(dash + 1));
        if (from < 0 || to < 0) {
            r.error(&item,
                    fmt::format("walk-in time \"{}\" must look like \"09:00-12:00\" (24-hour clock)", s));
            continue;
        }
        if (from >= to) {
            r.error(&item, fmt::format("walk-in time \"{}\" must end after it starts", s));
            continue;
        }
        out.push_back({from, to});
    }
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.fromMinute < b.fromMinute; });
    for (size_t i = 1; i < out.size(); ++i)
        if (out[i].fromMinute < out[i - 1].toMinute)
            r.error(&n, fmt::format("walk-in times on {} overlap", weekday));
    return out;
}

void readService(TomlReader& r, const toml::table& t, Service& s) {
    s.id = r.requireString(t, "id", "the service's id, like \"huurloket\"");
    if (!s.id.empty() && !isServiceId(s.id))
        r.error(t.get("id"), fmt::format("id '{}' must be lowercase letters, digits and '-'", s.id));
    s.prefix = r.requireString(t, "prefix", "the ticket letter, like \"H\"");
    if (!s.prefix.empty() && !isPrefix(s.prefix))
        r.error(t.get("prefix"), fmt::format("prefix '{}' must be one or two capital letters A-Z", s.prefix));
    s.nameKey = r.requireString(t, "name", "the text key of the service's name, like \"service.huurloket\"");
    s.hintKey = r.requireString(t, "hint", "the text key of the line under the name");
    s.bringKey = r.optionalString(t, "bring", "", "the text key of what to bring to an appointment");
    long long minutes =
        r.requireInt(t, "default_service_minutes", "minutes one resident takes at the counter, like 10");
    if (t.get("default_service_minutes") && t.get("default_service_minutes")->is_integer() &&
        (minutes < 1 || minutes > 240))
        r.error(t.get("default_service_minutes"), "default_service_minutes must be between 1 and 240");
    s.defaultServiceMinutes = static_cast<int>(std::clamp(minutes, 1LL, 240LL));

    if (const toml::table* w =
            r.requireTable(t, "walk_in", "a [service.walk_in] table of hours per weekday")) {
        for (const auto& [key, node] : *w) {
            auto it = std::find(kWeekdayKeys.begin(), kWeekdayKeys.end(), key.str());
            if (it == kWeekdayKeys.end()) {
                r.error(&node, fmt::format("'{}' is no weekday (expected monday ... sunday)", key.str()));
                continue;
            }
            s.walkIn[static_cast<size_t>(it - kWeekdayKeys.begin())] = readWindows(r, node, key.str());
        }
    }
    if (const toml::node* n = t.get("closed_dates")) {
        if (const toml::array* dates = n->as_array()) {
            for (const toml::node& d : *dates) {
                if (const auto* date = d.as_date()) {
                    const toml::date& v = date->get();
                    s.closedDates.push_back(fmt::format("{:04}-{:02}-{:02}", v.year, v.month, v.day));
                } else if (d.is_string() && isDay(*d.value<std::string_view>())) {
                    s.closedDates.emplace_back(*d.value<std::string_view>());
                } else {
                    r.error(&d, "a closed date must be a date like 2026-04-27");
                }
            }
            std::sort(s.closedDates.begin(), s.closedDates.end());
        } else {
            r.error(n, fmt::format("'closed_dates' must be a list of dates like [2026-04-27], found {}",
                                   TomlReader::typeName(*n)));
        }
    }
}

}  // namespace

Result<std::vector<Service>> loadServices(const fs::path& file) {
    if (!fs::exists(file))
        return Status::notFound(
            fmt::format("{}: file not found (expected the walk-in services)", file.string()));
    TomlReader r(file.string());
    if (!r.ok()) return r.status();
    std::vector<Service> services;
    if (const toml::array* list = r.requireArray(r.root(), "service", "[[service]] entries")) {
        std::set<std::string> ids, prefixes;
        for (const toml::node& n : *list) {
            const toml::table* t = n.as_table();
            if (t == nullptr) {
                r.error(&n, "each service must be a [[service]] table");
                continue;
            }
            Service s;
            readService(r, *t, s);
            if (!s.id.empty() && !ids.insert(s.id).second)
                r.error(t->get("id"), fmt::format("service id '{}' appears twice", s.id));
            if (!s.prefix.empty() && !prefixes.insert(s.prefix).second)
                r.error(t->get("prefix"), fmt::format("prefix '{}' is used by two services", s.prefix));
            services.push_back(std::move(s));
        }
        if (services.empty() && r.ok()) r.error(list, "at least one [[service]] is needed");
    }
    if (!r.ok()) return r.status();
    return services;
}

Result<std::vector<Service>> loadContentServices(const fs::path& contentDir, const Content& content) {
    fs::path file = contentDir / "services.toml";
    auto services = loadServices(file);
    if (!services) return services.status();
    std::vector<std::string> errors;
    for (const Service& s : services.value())
        for (const std::string* key : {&s.nameKey, &s.hintKey, &s.bringKey})
            for (const auto& [code, lt] : content.texts)
                if (!key->empty() && !lt.texts.contains(*key))
                    errors.push_back(fmt::format("{}: missing text '{}' (used by service '{}' in {})",
                                                 lt.file, *key, s.id, file.string()));
    if (!errors.empty()) {
        std::string all;
        for (auto& e : errors) all += (all.empty() ? "" : "\n") + e;
        return Status::invalidInput(all);
    }
    return services;
}

}  // namespace wp
