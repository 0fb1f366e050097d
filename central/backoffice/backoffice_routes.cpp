#include "central/backoffice/backoffice_routes.h"

namespace wp {

const std::vector<BackOfficeRoute>& backOfficeRoutes() {
    using A = BackOfficeAccess;
    using R = BackOfficeRouteId;
    static const std::vector<BackOfficeRoute> routes = {
        {R::Home, "GET", "/backoffice", A::Anonymous},
        {R::Home, "GET", "/backoffice/", A::Anonymous},
        {R::Inbox, "GET", "/backoffice/inbox", A::AnyStaff},
        {R::RequestPage, "GET", "/backoffice/requests/{reference}", A::AnyStaff},
        {R::TakeRequest, "POST", "/backoffice/requests/{reference}/take", A::AnyStaff},
        {R::AssignRequest, "POST", "/backoffice/requests/{reference}/assign", A::AnyStaff},
        {R::ForwardRequest, "POST", "/backoffice/requests/{reference}/forward", A::AnyStaff},
        {R::RequestStatus, "POST", "/backoffice/requests/{reference}/status", A::AnyStaff},
        {R::PlanRequest, "POST", "/backoffice/requests/{reference}/plan", A::AnyStaff},
        {R::ExportOpen, "GET", "/backoffice/export/open.csv", A::AnyStaff},
        {R::ExportCounts, "GET", "/backoffice/export/counts.csv", A::CoordinatorOrAdmin},
        {R::StaticFile, "GET", "/backoffice/static/{name}", A::Anonymous},
        {R::SignInPage, "GET", "/backoffice/sign-in", A::Anonymous},
        {R::SignIn, "POST", "/backoffice/sign-in", A::Anonymous},
        {R::SignOut, "POST", "/backoffice/sign-out", A::AnyStaff},
        {R::SignOutEverywhere, "POST", "/backoffice/sign-out-everywhere", A::AnyStaff},
        {R::SetupPage, "GET", "/backoffice/setup/{token}", A::Anonymous},
        {R::Setup, "POST", "/backoffice/setup/{token}", A::Anonymous},
        {R::Dashboard, "GET", "/backoffice/dashboard", A::CoordinatorOrAdmin},
        {R::AdminTeams, "GET", "/backoffice/admin/teams", A::Admin},
        {R::SaveTeam, "POST", "/backoffice/admin/teams/{team}", A::Admin},
        {R::AddTeam, "POST", "/backoffice/admin/teams", A::Admin},
        {R::RenameTeam, "POST", "/backoffice/admin/teams/{team}/naam", A::Admin},
        {R::RemoveTeam, "POST", "/backoffice/admin/teams/{team}/verwijderen", A::Admin},
        {R::AdminRouting, "GET", "/backoffice/admin/routing", A::Admin},
        {R::SaveRouting, "POST", "/backoffice/admin/routing", A::Admin},
        {R::AuditLog, "GET", "/backoffice/audit", A::Admin},
        {R::Accounts, "GET", "/backoffice/admin/accounts", A::Admin},
        {R::CreateAccount, "POST", "/backoffice/admin/accounts", A::Admin},
        {R::Account, "GET", "/backoffice/admin/accounts/{id}", A::Admin},
        {R::DisableAccount, "POST", "/backoffice/admin/accounts/{id}/disable", A::Admin},
        {R::EnableAccount, "POST", "/backoffice/admin/accounts/{id}/enable", A::Admin},
        {R::ResetSecondFactor, "POST", "/backoffice/admin/accounts/{id}/reset-2fa", A::Admin},
        {R::Agendas, "GET", "/backoffice/afspraken", A::AnyStaff},
        {R::CreateAgenda, "POST", "/backoffice/afspraken/nieuw", A::Admin},
        {R::AgendaPage, "GET", "/backoffice/afspraken/agenda/{contact_point}/{service}", A::AnyStaff},
        {R::SaveAgenda, "POST", "/backoffice/afspraken/agenda/{contact_point}/{service}", A::AnyStaff},
        {R::AddClosure, "POST", "/backoffice/afspraken/agenda/{contact_point}/{service}/uitzondering",
         A::AnyStaff},
        {R::RemoveClosure, "POST", "/backoffice/afspraken/agenda/{contact_point}/{service}/uitzondering/weg",
         A::AnyStaff},
        {R::AppointmentDay, "GET", "/backoffice/afspraken/dag/{contact_point}", A::AnyStaff},
        {R::CancelLinkPage, "GET", "/afspraak/annuleren/{token}", A::Anonymous},
        {R::CancelByLink, "POST", "/afspraak/annuleren/{token}", A::Anonymous},
        {R::CancelledPage, "GET", "/afspraak/afgezegd", A::Anonymous},
        {R::Kiosks, "GET", "/backoffice/kiosks", A::CoordinatorOrAdmin},
        {R::CreateEnrollToken, "POST", "/backoffice/kiosks/enroll-token", A::Admin},
        {R::CommandUpload, "GET", "/backoffice/kiosks/commands/{id}/upload", A::Admin},
        {R::KioskPage, "GET", "/backoffice/kiosks/{kiosk}", A::Admin},
        {R::KioskCommand, "POST", "/backoffice/kiosks/{kiosk}/command", A::Admin},
        {R::RevokeKiosk, "POST", "/backoffice/kiosks/{kiosk}/revoke", A::Admin},
    };
    return routes;
}

bool allows(BackOfficeAccess access, StaffRole role) {
    switch (access) {
        case BackOfficeAccess::Anonymous:
        case BackOfficeAccess::AnyStaff:
            return true;
        case BackOfficeAccess::CoordinatorOrAdmin:
            return role == StaffRole::Coordinator || role == StaffRole::Admin;
        case BackOfficeAccess::Admin:
            return role == StaffRole::Admin;
    }
    return false;
}

bool isBackOfficePath(std::string_view path) {
    return path == "/backoffice" || path.rfind("/backoffice/", 0) == 0 || path.rfind("/afspraak/", 0) == 0;
}

}  // namespace wp
