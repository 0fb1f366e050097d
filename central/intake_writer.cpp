#include "central/intake_writer.h"

#include <algorithm>
#include <exception>
#include <future>
#include <utility>
#include <vector>

#include "common/crash_point.h"

namespace wp {

IntakeWriter::IntakeWriter(RequestStore& store, int maxBatch)
    : store_(store), maxBatch_(static_cast<size_t>(maxBatch)), thread_([this] { run(); }) {}

IntakeWriter::~IntakeWriter() {
    close();
}

void IntakeWriter::close() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    queued_.notify_one();
    if (thread_.joinable()) thread_.join();
}

void IntakeWriter::submit(IntakeItem item, Done done) {
    bool queued = false;
    {
        std::lock_guard lock(mutex_);
        if (!stopping_) {
            queue_.push_back({std::move(item), std::move(done)});
            queued = true;
        }
    }
    // Signalled also during a commit: the writer looks at the queue before it sleeps again, and a signal
    // with nobody waiting costs no system call.
    if (queued) return queued_.notify_one();
    done({IntakeOutcome::Kind::Failed, "", "the server is stopping"});
}

IntakeOutcome IntakeWriter::submitAndWait(IntakeItem item) {
    std::promise<IntakeOutcome> outcome;
    std::future<IntakeOutcome> ready = outcome.get_future();
    submit(std::move(item), [&outcome](IntakeOutcome o) { outcome.set_value(std::move(o)); });
    return ready.get();
}

void IntakeWriter::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        queued_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
        if (queue_.empty()) return;  // stopping, and everything queued is stored
        std::vector<Pending> batch;
        while (!queue_.empty() && batch.size() < maxBatch_) {
            batch.push_back(std::move(queue_.front()));
            queue_.pop_front();
        }
        ++batches_;
        items_ += batch.size();
        largestBatch_ = std::max<std::uint64_t>(largestBatch_, batch.size());
        lock.unlock();

        std::vector<IntakeItem> items;
        items.reserve(batch.size());
        for (Pending& p : batch) items.push_back(std::move(p.item));
        std::vector<IntakeOutcome> outcomes;
        try {
            outcomes = store_.storeBatch(items);
            crashPoint("central-after-commit");
        } catch (const std::exception& e) {
            outcomes.assign(batch.size(), {IntakeOutcome::Kind::Failed, "", e.what()});
        }
        for (size_t i = 0; i < batch.size(); ++i) batch[i].done(std::move(outcomes[i]));
        lock.lock();
    }
}

std::uint64_t IntakeWriter::batches() const {
    std::lock_guard lock(mutex_);
    return batches_;
}

std::uint64_t IntakeWriter::items() const {
    std::lock_guard lock(mutex_);
    return items_;
}

std::uint64_t IntakeWriter::largestBatch() const {
    std::lock_guard lock(mutex_);
    return largestBatch_;
}

}  // namespace wp
