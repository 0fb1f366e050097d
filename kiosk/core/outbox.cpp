#include "kiosk/core/outbox.h"

#include <fmt/format.h>

#include <algorithm>

#include "common/crash_point.h"
#include "common/log.h"

namespace wp {

std::string_view toString(OutboxState s) {
    switch (s) {
        case OutboxState::Waiting:
            return "waiting";
        case OutboxState::Delivered:
            return "delivered";
        case OutboxState::Rejected:
            return "rejected";
    }
    return "?";
}

DeliveryVerdict classifyDelivery(const HttpResult& r) {
    if (!r.answered()) return DeliveryVerdict::Retry;
    if (r.status >= 200 && r.status <= 299) return DeliveryVerdict::Delivered;
    if (r.status == 408 || r.status == 425 || r.status == 429) return DeliveryVerdict::Retry;
    if (r.status >= 400 && r.status <= 499) return DeliveryVerdict::Rejected;
    return DeliveryVerdict::Retry;
}

Millis retryDelay(const OutboxPolicy& policy, int attempts, RandomSource& random) {
    int doublings = std::clamp(attempts - 1, 0, 30);
    long long ceiling = policy.firstRetry.count();
    for (int i = 0; i < doublings && ceiling < policy.maxRetry.count(); ++i) ceiling *= 2;
    ceiling = std::min<long long>(ceiling, policy.maxRetry.count());
    long long half = ceiling / 2;
    auto jitter = static_cast<long long>(
        random.below(static_cast<std::uint32_t>(std::max<long long>(1, ceiling - half + 1))));
    return Millis(half + jitter);
}

Outbox::Outbox(OutboxStore& store, HttpClient& http, const Clock& clock, RandomSource& random,
               OutboxPolicy policy, int shard, int shards)
    : store_(store),
      http_(http),
      clock_(clock),
      random_(random),
      policy_(policy),
      shard_(shard),
      shards_(shards) {}

Result<std::int64_t> Outbox::submit(const Request& request, const RequestSpecs& specs) {
    if (auto e = validateRequest(request, specs))
        return Status::invalidInput(fmt::format("{}: {}", e->field, e->message));
    return store_.add(request, clock_.now());
}

DeliveryReport Outbox::deliverDue() {
    DeliveryReport report;
    TimePoint now = clock_.now();
    auto rows = store_.due(now, policy_.passSize, shard_, shards_);
    if (!rows) {
        report.storeStatus = rows.status();
        report.nextAttempt = now + policy_.firstRetry;
        return report;
    }
    for (const OutboxItem& row : *rows) {
        crashPoint("outbox-before-send");
        HttpRequest req;
        req.path = "/v1/requests";
        req.body = row.body;
        HttpResult res = http_.send(req);
        TimePoint at = clock_.now();
        Status s;
        switch (classifyDelivery(res)) {
            case DeliveryVerdict::Delivered:
                crashPoint("outbox-after-response");
                s = store_.markDelivered(row.id, at);
                log::debug("outbox: request {} delivered", row.reference);
                ++report.delivered;
                break;
            case DeliveryVerdict::Rejected: {
                ApiError error = decodeError(res.body).value_or(
                    ApiError{res.status, "http_" + std::to_string(res.status), res.body.substr(0, 200), ""});
                error.httpStatus = res.status;
                // The code and the field only: the server's message may quote what was sent.
                log::warning("outbox: request {} refused by the central server: HTTP {} {} at '{}'",
                             row.reference, res.status, error.code, error.field);
                s = store_.markRejected(row.id, res.status, error, at);
                ++report.rejected;
                break;
            }
            case DeliveryVerdict::Retry: {
                std::string why = res.answered()
                                      ? fmt::format("HTTP {}", res.status)
                                      : fmt::format("{}: {}", toString(res.transport), res.transportMessage);
                TimePoint retryAt = at + retryDelay(policy_, row.attempts + 1, random_);
                log::info("outbox: request {} not delivered ({}); next attempt in {} s", row.reference, why,
                          std::chrono::duration_cast<std::chrono::seconds>(retryAt - at).count());
                s = store_.scheduleRetry(row.id, retryAt, why);
                ++report.retried;
                report.storeStatus = s;
                // The server or the network is in trouble: stop this pass, come back at this row's time.
                report.nextAttempt = retryAt;
                return report;
            }
        }
        if (!s) {
            report.storeStatus = s;
            report.nextAttempt = at + policy_.firstRetry;
            return report;
        }
    }
    auto next = store_.nextDue(shard_, shards_);
    if (!next) {
        report.storeStatus = next.status();
        report.nextAttempt = clock_.now() + policy_.firstRetry;
    } else {
        report.nextAttempt = *next;
    }
    return report;
}

Result<int> Outbox::wipeOldRejected() {
    TimePoint now = clock_.now();
    return store_.wipeRejectedBefore(now - std::chrono::hours(24) * policy_.rejectedKeepDays, now);
}

}  // namespace wp
