#include "central/central_server.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "central/backoffice/backoffice_routes.h"
#include "central/central_server_impl.h"
#include "central/http_exchange.h"
#include "central/http_server.h"
#include "central/person_tokens.h"
#include "common/log.h"

namespace wp {

namespace {

// Route ids of the HTTP core at and above this are the back office's: backOfficeRoutes()[id - base].
constexpr int kBackOfficeRouteBase = 1000;

// The API routes (api_routes.h) and the back office's pages (backoffice_routes.h) for the HTTP core. The
// kiosk listener serves every API route (only enrolled kiosks get past its handshake) and no back office
// page; the public listener serves every route but the kiosks' ones, which it answers with 401 before
// reading a body. Kiosk and person routes check the caller before the body; the back office checks its
// session with the whole request (back_office.h).
class ApiService final : public HttpService {
  public:
    explicit ApiService(CentralServer::Impl& impl) : impl_(impl) {}

    std::optional<Route> route(Listener listener, HttpRequest& head, HttpResponse& res) const override {
        const auto& routes = apiRoutes();
        for (size_t i = 0; i < routes.size(); ++i) {
            const ApiRoute& r = routes[i];
            if (r.method != head.method) continue;
            auto matches = matchRoutePath(r.path, head.path);
            if (!matches) continue;
            if (r.auth == RouteAuth::Kiosk && listener == Listener::Public) {
                sendError(res, 401, error_code::kUnauthorized,
                          "this route is served to kiosks, with their client certificate, on the kiosk port");
                impl_.logRefusal(r.id, head, res);
                return std::nullopt;
            }
            for (std::string& m : *matches) head.matches.push_back({std::move(m)});
            return Route{static_cast<int>(i), r.auth != RouteAuth::Public, r.maxBodyBytes};
        }
        if (listener == Listener::Public && isBackOfficePath(head.path)) return backOfficeRoute(head, res);
        sendError(res, 404, error_code::kNotFound, "no such route");
        return std::nullopt;
    }

    std::optional<Route> backOfficeRoute(HttpRequest& head, HttpResponse& res) const {
        const auto& routes = backOfficeRoutes();
        for (size_t i = 0; i < routes.size(); ++i) {
            if (routes[i].method != head.method) continue;
            auto matches = matchRoutePath(routes[i].path, head.path);
            if (!matches) continue;
            for (std::string& m : *matches) head.matches.push_back({std::move(m)});
            return Route{kBackOfficeRouteBase + static_cast<int>(i), false};
        }
        impl_.backOffice.notFound(res);
        return std::nullopt;
    }

    bool admit(int route, const HttpRequest& head, HttpResponse& res) override {
        if (route >= kBackOfficeRouteBase) return true;
        const ApiRoute& r = apiRoutes()[static_cast<size_t>(route)];
        bool admitted = r.auth == RouteAuth::Kiosk    ? impl_.kioskOf(head, res).has_value()
                        : r.auth == RouteAuth::Person ? impl_.personOf(head, res).has_value()
                                                      : true;
        if (!admitted) impl_.logRefusal(r.id, head, res);
        return admitted;
    }

    // A kiosk is decided here when the revocation cache is fresh; a person needs the store.
    std::optional<bool> admitWithoutBlocking(int route, const HttpRequest& head, HttpResponse& res) override {
        if (route >= kBackOfficeRouteBase) return true;
        const ApiRoute& r = apiRoutes()[static_cast<size_t>(route)];
        if (r.auth != RouteAuth::Kiosk) return std::nullopt;
        std::optional<bool> admitted = impl_.kioskAdmittedWithoutBlocking(head, res);
        if (admitted && !*admitted) impl_.logRefusal(r.id, head, res);
        return admitted;
    }

    // The intake is served on the I/O thread when its kiosk is known without a store read: the request is
    // checked there and handed to the group-commit writer, whose thread finishes it.
    bool handleWithoutBlocking(int route, const HttpRequest& req, HttpResponse& res,
                               std::function<void()> done) override {
        if (route >= kBackOfficeRouteBase) return false;
        if (apiRoutes()[static_cast<size_t>(route)].id != RouteId::PostRequest) return false;
        return impl_.postRequestWithoutBlocking(req, res, std::move(done));
    }

    void handle(int route, const HttpRequest& req, HttpResponse& res) override {
        if (route >= kBackOfficeRouteBase)
            return impl_.backOffice.handle(static_cast<size_t>(route - kBackOfficeRouteBase), req, res);
        impl_.dispatch(apiRoutes()[static_cast<size_t>(route)].id, req, res);
    }

  private:
    CentralServer::Impl& impl_;
};

void refuseWithoutCertificate(HttpResponse& res) {
    sendError(res, 401, error_code::kUnauthorized, "this route needs a kiosk client certificate");
}

}  // namespace

std::optional<KioskIdentity> CentralServer::Impl::kioskOf(const HttpRequest& req, HttpResponse& res) {
    PeerCert cert = peerCertificate(req.ssl);
    if (cert.subject.empty()) {
        refuseWithoutCertificate(res);
        return std::nullopt;
    }
    auto revoked = revocations.revoked(cert.subject, cert.serial);
    if (!revoked) {
        log::error("revocations: {}", revoked.status().message());
        sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
        return std::nullopt;
    }
    if (revoked.value()) return enrolledKiosk(cert, true, std::nullopt, res);
    auto known = enrolled.bySubject(cert.subject);
    if (!known) {
        log::error("enrolled kiosks: {}", known.status().message());
        sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
        return std::nullopt;
    }
    return enrolledKiosk(cert, false, known.value(), res);
}

std::optional<std::optional<KioskIdentity>> CentralServer::Impl::kioskWithoutBlocking(const HttpRequest& req,
                                                                                      HttpResponse& res) {
    PeerCert cert = peerCertificate(req.ssl);
    if (cert.subject.empty()) {
        refuseWithoutCertificate(res);
        return std::optional<KioskIdentity>();
    }
    std::optional<bool> revoked = revocations.revokedIfCached(cert.subject, cert.serial);
    if (!revoked) return std::nullopt;
    if (*revoked) return enrolledKiosk(cert, true, std::nullopt, res);
    auto known = enrolled.bySubjectWithoutBlocking(cert.subject);
    if (!known) return std::nullopt;
    return enrolledKiosk(cert, false, *known, res);
}

std::optional<bool> CentralServer::Impl::kioskAdmittedWithoutBlocking(const HttpRequest& req,
                                                                      HttpResponse& res) {
    auto kiosk = kioskWithoutBlocking(req, res);
    if (!kiosk) return std::nullopt;
    return kiosk->has_value();
}

std::optional<KioskIdentity> CentralServer::Impl::enrolledKiosk(const PeerCert& cert, bool revoked,
                                                                const std::optional<KioskIdentity>& known,
                                                                HttpResponse& res) const {
    if (revoked) {
        log::warning("refused revoked certificate {} (serial {})", cert.subject, cert.serial);
        sendError(res, 403, error_code::kForbidden, "this kiosk certificate is revoked");
        return std::nullopt;
    }
    if (known) return known;
    sendError(res, 403, error_code::kForbidden, fmt::format("no kiosk is enrolled as '{}'", cert.subject));
    return std::nullopt;
}

std::optional<Person> CentralServer::Impl::personOf(const HttpRequest& req, HttpResponse& res) {
    std::string auth = req.get_header_value("Authorization");
    constexpr std::string_view kBearer = "Bearer ";
    if (auth.size() <= kBearer.size() || auth.compare(0, kBearer.size(), kBearer) != 0) {
        res.set_header("WWW-Authenticate", "Bearer");
        sendError(res, 401, error_code::kUnauthorized, "this route needs a personal bearer token");
        return std::nullopt;
    }
    auto person = store.personByTokenHash(hashPersonToken(auth.substr(kBearer.size())), clock.now());
    if (!person) {
        sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
        return std::nullopt;
    }
    if (!person->has_value()) {
        res.set_header("WWW-Authenticate", "Bearer");
        sendError(res, 401, error_code::kUnauthorized, "unknown or revoked token");
        return std::nullopt;
    }
    return **person;
}

namespace {

// Who made a refused request, for the log: the kiosk of its certificate, else its source address.
std::string requester(const CentralConfig& config, const PeerCert& cert, const std::string& address) {
    if (!cert.subject.empty()) {
        for (const auto& k : config.kiosks)
            if (k.subject == cert.subject) return fmt::format("kiosk {} at {}", k.kioskCode, address);
        return fmt::format("certificate {} at {}", cert.subject, address);
    }
    return address;
}

}  // namespace

void CentralServer::Impl::dispatch(RouteId id, const HttpRequest& req, HttpResponse& res) {
    route(id, req, res);
    logRefusal(id, req, res);
}

void CentralServer::Impl::logRefusal(RouteId id, const HttpRequest& req, const HttpResponse& res) const {
    if (res.status != 401 && res.status != 403 && res.status != 429) return;
    std::string_view pattern = "?";
    for (const ApiRoute& r : apiRoutes())
        if (r.id == id) pattern = r.path;
    // The error's code and message are the server's own words; an HTML page (429) has none.
    std::string reason = "too many requests";
    auto body = nlohmann::json::parse(res.body, nullptr, false);
    if (body.is_object() && body.contains("error") && body["error"].is_object())
        reason = fmt::format("{}: {}", body["error"].value("code", ""), body["error"].value("message", ""));
    log::warning("refused {} {} {} for {}: {}", res.status, req.method, pattern,
                 requester(config, peerCertificate(req.ssl), req.remote_addr), reason);
}

void CentralServer::Impl::route(RouteId id, const HttpRequest& req, HttpResponse& res) {
    switch (id) {
        case RouteId::Health:
            return health(req, res);
        case RouteId::PostRequest:
            return postRequest(req, res);
        case RouteId::GetRequestStatus:
            return getRequestStatus(req, res);
        case RouteId::PostQueueEvents:
            return postQueueEvents(req, res);
        case RouteId::ListRequests:
            return listRequests(req, res);
        case RouteId::GetRequestDetail:
            return getRequestDetail(req, res);
        case RouteId::SetRequestStatus:
            return setRequestStatus(req, res);
        case RouteId::GetAuditLog:
            return getAuditLog(req, res);
        case RouteId::GetAppointmentOffers:
            return getAppointmentOffers(req, res);
        case RouteId::GetAppointmentSlots:
            return getAppointmentSlots(req, res);
        case RouteId::PostAppointment:
            return postAppointment(req, res);
        case RouteId::GetAppointmentsToday:
            return getAppointmentsToday(req, res);
        case RouteId::PostAppointmentEvents:
            return postAppointmentEvents(req, res);
        case RouteId::GetAppointment:
            return getAppointment(req, res);
        case RouteId::CancelAppointment:
            return cancelAppointment(req, res);
        case RouteId::ChangeAppointment:
            return changeAppointment(req, res);
        case RouteId::ListAgendas:
            return listAgendas(req, res);
        case RouteId::PutAgenda:
            return putAgenda(req, res);
        case RouteId::GetAgendaBookings:
            return getAgendaBookings(req, res);
        case RouteId::Enroll:
            return enroll(req, res);
        case RouteId::RenewCertificate:
            return renewCertificate(req, res);
        case RouteId::PostHeartbeat:
            return postHeartbeat(req, res);
        case RouteId::PutScreenshot:
            return putCommandUpload(req, res, true);
        case RouteId::PutLog:
            return putCommandUpload(req, res, false);
        case RouteId::CreateEnrollToken:
            return createEnrollToken(req, res);
        case RouteId::ListFleetKiosks:
            return listFleetKiosks(req, res);
        case RouteId::RevokeFleetKiosk:
            return revokeFleetKiosk(req, res);
        case RouteId::PostKioskCommand:
            return postKioskCommand(req, res);
        case RouteId::GetKioskCommand:
            return getKioskCommand(req, res);
        case RouteId::GetCommandUpload:
            return getCommandUpload(req, res);
        case RouteId::QueuePage:
            return queuePage(req, res);
        case RouteId::StatusPage:
            return statusPage(req, res);
    }
}

void CentralServer::Impl::runSweeper() {
    auto nextRetention = std::chrono::steady_clock::now();
    std::unique_lock lock(sweepMutex);
    while (!stopping) {
        lock.unlock();
        if (Status s = store.checkpoint(); !s) log::warning("checkpoint: {}", s.message());
        if (std::chrono::steady_clock::now() >= nextRetention) {
            retention.sweep();
            nextRetention = std::chrono::steady_clock::now() +
                            std::chrono::milliseconds(config.retention.checkIntervalMs);
        }
        lock.lock();
        auto wait = std::min<std::chrono::steady_clock::duration>(
            std::chrono::seconds(1), nextRetention - std::chrono::steady_clock::now());
        sweepCv.wait_for(lock,
                         std::max<std::chrono::steady_clock::duration>(wait, std::chrono::milliseconds(10)),
                         [&] { return stopping; });
    }
}

CentralServer::CentralServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

CentralServer::~CentralServer() {
    stop();
    impl_->writer.close();
    {
        std::lock_guard lock(impl_->sweepMutex);
        impl_->stopping = true;
    }
    impl_->sweepCv.notify_all();
    if (impl_->sweeper.joinable()) impl_->sweeper.join();
}

Result<std::unique_ptr<CentralServer>> CentralServer::create(const CentralConfig& config, CentralStore& store,
                                                             const Clock& clock, NotificationSender& sender) {
    auto impl = std::make_unique<Impl>(config, store, clock, sender);
    if (Status s = impl->routing.start(routingSeedOf(config), clock.now()); !s) return s;
    if (!config.enrollment.caKey.empty()) {
        auto ca = KioskCa::load(config.tls.clientCa, config.enrollment.caKey);
        if (!ca) return ca.status();
        impl->kioskCa = std::move(ca).value();
    }
    const auto& server = config.server;
    HttpServerOptions options;
    options.address = server.address;
    options.kioskPort = server.port;
    options.publicPort = server.publicPort;
    options.ioThreads = server.ioThreads;
    options.workerThreads = server.threads;
    options.maxHeaderBytes = server.maxHeaderBytes;
    options.maxBodyBytes = server.maxBodyBytes;
    options.largestBodyBytes = largestRouteBody(server.maxBodyBytes);
    options.handshakeTimeout = std::chrono::seconds(server.handshakeTimeoutSeconds);
    options.headTimeout = std::chrono::seconds(server.headTimeoutSeconds);
    options.bodyTimeout = std::chrono::seconds(server.readTimeoutSeconds);
    options.keepAliveTimeout = std::chrono::seconds(server.keepAliveTimeoutSeconds);
    options.keepAliveMaxRequests = server.keepAliveMaxRequests;
    options.maxConnectionsPerSource = server.maxConnectionsPerSource;
    options.maxConnections = server.maxConnections;
    impl->service = std::make_unique<ApiService>(*impl);
    auto http = HttpServer::create(options, {config.tls.certificate, config.tls.key, config.tls.clientCa},
                                   *impl->service);
    if (!http) return http.status();
    impl->http = std::move(http).value();
    return std::unique_ptr<CentralServer>(new CentralServer(std::move(impl)));
}

Result<int> CentralServer::bind() {
    if (Status s = impl_->http->bind(); !s) return s;
    impl_->port = impl_->http->kioskPort();
    return impl_->port;
}

int CentralServer::publicPort() const {
    return impl_->http->publicPort();
}

Status CentralServer::run() {
    impl_->notifier.start();
    impl_->mailer.start();
    impl_->sweeper = std::thread([this] { impl_->runSweeper(); });
    Status s = impl_->http->run();
    // The writer's last callbacks post to the server's I/O context, which goes with impl_->http.
    impl_->writer.close();
    const IntakeWriter& w = impl_->writer;
    log::info("stopped; {} requests in {} group commits (largest {})", w.items(), w.batches(),
              w.largestBatch());
    return s;
}

void CentralServer::stop() {
    if (impl_->http) impl_->http->stop();
}

}  // namespace wp
