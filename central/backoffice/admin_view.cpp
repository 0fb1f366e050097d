#include "central/backoffice/admin_view.h"

#include <date/date.h>
#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <sstream>

#include "central/backoffice/dashboard_view.h"
#include "common/request_spec.h"

namespace wp {

namespace {

using nlohmann::json;

std::string field(const FormFields& form, const std::string& name) {
    auto it = form.find(name);
    return it != form.end() ? it->second : std::string();
}

std::string trimmed(std::string_view s) {
    auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    auto last = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(first, last - first + 1));
}

json teamChoices(const RoutingTable& table, const std::string& selected) {
    json out = json::array();
    for (const auto& [name, targets] : table.teams)
        out.push_back({{"value", name}, {"label", table.labelOf(name)}, {"selected", name == selected}});
    return out;
}

json typeChoices(const std::vector<std::string>& types, const std::string& selected) {
    json out = json::array();
    out.push_back({{"value", ""}, {"label", "(regel verwijderen)"}, {"selected", selected.empty()}});
    out.push_back({{"value", "*"}, {"label", "Elke soort"}, {"selected", selected == "*"}});
    for (const std::string& t : types)
        out.push_back({{"value", t}, {"label", requestTypeLabel(t)}, {"selected", t == selected}});
    return out;
}

std::string categoryLabel(const std::string& category) {
    if (category == "*") return "elke categorie";
    if (category.empty()) return "zonder categorie";
    return category;
}

// The audit actions people filter on, with their Dutch names.
const std::vector<std::pair<std::string, std::string>>& auditActions() {
    static const std::vector<std::pair<std::string, std::string>> actions = {
        {"read-personal-data", "Persoonlijke gegevens gelezen"},
        {"set-status", "Status of bericht gezet"},
        {"assign", "Aanvraag toegewezen"},
        {"forward", "Aanvraag doorgestuurd"},
        {"plan", "Bezoek of gesprek gepland"},
        {"export", "Lijst gedownload"},
        {"list", "Lijst bekeken"},
        {"sign-in", "Aangemeld"},
        {"sign-out", "Afgemeld"},
        {"sign-out-everywhere", "Overal afgemeld"},
        {"change-routing", "Routering gewijzigd"},
        {"change-team", "Berichten van een team gewijzigd"},
        {"add-team", "Team toegevoegd"},
        {"rename-team", "Naam van een team gewijzigd"},
        {"remove-team", "Team verwijderd"},
        {"create-agenda", "Agenda voor afspraken gemaakt"},
        {"change-agenda", "Agenda voor afspraken gewijzigd"},
        {"put-agenda", "Agenda voor afspraken gezet (API of opdrachtregel)"},
        {"read-bookings", "Afspraken van een dag gelezen (API)"},
        {"enroll-token", "Inschrijfcode voor een kiosk gemaakt"},
        {"enroll", "Kiosk ingeschreven"},
        {"renew", "Certificaat van een kiosk vernieuwd"},
        {"revoke-kiosk", "Kiosk ingetrokken"},
        {"kiosk-command", "Opdracht aan een kiosk gegeven"},
        {"read-screenshot", "Schermafbeelding van een kiosk bekeken"},
        {"read-log", "Logregels van een kiosk bekeken"},
    };
    return actions;
}

std::string actionLabel(const std::string& action) {
    for (const auto& [id, label] : auditActions())
        if (id == action) return label;
    return action;
}

const date::time_zone* amsterdam() {
    static const date::time_zone* zone = date::locate_zone("Europe/Amsterdam");
    return zone;
}

// "2026-12-01" as the local midnight that starts it (plus days), or nullopt when it is no date.
std::optional<TimePoint> localDayStart(const std::string& text, int plusDays) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
    date::year_month_day ymd{date::year(std::stoi(text.substr(0, 4))),
                             date::month(static_cast<unsigned>(std::stoi(text.substr(5, 2)))),
                             date::day(static_cast<unsigned>(std::stoi(text.substr(8, 2))))};
    if (!ymd.ok()) return std::nullopt;
    date::local_days day = date::local_days(ymd) + date::days{plusDays};
    return date::make_zoned(amsterdam(), day, date::choose::earliest).get_sys_time();
}

std::string localDateTime(TimePoint t) {
    return date::format("%d-%m-%Y %H:%M:%S",
                        date::make_zoned(amsterdam(), std::chrono::floor<std::chrono::seconds>(t)));
}

// The audit page's URL with the same filters, on another page.
std::string auditHref(const AuditPageQuery& q, int page) {
    std::string href = "/backoffice/audit?page=" + std::to_string(page);
    for (const auto& [key, value] : q.values) {
        if (value.empty()) continue;
        href += "&" + key + "=";
        for (unsigned char ch : value) {
            if (std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.')
                href += static_cast<char>(ch);
            else
                href += fmt::format("%{:02X}", ch);
        }
    }
    return href;
}

}  // namespace

json teamsView(const RoutingTable& table, const std::map<std::string, TeamUse>& uses) {
    json teams = json::array();
    for (const auto& [name, targets] : table.teams) {
        std::string emailText;
        for (const std::string& e : targets.emails) emailText += e + "\n";
        const TeamUse* use = nullptr;
        if (auto it = uses.find(name); it != uses.end()) use = &it->second;
        json team = {{"name", name},
                     {"label", table.labelOf(name)},
                     {"labelValue", table.labels.contains(name) ? table.labels.at(name) : std::string()},
                     {"emails", targets.emails},
                     {"emailText", emailText},
                     {"removable", use != nullptr && !use->any()}};
        if (use != nullptr && use->any()) team["inUse"] = teamInUseText(*use);
        // Only when set: Mustache takes an empty text for true.
        if (!targets.webhookUrl.empty()) team["webhook"] = targets.webhookUrl;
        teams.push_back(std::move(team));
    }
    return {{"title", "Teams"}, {"section", "teams"}, {"teams", teams}};
}

Result<TeamNotifications> readTeamForm(const FormFields& form) {
    TeamNotifications t;
    t.webhookUrl = trimmed(field(form, "webhook"));
    if (!t.webhookUrl.empty() && (t.webhookUrl.rfind("https://", 0) != 0 || t.webhookUrl.size() <= 8 ||
                                  t.webhookUrl.find_first_of(" \t\r\n<>\"") != std::string::npos))
        return Status::invalidInput("De webhook moet een adres zijn dat begint met https://.");
    std::istringstream lines(field(form, "emails"));
    for (std::string line; std::getline(lines, line);) {
        std::string e = trimmed(line);
        if (e.empty()) continue;
        auto at = e.find('@');
        if (at == std::string::npos || at == 0 || at + 1 >= e.size() ||
            e.find_first_of(" \t<>\",;") != std::string::npos)
            return Status::invalidInput(
                fmt::format("'{}' is geen e-mailadres. Zet een adres op elke regel.", e));
        if (std::find(t.emails.begin(), t.emails.end(), e) == t.emails.end()) t.emails.push_back(e);
    }
    return t;
}

std::string teamInUseText(const TeamUse& use) {
    std::vector<std::string> reasons;
    auto count = [&](std::int64_t n, const char* one, const char* many) {
        if (n == 1) reasons.push_back(one);
        if (n > 1) reasons.push_back(fmt::format(fmt::runtime(many), n));
    };
    count(use.requests, "er is 1 aanvraag van dit team", "er zijn {} aanvragen van dit team");
    count(use.rules, "1 regel van de routering stuurt aanvragen naar dit team",
          "{} regels van de routering sturen aanvragen naar dit team");
    if (use.isDefault) reasons.push_back("het is het standaardteam van de routering");
    count(use.accounts, "1 account hoort bij dit team", "{} accounts horen bij dit team");
    count(use.agendas, "1 agenda voor afspraken hoort bij dit team",
          "{} agenda's voor afspraken horen bij dit team");
    std::string text;
    for (std::size_t i = 0; i < reasons.size(); ++i)
        text += (i == 0 ? "" : i + 1 == reasons.size() ? " en " : ", ") + reasons[i];
    return "Dit team kan niet weg: " + text + ".";
}

Result<NewTeam> readNewTeamForm(const FormFields& form, const RoutingTable& table) {
    NewTeam t{trimmed(field(form, "name")), trimmed(field(form, "label"))};
    const bool nameOk = t.name.size() >= 2 && t.name.size() <= 30 &&
                        std::islower(static_cast<unsigned char>(t.name[0])) &&
                        std::all_of(t.name.begin(), t.name.end(), [](unsigned char c) {
                            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
                        });
    if (!nameOk)
        return Status::invalidInput(
            "De korte naam heeft 2 tot 30 kleine letters, cijfers of streepjes en begint met een letter.");
    if (table.teams.contains(t.name)) return Status::invalidInput("Er is al een team met deze korte naam.");
    auto label = readTeamLabel(form);
    if (!label) return label.status();
    t.label = label.value();
    return t;
}

Result<std::string> readTeamLabel(const FormFields& form) {
    std::string label = trimmed(field(form, "label"));
    if (label.empty() || label.size() > 60 || label.find_first_of("\r\n\t<>") != std::string::npos)
        return Status::invalidInput("Geef het team een naam van 1 tot 60 tekens, zonder < of >.");
    return label;
}

json routingView(const RoutingTable& table, const std::vector<std::string>& requestTypes) {
    json rules = json::array();
    json rows = json::array();
    for (std::size_t i = 0; i < table.rules.size(); ++i) {
        const RoutingRule& r = table.rules[i];
        rules.push_back({{"position", i + 1},
                         {"typeLabel", r.type == "*" ? "Elke soort" : requestTypeLabel(r.type)},
                         {"categoryLabel", categoryLabel(r.category)},
                         {"teamLabel", table.labelOf(r.team)}});
    }
    // Every rule, then three empty rows for new rules.
    const std::size_t editable = table.rules.size() + 3;
    for (std::size_t i = 0; i < editable; ++i) {
        RoutingRule r = i < table.rules.size() ? table.rules[i] : RoutingRule{"", "*", table.defaultTeam};
        rows.push_back({{"index", i},
                        {"number", i + 1},
                        {"types", typeChoices(requestTypes, r.type)},
                        {"category", r.category},
                        {"teams", teamChoices(table, r.team)}});
    }
    return {{"title", "Routering"},
            {"section", "routing"},
            {"rules", rules},
            {"editRows", rows},
            {"defaultTeamLabel", table.labelOf(table.defaultTeam)},
            {"defaultTeams", teamChoices(table, table.defaultTeam)}};
}

Result<RoutingChange> readRoutingForm(const FormFields& form, const RoutingTable& table,
                                      const std::vector<std::string>& requestTypes) {
    RoutingChange change;
    change.defaultTeam = field(form, "default_team");
    if (!table.teams.contains(change.defaultTeam))
        return Status::invalidInput("Kies een standaardteam uit de lijst.");
    struct Row {
        long order;
        std::size_t index;
        RoutingRule rule;
    };
    std::vector<Row> rows;
    for (std::size_t i = 0; i < 1000; ++i) {
        std::string suffix = "_" + std::to_string(i);
        if (!form.contains("type" + suffix)) break;
        RoutingRule r{field(form, "type" + suffix), trimmed(field(form, "category" + suffix)),
                      field(form, "team" + suffix)};
        if (r.type.empty()) continue;
        if (r.type != "*" &&
            std::find(requestTypes.begin(), requestTypes.end(), r.type) == requestTypes.end())
            return Status::invalidInput(fmt::format("Regel {}: kies een soort vraag uit de lijst.", i + 1));
        if (!table.teams.contains(r.team))
            return Status::invalidInput(fmt::format("Regel {}: kies een team uit de lijst.", i + 1));
        if (r.category.size() > 100 || r.category.find_first_of("\r\n\t") != std::string::npos)
            return Status::invalidInput(
                fmt::format("Regel {}: de categorie is te lang of heeft een regeleinde.", i + 1));
        std::string order = trimmed(field(form, "order" + suffix));
        long n = static_cast<long>(i + 1);
        if (!order.empty()) {
            auto [end, ec] = std::from_chars(order.data(), order.data() + order.size(), n);
            if (ec != std::errc() || end != order.data() + order.size())
                return Status::invalidInput(fmt::format("Regel {}: de volgorde moet een getal zijn.", i + 1));
        }
        rows.push_back({n, i, std::move(r)});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.order < b.order; });
    for (Row& r : rows) change.rules.push_back(std::move(r.rule));
    return change;
}

std::string routingChangeDetail(const RoutingChange& change) {
    std::string detail = fmt::format("default team {}; rules:", change.defaultTeam);
    for (const RoutingRule& r : change.rules)
        detail += fmt::format(" [{} / {} -> {}]", r.type, r.category.empty() ? "(none)" : r.category, r.team);
    if (change.rules.empty()) detail += " none";
    return detail;
}

AuditPageQuery readAuditQuery(const std::multimap<std::string, std::string>& params) {
    AuditPageQuery q;
    auto param = [&](const char* name) {
        auto it = params.find(name);
        std::string v = it != params.end() ? trimmed(it->second) : std::string();
        q.values[name] = v;
        return v;
    };
    if (std::string v = param("actor"); !v.empty()) q.query.actor = v;
    if (std::string v = param("reference"); !v.empty()) q.query.reference = v;
    if (std::string v = param("action"); !v.empty()) q.query.action = v;
    if (std::string v = param("from"); !v.empty()) {
        q.query.from = localDayStart(v, 0);
        if (!q.query.from) q.error = "De datum bij 'Vanaf datum' is geen datum. Gebruik jaar-maand-dag.";
    }
    if (std::string v = param("to"); !v.empty()) {
        q.query.to = localDayStart(v, 1);
        if (!q.query.to) q.error = "De datum bij 'Tot en met datum' is geen datum. Gebruik jaar-maand-dag.";
    }
    if (auto it = params.find("page"); it != params.end()) {
        int page = 1;
        auto [end, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), page);
        if (ec == std::errc() && end == it->second.data() + it->second.size() && page >= 1 && page <= 100000)
            q.page = page;
    }
    q.query.limit = kAuditPageSize + 1;
    q.query.offset = (q.page - 1) * kAuditPageSize;
    return q;
}

json auditView(const AuditPageQuery& q, const std::vector<AuditEntry>& entries) {
    const std::size_t shown = std::min<std::size_t>(entries.size(), kAuditPageSize);
    json rows = json::array();
    for (std::size_t i = 0; i < shown; ++i) {
        const AuditEntry& e = entries[i];
        rows.push_back({{"at", localDateTime(e.at)},
                        {"actor", e.actor},
                        {"action", actionLabel(e.action)},
                        {"reference", e.reference},
                        {"source", e.source},
                        {"detail", e.detail}});
    }
    json actions = json::array();
    const std::string current = q.values.contains("action") ? q.values.at("action") : "";
    actions.push_back({{"value", ""}, {"label", "Alle handelingen"}, {"selected", current.empty()}});
    bool known = current.empty();
    for (const auto& [id, label] : auditActions()) {
        actions.push_back({{"value", id}, {"label", label}, {"selected", id == current}});
        known = known || id == current;
    }
    if (!known) actions.push_back({{"value", current}, {"label", current}, {"selected", true}});
    auto value = [&](const char* key) { return q.values.contains(key) ? q.values.at(key) : std::string(); };
    const int first = (q.page - 1) * kAuditPageSize + 1;
    json view = {{"title", "Auditlog"},
                 {"section", "audit"},
                 {"entries", rows},
                 {"any", shown > 0},
                 {"showSource", true},
                 {"actions", actions},
                 {"actor", value("actor")},
                 {"reference", value("reference")},
                 {"from", value("from")},
                 {"to", value("to")},
                 {"firstRow", shown > 0 ? first : 0},
                 {"lastRow", first + static_cast<int>(shown) - 1}};
    if (!q.error.empty()) view["error"] = q.error;
    if (q.page > 1) view["newerHref"] = auditHref(q, q.page - 1);
    if (entries.size() > shown) view["olderHref"] = auditHref(q, q.page + 1);
    return view;
}

}  // namespace wp
