#include "central/agenda_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "central/agenda_json.h"
#include "common/appointment.h"
#include "common/services.h"
#include "common/toml_reader.h"

namespace wp {

using toml_reader::TomlReader;

namespace {

// "2026-12-25" (the whole day) or "2026-12-24 13:00-17:00".
std::optional<AgendaClosure> parseClosure(std::string_view text) {
    AgendaClosure c;
    c.day = std::string(text.substr(0, 10));
    if (!isLocalDay(c.day)) return std::nullopt;
    if (text.size() == 10) return c;
    if (text[10] != ' ') return std::nullopt;
    auto window = parseAgendaWindow(text.substr(11));
    if (!window) return std::nullopt;
    c.fromMinute = window->fromMinute;
    c.toMinute = window->toMinute;
    return c;
}

// The node of an agenda table that a checkAgenda() field names ("hours.monday[1]" -> hours.monday).
const toml::node* nodeOfField(const toml::table& t, const std::string& field) {
    std::string key = field.substr(0, field.find_first_of(".["));
    if (key == "closed") return t.get("closed");
    const toml::node* n = t.get(key);
    if (n == nullptr) return &t;
    if (key == "hours" && field.size() > 6 && n->is_table()) {
        std::string day = field.substr(6, field.find('[') - 6);
        if (const toml::node* d = n->as_table()->get(day)) return d;
    }
    return n;
}

}  // namespace

Result<std::vector<Agenda>> loadAgendaFile(const std::filesystem::path& file) {
    if (!std::filesystem::exists(file))
        return Status::notFound(fmt::format("{}: no such file", file.string()));
    TomlReader r(file.string());
    if (!r.ok()) return r.status();
    std::vector<Agenda> out;
    r.checkKeys(r.root(), {"agenda"}, "an agenda file ([[agenda]] tables)");
    const toml::array* list = r.requireArray(r.root(), "agenda", "[[agenda]] tables");
    std::set<std::pair<std::string, std::string>> seen;
    for (std::size_t i = 0; list != nullptr && i < list->size(); ++i) {
        const toml::table* t = (*list)[i].as_table();
        if (t == nullptr) {
            r.error(&(*list)[i], "an [[agenda]] table");
            continue;
        }
        r.checkKeys(*t,
                    {"contact_point", "service", "place", "address", "team", "slot_minutes", "parallel",
                     "active", "closed", "hours"},
                    "an agenda key");
        Agenda a;
        a.contactPoint = r.requireString(*t, "contact_point", "the contact point's letters (\"SGN\")");
        a.service = r.requireString(*t, "service", "a service id (\"gemeente\")");
        a.place = r.requireString(*t, "place", "the place's name");
        a.address = r.requireString(*t, "address", "the address");
        a.team = r.requireString(*t, "team", "a team");
        a.slotMinutes = static_cast<int>(r.requireInt(*t, "slot_minutes", "minutes per slot"));
        a.parallel = static_cast<int>(r.requireInt(*t, "parallel", "how many residents at the same time"));
        a.active = r.optionalBool(*t, "active", true, "true or false");
        if (const toml::table* hours = r.requireTable(*t, "hours", "weekdays with their times")) {
            r.checkKeys(*hours,
                        {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"},
                        "a weekday (monday ... sunday)");
            for (std::size_t d = 0; d < kWeekdayKeys.size(); ++d) {
                const toml::node* n = hours->get(kWeekdayKeys[d]);
                if (n == nullptr) continue;
                const toml::array* windows = n->as_array();
                if (windows == nullptr) {
                    r.error(n, "an array of times like \"09:00-12:00\"");
                    continue;
                }
                for (const toml::node& w : *windows) {
                    auto window = w.is_string() ? parseAgendaWindow(w.as_string()->get()) : std::nullopt;
                    if (!window)
                        r.error(&w, "a time like \"09:00-12:00\"");
                    else
                        a.weekly[d].push_back(*window);
                }
            }
        }
        if (const toml::node* n = t->get("closed")) {
            if (const toml::array* closed = n->as_array()) {
                for (const toml::node& c : *closed) {
                    auto closure = c.is_string() ? parseClosure(c.as_string()->get()) : std::nullopt;
                    if (!closure)
                        r.error(&c, "a closed day like \"2026-12-25\" or \"2026-12-24 13:00-17:00\"");
                    else
                        a.closures.push_back(*closure);
                }
            } else {
                r.error(n, "an array of closed days");
            }
        }
        std::sort(a.closures.begin(), a.closures.end(), [](const AgendaClosure& x, const AgendaClosure& y) {
            return std::tie(x.day, x.fromMinute) < std::tie(y.day, y.fromMinute);
        });
        if (!r.ok()) continue;
        if (auto e = checkAgenda(a)) {
            r.error(nodeOfField(*t, e->field), e->message);
            continue;
        }
        if (!seen.insert({a.contactPoint, a.service}).second) {
            r.error(t->get("service"),
                    fmt::format("{} has a second agenda for '{}'", a.contactPoint, a.service));
            continue;
        }
        out.push_back(std::move(a));
    }
    if (!r.ok()) return r.status();
    return out;
}

}  // namespace wp
