#include "central/backoffice/backoffice_routes.h"

namespace wp {

const std::vector<BackOfficeRoute>& backOfficeRoutes() {
    using A = BackOfficeAccess;
    using R = BackOfficeRouteId;
    static const std::vector<BackOfficeRoute> routes = {
        {R::Home, "GET", "/backoffice", A::Anonymous},
        {R::Home, "GET", "/backoffice/", A::Anonymous},
        {R::Inbox, "GET", "/backoffice/inbox", A::AnyStaff},
        {R::StaticFile, "GET", "/backoffice/static/{name}", A::Anonymous},
        {R::SignInPage, "GET", "/backoffice/sign-in", A::Anonymous},
        {R::SignIn, "POST", "/backoffice/sign-in", A::Anonymous},
        {R::SignOut, "POST", "/backoffice/sign-out", A::AnyStaff},
        {R::SignOutEverywhere, "POST", "/backoffice/sign-out-everywhere", A::AnyStaff},
        {R::SetupPage, "GET", "/backoffice/setup/{token}", A::Anonymous},
        {R::Setup, "POST", "/backoffice/setup/{token}", A::Anonymous},
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
    return path == "/backoffice" || path.rfind("/backoffice/", 0) == 0;
}

}  // namespace wp
