// BackOffice's framework: sessions, roles, CSRF and Origin checks, the dispatch to the handlers, and the
// pages every area shares (403, 404, redirects).
#include "central/backoffice/back_office.h"

#include <fmt/format.h>

#include "central/backoffice/staff_credentials.h"
#include "common/log.h"

namespace wp {

namespace {

std::string municipalityOf(const CentralConfig& config) {
    if (!config.backOffice.municipality.empty()) return config.backOffice.municipality;
    if (config.publicPages.theme && !config.publicPages.theme->municipality.empty())
        return config.publicPages.theme->municipality;
    return "Wijkpunt";
}

std::string formField(const HttpRequest& req, const std::string& name) {
    auto form = parseQueryString(req.body);
    auto it = form.find(name);
    return it == form.end() ? std::string() : it->second;
}

}  // namespace

std::string cookieValue(const HttpRequest& req, std::string_view name) {
    auto [first, last] = req.headers.equal_range("Cookie");
    for (auto it = first; it != last; ++it) {
        std::string_view header = it->second;
        while (!header.empty()) {
            size_t end = header.find(';');
            std::string_view pair = header.substr(0, end);
            header = end == std::string_view::npos ? std::string_view() : header.substr(end + 1);
            while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
            size_t eq = pair.find('=');
            if (eq != std::string_view::npos && pair.substr(0, eq) == name)
                return std::string(pair.substr(eq + 1));
        }
    }
    return "";
}

BackOffice::BackOffice(const CentralConfig& config, CentralStore& store, const Clock& clock,
                       LiveRouting& routing)
    : config_(config), store_(store), clock_(clock), routing_(routing), pages_(municipalityOf(config)) {
    const auto& b = config.backOffice;
    sessionLimits_ = {std::chrono::minutes(b.sessionIdleMinutes), std::chrono::hours(b.sessionAbsoluteHours)};
    accountLockout_ = {b.accountFailures, std::chrono::minutes(b.failureWindowMinutes),
                       std::chrono::minutes(b.lockMinutes)};
    sourceLockout_ = {b.sourceFailures, std::chrono::minutes(b.failureWindowMinutes),
                      std::chrono::minutes(b.lockMinutes)};
}

void BackOffice::renderPage(HttpResponse& res, std::string_view templateName, const nlohmann::json& view,
                            const StaffSession& session) const {
    pages_.renderPage(res, templateName, view, session);
}

void BackOffice::renderPlainPage(HttpResponse& res, int status, std::string_view templateName,
                                 const nlohmann::json& view) const {
    pages_.renderPlainPage(res, status, templateName, view);
}

void BackOffice::redirect(HttpResponse& res, std::string_view location) const {
    res.status = 303;
    res.set_header("Location", std::string(location));
    addBackOfficeHeaders(res);
    res.set_content("", "text/plain; charset=utf-8");
}

void BackOffice::forbidden(HttpResponse& res, const StaffSession* session, std::string_view text) const {
    nlohmann::json view = {{"title", "Geen toegang"}, {"heading", "Geen toegang"}, {"text", text}};
    if (session != nullptr) {
        view["link"] = {{"href", "/backoffice/"}, {"label", "Naar de inbox"}};
        pages_.renderPage(res, "message", view, *session);
        if (res.status == 200) res.status = 403;
    } else {
        view["link"] = {{"href", "/backoffice/sign-in"}, {"label", "Naar aanmelden"}};
        pages_.renderPlainPage(res, 403, "message", view);
    }
}

void BackOffice::storeUnavailable(HttpResponse& res, const StaffSession& session, const Status& why) const {
    log::error("back office: the store is unavailable: {}", why.message());
    pages_.renderPage(
        res, "message",
        {{"title", "Even niet beschikbaar"},
         {"heading", "Even niet beschikbaar"},
         {"text", "De gegevens zijn nu niet te lezen. Probeer het over een paar minuten opnieuw."}},
        session);
    if (res.status == 200) res.status = 503;
}

void BackOffice::notFound(HttpResponse& res) const {
    pages_.renderPlainPage(res, 404, "message",
                           {{"title", "Pagina niet gevonden"},
                            {"heading", "Pagina niet gevonden"},
                            {"text", "Deze pagina bestaat niet. Controleer het adres."},
                            {"link", {{"href", "/backoffice/"}, {"label", "Naar de inbox"}}}});
}

bool BackOffice::originAllowed(const HttpRequest& req) const {
    if (!req.has_header("Origin")) return true;
    const std::string origin = req.get_header_value("Origin");
    if (!config_.backOffice.publicUrl.empty() && origin == config_.backOffice.publicUrl) return true;
    const std::string host = req.get_header_value("Host");
    return !host.empty() && origin == "https://" + host;
}

BackOffice::SessionState BackOffice::sessionOf(const HttpRequest& req, StaffSession& session) {
    const std::string id = cookieValue(req, kSessionCookie);
    if (id.empty()) return SessionState::None;
    const std::string idHash = hashSecretToken(id);
    auto stored = store_.staffSessionByHash(idHash);
    if (!stored) {
        log::error("back office session: {}", stored.status().message());
        return SessionState::None;
    }
    if (!stored.value()) return SessionState::None;
    const StoredStaffSession& s = **stored;
    const TimePoint now = clock_.now();
    if (s.ended || s.account.disabled) return SessionState::Ended;
    if (sessionTimedOut(s.createdAt, s.lastSeenAt, sessionLimits_, now)) {
        if (Status e = store_.endStaffSession(idHash, now); !e)
            log::error("back office session: {}", e.message());
        return SessionState::Ended;
    }
    if (Status t = store_.touchStaffSession(idHash, now); !t)
        log::error("back office session: {}", t.message());
    session.accountId = s.account.id;
    session.name = s.account.name;
    session.email = s.account.email;
    session.role = s.account.role;
    session.team = s.account.role == StaffRole::Team ? s.account.team : "";
    session.csrfToken = s.csrfToken;
    return SessionState::Valid;
}

void BackOffice::handle(std::size_t route, const HttpRequest& req, HttpResponse& res) {
    const BackOfficeRoute& r = backOfficeRoutes()[route];
    StaffSession session;
    session.sourceAddress = req.remote_addr;
    const bool post = req.method == "POST";
    if (post && !originAllowed(req)) {
        log::warning("back office: refused a form from origin {} at {}", req.get_header_value("Origin"),
                     req.remote_addr);
        return forbidden(res, nullptr, "Dit formulier komt niet van deze website.");
    }
    if (r.access == BackOfficeAccess::Anonymous) {
        std::string formToken = cookieValue(req, kFormCookie);
        if (post && (formToken.empty() || !constantTimeEquals(formToken, formField(req, "csrf"))))
            return forbidden(res, nullptr,
                             "Dit formulier is verlopen. Open de pagina opnieuw en probeer het nog eens.");
        if (formToken.size() != randomToken().size() && r.id != BackOfficeRouteId::StaticFile) {
            formToken = randomToken();
            res.headers.emplace("Set-Cookie", fmt::format("{}={}; Path=/; Secure; HttpOnly; SameSite=Strict",
                                                          kFormCookie, formToken));
        }
        session.csrfToken = formToken;
    } else {
        SessionState state = sessionOf(req, session);
        if (state != SessionState::Valid)
            return redirect(
                res, state == SessionState::Ended ? "/backoffice/sign-in?afgemeld=1" : "/backoffice/sign-in");
        if (!allows(r.access, session.role))
            return forbidden(res, &session,
                             "Deze pagina is niet voor uw rol. Vraag een beheerder als u hem nodig hebt.");
        if (post && !constantTimeEquals(session.csrfToken, formField(req, "csrf")))
            return forbidden(res, &session,
                             "Dit formulier is verlopen. Open de pagina opnieuw en probeer het nog eens.");
    }
    dispatch(r.id, req, res, session);
    if (!res.has_header("Cache-Control")) res.set_header("Cache-Control", "no-store");
    if (!res.has_header("Content-Security-Policy"))
        res.set_header("Content-Security-Policy", std::string(backOfficeContentSecurityPolicy()));
    // With no-referrer a browser sends "Origin: null" with every form, which originAllowed refuses; the
    // referrer still never leaves this site.
    if (!res.has_header("Referrer-Policy")) res.set_header("Referrer-Policy", "same-origin");
}

void BackOffice::dispatch(BackOfficeRouteId id, const HttpRequest& req, HttpResponse& res,
                          const StaffSession& session) {
    switch (id) {
        case BackOfficeRouteId::Home:
            return home(req, res, session);
        case BackOfficeRouteId::Inbox:
            return inbox(req, res, session);
        case BackOfficeRouteId::RequestPage:
            return requestPage(req, res, session);
        case BackOfficeRouteId::TakeRequest:
            return takeRequest(req, res, session);
        case BackOfficeRouteId::AssignRequest:
            return assignRequest(req, res, session);
        case BackOfficeRouteId::ForwardRequest:
            return forwardRequest(req, res, session);
        case BackOfficeRouteId::RequestStatus:
            return setCaseStatus(req, res, session);
        case BackOfficeRouteId::PlanRequest:
            return planCase(req, res, session);
        case BackOfficeRouteId::ExportOpen:
            return exportOpen(req, res, session);
        case BackOfficeRouteId::ExportCounts:
            return exportCounts(req, res, session);
        case BackOfficeRouteId::StaticFile:
            return staticFile(req, res, session);
        case BackOfficeRouteId::SignInPage:
            return signInPage(req, res, session);
        case BackOfficeRouteId::SignIn:
            return signIn(req, res, session);
        case BackOfficeRouteId::SignOut:
            return signOut(req, res, session);
        case BackOfficeRouteId::SignOutEverywhere:
            return signOutEverywhere(req, res, session);
        case BackOfficeRouteId::SetupPage:
            return setupPage(req, res, session);
        case BackOfficeRouteId::Setup:
            return setup(req, res, session);
        case BackOfficeRouteId::Dashboard:
            return dashboard(req, res, session);
        case BackOfficeRouteId::AdminTeams:
            return teamsPage(req, res, session);
        case BackOfficeRouteId::SaveTeam:
            return saveTeam(req, res, session);
        case BackOfficeRouteId::AddTeam:
            return addTeam(req, res, session);
        case BackOfficeRouteId::RenameTeam:
            return renameTeam(req, res, session);
        case BackOfficeRouteId::RemoveTeam:
            return removeTeam(req, res, session);
        case BackOfficeRouteId::AdminRouting:
            return routingPage(req, res, session);
        case BackOfficeRouteId::SaveRouting:
            return saveRouting(req, res, session);
        case BackOfficeRouteId::AuditLog:
            return auditPage(req, res, session);
        case BackOfficeRouteId::Accounts:
            return accountsPage(req, res, session);
        case BackOfficeRouteId::CreateAccount:
            return createAccount(req, res, session);
        case BackOfficeRouteId::Account:
            return accountPage(req, res, session);
        case BackOfficeRouteId::DisableAccount:
            return disableAccount(req, res, session);
        case BackOfficeRouteId::EnableAccount:
            return enableAccount(req, res, session);
        case BackOfficeRouteId::ResetSecondFactor:
            return resetSecondFactor(req, res, session);
        case BackOfficeRouteId::Agendas:
            return agendasPage(req, res, session);
        case BackOfficeRouteId::CreateAgenda:
            return createAgenda(req, res, session);
        case BackOfficeRouteId::AgendaPage:
            return agendaPage(req, res, session);
        case BackOfficeRouteId::SaveAgenda:
            return saveAgenda(req, res, session);
        case BackOfficeRouteId::AddClosure:
            return addClosure(req, res, session);
        case BackOfficeRouteId::RemoveClosure:
            return removeClosure(req, res, session);
        case BackOfficeRouteId::AppointmentDay:
            return appointmentDay(req, res, session);
        case BackOfficeRouteId::CancelLinkPage:
            return cancelLinkPage(req, res, session);
        case BackOfficeRouteId::CancelByLink:
            return cancelByLink(req, res, session);
        case BackOfficeRouteId::CancelledPage:
            return cancelledPage(req, res, session);
        case BackOfficeRouteId::Kiosks:
            return kiosksPage(req, res, session);
        case BackOfficeRouteId::CreateEnrollToken:
            return makeEnrollToken(req, res, session);
        case BackOfficeRouteId::KioskPage:
            return kioskPage(req, res, session);
        case BackOfficeRouteId::KioskCommand:
            return sendKioskCommand(req, res, session);
        case BackOfficeRouteId::RevokeKiosk:
            return revokeKioskPage(req, res, session);
        case BackOfficeRouteId::CommandUpload:
            return commandUpload(req, res, session);
    }
}

}  // namespace wp
