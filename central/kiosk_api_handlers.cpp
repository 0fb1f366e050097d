// The handlers of what kiosks and residents call: health, a request handed in, a status lookup, queue
// events, and the public HTML pages (which only rate-limit and send what central/public_pages.h makes).
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "central/central_server_impl.h"
#include "central/http_exchange.h"
#include "central/security_headers.h"
#include "common/log.h"
#include "common/reference_code.h"
#include "common/request.h"

namespace wp {

using nlohmann::json;

namespace {

// Whether storing item queues a notification (a team's webhook or e-mail, a coach's e-mail).
bool mayNotify(const IntakeItem& item) {
    return !item.notify.empty() || !item.coaches.empty();
}

}  // namespace

void CentralServer::Impl::health(const HttpRequest&, HttpResponse& res) {
    res.set_content(
        json{{"status", "ok"}, {"lookup_misses", lookups.misses()}, {"lookup_miss_alerts", lookups.alerts()}}
            .dump(),
        kJson);
}

void CentralServer::Impl::postRequest(const HttpRequest& req, HttpResponse& res) {
    auto kiosk = kioskOf(req, res);
    if (!kiosk) return;
    auto item = intakeItemOf(*kiosk, req, res);
    if (!item) return;
    std::string reference = item->request.reference, uuid = item->request.uuid;
    bool notifies = mayNotify(*item);
    answerIntake(writer.submitAndWait(std::move(*item)), kiosk->kioskCode, reference, uuid, notifies, res);
}

bool CentralServer::Impl::postRequestWithoutBlocking(const HttpRequest& req, HttpResponse& res,
                                                     std::function<void()> done) {
    auto kiosk = kioskWithoutBlocking(req, res);
    if (!kiosk) return false;
    auto item = kiosk->has_value() ? intakeItemOf(**kiosk, req, res) : std::nullopt;
    if (!item) {
        logRefusal(RouteId::PostRequest, req, res);
        done();
        return true;
    }
    std::string reference = item->request.reference, uuid = item->request.uuid;
    bool notifies = mayNotify(*item);
    writer.submit(std::move(*item), [this, &res, kioskCode = (*kiosk)->kioskCode, reference, uuid, notifies,
                                     done = std::move(done)](IntakeOutcome out) {
        answerIntake(out, kioskCode, reference, uuid, notifies, res);
        done();
    });
    return true;
}

std::optional<IntakeItem> CentralServer::Impl::intakeItemOf(const KioskIdentity& kiosk,
                                                            const HttpRequest& req, HttpResponse& res) {
    // A refusal is logged with its code and field only: the message may quote what the kiosk sent.
    auto refuse = [&](const ApiError& e) -> std::optional<IntakeItem> {
        log::info("refused a request of kiosk {}: {} {} at '{}'", kiosk.kioskCode, e.httpStatus, e.code,
                  e.field);
        sendError(res, e);
        return std::nullopt;
    };
    auto decoded = decodeRequest(req.body, config.requests.specs);
    if (!decoded) return refuse(decoded.error());
    Request r = std::move(decoded).value();
    if (r.kioskCode != kiosk.kioskCode)
        return refuse({403, std::string(error_code::kForbidden),
                       fmt::format("'kiosk' is {}, but this certificate belongs to kiosk {}", r.kioskCode,
                                   kiosk.kioskCode),
                       "kiosk"});
    if (r.reference.compare(0, 3, kiosk.contactPoint) != 0)
        return refuse(
            {422, std::string(error_code::kInvalidValue),
             fmt::format("'reference' must start with the contact point's letters {}", kiosk.contactPoint),
             "reference"});
    // Fault injection for tests: the first N intakes fail before anything is stored.
    for (int n = failIntakes.load(); n > 0;)
        if (failIntakes.compare_exchange_weak(n, n - 1)) {
            sendError(res, 500, error_code::kInternal, "fault injected by [testing] fail_first_intakes");
            return std::nullopt;
        }

    auto routingNow = routing.current();
    RouteDecision route = routingNow->router.route(r.type, r.category);
    IntakeItem item;
    item.request = std::move(r);
    item.contactPoint = kiosk.contactPoint;
    item.team = route.team;
    item.flagged = route.flagged;
    if (item.request.type == "initiative") item.coaches = config.initiative.coaches;
    item.receivedAt = clock.now();
    item.notify = routingNow->targetsOf(route.team);
    return item;
}

void CentralServer::Impl::answerIntake(const IntakeOutcome& out, const std::string& kioskCode,
                                       const std::string& reference, const std::string& uuid, bool notifies,
                                       HttpResponse& res) {
    switch (out.kind) {
        case IntakeOutcome::Kind::Stored:
            if (notifies) notifier.wake();
            [[fallthrough]];
        case IntakeOutcome::Kind::Repeat:
            res.status = 201;
            res.set_content(out.answer, kJson);
            return;
        case IntakeOutcome::Kind::ReferenceConflict:
            log::error("KIOSK FAULT: kiosk {} sent reference {} under a second UUID {}", kioskCode, reference,
                       uuid);
            return sendError(res, 409, error_code::kConflict, out.message, "reference");
        case IntakeOutcome::Kind::UuidConflict:
            log::error("KIOSK FAULT: kiosk {} sent UUID {}, which another kiosk sent before", kioskCode,
                       uuid);
            return sendError(res, 409, error_code::kConflict, "this UUID belongs to another kiosk's request",
                             "uuid");
        case IntakeOutcome::Kind::Failed:
            log::error("storing {} failed: {}", reference, out.message);
            res.set_header("Retry-After", "5");
            return sendError(res, 503, error_code::kUnavailable,
                             "the request could not be stored; try again");
    }
}

bool CentralServer::Impl::lookupAdmitted(const HttpRequest& req, HttpResponse& res) {
    LookupGuard::Decision d = lookups.admit(req.remote_addr);
    if (d.admitted()) return true;
    auto wait = std::chrono::ceil<std::chrono::seconds>(d.retryAfter);
    res.set_header("Retry-After", std::to_string(std::max<long long>(1, wait.count())));
    log::info("status lookup refused for {}: {}", req.remote_addr, toString(d.refusal));
    return false;
}

void CentralServer::Impl::getRequestStatus(const HttpRequest& req, HttpResponse& res) {
    if (!lookupAdmitted(req, res))
        return sendError(res, 429, error_code::kRateLimited, "too many lookups; try again later");
    std::string reference = normalizeReferenceCode(req.matches[1].str());
    // The check character first: a wrong code never reaches the database (and counts as a miss).
    if (!verifyReferenceCode(reference)) {
        lookups.miss(req.remote_addr);
        return sendError(res, 400, error_code::kInvalidValue, "this is no reference code (check character)",
                         "reference");
    }
    auto view = store.statusOf(reference);
    if (!view) return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
    if (!view->has_value()) {
        lookups.miss(req.remote_addr);
        return sendError(res, 404, error_code::kNotFound, "no request with this code");
    }
    res.set_content(encodeStatusView(**view), kJson);
}

void CentralServer::Impl::postQueueEvents(const HttpRequest& req, HttpResponse& res) {
    auto kiosk = kioskOf(req, res);
    if (!kiosk) return;
    auto batch = decodeQueueStatBatch(req.body);
    if (!batch) return sendError(res, batch.error());
    if (batch.value().kioskCode != kiosk->kioskCode)
        return sendError(res, 403, error_code::kForbidden, "'kiosk' is not this certificate's kiosk",
                         "kiosk");
    auto added = store.storeQueueEvents(batch.value(), kiosk->contactPoint, clock.now());
    if (!added) return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
    res.set_content(json{{"accepted", batch.value().events.size()}, {"new", added.value()}}.dump(), kJson);
}

void CentralServer::Impl::sendPage(HttpResponse& res, const HtmlPage& page) {
    res.status = page.status;
    res.set_header("Cache-Control", "no-store");
    if (page.scriptFiles) res.set_header("Content-Security-Policy", contentSecurityPolicy(page.html, true));
    res.set_content(page.html, "text/html; charset=utf-8");
}

bool CentralServer::Impl::pageAllowed(const HttpRequest& req, HttpResponse& res, RateLimiter& limiter,
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

void CentralServer::Impl::queuePage(const HttpRequest& req, HttpResponse& res) {
    std::string lang = pages.language(req.get_param_value("lang"), req.get_header_value("Accept-Language"));
    if (!pageAllowed(req, res, queuePageViews, PublicPages::Kind::Queue, lang)) return;
    sendPage(res, pages.queuePage(req.matches[1].str(), req.matches[2].str(), req.matches[3].str(), lang));
}

void CentralServer::Impl::statusPage(const HttpRequest& req, HttpResponse& res) {
    std::string lang = pages.language(req.get_param_value("lang"), req.get_header_value("Accept-Language"));
    if (!pages.ready()) {
        res.status = 503;
        res.set_content("The public pages are not set up on this server ([public_pages] content_dir).\n",
                        "text/plain; charset=utf-8");
        return;
    }
    if (!lookupAdmitted(req, res)) return sendPage(res, pages.busyPage(PublicPages::Kind::Status, lang));
    HtmlPage page = pages.statusPage(req.matches[1].str(), lang);
    if (page.status == 400 || page.status == 404) lookups.miss(req.remote_addr);
    sendPage(res, page);
}

}  // namespace wp
