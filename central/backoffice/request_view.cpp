#include "central/backoffice/request_view.h"

#include <fmt/format.h>

#include "central/backoffice/contact_promise.h"
#include "central/public_note_check.h"

namespace wp {

using nlohmann::json;

namespace {

std::string planKindLabel(const std::string& kind) {
    if (kind == "home-visit") return "Huisbezoek";
    if (kind == "first-talk") return "Eerste gesprek met de coach";
    return kind;
}

// One history event in a Dutch sentence, and what its note is.
std::pair<std::string, std::string> eventWords(const CaseEvent& e) {
    if (e.kind == "taken") return {fmt::format("{} heeft de aanvraag opgepakt.", e.actor), ""};
    if (e.kind == "assigned")
        return {fmt::format("{} heeft de aanvraag toegewezen aan {}.", e.actor, e.detail), ""};
    if (e.kind == "unassigned") return {fmt::format("{} heeft de toewijzing weggehaald.", e.actor), ""};
    if (e.kind == "forwarded") {
        std::string detail = e.detail;
        if (auto arrow = detail.find(" -> "); arrow != std::string::npos) detail.replace(arrow, 4, " naar ");
        return {fmt::format("{} heeft de aanvraag doorgestuurd van {}.", e.actor, detail), "Reden"};
    }
    if (e.kind == "status") {
        auto s = requestStatusFromString(e.detail);
        return {fmt::format("{} heeft de status veranderd in: {}.", e.actor, s ? statusLabel(*s) : e.detail),
                "Bericht voor de bewoner"};
    }
    if (e.kind == "internal-note")
        return {fmt::format("{} heeft de interne notitie veranderd.", e.actor), "Notitie"};
    if (e.kind == "planned")
        return {fmt::format("{} heeft een afspraak gepland: {}.", e.actor, e.detail), ""};
    return {fmt::format("{}: {} {}", e.actor, e.kind, e.detail), ""};
}

json option(const std::string& value, const std::string& label, const std::string& chosen) {
    return {{"value", value}, {"label", label}, {"selected", value == chosen}};
}

}  // namespace

std::string publicNoteProblem(const std::string& note) {
    auto found = contactDetailInNote(note);
    if (!found) return "";
    std::string what = *found == "a phone number"      ? "een telefoonnummer"
                       : *found == "an e-mail address" ? "een e-mailadres"
                       : *found == "a postcode"        ? "een postcode"
                                                       : *found;
    return fmt::format(
        "Dit bericht lijkt {} te bevatten. Iedereen met de code kan dit bericht lezen. Zet contactgegevens "
        "in de interne notitie.",
        what);
}

std::string confirmationOf(const std::string& action) {
    if (action == "take") return "U heeft de aanvraag opgepakt.";
    if (action == "assign") return "De aanvraag is toegewezen.";
    if (action == "forward") return "De aanvraag is doorgestuurd.";
    if (action == "status") return "De status is opgeslagen.";
    if (action == "plan") return "De afspraak is opgeslagen.";
    return "";
}

json requestView(const CaseDetail& c, const RequestPageContext& context, const InboxSettings& settings,
                 TimePoint now) {
    const RequestSummary& s = c.detail.summary;
    const Request& r = c.detail.request;
    auto typed = [&](const std::string& name, const std::string& fallback) {
        auto it = context.values.find(name);
        return it == context.values.end() ? fallback : it->second;
    };
    json v;
    v["title"] = "Aanvraag " + s.reference;
    v["reference"] = s.reference;
    v["type"] = typeLabel(s.type, settings);
    // Absent values are null: an empty string would still open a {{#section}}.
    v["category"] = s.category.empty() ? json(nullptr) : json(s.category);
    v["team"] = s.team;
    v["contactPoint"] = s.contactPoint;
    v["kiosk"] = s.kioskCode;
    v["received"] = localDateTime(s.receivedAt);
    v["updated"] = localDateTime(s.updatedAt);
    v["status"] = statusLabel(s.status);
    v["dueBy"] =
        localDate(contactDueAt(s.receivedAt, promisedWorkingDays(s.type, settings)) - std::chrono::hours(1));
    v["overdue"] = isOverdue(s, settings, now);
    v["flagged"] = s.flagged;
    v["coach"] = s.coach.empty() ? json(nullptr) : json(s.coach);
    v["assignee"] = c.assignee.empty() ? "Niemand" : c.assignee;
    v["message"] = context.message;
    v["hasMessage"] = !context.message.empty();
    v["wiped"] = s.personalDataWiped;

    json fields = json::array();
    const RequestSpec* spec =
        settings.specs == nullptr ? nullptr : settings.specs->find(r.type, r.specVersion);
    if (spec == nullptr && settings.specs != nullptr) spec = settings.specs->latest(r.type);
    if (spec != nullptr) {
        for (const FieldSpec& f : spec->fields) {
            auto it = r.fields.find(f.name);
            if (it == r.fields.end() || it->second.empty()) continue;
            fields.push_back({{"label", fieldLabel(*spec, f, settings)}, {"value", it->second}});
        }
    } else {
        for (const auto& [name, value] : r.fields) fields.push_back({{"label", name}, {"value", value}});
    }
    v["fields"] = fields;
    v["publicNote"] = c.detail.publicNote.empty() ? json(nullptr) : json(c.detail.publicNote);
    v["internalNote"] = c.detail.internalNote.empty() ? json(nullptr) : json(c.detail.internalNote);
    v["hasPlan"] = !c.plan.kind.empty();
    v["plan"] = {
        {"kind", planKindLabel(c.plan.kind)}, {"date", c.plan.date}, {"partOfDay", c.plan.partOfDay}};

    json history = json::array();
    for (const CaseEvent& e : c.history) {
        auto [what, noteLabel] = eventWords(e);
        history.push_back({{"at", localDateTime(e.at)},
                           {"what", what},
                           {"note", e.note},
                           {"hasNote", !e.note.empty() && !noteLabel.empty()},
                           {"noteLabel", noteLabel}});
    }
    v["history"] = history;
    v["hasHistory"] = !history.empty();

    const std::string base = "/backoffice/requests/" + s.reference;
    json forms;
    forms["canTake"] = c.assigneeId != context.viewer.accountId;
    forms["takeAction"] = base + "/take";
    forms["assignAction"] = base + "/assign";
    forms["forwardAction"] = base + "/forward";
    forms["statusAction"] = base + "/status";
    forms["planAction"] = base + "/plan";
    json colleagues = json::array();
    for (const Colleague& col : context.colleagues)
        colleagues.push_back(
            option(std::to_string(col.accountId), col.name, typed("assignee", std::to_string(c.assigneeId))));
    forms["colleagues"] = colleagues;
    forms["hasColleagues"] = !colleagues.empty();
    json teams = json::array();
    for (const auto& [name, label] : context.teams)
        if (name != s.team) teams.push_back(option(name, label, typed("team", "")));
    forms["teams"] = teams;
    forms["reason"] = typed("reason", "");
    json statuses = json::array();
    for (auto st :
         {RequestStatus::Received, RequestStatus::InProgress, RequestStatus::Answered, RequestStatus::Closed})
        statuses.push_back(option(std::string(toString(st)), statusLabel(st),
                                  typed("status", std::string(toString(s.status)))));
    forms["statuses"] = statuses;
    forms["publicNote"] = typed("public_note", c.detail.publicNote);
    forms["internalNote"] = typed("internal_note", c.detail.internalNote);
    const std::string defaultKind = s.type == "initiative" ? "first-talk" : "home-visit";
    forms["planKinds"] =
        json::array({option("home-visit", planKindLabel("home-visit"),
                            typed("kind", c.plan.kind.empty() ? defaultKind : c.plan.kind)),
                     option("first-talk", planKindLabel("first-talk"),
                            typed("kind", c.plan.kind.empty() ? defaultKind : c.plan.kind))});
    forms["planDate"] = typed("date", c.plan.date);
    json parts = json::array();
    for (const char* p : {"ochtend", "middag", "avond"})
        parts.push_back(option(p, p, typed("part", c.plan.partOfDay)));
    forms["planParts"] = parts;
    json errors = json::object();
    json errorList = json::array();
    for (const auto& [name, message] : context.errors) {
        errors[name] = message;
        errorList.push_back({{"field", name}, {"message", message}});
    }
    forms["errors"] = errors;
    v["errorList"] = errorList;
    v["hasErrors"] = !errorList.empty();
    v["forms"] = forms;
    return v;
}

}  // namespace wp
