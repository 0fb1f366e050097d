#include "central/durable_job_runner.h"

#include <algorithm>

namespace wp {

Millis RetryPolicy::delayAfter(int attempts) const {
    const int doublings = std::clamp(attempts - 1, 0, 20);
    return std::min(Millis(firstRetry * (Millis::rep{1} << doublings)), maxRetry);
}

JobWakeLoop::JobWakeLoop(Millis poll, std::function<void()> work) : poll_(poll), work_(std::move(work)) {}

JobWakeLoop::~JobWakeLoop() {
    stop();
}

void JobWakeLoop::start() {
    if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
}

void JobWakeLoop::wake() {
    {
        std::lock_guard lock(mutex_);
        woken_ = true;
    }
    cv_.notify_one();
}

void JobWakeLoop::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void JobWakeLoop::run() {
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            cv_.wait_for(lock, poll_, [&] { return stopping_ || woken_; });
            if (stopping_) return;
            woken_ = false;
        }
        work_();
    }
}

}  // namespace wp
