#include "drivers/net/outbox_sender.h"

#include "common/log.h"

namespace wp {

OutboxSender::OutboxSender(OutboxStore& store, const Clock& clock, RandomSource& random, Options options)
    : store_(store), clock_(clock), random_(random), options_(std::move(options)) {}

OutboxSender::~OutboxSender() {
    stop();
}

void OutboxSender::start() {
    for (int shard = 0; shard < options_.parallel; ++shard)
        threads_.emplace_back([this, shard] { run(shard); });
}

void OutboxSender::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    cv_.notify_all();
    for (auto& t : threads_)
        if (t.joinable()) t.join();
    threads_.clear();
}

void OutboxSender::wake() {
    {
        std::lock_guard lock(mutex_);
        ++wakeups_;
    }
    cv_.notify_all();
}

void OutboxSender::run(int shard) {
    CurlHttpClient http(options_.http);
    Outbox outbox(store_, http, clock_, random_, options_.policy, shard, options_.parallel);
    auto lastWipe = std::chrono::steady_clock::now() - std::chrono::hours(1);
    while (!stopping_) {
        DeliveryReport report = outbox.deliverDue();
        if (!report.storeStatus) log::error("outbox: {}", report.storeStatus.message());
        if (shard == 0 && std::chrono::steady_clock::now() - lastWipe > std::chrono::minutes(1)) {
            (void)outbox.wipeOldRejected();
            lastWipe = std::chrono::steady_clock::now();
        }
        // Sleep until the next due time on the injected clock, waking for new rows and to re-read the clock.
        std::unique_lock lock(mutex_);
        std::uint64_t seen = wakeups_;
        while (!stopping_ && wakeups_ == seen) {
            if (report.nextAttempt && clock_.now() >= *report.nextAttempt) break;
            if (!report.nextAttempt) {
                // Nothing waits in this shard: another process (the walk-in role) may add rows.
                cv_.wait_for(lock, options_.poll * 5);
                break;
            }
            cv_.wait_for(lock, options_.poll);
        }
    }
}

}  // namespace wp
