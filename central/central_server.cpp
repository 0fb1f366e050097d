#include "central/central_server.h"

#include <fmt/format.h>
#include <httplib.h>
#include <openssl/ssl.h>
#include <strings.h>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "central/central_server_impl.h"
#include "central/http_exchange.h"
#include "central/person_tokens.h"
#include "common/log.h"

namespace wp {

namespace {

// "{reference}" -> a regex group, for cpp-httplib's router.
std::string toRegex(std::string_view path) {
    std::string out;
    for (size_t i = 0; i < path.size(); ++i) {
        if (path[i] == '{') {
            i = path.find('}', i);
            out += "([^/]+)";
        } else {
            out += path[i];
        }
    }
    return out;
}

// The exchange as the handlers see it, read from cpp-httplib's request.
HttpRequest toExchange(const httplib::Request& req) {
    HttpRequest out;
    out.method = req.method;
    out.path = req.path;
    out.body = req.body;
    for (const auto& [name, value] : req.headers) out.headers.emplace(name, value);
    for (const auto& [name, value] : req.params) out.params.emplace(name, value);
    for (const auto& m : req.matches) out.matches.push_back({m.str()});
    out.remote_addr = req.remote_addr;
    out.remote_port = req.remote_port;
    out.ssl = req.ssl;
    return out;
}

// The handler's answer, written into cpp-httplib's response.
void sendExchange(const HttpResponse& from, httplib::Response& res) {
    res.status = from.status;
    std::string contentType = "text/plain";
    for (const auto& [name, value] : from.headers) {
        if (strcasecmp(name.c_str(), "Content-Type") == 0)
            contentType = value;
        else
            res.set_header(name, value);
    }
    res.set_content(from.body, contentType);
}

}  // namespace

std::optional<KioskIdentity> CentralServer::Impl::kioskOf(const HttpRequest& req, HttpResponse& res) {
    PeerCert cert = peerCertificate(req.ssl);
    if (cert.subject.empty()) {
        sendError(res, 401, error_code::kUnauthorized, "this route needs a kiosk client certificate");
        return std::nullopt;
    }
    auto revoked = revocations.revoked(cert.subject, cert.serial);
    if (!revoked) {
        log::error("revocations: {}", revoked.status().message());
        sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
        return std::nullopt;
    }
    if (revoked.value()) {
        log::warning("refused revoked certificate {} (serial {})", cert.subject, cert.serial);
        sendError(res, 403, error_code::kForbidden, "this kiosk certificate is revoked");
        return std::nullopt;
    }
    for (const auto& k : config.kiosks)
        if (k.subject == cert.subject) return k;
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
    std::string tlsError;
    auto setup = [&config, &tlsError](SSL_CTX& ctx) {
        auto fail = [&](std::string what) {
            tlsError = std::move(what);
            return false;
        };
        SSL_CTX_set_min_proto_version(&ctx, TLS1_2_VERSION);
        SSL_CTX_set_options(
            &ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);
        if (SSL_CTX_use_certificate_chain_file(&ctx, config.tls.certificate.c_str()) != 1)
            return fail(
                fmt::format("{}: cannot load the server certificate", config.tls.certificate.string()));
        if (SSL_CTX_use_PrivateKey_file(&ctx, config.tls.key.c_str(), SSL_FILETYPE_PEM) != 1 ||
            SSL_CTX_check_private_key(&ctx) != 1)
            return fail(fmt::format("{}: cannot load the server key, or it does not fit the certificate",
                                    config.tls.key.string()));
        if (SSL_CTX_load_verify_locations(&ctx, config.tls.clientCa.c_str(), nullptr) != 1)
            return fail(fmt::format("{}: cannot load the client CA", config.tls.clientCa.string()));
        SSL_CTX_set_client_CA_list(&ctx, SSL_load_client_CA_file(config.tls.clientCa.c_str()));
        // Ask every client for a certificate, but let routes decide whether one is needed.
        SSL_CTX_set_verify(&ctx, SSL_VERIFY_PEER, nullptr);
        static const unsigned char kContext[] = "wijkpunt-central";
        SSL_CTX_set_session_id_context(&ctx, kContext, sizeof kContext - 1);
        return true;
    };
    impl->http = std::make_unique<httplib::SSLServer>(setup);
    if (!impl->http->is_valid())
        return Status::invalidInput(tlsError.empty() ? "TLS setup failed" : tlsError);

    httplib::SSLServer& http = *impl->http;
    int threads = config.server.threads;
    http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
    http.set_keep_alive_max_count(static_cast<size_t>(config.server.keepAliveMaxRequests));
    http.set_keep_alive_timeout(config.server.keepAliveTimeoutSeconds);
    http.set_read_timeout(config.server.readTimeoutSeconds, 0);
    http.set_write_timeout(config.server.readTimeoutSeconds, 0);
    http.set_payload_max_length(config.server.maxBodyBytes);
    http.set_tcp_nodelay(true);

    Impl* self = impl.get();
    for (const ApiRoute& route : apiRoutes()) {
        RouteId id = route.id;
        auto handler = [self, id](const httplib::Request& req, httplib::Response& res) {
            HttpResponse answer;
            self->dispatch(id, toExchange(req), answer);
            sendExchange(answer, res);
        };
        std::string pattern = toRegex(route.path);
        if (route.method == "GET")
            http.Get(pattern, handler);
        else if (route.method == "POST")
            http.Post(pattern, handler);
    }
    size_t maxBody = config.server.maxBodyBytes;
    http.set_error_handler([maxBody](const httplib::Request&, httplib::Response& raw) {
        if (!raw.body.empty()) return;
        HttpResponse res;
        res.status = raw.status;
        switch (res.status) {
            case 413:
                sendError(res, 413, error_code::kBodyTooLarge,
                          fmt::format("the body is larger than {} bytes", maxBody));
                break;
            case 404:
                sendError(res, 404, error_code::kNotFound, "no such route");
                break;
            case 400:
                sendError(res, 400, error_code::kMalformedJson, "the request could not be read");
                break;
            default:
                sendError(res, res.status, error_code::kInternal, "the request failed");
                break;
        }
        sendExchange(res, raw);
    });
    http.set_exception_handler([](const httplib::Request&, httplib::Response& raw, std::exception_ptr) {
        HttpResponse res;
        sendError(res, 500, error_code::kInternal, "internal error");
        sendExchange(res, raw);
    });
    return std::unique_ptr<CentralServer>(new CentralServer(std::move(impl)));
}

Result<int> CentralServer::bind() {
    int port = impl_->config.server.port;
    const std::string& address = impl_->config.server.address;
    if (port == 0) {
        port = impl_->http->bind_to_any_port(address);
        if (port <= 0) return Status::unavailable(fmt::format("cannot listen on {}", address));
    } else if (!impl_->http->bind_to_port(address, port)) {
        return Status::unavailable(fmt::format("cannot listen on {}:{}", address, port));
    }
    impl_->port = port;
    return port;
}

Status CentralServer::run() {
    impl_->notifier.start();
    impl_->sweeper = std::thread([this] { impl_->runSweeper(); });
    bool ok = impl_->http->listen_after_bind();
    const IntakeWriter& w = impl_->writer;
    log::info("stopped; {} requests in {} group commits (largest {})", w.items(), w.batches(),
              w.largestBatch());
    return ok ? Status::ok() : Status::unavailable("the listening socket failed");
}

void CentralServer::stop() {
    if (impl_->http) impl_->http->stop();
}

}  // namespace wp
