// BackOffice's pages of what a team does with its requests: the inbox, one request's page (its read is
// audited), the actions on it (take, assign, forward, status, plan; each a form that returns with 303 to the
// request's page and a confirmation, or shows the page again with the reason beside the refused field), and
// the exports (a team's open requests with personal data, audited; counts without personal data).
#include <date/date.h>
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "central/backoffice/back_office.h"
#include "central/backoffice/csv_table.h"
#include "central/backoffice/inbox_view.h"
#include "central/backoffice/request_view.h"
#include "common/log.h"
#include "common/reference_code.h"

namespace wp {

using nlohmann::json;

namespace {

InboxViewer viewerOf(const StaffSession& s) {
    return {s.accountId, s.team, s.role != StaffRole::Team};
}

CaseScope scopeOf(const StaffSession& s) {
    return s.role == StaffRole::Team ? CaseScope{s.team} : CaseScope{};
}

CaseActor actorOf(const StaffSession& s) {
    return {s.accountId, s.name, s.sourceAddress};
}

std::string formValue(const FormParams& form, const std::string& name) {
    auto it = form.find(name);
    return it == form.end() ? "" : it->second;
}

// "2026-12-08", a real date.
bool isDate(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    const date::year_month_day ymd{date::year{std::stoi(s.substr(0, 4))},
                                   date::month{static_cast<unsigned>(std::stoi(s.substr(5, 2)))},
                                   date::day{static_cast<unsigned>(std::stoi(s.substr(8, 2)))}};
    return ymd.ok();
}

std::string requestPath(const std::string& reference) {
    return "/backoffice/requests/" + reference;
}

}  // namespace

InboxSettings BackOffice::inboxSettings() const {
    InboxSettings s;
    s.specs = &config_.requests.specs;
    if (auto nl = config_.publicPages.content.texts.find("nl"); nl != config_.publicPages.content.texts.end())
        s.dutch = &nl->second;
    s.defaultContactWorkingDays = config_.backOffice.defaultContactWorkingDays;
    s.initiativeContactWorkingDays = config_.initiative.contactWithinWorkingDays;
    std::set<std::string> places;
    for (const KioskIdentity& k : config_.kiosks) places.insert(k.contactPoint);
    s.contactPoints.assign(places.begin(), places.end());
    const RoutingTable& routing = routing_.current()->table;
    for (const auto& [name, targets] : routing.teams) s.teams[name] = routing.labelOf(name);
    return s;
}

void BackOffice::inbox(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    const InboxSettings settings = inboxSettings();
    const TimePoint now = clock_.now();
    InboxFilter filter = readInboxFilter(req.params, viewerOf(session), settings, now);
    auto page = store_.inbox(filter.query);
    if (!page) return storeUnavailable(res, session, page.status());
    json view = inboxView(*page, filter, viewerOf(session), settings, now);
    view["section"] = "inbox";
    view["message"] = req.get_param_value("klaar") == "doorgestuurd"
                          ? json("De aanvraag is doorgestuurd naar het andere team.")
                          : json(nullptr);
    view["exportOpen"] = session.role == StaffRole::Team;
    view["exportCounts"] = session.role != StaffRole::Team;
    renderPage(res, "inbox", view, session);
}

void BackOffice::requestPage(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    showRequest(req, res, session, confirmationOf(req.get_param_value("klaar")), {}, {});
}

void BackOffice::showRequest(const HttpRequest& req, HttpResponse& res, const StaffSession& session,
                             const std::string& message, const std::map<std::string, std::string>& errors,
                             const std::map<std::string, std::string>& values) {
    const std::string reference = normalizeReferenceCode(req.matches[1].str());
    if (!verifyReferenceCode(reference)) return notFound(res);
    const TimePoint now = clock_.now();
    auto detail = store_.caseDetail(reference, scopeOf(session), actorOf(session), now);
    if (!detail) return storeUnavailable(res, session, detail.status());
    if (!detail->has_value()) return notFound(res);
    const CaseDetail& c = **detail;
    RequestPageContext context;
    context.viewer = viewerOf(session);
    context.message = message;
    context.errors = errors;
    context.values = values;
    context.teams = inboxSettings().teams;
    auto accounts = store_.staffAccounts();
    if (!accounts) return storeUnavailable(res, session, accounts.status());
    for (const StaffAccount& a : *accounts)
        if (!a.disabled && a.role == StaffRole::Team && a.team == c.detail.summary.team)
            context.colleagues.push_back({a.id, a.name});
    json view = requestView(c, context, inboxSettings(), now);
    view["section"] = "inbox";
    view["noteScript"] = PageRenderer::staticPath("public_note.js");
    renderPage(res, "request", view, session);
    if (!errors.empty()) res.status = 400;
}

void BackOffice::takeRequest(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    const std::string reference = normalizeReferenceCode(req.matches[1].str());
    Status s = store_.assign(reference, scopeOf(session), session.accountId, session.name, actorOf(session),
                             clock_.now());
    if (s.code() == Status::Code::NotFound) return notFound(res);
    if (!s) return storeUnavailable(res, session, s);
    redirect(res, requestPath(reference) + "?klaar=take");
}

void BackOffice::assignRequest(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    const std::string reference = normalizeReferenceCode(req.matches[1].str());
    const FormParams form = parseQueryString(req.body);
    const std::string chosen = formValue(form, "assignee");
    // The colleague must be an active account of the request's team; the team is read without personal data.
    InboxQuery q;
    q.team = scopeOf(session).onlyTeam;
    q.includeClosed = true;
    q.referencePart = reference;
    q.limit = 2;
    auto found = store_.inbox(q);
    if (!found) return storeUnavailable(res, session, found.status());
    auto row = std::find_if(found->rows.begin(), found->rows.end(),
                            [&](const CaseRow& r) { return r.summary.reference == reference; });
    if (row == found->rows.end()) return notFound(res);
    auto accounts = store_.staffAccounts();
    if (!accounts) return storeUnavailable(res, session, accounts.status());
    const StaffAccount* colleague = nullptr;
    for (const StaffAccount& a : *accounts)
        if (std::to_string(a.id) == chosen && !a.disabled && a.role == StaffRole::Team &&
            a.team == row->summary.team)
            colleague = &a;
    if (colleague == nullptr)
        return showRequest(req, res, session, "", {{"assignee", "Kies een collega uit de lijst."}},
                           {{"assignee", chosen}});
    Status s = store_.assign(reference, scopeOf(session), colleague->id, colleague->name, actorOf(session),
                             clock_.now());
    if (s.code() == Status::Code::NotFound) return notFound(res);
    if (!s) return storeUnavailable(res, session, s);
    redirect(res, requestPath(reference) + "?klaar=assign");
}

void BackOffice::forwardRequest(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    const std::string reference = normalizeReferenceCode(req.matches[1].str());
    const FormParams form = parseQueryString(req.body);
    const std::string team = formValue(form, "team");
    const std::string reason = formValue(form, "reason");
    std::map<std::string, std::string> errors;
    if (!routing_.current()->table.teams.contains(team)) errors["team"] = "Kies een team uit de lijst.";
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
        errors["reason"] = "Schrijf op waarom u de aanvraag doorstuurt.";
    else if (reason.size() > 500)
        errors["reason"] = "Schrijf de reden in hoogstens 500 tekens.";
    if (!errors.empty())
        return showRequest(req, res, session, "", errors, {{"team", team}, {"reason", reason}});
    Status s = store_.forward(reference, scopeOf(session), team, reason, routing_.current()->targetsOf(team),
                              actorOf(session), clock_.now());
    if (s.code() == Status::Code::NotFound) return notFound(res);
    if (s.code() == Status::Code::InvalidInput)
        return showRequest(req, res, session, "",
                           {{"team", "De aanvraag is al van dit team. Kies een ander team."}},
                           {{"team", team}, {"reason", reason}});
    if (!s) return storeUnavailable(res, session, s);
    // A team member no longer sees a request forwarded to another team.
    if (session.role == StaffRole::Team) return redirect(res, "/backoffice/inbox?klaar=doorgestuurd");
    redirect(res, requestPath(reference) + "?klaar=forward");
}

void BackOffice::setCaseStatus(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    const std::string reference = normalizeReferenceCode(req.matches[1].str());
    const FormParams form = parseQueryString(req.body);
    const std::string status = formValue(form, "status");
    const std::string publicNote = formValue(form, "public_note");
    const std::string internalNote = formValue(form, "internal_note");
    std::map<std::string, std::string> errors;
    auto parsed = requestStatusFromString(status);
    if (!parsed) errors["status"] = "Kies een status uit de lijst.";
    if (publicNote.size() > 2000) errors["public_note"] = "Schrijf het bericht in hoogstens 2000 tekens.";
    if (std::string why = publicNoteProblem(publicNote); !why.empty()) errors["public_note"] = why;
    if (internalNote.size() > 2000) errors["internal_note"] = "Schrijf de notitie in hoogstens 2000 tekens.";
    if (!errors.empty())
        return showRequest(
            req, res, session, "", errors,
            {{"status", status}, {"public_note", publicNote}, {"internal_note", internalNote}});
    Status s = store_.setStatus(reference, scopeOf(session), {*parsed, publicNote, internalNote},
                                actorOf(session), clock_.now());
    if (s.code() == Status::Code::NotFound) return notFound(res);
    if (!s) return storeUnavailable(res, session, s);
    redirect(res, requestPath(reference) + "?klaar=status");
}

void BackOffice::planCase(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    const std::string reference = normalizeReferenceCode(req.matches[1].str());
    const FormParams form = parseQueryString(req.body);
    CasePlan plan{formValue(form, "kind"), formValue(form, "date"), formValue(form, "part")};
    std::map<std::string, std::string> errors;
    if (plan.kind != "home-visit" && plan.kind != "first-talk") errors["kind"] = "Kies een soort afspraak.";
    if (!isDate(plan.date)) errors["date"] = "Vul een datum in, bijvoorbeeld 2026-12-08.";
    if (plan.partOfDay != "ochtend" && plan.partOfDay != "middag" && plan.partOfDay != "avond")
        errors["part"] = "Kies ochtend, middag of avond.";
    if (!errors.empty())
        return showRequest(req, res, session, "", errors,
                           {{"kind", plan.kind}, {"date", plan.date}, {"part", plan.partOfDay}});
    Status s = store_.plan(reference, scopeOf(session), plan, actorOf(session), clock_.now());
    if (s.code() == Status::Code::NotFound) return notFound(res);
    if (!s) return storeUnavailable(res, session, s);
    redirect(res, requestPath(reference) + "?klaar=plan");
}

void BackOffice::exportOpen(const HttpRequest&, HttpResponse& res, const StaffSession& session) {
    if (session.role != StaffRole::Team)
        return forbidden(res, &session, "Alleen teamleden downloaden de open aanvragen van hun team.");
    const TimePoint now = clock_.now();
    auto rows = store_.exportOpen(session.team, actorOf(session), 100000, now);
    if (!rows) return storeUnavailable(res, session, rows.status());
    const InboxSettings settings = inboxSettings();
    // The fields of every type in the export, in spec order, each one column.
    std::vector<std::pair<std::string, std::string>> fields;  // name, label
    for (const RequestDetail& d : *rows)
        if (const RequestSpec* spec = config_.requests.specs.latest(d.summary.type))
            for (const FieldSpec& f : spec->fields)
                if (std::none_of(fields.begin(), fields.end(),
                                 [&](const auto& x) { return x.first == f.name; }))
                    fields.emplace_back(f.name, fieldLabel(*spec, f, settings));
    CsvTable csv;
    std::vector<std::string> head = {"Code",           "Soort",       "Onderwerp", "Status",
                                     "Ontvangen",      "Contactpunt", "Zuil",      "Bericht voor de bewoner",
                                     "Interne notitie"};
    for (const auto& [name, label] : fields) head.push_back(label);
    csv.addRow(head);
    for (const RequestDetail& d : *rows) {
        const RequestSummary& s = d.summary;
        std::vector<std::string> cells = {s.reference,
                                          typeLabel(s.type, settings),
                                          s.category,
                                          statusLabel(s.status),
                                          localDateTime(s.receivedAt),
                                          s.contactPoint,
                                          s.kioskCode,
                                          d.publicNote,
                                          d.internalNote};
        for (const auto& [name, label] : fields) {
            auto it = d.request.fields.find(name);
            cells.push_back(it == d.request.fields.end() ? "" : it->second);
        }
        csv.addRow(cells);
    }
    res.set_header("Content-Disposition",
                   fmt::format("attachment; filename=\"open-aanvragen-{}.csv\"", session.team));
    res.set_header("Cache-Control", "no-store");
    res.set_content(csv.text(), "text/csv; charset=utf-8");
}

void BackOffice::exportCounts(const HttpRequest&, HttpResponse& res, const StaffSession& session) {
    auto counts = store_.requestCounts();
    if (!counts) return storeUnavailable(res, session, counts.status());
    const InboxSettings settings = inboxSettings();
    CsvTable csv;
    csv.addRow({"Team", "Soort", "Status", "Contactpunt", "Aantal"});
    for (const RequestCount& c : *counts)
        csv.addRow({c.team, typeLabel(c.type, settings), statusLabel(c.status), c.contactPoint,
                    std::to_string(c.count)});
    res.set_header("Content-Disposition", "attachment; filename=\"aantallen.csv\"");
    res.set_header("Cache-Control", "no-store");
    res.set_content(csv.text(), "text/csv; charset=utf-8");
}

}  // namespace wp
