// BackOffice: the back office's pages (central/backoffice), served by wijkpunt-central on its public
// listener under /backoffice/. CentralServer routes a request here when its path matches a row of
// backOfficeRoutes() and calls handle(), which does, before any handler runs:
// - the session: the cookie __Host-wp_session names a session (its id is stored hashed) that has not ended,
//   timed out (idle or absolute, on the injected clock) or lost its account (disabled); without one a route
//   that needs staff redirects (303) to the sign-in page;
// - the role: a route the person's role may not open gets the 403 page;
// - every POST: an Origin header, when sent, must be this server's ([backoffice] public_url, or https:// and
//   the Host header), and the form's "csrf" field must equal the session's CSRF token (constant-time). A
//   form of an anonymous page (sign-in, set-up) carries a token that must equal the cookie __Host-wp_form
//   instead. A refusal is the 403 page, before the handler.
// Handlers are members, split over one file per area (account_pages.cpp, ...); each reads a form with
// parseQueryString(req.body) and, after a successful POST, redirects (303) to a GET page. Pages come from
// renderPage() (page_renderer.h). Thread-safe: the store and clock are, and handlers keep no state here.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "central/backoffice/backoffice_routes.h"
#include "central/backoffice/case_labels.h"
#include "central/backoffice/page_renderer.h"
#include "central/backoffice/sign_in_rules.h"
#include "central/backoffice/staff_session.h"
#include "central/central_config.h"
#include "central/fleet_view.h"
#include "central/http_exchange.h"
#include "central/live_routing.h"
#include "central/store/central_store.h"
#include "common/clock.h"

namespace wp {

inline constexpr std::string_view kSessionCookie = "__Host-wp_session";
inline constexpr std::string_view kFormCookie = "__Host-wp_form";

class BackOffice {
  public:
    // routing: the server's live routing, reloaded after an admin changes teams or rules.
    BackOffice(const CentralConfig& config, CentralStore& store, const Clock& clock, LiveRouting& routing);

    // Runs backOfficeRoutes()[route] for req (head.matches filled by the router).
    void handle(std::size_t route, const HttpRequest& req, HttpResponse& res);
    // The 404 page, for a /backoffice/ path that no route serves.
    void notFound(HttpResponse& res) const;

  private:
    // The page in the layout for the session (page_renderer.h), status 200.
    void renderPage(HttpResponse& res, std::string_view templateName, const nlohmann::json& view,
                    const StaffSession& session) const;
    // A page without a session, with its status.
    void renderPlainPage(HttpResponse& res, int status, std::string_view templateName,
                         const nlohmann::json& view) const;
    // 303 See Other to location (a path of this server).
    void redirect(HttpResponse& res, std::string_view location) const;
    // The 503 page, and why logged, when the store cannot be read or written.
    void storeUnavailable(HttpResponse& res, const StaffSession& session, const Status& why) const;
    // The 403 page ("Geen toegang"), in the layout when there is a session.
    void forbidden(HttpResponse& res, const StaffSession* session, std::string_view text) const;

    enum class SessionState { None, Ended, Valid };
    // The session of the request's cookie; Valid (and session filled, its last use now) or why not.
    SessionState sessionOf(const HttpRequest& req, StaffSession& session);
    bool originAllowed(const HttpRequest& req) const;
    void dispatch(BackOfficeRouteId id, const HttpRequest& req, HttpResponse& res,
                  const StaffSession& session);

    // --- sign-in, set-up, sessions (account_pages.cpp)
    void home(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void staticFile(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void signInPage(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void signIn(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void signOut(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void signOutEverywhere(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void setupPage(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void setup(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    // The sign-in page with an error or notice and the typed e-mail address.
    void showSignIn(HttpResponse& res, const StaffSession& session, const std::string& error,
                    const std::string& notice, const std::string& email) const;
    // The set-up page of link with the problems of each field ("" for none).
    void showSetup(HttpResponse& res, const StaffSession& session, const std::string& token,
                   const SetupLink& link, const nlohmann::json& errors) const;

    // --- teams (team_pages.cpp)
    void teamsPage(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void saveTeam(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void addTeam(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void renameTeam(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void removeTeam(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    // The teams page with a notice or an error (status 422 with an error), and the add form as typed.
    void showTeams(HttpResponse& res, const StaffSession& session, const std::string& notice,
                   const std::string& error, const nlohmann::json& typed = nlohmann::json::object());
    // --- the dashboard, routing and the audit log (dashboard_pages.cpp)
    void dashboard(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void routingPage(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void saveRouting(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void auditPage(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    // The routing page with a notice or an error (status 422 with an error).
    void showRouting(HttpResponse& res, const StaffSession& session, const std::string& notice,
                     const std::string& error);
    // Appends entry to the audit log; a store that refuses it is logged (the action itself has happened).
    void audit(const AuditEntry& entry);
    // --- accounts, for admins (account_admin_pages.cpp)
    void accountsPage(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void createAccount(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void accountPage(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void disableAccount(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void enableAccount(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void resetSecondFactor(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    // The accounts list with the create form as typed and its problems per field.
    void showAccounts(HttpResponse& res, const StaffSession& session, const nlohmann::json& form,
                      const nlohmann::json& errors);
    // The page that shows a set-up link once.
    void showSetupLink(HttpResponse& res, const StaffSession& session, const StaffAccount& account,
                       const std::string& link, const std::string& heading) const;
    std::string accountsPathOf(const StaffAccount& account) const;
    // The account of the path's {id}; nullopt with the 404 (or 503) page sent.
    std::optional<StaffAccount> accountOfPath(const HttpRequest& req, HttpResponse& res,
                                              const StaffSession& session);
    // --- the team inbox, a request's page, its actions and the exports (inbox_pages.cpp)
    void inbox(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void requestPage(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void takeRequest(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void assignRequest(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void forwardRequest(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void setCaseStatus(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void planCase(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void exportOpen(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void exportCounts(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    // The page of the request req.matches[1] names, read (and audited) now, with a confirmation, the refused
    // form fields and what was typed in them; status 400 when a field was refused. 404 when the request is
    // not there for this session.
    void showRequest(const HttpRequest& req, HttpResponse& res, const StaffSession& session,
                     const std::string& message, const std::map<std::string, std::string>& errors,
                     const std::map<std::string, std::string>& values);
    // What the inbox's views read from the config: the specs, the Dutch texts, the promises, the places.
    InboxSettings inboxSettings() const;
    // --- appointments: agendas and each day's appointments (agenda_pages.cpp)
    void agendasPage(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void createAgenda(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    // The list, with the new-agenda form (as typed, with its problems: status 422) for admins.
    void showAgendas(HttpResponse& res, const StaffSession& session, const nlohmann::json& typed,
                     const std::map<std::string, std::string>& errors);
    // What a new agenda may be for: the content's services (the four desks without content), and the
    // teams of the store.
    std::vector<std::string> agendaServices() const;
    Result<std::vector<std::string>> agendaTeams();
    void agendaPage(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void saveAgenda(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void addClosure(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void removeClosure(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void appointmentDay(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    // The agenda of the path's {contact_point}/{service} when the session may see it; nullopt with the 404
    // (or 503) page sent.
    std::optional<Agenda> agendaOfPath(const HttpRequest& req, HttpResponse& res,
                                       const StaffSession& session);
    // The edit page with a notice, or with the form as typed and its problems (status 422).
    void showAgenda(HttpResponse& res, const StaffSession& session, const Agenda& agenda,
                    const std::string& notice, const nlohmann::json& typed,
                    const std::map<std::string, std::string>& errors);
    // --- the resident's cancel link (appointment_cancel_pages.cpp)
    void cancelLinkPage(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void cancelByLink(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void cancelledPage(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    // The booking of the path's {token} when it can still be cancelled; nullopt with the page sent.
    std::optional<Booking> cancellableBooking(const HttpRequest& req, HttpResponse& res);
    // The public page in language: booking with its form (csrf, action), done, or neither: the link no
    // longer works.
    void showCancelPage(HttpResponse& res, int status, const std::string& language, const Booking* booking,
                        const std::string& csrf = "", const std::string& action = "", bool done = false);
    // --- the fleet: kiosks, enroll tokens, commands, revocation, uploads (fleet_pages.cpp)
    void kiosksPage(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void makeEnrollToken(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void kioskPage(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void sendKioskCommand(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void revokeKioskPage(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    void commandUpload(const HttpRequest& req, HttpResponse& res, const StaffSession& session);
    // Every kiosk with its trouble now (central/fleet_view.h).
    Result<std::vector<FleetEntry>> fleetNow();
    // The kiosk of the path's {kiosk} ("SGN-K3", any case); nullopt with the 404 (or 503) page sent.
    std::optional<FleetEntry> fleetEntryOfPath(const HttpRequest& req, HttpResponse& res,
                                               const StaffSession& session);
    // Admins: the kiosks with the enroll form, its error (status 422) and what was typed; coordinators: the
    // contact points with kiosk trouble.
    void showKiosks(HttpResponse& res, const StaffSession& session, const std::string& error,
                    const std::string& typedContactPoint);
    void showKiosk(HttpResponse& res, const StaffSession& session, const FleetEntry& kiosk,
                   const std::string& notice);
    // The page that asks "are you sure?" before a restart (kind "restart") or a revocation (kind "").
    void confirmKioskAction(HttpResponse& res, const StaffSession& session, const FleetEntry& kiosk,
                            const std::string& kind);

    const CentralConfig& config_;
    CentralStore& store_;
    const Clock& clock_;
    LiveRouting& routing_;
    PageRenderer pages_;
    SessionLimits sessionLimits_;
    LockoutRule accountLockout_, sourceLockout_;
};

// The value of the cookie name in the request's Cookie headers; "" when absent.
std::string cookieValue(const HttpRequest& req, std::string_view name);

}  // namespace wp
