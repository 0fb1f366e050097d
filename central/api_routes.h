// The central server's router table: every route it serves, in one list. CentralServer registers exactly
// these, and the contract test compares this list with central/openapi.yaml both ways. The first route that
// matches wins, so fixed paths come before the templates that would take them ("/v1/appointments/today"
// before "/v1/appointments/{code}").
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wp {

enum class RouteId {
    Health,
    PostRequest,
    GetRequestStatus,
    PostQueueEvents,
    ListRequests,
    GetRequestDetail,
    SetRequestStatus,
    GetAuditLog,
    GetAppointmentOffers,
    GetAppointmentSlots,
    PostAppointment,
    GetAppointmentsToday,
    PostAppointmentEvents,
    GetAppointment,
    CancelAppointment,
    ChangeAppointment,
    ListAgendas,
    PutAgenda,
    GetAgendaBookings,
    Enroll,            // a kiosk's first call, with its one-time token (public listener)
    RenewCertificate,  // the fleet's kiosk side (central/fleet_kiosk_handlers.cpp)
    PostHeartbeat,
    PutScreenshot,
    PutLog,
    CreateEnrollToken,  // the fleet's staff side (central/fleet_staff_handlers.cpp)
    ListFleetKiosks,
    RevokeFleetKiosk,
    PostKioskCommand,
    GetKioskCommand,
    GetCommandUpload,
    QueuePage,   // HTML for phones (central/public_pages.h)
    StatusPage,  // HTML for phones
};

// Who may call a route.
enum class RouteAuth {
    Public,  // anyone (rate-limited where it reads data)
    Kiosk,   // an enrolled kiosk: client certificate mapped in the config, not revoked
    Person,  // a personal bearer token (admin or team member)
};

struct ApiRoute {
    RouteId id;
    std::string_view method;  // "GET", "POST", "PUT"
    std::string_view path;    // OpenAPI form: "/v1/requests/{reference}"
    RouteAuth auth;
    std::size_t maxBodyBytes = 0;  // the largest body the route takes; 0: [server] max_body_bytes
};

// The largest body any route takes (its own limit, or fallback for the routes without one).
std::size_t largestRouteBody(std::size_t fallback);

const std::vector<ApiRoute>& apiRoutes();

// The pieces of path that a route's OpenAPI path captures: [0] the whole path, then each {parameter},
// percent-decoded (a parameter is one non-empty path segment). nullopt when path does not match.
std::optional<std::vector<std::string>> matchRoutePath(std::string_view pattern, std::string_view path);

}  // namespace wp
