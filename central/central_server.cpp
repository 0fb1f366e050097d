#include "central/central_server.h"

#include <fmt/format.h>
#include <httplib.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <thread>

#include "central/api_routes.h"
#include "central/intake_writer.h"
#include "central/person_tokens.h"
#include "central/public_pages.h"
#include "central/rate_limiter.h"
#include "central/request_router.h"
#include "common/json_input.h"
#include "common/log.h"
#include "common/reference_code.h"

namespace wp {

using nlohmann::json;

namespace {

constexpr const char* kJson = "application/json";

void sendError(httplib::Response& res, int status, std::string_view code, std::string message,
               std::string field = "") {
    res.status = status;
    res.set_content(encodeError({status, std::string(code), std::move(message), std::move(field)}), kJson);
}

void sendError(httplib::Response& res, const ApiError& e) {
    res.status = e.httpStatus;
    res.set_content(encodeError(e), kJson);
}

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

// The peer certificate's subject (RFC 2253) and serial (hex); empty when the client sent none.
struct PeerCert {
    std::string subject;
    std::string serial;
};

PeerCert peerCertificate(const SSL* ssl) {
    PeerCert out;
    if (ssl == nullptr) return out;
    X509* cert = SSL_get1_peer_certificate(ssl);
    if (cert == nullptr) return out;
    if (SSL_get_verify_result(ssl) == X509_V_OK) {
        BIO* bio = BIO_new(BIO_s_mem());
        X509_NAME_print_ex(bio, X509_get_subject_name(cert), 0, XN_FLAG_RFC2253);
        char* data = nullptr;
        long len = BIO_get_mem_data(bio, &data);
        out.subject.assign(data, static_cast<size_t>(len));
        BIO_free(bio);
        if (BIGNUM* bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr)) {
            if (char* hex = BN_bn2hex(bn)) {
                out.serial = hex;
                OPENSSL_free(hex);
            }
            BN_free(bn);
        }
    }
    X509_free(cert);
    return out;
}

json summaryJson(const RequestSummary& s) {
    return {{"reference", s.reference},
            {"type", s.type},
            {"category", s.category},
            {"team", s.team},
            {"flagged", s.flagged},
            {"status", toString(s.status)},
            {"kiosk", s.kioskCode},
            {"contact_point", s.contactPoint},
            {"created_at", formatRfc3339(s.createdAt)},
            {"received_at", formatRfc3339(s.receivedAt)},
            {"updated_at", formatRfc3339(s.updatedAt)},
            {"personal_data_wiped", s.personalDataWiped},
            {"coach", s.coach}};
}

}  // namespace

struct CentralServer::Impl {
    Impl(const CentralConfig& c, CentralStore& s, const Clock& k, NotificationSender& sender)
        : config(c),
          store(s),
          clock(k),
          router(c.routing.rules, c.routing.defaultTeam, RequestRouter::fallbackTeamsOf(c.requests.specs)),
          lookups(k, c.lookup.perMinute),
          queuePageViews(k, c.publicPages.queuePagesPerMinute),
          pages(c, s, s, k),
          writer(s, c.server.maxBatch),
          notifier(s, sender, k, TeamNotifier::Options{}),
          failIntakes(c.testing.failFirstIntakes) {}

    const CentralConfig& config;
    CentralStore& store;
    const Clock& clock;
    RequestRouter router;
    RateLimiter lookups;         // status lookups, JSON and HTML together
    RateLimiter queuePageViews;  // public queue pages
    PublicPages pages;
    IntakeWriter writer;
    TeamNotifier notifier;
    std::atomic<int> failIntakes;
    std::unique_ptr<httplib::SSLServer> http;
    int port = 0;

    std::mutex sweepMutex;
    std::condition_variable sweepCv;
    bool stopping = false;
    std::thread sweeper;

    // --- identities

    // The kiosk behind a request, or the error to send.
    std::optional<KioskIdentity> kioskOf(const httplib::Request& req, httplib::Response& res) {
        PeerCert cert = peerCertificate(req.ssl);
        if (cert.subject.empty()) {
            sendError(res, 401, error_code::kUnauthorized, "this route needs a kiosk client certificate");
            return std::nullopt;
        }
        const auto& tls = config.tls;
        if (std::find(tls.revokedSubjects.begin(), tls.revokedSubjects.end(), cert.subject) !=
                tls.revokedSubjects.end() ||
            std::find(tls.revokedSerials.begin(), tls.revokedSerials.end(), cert.serial) !=
                tls.revokedSerials.end()) {
            log::warning("refused revoked certificate {} (serial {})", cert.subject, cert.serial);
            sendError(res, 403, error_code::kForbidden, "this kiosk certificate is revoked");
            return std::nullopt;
        }
        for (const auto& k : config.kiosks)
            if (k.subject == cert.subject) return k;
        sendError(res, 403, error_code::kForbidden,
                  fmt::format("no kiosk is enrolled as '{}'", cert.subject));
        return std::nullopt;
    }

    std::optional<Person> personOf(const httplib::Request& req, httplib::Response& res) {
        std::string auth = req.get_header_value("Authorization");
        constexpr std::string_view kBearer = "Bearer ";
        if (auth.size() <= kBearer.size() || auth.compare(0, kBearer.size(), kBearer) != 0) {
            res.set_header("WWW-Authenticate", "Bearer");
            sendError(res, 401, error_code::kUnauthorized, "this route needs a personal bearer token");
            return std::nullopt;
        }
        auto person = store.personByTokenHash(hashPersonToken(auth.substr(kBearer.size())));
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

    // --- handlers

    void health(const httplib::Request&, httplib::Response& res) {
        res.set_content(json{{"status", "ok"}}.dump(), kJson);
    }

    void postRequest(const httplib::Request& req, httplib::Response& res) {
        auto kiosk = kioskOf(req, res);
        if (!kiosk) return;
        // A refusal is logged with its code and field only: the message may quote what the kiosk sent.
        auto refuse = [&](const ApiError& e) {
            log::info("refused a request of kiosk {}: {} {} at '{}'", kiosk->kioskCode, e.httpStatus, e.code,
                      e.field);
            sendError(res, e);
        };
        auto decoded = decodeRequest(req.body, config.requests.specs);
        if (!decoded) return refuse(decoded.error());
        Request r = std::move(decoded).value();
        if (r.kioskCode != kiosk->kioskCode)
            return refuse({403, std::string(error_code::kForbidden),
                           fmt::format("'kiosk' is {}, but this certificate belongs to kiosk {}", r.kioskCode,
                                       kiosk->kioskCode),
                           "kiosk"});
        if (r.reference.compare(0, 3, kiosk->contactPoint) != 0)
            return refuse({422, std::string(error_code::kInvalidValue),
                           fmt::format("'reference' must start with the contact point's letters {}",
                                       kiosk->contactPoint),
                           "reference"});
        // Fault injection for tests: the first N intakes fail before anything is stored.
        for (int n = failIntakes.load(); n > 0;)
            if (failIntakes.compare_exchange_weak(n, n - 1))
                return sendError(res, 500, error_code::kInternal,
                                 "fault injected by [testing] fail_first_intakes");

        RouteDecision route = router.route(r.type, r.category);
        IntakeItem item;
        item.request = std::move(r);
        item.contactPoint = kiosk->contactPoint;
        item.team = route.team;
        item.flagged = route.flagged;
        if (item.request.type == "initiative") item.coaches = config.initiative.coaches;
        item.receivedAt = clock.now();
        if (auto it = config.notifications.find(route.team); it != config.notifications.end()) {
            if (!it->second.webhookUrl.empty()) item.notify.push_back({"webhook", it->second.webhookUrl});
            for (const auto& e : it->second.emails) item.notify.push_back({"email", e});
        }
        std::string reference = item.request.reference, uuid = item.request.uuid;
        IntakeOutcome out = writer.submit(std::move(item));
        switch (out.kind) {
            case IntakeOutcome::Kind::Stored:
                notifier.wake();
                [[fallthrough]];
            case IntakeOutcome::Kind::Repeat:
                res.status = 201;
                res.set_content(out.answer, kJson);
                return;
            case IntakeOutcome::Kind::ReferenceConflict:
                log::error("KIOSK FAULT: kiosk {} sent reference {} under a second UUID {}", kiosk->kioskCode,
                           reference, uuid);
                return sendError(res, 409, error_code::kConflict, out.message, "reference");
            case IntakeOutcome::Kind::Failed:
                log::error("storing {} failed: {}", reference, out.message);
                res.set_header("Retry-After", "5");
                return sendError(res, 503, error_code::kUnavailable,
                                 "the request could not be stored; try again");
        }
    }

    void getRequestStatus(const httplib::Request& req, httplib::Response& res) {
        if (!lookups.allow(req.remote_addr)) {
            auto wait = std::chrono::duration_cast<std::chrono::seconds>(lookups.retryAfter(req.remote_addr));
            res.set_header("Retry-After", std::to_string(std::max<long long>(1, wait.count())));
            return sendError(res, 429, error_code::kRateLimited, "too many lookups; try again later");
        }
        std::string reference = normalizeReferenceCode(req.matches[1].str());
        // The check character first: a wrong code never reaches the database.
        if (!verifyReferenceCode(reference))
            return sendError(res, 400, error_code::kInvalidValue,
                             "this is no reference code (check character)", "reference");
        auto view = store.statusOf(reference);
        if (!view) return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
        if (!view->has_value())
            return sendError(res, 404, error_code::kNotFound, "no request with this code");
        res.set_content(encodeStatusView(**view), kJson);
    }

    void postQueueEvents(const httplib::Request& req, httplib::Response& res) {
        auto kiosk = kioskOf(req, res);
        if (!kiosk) return;
        auto batch = decodeQueueStatBatch(req.body);
        if (!batch) return sendError(res, batch.error());
        if (batch.value().kioskCode != kiosk->kioskCode)
            return sendError(res, 403, error_code::kForbidden, "'kiosk' is not this certificate's kiosk",
                             "kiosk");
        auto added = store.storeQueueEvents(batch.value(), kiosk->contactPoint, clock.now());
        if (!added) return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
        res.set_content(json{{"accepted", batch.value().events.size()}, {"new", added.value()}}.dump(),
                        kJson);
    }

    void listRequests(const httplib::Request& req, httplib::Response& res) {
        auto person = personOf(req, res);
        if (!person) return;
        RequestFilter f;
        if (req.has_param("team")) f.team = req.get_param_value("team");
        if (person->role == PersonRole::Team) {
            if (f.team && *f.team != person->team)
                return sendError(res, 403, error_code::kForbidden, "team members see their own team only",
                                 "team");
            f.team = person->team;
        }
        if (req.has_param("status")) {
            f.status = requestStatusFromString(req.get_param_value("status"));
            if (!f.status) return sendError(res, 400, error_code::kInvalidValue, "no such status", "status");
        }
        if (req.has_param("type")) {
            f.type = req.get_param_value("type");
            if (!config.requests.specs.latest(*f.type))
                return sendError(res, 400, error_code::kInvalidValue, "no such request type", "type");
        }
        if (req.has_param("flagged")) {
            std::string v = req.get_param_value("flagged");
            if (v != "true" && v != "false")
                return sendError(res, 400, error_code::kInvalidValue, "'flagged' must be true or false",
                                 "flagged");
            f.flagged = v == "true";
        }
        if (req.has_param("received_since")) {
            f.receivedSince = parseRfc3339(req.get_param_value("received_since"));
            if (!f.receivedSince)
                return sendError(res, 400, error_code::kInvalidValue,
                                 "'received_since' must be an RFC 3339 time", "received_since");
        }
        for (auto [name, out, max] :
             {std::tuple{"limit", &f.limit, 1000}, std::tuple{"offset", &f.offset, 1 << 30}}) {
            if (!req.has_param(name)) continue;
            std::string v = req.get_param_value(name);
            int n = -1;
            if (!v.empty() && v.size() < 10 && std::all_of(v.begin(), v.end(), ::isdigit)) n = std::stoi(v);
            if (n < 0 || n > max || (n == 0 && out == &f.limit))
                return sendError(res, 400, error_code::kInvalidValue,
                                 fmt::format("'{}' is out of range", name), name);
            *out = n;
        }
        auto list = store.listRequests(f);
        if (!list) return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
        json items = json::array();
        for (const auto& s : *list) items.push_back(summaryJson(s));
        res.set_content(json{{"requests", std::move(items)}}.dump(), kJson);
    }

    void getRequestDetail(const httplib::Request& req, httplib::Response& res) {
        auto person = personOf(req, res);
        if (!person) return;
        std::string reference = normalizeReferenceCode(req.matches[1].str());
        if (!verifyReferenceCode(reference))
            return sendError(res, 400, error_code::kInvalidValue, "this is no reference code", "reference");
        std::optional<std::string> onlyTeam;
        if (person->role == PersonRole::Team) onlyTeam = person->team;
        auto detail = store.requestDetail(reference, onlyTeam, person->name, clock.now());
        if (!detail) return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
        if (!detail->has_value())
            return sendError(res, 404, error_code::kNotFound, "no such request for you");
        const RequestDetail& d = **detail;
        json j = summaryJson(d.summary);
        j["uuid"] = d.request.uuid;
        j["language"] = d.request.language;
        j["fields"] = json::object();
        for (const auto& [k, v] : d.request.fields) j["fields"][k] = v;
        j["public_note"] = d.publicNote;
        j["internal_note"] = d.internalNote;
        res.set_content(j.dump(), kJson);
    }

    void setRequestStatus(const httplib::Request& req, httplib::Response& res) {
        auto person = personOf(req, res);
        if (!person) return;
        std::string reference = normalizeReferenceCode(req.matches[1].str());
        if (!verifyReferenceCode(reference))
            return sendError(res, 400, error_code::kInvalidValue, "this is no reference code", "reference");
        auto body = json_input::parseObject(req.body);
        if (!body) return sendError(res, body.error());
        const json& j = body.value();
        StatusUpdate u;
        auto st = j.find("status");
        if (st == j.end() || st->is_null()) return sendError(res, json_input::missing("status"));
        if (!st->is_string()) return sendError(res, json_input::wrongType("status", "a string"));
        auto status = requestStatusFromString(st->get<std::string>());
        if (!status)
            return sendError(res, json_input::invalid("status",
                                                      "'status' must be received, in-progress, answered "
                                                      "or closed"));
        u.status = *status;
        for (auto [key, out] :
             {std::pair{"public_note", &u.publicNote}, std::pair{"internal_note", &u.internalNote}}) {
            auto it = j.find(key);
            if (it == j.end() || it->is_null()) continue;
            if (!it->is_string()) return sendError(res, json_input::wrongType(key, "a string"));
            if (it->get_ref<const std::string&>().size() > 2000)
                return sendError(res, 400, error_code::kTooLong,
                                 fmt::format("'{}' is longer than 2000 bytes", key), key);
            *out = it->get<std::string>();
        }
        std::optional<std::string> onlyTeam;
        if (person->role == PersonRole::Team) onlyTeam = person->team;
        auto summary = store.updateStatus(reference, onlyTeam, u, person->name, clock.now());
        if (!summary) {
            if (summary.status().code() == Status::Code::NotFound)
                return sendError(res, 404, error_code::kNotFound, "no such request for you");
            return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
        }
        res.set_content(summaryJson(*summary).dump(), kJson);
    }

    void getAuditLog(const httplib::Request& req, httplib::Response& res) {
        auto person = personOf(req, res);
        if (!person) return;
        if (person->role != PersonRole::Admin)
            return sendError(res, 403, error_code::kForbidden, "only admins read the audit log");
        std::optional<std::string> reference;
        if (req.has_param("reference")) reference = normalizeReferenceCode(req.get_param_value("reference"));
        auto log = store.auditLog(reference, 1000);
        if (!log) return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
        json entries = json::array();
        for (const auto& e : *log)
            entries.push_back({{"at", formatRfc3339(e.at)},
                               {"actor", e.actor},
                               {"action", e.action},
                               {"reference", e.reference},
                               {"detail", e.detail}});
        res.set_content(json{{"entries", std::move(entries)}}.dump(), kJson);
    }

    // --- public HTML pages (central/public_pages.h): the handlers only rate-limit and send
    void sendPage(httplib::Response& res, const HtmlPage& page) {
        res.status = page.status;
        res.set_header("Cache-Control", "no-store");
        res.set_content(page.html, "text/html; charset=utf-8");
    }

    // False (and the 429 or 503 page sent) when the page may not be served now.
    bool pageAllowed(const httplib::Request& req, httplib::Response& res, RateLimiter& limiter,
                     PublicPages::Kind kind, const std::string& lang) {
        if (!pages.ready()) {
            res.status = 503;
            res.set_content("The public pages are not set up on this server ([public_pages] content_dir).\n",
                            "text/plain; charset=utf-8");
            return false;
        }
        if (limiter.allow(req.remote_addr)) return true;
        auto wait = std::chrono::duration_cast<std::chrono::seconds>(limiter.retryAfter(req.remote_addr));
        res.set_header("Retry-After", std::to_string(std::max<long long>(1, wait.count())));
        sendPage(res, pages.busyPage(kind, lang));
        return false;
    }

    void queuePage(const httplib::Request& req, httplib::Response& res) {
        std::string lang =
            pages.language(req.get_param_value("lang"), req.get_header_value("Accept-Language"));
        if (!pageAllowed(req, res, queuePageViews, PublicPages::Kind::Queue, lang)) return;
        sendPage(res,
                 pages.queuePage(req.matches[1].str(), req.matches[2].str(), req.matches[3].str(), lang));
    }

    void statusPage(const httplib::Request& req, httplib::Response& res) {
        std::string lang =
            pages.language(req.get_param_value("lang"), req.get_header_value("Accept-Language"));
        if (!pageAllowed(req, res, lookups, PublicPages::Kind::Status, lang)) return;
        sendPage(res, pages.statusPage(req.matches[1].str(), lang));
    }

    void dispatch(RouteId id, const httplib::Request& req, httplib::Response& res) {
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

    // --- retention: wipes personal fields of requests older than their type's days, on the injected clock
    void sweepRetention() {
        TimePoint now = clock.now();
        for (const std::string& type : config.requests.specs.typeNames()) {
            auto cutoff = now - std::chrono::hours(24) * config.retentionDays(type);
            auto wiped = store.wipePersonalData(type, cutoff, now);
            if (!wiped)
                log::error("retention: {}", wiped.status().message());
            else if (wiped.value() > 0)
                log::info("retention: wiped personal data of {} {} request(s)", wiped.value(), type);
        }
    }

    // Background upkeep: the WAL checkpoint every second (real time), retention every checkIntervalMs.
    void runSweeper() {
        auto nextRetention = std::chrono::steady_clock::now();
        std::unique_lock lock(sweepMutex);
        while (!stopping) {
            lock.unlock();
            if (Status s = store.checkpoint(); !s) log::warning("checkpoint: {}", s.message());
            if (std::chrono::steady_clock::now() >= nextRetention) {
                sweepRetention();
                nextRetention = std::chrono::steady_clock::now() +
                                std::chrono::milliseconds(config.retention.checkIntervalMs);
            }
            lock.lock();
            auto wait = std::min<std::chrono::steady_clock::duration>(
                std::chrono::seconds(1), nextRetention - std::chrono::steady_clock::now());
            sweepCv.wait_for(
                lock, std::max<std::chrono::steady_clock::duration>(wait, std::chrono::milliseconds(10)),
                [&] { return stopping; });
        }
    }
};

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
            self->dispatch(id, req, res);
        };
        std::string pattern = toRegex(route.path);
        if (route.method == "GET")
            http.Get(pattern, handler);
        else if (route.method == "POST")
            http.Post(pattern, handler);
    }
    size_t maxBody = config.server.maxBodyBytes;
    http.set_error_handler([maxBody](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return;
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
    });
    http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        sendError(res, 500, error_code::kInternal, "internal error");
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
