#include "drivers/net/sms_notifier_thread.h"

#include "common/log.h"

namespace wp {

SmsNotifierThread::SmsNotifierThread(SmsNotifier& notifier, Millis poll) : notifier_(notifier), poll_(poll) {}

SmsNotifierThread::~SmsNotifierThread() {
    stop();
}

void SmsNotifierThread::start() {
    std::lock_guard lock(mutex_);
    stopping_ = false;
    if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
}

void SmsNotifierThread::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void SmsNotifierThread::wake() {
    {
        std::lock_guard lock(mutex_);
        ++wakeups_;
    }
    cv_.notify_all();
}

void SmsNotifierThread::run() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        const std::uint64_t seen = wakeups_;
        lock.unlock();
        SmsNotifier::Step step = notifier_.step();
        if (!step.status) log::warning("sms: the notifier's step failed: {}", step.status.message());
        lock.lock();
        cv_.wait_for(lock, poll_, [&] { return stopping_ || wakeups_ != seen; });
    }
}

}  // namespace wp
