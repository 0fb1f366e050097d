#include "central/agenda_json.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "common/appointment.h"
#include "common/json_input.h"
#include "common/request_spec.h"
#include "common/services.h"

namespace wp {

using nlohmann::json;
using namespace json_input;

namespace {

std::string minuteText(int m) {
    return fmt::format("{:02}:{:02}", m / 60, m % 60);
}

bool oneLine(std::string_view s) {
    return std::none_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
}

json agendaJson(const Agenda& a) {
    json hours = json::object();
    for (std::size_t d = 0; d < a.weekly.size(); ++d) {
        if (a.weekly[d].empty()) continue;
        json list = json::array();
        for (const AgendaWindow& w : a.weekly[d]) list.push_back(formatAgendaWindow(w));
        hours[kWeekdayKeys[d]] = std::move(list);
    }
    json closed = json::array();
    for (const AgendaClosure& c : a.closures) {
        json jc = {{"day", c.day}};
        if (!c.wholeDay()) {
            jc["from"] = minuteText(c.fromMinute);
            jc["to"] = minuteText(c.toMinute);
        }
        if (!c.reason.empty()) jc["reason"] = c.reason;
        closed.push_back(std::move(jc));
    }
    return {{"contact_point", a.contactPoint},
            {"service", a.service},
            {"place", a.place},
            {"address", a.address},
            {"team", a.team},
            {"slot_minutes", a.slotMinutes},
            {"parallel", a.parallel},
            {"active", a.active},
            {"hours", std::move(hours)},
            {"closed", std::move(closed)},
            {"updated_at", formatRfc3339(a.updatedAt)}};
}

std::optional<ApiError> readText(const json& j, const char* key, std::string& out, bool required) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return required ? std::optional(missing(key)) : std::nullopt;
    if (!it->is_string()) return wrongType(key, "a string");
    out = it->get<std::string>();
    return std::nullopt;
}

std::optional<ApiError> readInt(const json& j, const char* key, int& out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return missing(key);
    if (!it->is_number_integer()) return wrongType(key, "an integer");
    auto v = it->get<std::int64_t>();
    if (v < 0 || v > 100000) return invalid(key, fmt::format("'{}' is out of range", key));
    out = static_cast<int>(v);
    return std::nullopt;
}

}  // namespace

std::optional<AgendaWindow> parseAgendaWindow(std::string_view text) {
    auto dash = text.find('-');
    if (dash == std::string_view::npos) return std::nullopt;
    int from = parseMinuteOfDay(text.substr(0, dash));
    int to = parseMinuteOfDay(text.substr(dash + 1));
    if (from < 0 || to < 0 || from >= to) return std::nullopt;
    return AgendaWindow{from, to};
}

std::string formatAgendaWindow(const AgendaWindow& w) {
    return minuteText(w.fromMinute) + "-" + minuteText(w.toMinute);
}

std::string encodeAgendas(const std::vector<Agenda>& agendas) {
    json list = json::array();
    for (const Agenda& a : agendas) list.push_back(agendaJson(a));
    return json{{"agendas", std::move(list)}}.dump();
}

std::string encodeAgenda(const Agenda& agenda) {
    return agendaJson(agenda).dump();
}

Parsed<Agenda> decodeAgenda(std::string_view text, const std::string& contactPoint,
                            const std::string& service) {
    auto parsed = parseObject(text);
    if (!parsed) return parsed.error();
    const json& j = parsed.value();
    Agenda a;
    a.contactPoint = contactPoint;
    a.service = service;
    std::string bodyContactPoint = contactPoint, bodyService = service;
    if (auto e = readText(j, "contact_point", bodyContactPoint, false)) return *e;
    if (bodyContactPoint != contactPoint)
        return invalid("contact_point", "'contact_point' differs from the contact point in the path");
    if (auto e = readText(j, "service", bodyService, false)) return *e;
    if (bodyService != service) return invalid("service", "'service' differs from the service in the path");
    if (auto e = readText(j, "place", a.place, true)) return *e;
    if (auto e = readText(j, "address", a.address, true)) return *e;
    if (auto e = readText(j, "team", a.team, true)) return *e;
    if (auto e = readInt(j, "slot_minutes", a.slotMinutes)) return *e;
    if (auto e = readInt(j, "parallel", a.parallel)) return *e;
    if (auto it = j.find("active"); it != j.end() && !it->is_null()) {
        if (!it->is_boolean()) return wrongType("active", "true or false");
        a.active = it->get<bool>();
    }
    auto hours = j.find("hours");
    if (hours == j.end() || hours->is_null()) return missing("hours");
    if (!hours->is_object()) return wrongType("hours", "an object of weekdays");
    for (auto it = hours->begin(); it != hours->end(); ++it) {
        auto day = std::find(kWeekdayKeys.begin(), kWeekdayKeys.end(), it.key());
        std::string path = join("hours", it.key());
        if (day == kWeekdayKeys.end())
            return invalid(path, fmt::format("'{}' is no weekday (monday ... sunday)", path));
        if (!it->is_array()) return wrongType(path, "an array of times like \"09:00-12:00\"");
        for (std::size_t i = 0; i < it->size(); ++i) {
            std::string wpath = fmt::format("{}[{}]", path, i);
            const json& w = (*it)[i];
            auto window = w.is_string() ? parseAgendaWindow(w.get<std::string>()) : std::nullopt;
            if (!window)
                return invalid(wpath, fmt::format("'{}' must be a time like \"09:00-12:00\"", wpath));
            a.weekly[static_cast<std::size_t>(day - kWeekdayKeys.begin())].push_back(*window);
        }
    }
    if (auto closed = j.find("closed"); closed != j.end() && !closed->is_null()) {
        if (!closed->is_array()) return wrongType("closed", "an array");
        for (std::size_t i = 0; i < closed->size(); ++i) {
            const json& c = (*closed)[i];
            std::string base = fmt::format("closed[{}]", i);
            if (!c.is_object()) return wrongType(base, "an object");
            AgendaClosure closure;
            auto dayIt = c.find("day");
            if (dayIt == c.end() || !dayIt->is_string() || !isLocalDay(dayIt->get<std::string>()))
                return invalid(join(base, "day"),
                               fmt::format("'{}.day' must be a date like 2026-12-24", base));
            closure.day = dayIt->get<std::string>();
            bool hasFrom = c.contains("from") && !c["from"].is_null(),
                 hasTo = c.contains("to") && !c["to"].is_null();
            if (hasFrom != hasTo) return missing(join(base, hasFrom ? "to" : "from"));
            if (hasFrom) {
                for (const char* key : {"from", "to"}) {
                    int m = c[key].is_string() ? parseMinuteOfDay(c[key].get<std::string>()) : -1;
                    if (m < 0)
                        return invalid(join(base, key),
                                       fmt::format("'{}.{}' must be a time like 13:00", base, key));
                    (std::string_view(key) == "from" ? closure.fromMinute : closure.toMinute) = m;
                }
            }
            if (auto reason = c.find("reason"); reason != c.end() && !reason->is_null()) {
                if (!reason->is_string() || reason->get<std::string>().size() > 200 ||
                    reason->get<std::string>().find('\n') != std::string::npos)
                    return invalid(join(base, "reason"),
                                   fmt::format("'{}.reason' must be one line of at most 200 bytes", base));
                closure.reason = reason->get<std::string>();
            }
            a.closures.push_back(std::move(closure));
        }
    }
    std::sort(a.closures.begin(), a.closures.end(), [](const AgendaClosure& x, const AgendaClosure& y) {
        return std::tie(x.day, x.fromMinute) < std::tie(y.day, y.fromMinute);
    });
    if (auto e = checkAgenda(a)) return *e;
    return a;
}

std::optional<ApiError> checkAgenda(const Agenda& a) {
    if (!isContactPointLetters(a.contactPoint))
        return invalid("contact_point", "'contact_point' must be three characters of the code alphabet");
    if (!isServiceId(a.service)) return invalid("service", "'service' must be 1 to 64 of a-z, 0-9 and '-'");
    if (a.place.empty() || a.place.size() > 200 || !oneLine(a.place))
        return invalid("place", "'place' must be 1 to 200 bytes on one line");
    if (a.address.empty() || a.address.size() > 200 || !oneLine(a.address))
        return invalid("address", "'address' must be 1 to 200 bytes on one line");
    if (!isTeam(a.team))
        return invalid("team",
                       "'team' must be a team (huurloket, wijkteam, gemeente, initiatief, wijkmanager)");
    if (a.slotMinutes < 5 || a.slotMinutes > 480)
        return invalid("slot_minutes", "'slot_minutes' must be between 5 and 480");
    if (a.parallel < 1 || a.parallel > 50) return invalid("parallel", "'parallel' must be between 1 and 50");
    for (std::size_t d = 0; d < a.weekly.size(); ++d) {
        const auto& windows = a.weekly[d];
        for (std::size_t i = 0; i < windows.size(); ++i) {
            std::string path = fmt::format("hours.{}[{}]", kWeekdayKeys[d], i);
            const AgendaWindow& w = windows[i];
            if (w.fromMinute < 0 || w.toMinute > 1440 || w.fromMinute >= w.toMinute)
                return invalid(path, fmt::format("'{}' must start before it ends, within the day", path));
            if (i > 0 && windows[i - 1].toMinute > w.fromMinute)
                return invalid(path, fmt::format("'{}' must start after the time before it ends", path));
        }
    }
    for (std::size_t i = 0; i < a.closures.size(); ++i) {
        const AgendaClosure& c = a.closures[i];
        std::string path = fmt::format("closed[{}]", i);
        if (!isLocalDay(c.day))
            return invalid(join(path, "day"), fmt::format("'{}.day' must be a date", path));
        if (c.fromMinute < 0 || c.toMinute > 1440 || c.fromMinute >= c.toMinute)
            return invalid(join(path, "to"), fmt::format("'{}' must start before it ends", path));
    }
    return std::nullopt;
}

}  // namespace wp
