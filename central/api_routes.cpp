#include "central/api_routes.h"

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
        {RouteId::QueuePage, "GET", "/queue/{letters}/{day}/{ticket}", RouteAuth::Public},
        {RouteId::StatusPage, "GET", "/status/{reference}", RouteAuth::Public},
    };
    return routes;
}

}  // namespace wp
