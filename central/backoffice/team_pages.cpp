// The admins' teams page (BackOffice's members; the view is admin_view.h teamsView): add a team with its
// Dutch display name, change that name, set how a team hears of new requests, and remove a team that nothing
// names any more (TeamStore::teamUse says what does, and the page says it in words). Every change is
// audited with who made it and from where, and the server's live routing is reloaded after it.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "central/backoffice/admin_view.h"
#include "central/backoffice/back_office.h"
#include "common/log.h"

namespace wp {

namespace {

// The first value of name in a URL's or a form's parameters; "" when absent.
std::string param(const std::multimap<std::string, std::string>& params, const std::string& name) {
    auto it = params.find(name);
    return it == params.end() ? std::string() : it->second;
}

// The notice of the teams page after the change its ?klaar= names; "" for none.
std::string doneNotice(const std::string& done) {
    if (done == "berichten") return "De berichten van het team zijn opgeslagen.";
    if (done == "toegevoegd")
        return "Het team is toegevoegd. Kies in de routering welke aanvragen het krijgt.";
    if (done == "naam") return "De naam van het team is opgeslagen.";
    if (done == "verwijderd") return "Het team is verwijderd.";
    return "";
}

}  // namespace

void BackOffice::teamsPage(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    showTeams(res, session, doneNotice(param(req.params, "klaar")), "");
}

void BackOffice::showTeams(HttpResponse& res, const StaffSession& session, const std::string& notice,
                           const std::string& error, const nlohmann::json& typed) {
    auto table = store_.routingTable();
    if (!table) return storeUnavailable(res, session, table.status());
    std::map<std::string, TeamUse> uses;
    for (const auto& [name, targets] : table->teams) {
        auto use = store_.teamUse(name);
        if (!use) return storeUnavailable(res, session, use.status());
        uses[name] = use.value();
    }
    nlohmann::json view = teamsView(*table, uses);
    if (!notice.empty()) view["notice"] = notice;
    if (!error.empty()) view["error"] = error;
    view["typed"] = typed;
    renderPage(res, "admin_teams", view, session);
    if (!error.empty()) res.status = 422;
}

void BackOffice::saveTeam(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    const std::string team = req.matches[1].str();
    auto targets = readTeamForm(parseQueryString(req.body));
    if (!targets) return showTeams(res, session, "", targets.status().message());
    if (!targets->webhookUrl.empty() && config_.webhook.secret.empty())
        return showTeams(res, session, "",
                         "Deze server kan geen webhooks ondertekenen: in de instellingen ontbreekt [webhook] "
                         "secret_file. Vraag het de beheerder van de server, of gebruik e-mail.");
    std::string detail = fmt::format(
        "team {}: webhook {}; e-mail {}", team, targets->webhookUrl.empty() ? "none" : targets->webhookUrl,
        targets->emails.empty() ? "none" : fmt::format("{}", fmt::join(targets->emails, ", ")));
    Status s = store_.setTeamNotifications(
        team, *targets, {clock_.now(), session.name, "change-team", "", detail, session.sourceAddress});
    if (s.code() == Status::Code::NotFound) return notFound(res);
    if (!s) return storeUnavailable(res, session, s);
    if (Status r = routing_.reload(); !r) return storeUnavailable(res, session, r);
    log::info("back office: {} changed the notification targets of team {}", session.name, team);
    redirect(res, "/backoffice/admin/teams?klaar=berichten");
}

void BackOffice::addTeam(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    const FormFields form = parseQueryString(req.body);
    auto table = store_.routingTable();
    if (!table) return storeUnavailable(res, session, table.status());
    const nlohmann::json typed = {{"name", param(form, "name")}, {"label", param(form, "label")}};
    auto team = readNewTeamForm(form, *table);
    if (!team) return showTeams(res, session, "", team.status().message(), typed);
    Status s = store_.addTeam(team->name, team->label,
                              {clock_.now(), session.name, "add-team", "",
                               fmt::format("team {}: {}", team->name, team->label), session.sourceAddress});
    if (s.code() == Status::Code::Conflict)
        return showTeams(res, session, "", "Er is al een team met deze korte naam.", typed);
    if (!s) return storeUnavailable(res, session, s);
    if (Status r = routing_.reload(); !r) return storeUnavailable(res, session, r);
    log::info("back office: {} added team {}", session.name, team->name);
    redirect(res, "/backoffice/admin/teams?klaar=toegevoegd");
}

void BackOffice::renameTeam(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    const std::string team = req.matches[1].str();
    auto label = readTeamLabel(parseQueryString(req.body));
    if (!label) return showTeams(res, session, "", label.status().message());
    Status s = store_.setTeamLabel(team, *label,
                                   {clock_.now(), session.name, "rename-team", "",
                                    fmt::format("team {}: {}", team, *label), session.sourceAddress});
    if (s.code() == Status::Code::NotFound) return notFound(res);
    if (!s) return storeUnavailable(res, session, s);
    if (Status r = routing_.reload(); !r) return storeUnavailable(res, session, r);
    log::info("back office: {} renamed team {}", session.name, team);
    redirect(res, "/backoffice/admin/teams?klaar=naam");
}

void BackOffice::removeTeam(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    const std::string team = req.matches[1].str();
    Status s = store_.removeTeam(
        team, {clock_.now(), session.name, "remove-team", "", "team " + team, session.sourceAddress});
    if (s.code() == Status::Code::NotFound) return notFound(res);
    if (s.code() == Status::Code::Conflict) {
        auto use = store_.teamUse(team);
        if (!use) return storeUnavailable(res, session, use.status());
        return showTeams(res, session, "", teamInUseText(*use));
    }
    if (!s) return storeUnavailable(res, session, s);
    if (Status r = routing_.reload(); !r) return storeUnavailable(res, session, r);
    log::info("back office: {} removed team {}", session.name, team);
    redirect(res, "/backoffice/admin/teams?klaar=verwijderd");
}

}  // namespace wp
