// The municipality's dashboard (with the kiosks' trouble per contact point) and the admin pages for routing
// and the audit log (BackOffice's members; their views are dashboard_view.h and admin_view.h; the teams'
// pages are team_pages.cpp). The dashboard (counts and durations only, no personal data) is for coordinators
// and admins; routing and the audit log are for admins. Every change is audited with who made it and from
// where.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>

#include "central/backoffice/admin_view.h"
#include "central/backoffice/back_office.h"
#include "central/backoffice/dashboard_figures.h"
#include "central/backoffice/dashboard_view.h"
#include "central/backoffice/fleet_page_view.h"
#include "central/live_routing.h"
#include "common/log.h"

namespace wp {

namespace {

std::string param(const HttpRequest& req, const std::string& name) {
    auto it = req.params.find(name);
    return it == req.params.end() ? std::string() : it->second;
}

// The contact points of the configured kiosks, in order.
std::vector<std::string> contactPointsOf(const CentralConfig& config) {
    std::set<std::string> points;
    for (const KioskIdentity& k : config.kiosks) points.insert(k.contactPoint);
    return {points.begin(), points.end()};
}

std::vector<std::string> requestTypesOf(const CentralConfig& config) {
    std::vector<std::string> types;
    for (const RequestSpec* spec : config.requests.specs.latestOfEach()) types.push_back(spec->id);
    return types;
}

}  // namespace

void BackOffice::dashboard(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    const TimePoint now = clock_.now();
    DashboardContext context;
    context.contactPoints = contactPointsOf(config_);
    context.contactPoint = param(req, "contact_point");
    if (std::find(context.contactPoints.begin(), context.contactPoints.end(), context.contactPoint) ==
        context.contactPoints.end())
        context.contactPoint = context.contactPoints.empty() ? "" : context.contactPoints.front();
    context.currentWeek = IsoWeek::containing(now);
    context.week = IsoWeek::parse(param(req, "week")).value_or(context.currentWeek);
    if (context.week.start() > context.currentWeek.start()) context.week = context.currentWeek;
    context.responseTarget = std::chrono::hours(config_.dashboard.responseTargetHours);
    context.teamLabels = routing_.current()->table.labels;

    auto requests = store_.dashboardRequests(context.contactPoint, context.week.start(), context.week.end());
    if (!requests) return storeUnavailable(res, session, requests.status());
    auto events =
        store_.queueEventsOfDays(context.contactPoint, context.week.firstDay(), context.week.lastDay());
    if (!events) return storeUnavailable(res, session, events.status());
    DashboardFigures figures = dashboardFigures(*requests, *events, now, {context.responseTarget});
    auto fleet = fleetNow();
    if (!fleet) return storeUnavailable(res, session, fleet.status());
    nlohmann::json view = dashboardView(figures, context);
    view["kioskTrouble"] = contactPointTroubleView(*fleet);
    renderPage(res, "dashboard", view, session);
}

void BackOffice::routingPage(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    showRouting(
        res, session,
        param(req, "saved").empty() ? "" : "De regels zijn opgeslagen. Ze gelden vanaf de volgende vraag.",
        "");
}

void BackOffice::showRouting(HttpResponse& res, const StaffSession& session, const std::string& notice,
                             const std::string& error) {
    auto table = store_.routingTable();
    if (!table) return storeUnavailable(res, session, table.status());
    nlohmann::json view = routingView(*table, requestTypesOf(config_));
    if (!notice.empty()) view["notice"] = notice;
    if (!error.empty()) view["error"] = error;
    renderPage(res, "admin_routing", view, session);
    if (!error.empty()) res.status = 422;
}

void BackOffice::saveRouting(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    auto table = store_.routingTable();
    if (!table) return storeUnavailable(res, session, table.status());
    auto change = readRoutingForm(parseQueryString(req.body), *table, requestTypesOf(config_));
    if (!change) return showRouting(res, session, "", change.status().message());
    Status s = store_.replaceRouting(change->defaultTeam, change->rules,
                                     {clock_.now(), session.name, "change-routing", "",
                                      routingChangeDetail(*change), session.sourceAddress});
    if (s.code() == Status::Code::InvalidInput)
        return showRouting(res, session, "", "Kies teams uit de lijst.");
    if (!s) return storeUnavailable(res, session, s);
    if (Status r = routing_.reload(); !r) return storeUnavailable(res, session, r);
    log::info("back office: {} changed the routing ({} rules)", session.name, change->rules.size());
    redirect(res, "/backoffice/admin/routing?saved=1");
}

void BackOffice::auditPage(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    AuditPageQuery query = readAuditQuery(req.params);
    auto entries = store_.searchAudit(query.query);
    if (!entries) return storeUnavailable(res, session, entries.status());
    renderPage(res, "audit", auditView(query, *entries), session);
}

}  // namespace wp
