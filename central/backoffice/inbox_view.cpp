#include "central/backoffice/inbox_view.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "central/backoffice/contact_promise.h"

namespace wp {

using nlohmann::json;

namespace {

constexpr int kPageSize = 25;
constexpr const char* kInboxPath = "/backoffice/inbox";

// The filter's parameters, in the order links carry them.
constexpr const char* kFilterParams[] = {"team",          "status",     "type",     "category",
                                         "contact_point", "older_than", "assigned", "reference"};

std::string param(const FormParams& params, const std::string& name) {
    auto it = params.find(name);
    return it == params.end() ? "" : it->second;
}

std::optional<std::int64_t> number(const std::string& s) {
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return n;
}

// "1764144000000.42": received_at in milliseconds, then the row id.
std::optional<InboxCursor> cursorFrom(const std::string& s) {
    auto dot = s.find('.');
    if (dot == std::string::npos) return std::nullopt;
    auto ms = number(s.substr(0, dot));
    auto id = number(s.substr(dot + 1));
    if (!ms || !id) return std::nullopt;
    return InboxCursor{*ms, *id};
}

std::string cursorText(const InboxCursor& c) {
    return fmt::format("{}.{}", c.receivedAtMs, c.id);
}

bool isWord(const std::string& s, size_t max) {
    return !s.empty() && s.size() <= max && std::all_of(s.begin(), s.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '-' || c == '_';
    });
}

// Every category the request types' flows can give, with its Dutch label, by id.
std::vector<std::pair<std::string, std::string>> categoriesOf(const InboxSettings& settings) {
    std::vector<std::pair<std::string, std::string>> out;
    if (settings.specs == nullptr) return out;
    auto add = [&](const std::string& id, const std::string& label) {
        if (id.empty()) return;
        for (const auto& [known, _] : out)
            if (known == id) return;
        out.emplace_back(id, label);
    };
    for (const RequestSpec* spec : settings.specs->latestOfEach()) {
        add(spec->fixedCategory, spec->fixedCategory);
        for (const FlowStep& step : spec->steps)
            if (step.id == spec->categoryStep)
                for (const FlowOption& o : step.options) add(o.id, dutchText(settings, o.textKey, o.id));
    }
    std::sort(out.begin(), out.end());
    return out;
}

json option(const std::string& value, const std::string& label, const std::string& chosen) {
    return {{"value", value}, {"label", label}, {"selected", value == chosen}};
}

}  // namespace

InboxFilter readInboxFilter(const FormParams& params, const InboxViewer& viewer,
                            const InboxSettings& settings, TimePoint now) {
    InboxFilter f;
    f.query.limit = kPageSize;
    for (const char* name : kFilterParams) {
        std::string v = param(params, name);
        if (!v.empty()) f.values[name] = v.substr(0, 100);
    }
    auto value = [&](const char* name) {
        auto it = f.values.find(name);
        return it == f.values.end() ? std::string() : it->second;
    };
    if (!viewer.allTeams) {
        f.query.team = viewer.team;
        f.values.erase("team");
    } else if (std::string team = value("team"); !team.empty()) {
        if (settings.teams.contains(team))
            f.query.team = team;
        else
            f.errors["team"] = "Dit team bestaat niet. Kies een team uit de lijst.";
    }
    if (std::string status = value("status"); status == "all") {
        f.query.includeClosed = true;
    } else if (!status.empty() && status != "open") {
        if (auto s = requestStatusFromString(status))
            f.query.status = *s;
        else
            f.errors["status"] = "Kies een status uit de lijst.";
    }
    if (std::string type = value("type"); !type.empty()) {
        if (settings.specs != nullptr && settings.specs->latest(type) != nullptr)
            f.query.type = type;
        else
            f.errors["type"] = "Kies een soort uit de lijst.";
    }
    if (std::string category = value("category"); !category.empty()) {
        if (isWord(category, 40))
            f.query.category = category;
        else
            f.errors["category"] = "Kies een onderwerp uit de lijst.";
    }
    if (std::string place = value("contact_point"); !place.empty()) {
        if (isWord(place, 12))
            f.query.contactPoint = place;
        else
            f.errors["contact_point"] = "Kies een contactpunt uit de lijst.";
    }
    if (std::string days = value("older_than"); !days.empty()) {
        auto n = number(days);
        if (n && *n >= 1 && *n <= 3650)
            f.query.receivedBefore = now - std::chrono::hours(24 * *n);
        else
            f.errors["older_than"] = "Vul een aantal dagen in, van 1 tot 3650.";
    }
    if (std::string assigned = value("assigned"); assigned == "me") {
        f.query.assignee = viewer.accountId;
    } else if (assigned == "nobody") {
        f.query.assignee = 0;
    } else if (!assigned.empty()) {
        f.errors["assigned"] = "Kies uit de lijst.";
    }
    f.query.referencePart = value("reference");
    if (auto after = cursorFrom(param(params, "after")))
        f.query.after = after;
    else if (auto before = cursorFrom(param(params, "before")))
        f.query.before = before;
    return f;
}

json inboxView(const InboxPage& page, const InboxFilter& filter, const InboxViewer& viewer,
               const InboxSettings& settings, TimePoint now) {
    auto value = [&](const char* name) {
        auto it = filter.values.find(name);
        return it == filter.values.end() ? std::string() : it->second;
    };
    auto linkWith = [&](const std::vector<std::pair<std::string, std::string>>& extra, bool keepStatus) {
        std::vector<std::pair<std::string, std::string>> q;
        for (const char* name : kFilterParams)
            if (std::string v = value(name); !v.empty() && (keepStatus || std::string(name) != "status"))
                q.emplace_back(name, v);
        q.insert(q.end(), extra.begin(), extra.end());
        return q.empty() ? std::string(kInboxPath) : std::string(kInboxPath) + "?" + queryString(q);
    };

    json v;
    v["title"] = "Inbox";
    if (!viewer.allTeams)
        v["heading"] = fmt::format("Aanvragen van team {}", viewer.team);
    else if (filter.query.team)
        v["heading"] = fmt::format("Aanvragen van team {}", *filter.query.team);
    else
        v["heading"] = "Aanvragen van alle teams";

    json counts = json::array();
    std::int64_t total = 0;
    for (const auto& [status, n] : page.countsByStatus) {
        total += n;
        counts.push_back({{"label", statusLabel(status)},
                          {"count", n},
                          {"link", linkWith({{"status", std::string(toString(status))}}, false)}});
    }
    v["counts"] = counts;
    v["total"] = total;

    json f;
    f["showTeam"] = viewer.allTeams;
    json teams = json::array({option("", "Alle teams", value("team"))});
    for (const auto& [name, label] : settings.teams) teams.push_back(option(name, label, value("team")));
    f["teams"] = teams;
    std::string status = value("status").empty() ? "open" : value("status");
    json statuses = json::array(
        {option("open", "Open (alles behalve afgesloten)", status), option("all", "Alle statussen", status)});
    for (auto s :
         {RequestStatus::Received, RequestStatus::InProgress, RequestStatus::Answered, RequestStatus::Closed})
        statuses.push_back(option(std::string(toString(s)), statusLabel(s), status));
    f["statuses"] = statuses;
    json types = json::array({option("", "Alle soorten", value("type"))});
    if (settings.specs != nullptr)
        for (const std::string& t : settings.specs->typeNames())
            types.push_back(option(t, typeLabel(t, settings), value("type")));
    f["types"] = types;
    json categories = json::array({option("", "Alle onderwerpen", value("category"))});
    for (const auto& [id, label] : categoriesOf(settings))
        categories.push_back(option(id, label, value("category")));
    f["categories"] = categories;
    json places = json::array({option("", "Alle contactpunten", value("contact_point"))});
    for (const std::string& p : settings.contactPoints)
        places.push_back(option(p, p, value("contact_point")));
    f["contactPoints"] = places;
    f["assigned"] =
        json::array({option("", "Iedereen", value("assigned")), option("me", "Aan mij", value("assigned")),
                     option("nobody", "Aan niemand", value("assigned"))});
    f["olderThan"] = value("older_than");
    f["reference"] = value("reference");
    json errors = json::object();
    json errorList = json::array();
    for (const auto& [name, message] : filter.errors) {
        errors[name] = message;
        errorList.push_back({{"field", "filter-" + name}, {"message", message}});
    }
    f["errors"] = errors;
    f["errorList"] = errorList;
    f["hasErrors"] = !errorList.empty();
    v["filter"] = f;

    json rows = json::array();
    for (const CaseRow& r : page.rows) {
        const RequestSummary& s = r.summary;
        const TimePoint due = contactDueAt(s.receivedAt, promisedWorkingDays(s.type, settings));
        rows.push_back({{"reference", s.reference},
                        {"link", "/backoffice/requests/" + s.reference},
                        {"type", typeLabel(s.type, settings)},
                        {"category", s.category},
                        {"team", s.team},
                        {"contactPoint", s.contactPoint},
                        {"kiosk", s.kioskCode},
                        {"received", localDateTime(s.receivedAt)},
                        {"dueBy", localDate(due - std::chrono::hours(1))},
                        {"overdue", isOverdue(s, settings, now)},
                        {"status", statusLabel(s.status)},
                        {"assignee", r.assignee.empty() ? "Niemand" : r.assignee},
                        {"flagged", s.flagged}});
    }
    v["rows"] = rows;
    v["empty"] = rows.empty();
    json paging = {{"earlier", nullptr}, {"later", nullptr}, {"first", nullptr}};
    if (page.hasEarlier && !page.rows.empty())
        paging["earlier"] = linkWith({{"before", cursorText(page.rows.front().cursor)}}, true);
    if (page.hasLater && !page.rows.empty())
        paging["later"] = linkWith({{"after", cursorText(page.rows.back().cursor)}}, true);
    if (page.hasEarlier) paging["first"] = linkWith({}, true);
    paging["any"] = page.hasEarlier || page.hasLater;
    v["paging"] = paging;
    return v;
}

}  // namespace wp
