#include "drivers/net/queue_stat_sender.h"

#include <fmt/format.h>

#include <algorithm>

#include "common/log.h"
#include "common/request.h"

namespace wp {

QueueStatSender::QueueStatSender(QueueStore& events, Cursor cursor, const Clock& clock, Options options)
    : events_(events), cursor_(std::move(cursor)), clock_(clock), options_(std::move(options)) {}

QueueStatSender::~QueueStatSender() {
    stop();
}

void QueueStatSender::start() {
    std::lock_guard lock(mutex_);
    stopping_ = false;
    if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
}

void QueueStatSender::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void QueueStatSender::wake() {
    {
        std::lock_guard lock(mutex_);
        ++wakeups_;
    }
    cv_.notify_all();
}

QueueStatSender::Step QueueStatSender::sendOnce(HttpClient& http) {
    using Kind = Step::Kind;
    TimePoint now = clock_.now();
    if (retryAt_ && now < *retryAt_) return {Kind::BackingOff};
    if (!lastSeq_) {
        auto seq = cursor_.lastSeq();
        if (!seq) return {Kind::StoreError, 0, seq.status().message()};
        lastSeq_ = seq.value();
        lastSentAt_ = cursor_.lastSentAt();
    }
    auto page = events_.eventsAfter(*lastSeq_, options_.batchSize);
    if (!page) return {Kind::StoreError, 0, page.status().message()};
    const bool heartbeat = page->empty();
    if (heartbeat && lastSentAt_ && now - *lastSentAt_ < options_.heartbeat) return {Kind::Idle};

    QueueStatBatch batch;
    batch.kioskCode = options_.kioskCode;
    std::int64_t upTo = *lastSeq_;
    for (const QueueEvent& e : page.value()) {
        batch.events.push_back(
            {e.seq, std::string(toString(e.kind)), e.serviceId, e.day, e.number, e.counter, e.at, e.display});
        upTo = std::max(upTo, e.seq);
    }
    HttpRequest req;
    req.path = "/v1/statistics/queue-events";
    req.body = encodeQueueStatBatch(batch);
    HttpResult r = http.send(req);
    if (!r.answered() || r.status < 200 || r.status > 299) {
        std::string why = r.answered() ? fmt::format("HTTP {}: {}", r.status, r.body.substr(0, 300))
                                       : fmt::format("{}: {}", toString(r.transport), r.transportMessage);
        ++attempts_;
        ++failures_;
        retryAt_ = clock_.now() + retryDelay(options_.backoff, attempts_, random_);
        return {Kind::Failed, 0, why};
    }
    attempts_ = 0;
    retryAt_.reset();
    TimePoint answeredAt = clock_.now();
    if (Status s = cursor_.confirm(upTo, answeredAt); !s) {
        // The server has them; they go again once the store works (and are stored once there).
        return {Kind::StoreError, 0, s.message()};
    }
    lastSeq_ = upTo;
    lastSentAt_ = answeredAt;
    if (heartbeat) {
        ++heartbeatsSent_;
        return {Kind::Heartbeat};
    }
    eventsSent_ += static_cast<std::int64_t>(batch.events.size());
    return {Kind::Sent, static_cast<int>(batch.events.size()), "",
            static_cast<int>(batch.events.size()) >= options_.batchSize};
}

void QueueStatSender::run() {
    CurlHttpClient http(options_.http);
    std::string lastError;
    for (;;) {
        Step step = sendOnce(http);
        if (step.kind == Step::Kind::Failed || step.kind == Step::Kind::StoreError) {
            if (step.error != lastError)  // one line per kind of trouble, not one per attempt
                log::warning("queue statistics: {}", step.error);
            lastError = step.error;
        } else if (step.kind == Step::Kind::Sent || step.kind == Step::Kind::Heartbeat) {
            lastError.clear();
        }
        std::unique_lock lock(mutex_);
        if (stopping_) return;
        if (step.more) continue;  // a full batch: the next one at once
        std::uint64_t seen = wakeups_;
        cv_.wait_for(lock, options_.poll, [&] { return stopping_ || wakeups_ != seen; });
        if (stopping_) return;
    }
}

}  // namespace wp
