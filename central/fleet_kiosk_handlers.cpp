// The handlers of the fleet's kiosk side: enrollment with a one-time token on the public listener, then, over
// mutual TLS, certificate renewal, heartbeats whose answers carry the kiosk's commands, and the uploads
// (screenshot, log lines) that finish a command.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "central/central_server_impl.h"
#include "central/fleet_json.h"
#include "central/http_exchange.h"
#include "central/person_tokens.h"
#include "common/json_input.h"
#include "common/log.h"

namespace wp {

using nlohmann::json;

namespace {

// The CSR member of a body: a string, present.
Parsed<std::string> csrOf(const std::string& body) {
    auto parsed = json_input::parseObject(body);
    if (!parsed) return parsed.error();
    const json& j = parsed.value();
    auto it = j.find("csr");
    if (it == j.end() || it->is_null()) return json_input::missing("csr");
    if (!it->is_string()) return json_input::wrongType("csr", "a PEM certificate request");
    return it->get<std::string>();
}

bool validUtf8(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        int more = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
        if (more < 0 || i + static_cast<size_t>(more) >= s.size() + (more == 0 ? 1 : 0)) return false;
        for (int k = 1; k <= more; ++k)
            if ((static_cast<unsigned char>(s[i + static_cast<size_t>(k)]) >> 6) != 0x2) return false;
        i += static_cast<size_t>(more) + 1;
    }
    return true;
}

}  // namespace

std::pair<TimePoint, TimePoint> CentralServer::Impl::certificateValidity() const {
    const TimePoint now = clock.now();
    // The TLS stack checks validity against the real clock: never start later than that.
    const TimePoint start =
        std::min(now, std::chrono::time_point_cast<TimePoint::duration>(std::chrono::system_clock::now())) -
        std::chrono::hours(1);
    return {start, now + std::chrono::hours(24) * config.enrollment.certificateDays};
}

void CentralServer::Impl::enroll(const HttpRequest& req, HttpResponse& res) {
    if (!enrollsBySource.allow(req.remote_addr)) {
        auto wait = std::chrono::ceil<std::chrono::seconds>(enrollsBySource.retryAfter(req.remote_addr));
        res.set_header("Retry-After", std::to_string(std::max<long long>(1, wait.count())));
        return sendError(res, 429, error_code::kRateLimited, "too many enrollments from this address");
    }
    if (!kioskCa)
        return sendError(res, 503, error_code::kUnavailable,
                         "enrollment is not set up on this server ([enrollment] ca_key)");
    auto parsed = json_input::parseObject(req.body);
    if (!parsed) return sendError(res, parsed.error());
    const json& j = parsed.value();
    auto token = j.find("token");
    if (token == j.end() || token->is_null()) return sendError(res, json_input::missing("token"));
    if (!token->is_string()) return sendError(res, json_input::wrongType("token", "a string"));
    auto csr = csrOf(req.body);
    if (!csr) return sendError(res, csr.error());
    // A bad CSR spends no token.
    if (Status s = kioskCa->checkCsr(csr.value()); !s)
        return sendError(res, 422, error_code::kInvalidValue, s.message(), "csr");

    const std::string serial = randomCertificateSerial();
    const auto validity = certificateValidity();
    const TimePoint notBefore = validity.first, notAfter = validity.second;
    std::string certificate;
    KioskCertificateIssuer issue = [&](const std::string& contactPoint,
                                       const std::string& kioskCode) -> Result<std::string> {
        std::string subject = kioskSubject(contactPoint, kioskCode);
        auto pem = kioskCa->issue(csr.value(), subject, serial, notBefore, notAfter);
        if (!pem) return pem.status();
        certificate = std::move(pem).value();
        return subject;
    };
    std::set<KioskKey> reserved;
    for (const KioskIdentity& k : config.kiosks) reserved.insert({k.contactPoint, k.kioskCode});
    EnrollOutcome out = store.enrollKiosk(hashPersonToken(token->get<std::string>()), reserved, issue, serial,
                                          notAfter, clock.now(), req.remote_addr);
    using Kind = EnrollOutcome::Kind;
    switch (out.kind) {
        case Kind::Enrolled:
            break;
        case Kind::UnknownToken:
            return sendError(res, 403, error_code::kEnrollTokenUnknown, "no such enroll token", "token");
        case Kind::SpentToken:
            return sendError(res, 403, error_code::kEnrollTokenSpent, "this enroll token has been used",
                             "token");
        case Kind::ExpiredToken:
            return sendError(res, 403, error_code::kEnrollTokenExpired, "this enroll token expired", "token");
        case Kind::Refused:
            return sendError(res, 422, error_code::kInvalidValue, out.message, "csr");
        case Kind::NoFreeCode:
            return sendError(res, 409, error_code::kConflict, out.message);
        case Kind::Failed:
            log::error("enrollment failed: {}", out.message);
            return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
    }
    const EnrolledKiosk& k = out.kiosk;
    enrolled.add({k.subject, k.kioskCode, k.contactPoint});
    log::info("enrolled kiosk {} (serial {}) from {}", fleetKioskName(k.contactPoint, k.kioskCode), k.serial,
              req.remote_addr);
    res.status = 201;
    res.set_content(json{{"kiosk", fleetKioskName(k.contactPoint, k.kioskCode)},
                         {"contact_point", k.contactPoint},
                         {"kiosk_code", k.kioskCode},
                         {"certificate", certificate},
                         {"ca", kioskCa->certificatePem()},
                         {"not_after", formatRfc3339(k.notAfter)}}
                        .dump(),
                    kJson);
}

void CentralServer::Impl::renewCertificate(const HttpRequest& req, HttpResponse& res) {
    auto kiosk = kioskOf(req, res);
    if (!kiosk) return;
    if (!kioskCa)
        return sendError(res, 503, error_code::kUnavailable,
                         "renewal is not set up on this server ([enrollment] ca_key)");
    auto stored = store.enrolledKiosk(kiosk->contactPoint, kiosk->kioskCode);
    if (!stored) return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
    if (!stored.value())
        return sendError(res, 403, error_code::kForbidden,
                         "this kiosk is set up in the server's config; its certificate is renewed by hand");
    auto csr = csrOf(req.body);
    if (!csr) return sendError(res, csr.error());
    const std::string serial = randomCertificateSerial();
    const auto validity = certificateValidity();
    const TimePoint notBefore = validity.first, notAfter = validity.second;
    auto pem = kioskCa->issue(csr.value(), kiosk->subject, serial, notBefore, notAfter);
    if (!pem) return sendError(res, 422, error_code::kInvalidValue, pem.status().message(), "csr");
    if (Status s = store.renewKiosk(kiosk->contactPoint, kiosk->kioskCode, serial, notAfter, clock.now(),
                                    req.remote_addr);
        !s) {
        log::error("renewal of {}: {}", fleetKioskName(kiosk->contactPoint, kiosk->kioskCode), s.message());
        return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
    }
    log::info("renewed kiosk {} (serial {})", fleetKioskName(kiosk->contactPoint, kiosk->kioskCode), serial);
    res.set_content(json{{"certificate", pem.value()}, {"not_after", formatRfc3339(notAfter)}}.dump(), kJson);
}

void CentralServer::Impl::postHeartbeat(const HttpRequest& req, HttpResponse& res) {
    auto kiosk = kioskOf(req, res);
    if (!kiosk) return;
    const TimePoint now = clock.now();
    auto heartbeat = decodeHeartbeat(req.body, now);
    if (!heartbeat) return sendError(res, heartbeat.error());
    auto commands = store.recordHeartbeat(kiosk->contactPoint, kiosk->kioskCode, heartbeat.value().health,
                                          heartbeat.value().results);
    if (!commands) return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
    bool renew = false;
    if (kioskCa) {
        auto stored = store.enrolledKiosk(kiosk->contactPoint, kiosk->kioskCode);
        if (!stored) return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
        renew = stored.value() &&
                stored.value()->notAfter - now < std::chrono::hours(24) * config.enrollment.renewBeforeDays;
    }
    res.set_content(encodeHeartbeatAnswer(config.fleet.heartbeatSeconds, renew, commands.value()), kJson);
}

void CentralServer::Impl::putCommandUpload(const HttpRequest& req, HttpResponse& res, bool screenshot) {
    auto kiosk = kioskOf(req, res);
    if (!kiosk) return;
    const std::string& idText = req.matches[1].str();
    if (idText.empty() || idText.size() > 18 || !std::all_of(idText.begin(), idText.end(), ::isdigit))
        return sendError(res, 404, error_code::kNotFound, "no such command");
    const std::int64_t id = std::stoll(idText);
    std::string type = req.get_header_value("Content-Type");
    type = type.substr(0, type.find(';'));
    if (screenshot) {
        if (type != "image/png")
            return sendError(res, 415, error_code::kInvalidValue, "a screenshot is sent as image/png");
        if (req.body.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0)
            return sendError(res, 422, error_code::kInvalidValue, "the body is no PNG picture");
    } else {
        if (type != "text/plain")
            return sendError(res, 415, error_code::kInvalidValue, "log lines are sent as text/plain");
        if (!validUtf8(req.body))
            return sendError(res, 422, error_code::kBadUtf8, "the log lines are no UTF-8");
    }
    auto command = store.kioskCommand(id);
    if (!command) return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
    if (!command.value() || command.value()->contactPoint != kiosk->contactPoint ||
        command.value()->kioskCode != kiosk->kioskCode)
        return sendError(res, 404, error_code::kNotFound, "this kiosk has no such command");
    if (command.value()->kind != (screenshot ? "screenshot" : "logs"))
        return sendError(res, 409, error_code::kConflict,
                         fmt::format("command {} is a {} command", id, command.value()->kind));
    const TimePoint now = clock.now();
    CommandUpload upload{screenshot ? "image/png" : "text/plain; charset=utf-8", req.body, now};
    Status s = store.storeCommandUpload(id, kiosk->contactPoint, kiosk->kioskCode, upload, now);
    if (s.code() == Status::Code::NotFound) return sendError(res, 404, error_code::kNotFound, s.message());
    if (!s) return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
    res.status = 204;
}

}  // namespace wp
