#include "central/api_routes.h"

#include <algorithm>

#include "central/http_exchange.h"

namespace wp {

const std::vector<ApiRoute>& apiRoutes() {
    static const std::vector<ApiRoute> routes = {
        {RouteId::Health, "GET", "/v1/health", RouteAuth::Public},
        {RouteId::PostRequest, "POST", "/v1/requests", RouteAuth::Kiosk},
        {RouteId::GetRequestStatus, "GET", "/v1/requests/{reference}", RouteAuth::Public},
        {RouteId::PostQueueEvents, "POST", "/v1/statistics/queue-events", RouteAuth::Kiosk},
        {RouteId::ListRequests, "GET", "/v1/backoffice/requests", RouteAuth::Person},
        {RouteId::GetRequestDetail, "GET", "/v1/backoffice/requests/{reference}", RouteAuth::Person},
        {RouteId::SetRequestStatus, "POST", "/v1/backoffice/requests/{reference}/status", RouteAuth::Person},
        {RouteId::GetAuditLog, "GET", "/v1/backoffice/audit", RouteAuth::Person},
        {RouteId::GetAppointmentOffers, "GET", "/v1/appointments/offers", RouteAuth::Kiosk},
        {RouteId::GetAppointmentSlots, "GET", "/v1/appointments/slots", RouteAuth::Kiosk},
        {RouteId::PostAppointment, "POST", "/v1/appointments", RouteAuth::Kiosk},
        {RouteId::GetAppointmentsToday, "GET", "/v1/appointments/today", RouteAuth::Kiosk},
        {RouteId::PostAppointmentEvents, "POST", "/v1/appointments/events", RouteAuth::Kiosk},
        {RouteId::GetAppointment, "GET", "/v1/appointments/{code}", RouteAuth::Kiosk},
        {RouteId::CancelAppointment, "POST", "/v1/appointments/{code}/cancel", RouteAuth::Kiosk},
        {RouteId::ChangeAppointment, "POST", "/v1/appointments/{code}/change", RouteAuth::Kiosk},
        {RouteId::ListAgendas, "GET", "/v1/agendas", RouteAuth::Person},
        {RouteId::PutAgenda, "PUT", "/v1/agendas/{contact_point}/{service}", RouteAuth::Person},
        {RouteId::GetAgendaBookings, "GET", "/v1/agendas/{contact_point}/bookings", RouteAuth::Person},
        {RouteId::Enroll, "POST", "/v1/enroll", RouteAuth::Public},
        {RouteId::RenewCertificate, "POST", "/v1/kiosk/certificate", RouteAuth::Kiosk},
        {RouteId::PostHeartbeat, "POST", "/v1/kiosk/heartbeat", RouteAuth::Kiosk},
        {RouteId::PutScreenshot, "PUT", "/v1/kiosk/commands/{id}/screenshot", RouteAuth::Kiosk, 8u << 20},
        {RouteId::PutLog, "PUT", "/v1/kiosk/commands/{id}/log", RouteAuth::Kiosk, 256u << 10},
        {RouteId::CreateEnrollToken, "POST", "/v1/fleet/enroll-tokens", RouteAuth::Person},
        {RouteId::ListFleetKiosks, "GET", "/v1/fleet/kiosks", RouteAuth::Person},
        {RouteId::RevokeFleetKiosk, "POST", "/v1/fleet/kiosks/{kiosk}/revoke", RouteAuth::Person},
        {RouteId::PostKioskCommand, "POST", "/v1/fleet/kiosks/{kiosk}/commands", RouteAuth::Person},
        {RouteId::GetKioskCommand, "GET", "/v1/fleet/commands/{id}", RouteAuth::Person},
        {RouteId::GetCommandUpload, "GET", "/v1/fleet/commands/{id}/upload", RouteAuth::Person},
        {RouteId::QueuePage, "GET", "/queue/{letters}/{day}/{ticket}", RouteAuth::Public},
        {RouteId::StatusPage, "GET", "/status/{reference}", RouteAuth::Public},
    };
    return routes;
}

std::size_t largestRouteBody(std::size_t fallback) {
    std::size_t largest = fallback;
    for (const ApiRoute& r : apiRoutes()) largest = std::max(largest, r.maxBodyBytes);
    return largest;
}

std::optional<std::vector<std::string>> matchRoutePath(std::string_view pattern, std::string_view path) {
    std::vector<std::string> out{std::string(path)};
    size_t p = 0, q = 0;
    while (p < pattern.size()) {
        if (pattern[p] == '{') {
            size_t close = pattern.find('}', p);
            size_t end = path.find('/', q);
            if (end == std::string_view::npos) end = path.size();
            if (end == q) return std::nullopt;
            out.push_back(percentDecode(path.substr(q, end - q)));
            p = close == std::string_view::npos ? pattern.size() : close + 1;
            q = end;
        } else {
            if (q >= path.size() || path[q] != pattern[p]) return std::nullopt;
            ++p;
            ++q;
        }
    }
    if (q != path.size()) return std::nullopt;
    return out;
}

}  // namespace wp
