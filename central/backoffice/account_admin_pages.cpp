// BackOffice's account pages for admins: the list of accounts, making one (its set-up link is shown once),
// an account with its last sign-ins, disabling and enabling it, and resetting its second factor.
#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "central/backoffice/account_commands.h"
#include "central/backoffice/back_office.h"
#include "common/clock.h"
#include "common/log.h"
#include "common/request_spec.h"

namespace wp {

namespace {

std::string field(const std::multimap<std::string, std::string>& form, const std::string& name) {
    auto it = form.find(name);
    return it == form.end() ? std::string() : it->second;
}

// "26-11-2026 10:05" in Europe/Amsterdam.
std::string formatLocalDateTime(TimePoint t) {
    static const date::time_zone* zone = date::locate_zone("Europe/Amsterdam");
    return date::format("%d-%m-%Y %H:%M",
                        date::make_zoned(zone, std::chrono::floor<std::chrono::minutes>(t)));
}

std::string when(const std::optional<TimePoint>& t) {
    if (!t) return "nog nooit";
    return formatLocalDateTime(*t);
}

std::string_view stateLabel(const StaffAccount& a) {
    if (a.disabled) return "Uitgezet";
    return a.setUp() ? "Actief" : "Wacht op instellen";
}

std::string_view outcomeLabel(std::string_view outcome) {
    if (outcome == "signed-in") return "Aangemeld";
    if (outcome == "locked") return "Geweigerd: tijdelijk geblokkeerd";
    return "Mislukt";
}

nlohmann::json teamOptions(const RoutingTable& routing, const std::string& chosen) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [name, targets] : routing.teams)
        out.push_back({{"value", name}, {"label", routing.labelOf(name)}, {"selected", name == chosen}});
    return out;
}

nlohmann::json roleOptions(const std::string& chosen) {
    nlohmann::json out = nlohmann::json::array();
    for (StaffRole r : {StaffRole::Team, StaffRole::Coordinator, StaffRole::Admin})
        out.push_back({{"value", toString(r)}, {"label", roleLabel(r)}, {"selected", toString(r) == chosen}});
    return out;
}

std::string accountPath(std::int64_t id) {
    return fmt::format("/backoffice/admin/accounts/{}", id);
}

std::optional<std::int64_t> idIn(const std::string& text) {
    if (text.empty() || text.size() > 18 || !std::all_of(text.begin(), text.end(), ::isdigit))
        return std::nullopt;
    return std::stoll(text);
}

}  // namespace

void BackOffice::showAccounts(HttpResponse& res, const StaffSession& session, const nlohmann::json& form,
                              const nlohmann::json& errors) {
    auto accounts = store_.staffAccounts();
    if (!accounts) return storeUnavailable(res, session, accounts.status());
    nlohmann::json rows = nlohmann::json::array();
    for (const StaffAccount& a : accounts.value())
        rows.push_back({{"href", accountPath(a.id)},
                        {"name", a.name},
                        {"email", a.email},
                        {"role", roleLabel(a.role)},
                        {"team", a.team.empty() ? "-" : a.team},
                        {"state", stateLabel(a)},
                        {"lastSignIn", when(a.lastSignInAt)}});
    renderPage(res, "accounts",
               {{"title", "Accounts"},
                {"section", "accounts"},
                {"accounts", rows},
                {"form", form},
                {"roles", roleOptions(form.value("role", "team"))},
                {"teams", teamOptions(routing_.current()->table, form.value("team", ""))},
                {"errors", errors},
                {"hasErrors", !errors.empty()}},
               session);
}

void BackOffice::accountsPage(const HttpRequest&, HttpResponse& res, const StaffSession& session) {
    showAccounts(res, session, nlohmann::json::object(), nlohmann::json::object());
}

void BackOffice::createAccount(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    const auto form = parseQueryString(req.body);
    StaffAccount a;
    a.name = field(form, "name");
    a.email = field(form, "email");
    std::transform(a.email.begin(), a.email.end(), a.email.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    const std::string role = field(form, "role");
    a.role = staffRoleFromString(role).value_or(StaffRole::Team);
    a.team = a.role == StaffRole::Team ? field(form, "team") : "";
    nlohmann::json errors = nlohmann::json::object();
    if (a.name.empty() || a.name.find('\n') != std::string::npos) errors["name"] = "Vul de naam in.";
    const size_t at = a.email.find('@');
    if (at == std::string::npos || at == 0 || at + 1 >= a.email.size() ||
        a.email.find_first_of(" \t\n<>\"") != std::string::npos)
        errors["email"] = "Vul een e-mailadres in, zoals naam@schiedam.nl.";
    if (!staffRoleFromString(role)) errors["role"] = "Kies een rol.";
    if (a.role == StaffRole::Team && !routing_.current()->table.teams.contains(a.team))
        errors["team"] = "Kies het team van dit teamlid.";
    nlohmann::json typed = {{"name", a.name}, {"email", a.email}, {"role", role}, {"team", a.team}};
    if (!errors.empty()) return showAccounts(res, session, typed, errors);
    const TimePoint now = clock_.now();
    auto id = store_.addStaffAccount(a, now);
    if (!id && id.status().code() == Status::Code::Conflict)
        return showAccounts(res, session, typed,
                            {{"name", "Er is al een account met deze naam of dit e-mailadres."}});
    if (!id) return storeUnavailable(res, session, id.status());
    auto link = newSetupLink(store_, config_, id.value(), now);
    if (!link) return storeUnavailable(res, session, link.status());
    log::info("back office: {} made account {} ({})", session.name, id.value(), toString(a.role));
    showSetupLink(res, session, a, link.value(), "Account gemaakt");
}

void BackOffice::showSetupLink(HttpResponse& res, const StaffSession& session, const StaffAccount& account,
                               const std::string& link, const std::string& heading) const {
    renderPage(res, "account_link",
               {{"title", heading},
                {"section", "accounts"},
                {"heading", heading},
                {"name", account.name},
                {"email", account.email},
                {"link", link},
                {"hours", config_.backOffice.setupLinkHours},
                {"back", accountsPathOf(account)}},
               session);
}

std::string BackOffice::accountsPathOf(const StaffAccount& account) const {
    return account.id == 0 ? "/backoffice/admin/accounts" : accountPath(account.id);
}

std::optional<StaffAccount> BackOffice::accountOfPath(const HttpRequest& req, HttpResponse& res,
                                                      const StaffSession& session) {
    auto id = idIn(req.matches[1].str());
    auto account = id ? store_.staffAccountById(*id) : Result<std::optional<StaffAccount>>(std::nullopt);
    if (!account) {
        storeUnavailable(res, session, account.status());
        return std::nullopt;
    }
    if (!account.value()) {
        notFound(res);
        return std::nullopt;
    }
    return **account;
}

void BackOffice::accountPage(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    auto a = accountOfPath(req, res, session);
    if (!a) return;
    auto attempts = store_.signInsOf(a->id, 20);
    if (!attempts) return storeUnavailable(res, session, attempts.status());
    nlohmann::json rows = nlohmann::json::array();
    for (const SignInAttempt& s : attempts.value())
        rows.push_back(
            {{"at", formatLocalDateTime(s.at)}, {"source", s.source}, {"outcome", outcomeLabel(s.outcome)}});
    const std::string base = accountPath(a->id);
    renderPage(res, "account",
               {{"title", a->name},
                {"section", "accounts"},
                {"name", a->name},
                {"email", a->email},
                {"role", roleLabel(a->role)},
                {"team", a->team.empty() ? "-" : a->team},
                {"state", stateLabel(*a)},
                {"disabled", a->disabled},
                {"self", a->id == session.accountId},
                {"lastSignIn", when(a->lastSignInAt)},
                {"signIns", rows},
                {"hasSignIns", !rows.empty()},
                {"disableAction", base + "/disable"},
                {"enableAction", base + "/enable"},
                {"resetAction", base + "/reset-2fa"}},
               session);
}

void BackOffice::disableAccount(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    auto a = accountOfPath(req, res, session);
    if (!a) return;
    if (a->id == session.accountId)
        return forbidden(res, &session, "U kunt uw eigen account niet uitzetten.");
    if (Status s = store_.setStaffAccountDisabled(a->id, true, clock_.now()); !s)
        return storeUnavailable(res, session, s);
    log::info("back office: {} disabled account {}", session.name, a->id);
    redirect(res, accountPath(a->id));
}

void BackOffice::enableAccount(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    auto a = accountOfPath(req, res, session);
    if (!a) return;
    if (Status s = store_.setStaffAccountDisabled(a->id, false, clock_.now()); !s)
        return storeUnavailable(res, session, s);
    log::info("back office: {} enabled account {}", session.name, a->id);
    redirect(res, accountPath(a->id));
}

void BackOffice::resetSecondFactor(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    auto a = accountOfPath(req, res, session);
    if (!a) return;
    auto link = newSetupLink(store_, config_, a->id, clock_.now());
    if (!link) return storeUnavailable(res, session, link.status());
    log::info("back office: {} reset the second factor of account {}", session.name, a->id);
    showSetupLink(res, session, *a, link.value(), "Nieuwe link voor instellen");
}

}  // namespace wp
