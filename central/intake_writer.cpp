#include "central/intake_writer.h"

#include <algorithm>
#include <exception>
#include <vector>

#include "common/crash_point.h"

namespace wp {

IntakeWriter::IntakeWriter(RequestStore& store, int maxBatch)
    : store_(store), maxBatch_(static_cast<size_t>(maxBatch)) {}

IntakeWriter::~IntakeWriter() {
    std::unique_lock lock(mutex_);
    stopping_ = true;
    committed_.wait(lock, [&] { return !committing_ && queue_.empty(); });
}

IntakeOutcome IntakeWriter::submit(IntakeItem item) {
    Pending mine{std::move(item), std::nullopt};
    std::unique_lock lock(mutex_);
    if (stopping_) return {IntakeOutcome::Kind::Failed, "", "the server is stopping"};
    queue_.push_back(&mine);
    while (!mine.outcome) {
        if (committing_)
            committed_.wait(lock);
        else
            commitQueued(lock);
    }
    return std::move(*mine.outcome);
}

void IntakeWriter::commitQueued(std::unique_lock<std::mutex>& lock) {
    committing_ = true;
    std::vector<Pending*> batch;
    while (!queue_.empty() && batch.size() < maxBatch_) {
        batch.push_back(queue_.front());
        queue_.pop_front();
    }
    ++batches_;
    items_ += batch.size();
    largestBatch_ = std::max<std::uint64_t>(largestBatch_, batch.size());
    lock.unlock();

    std::vector<IntakeItem> items;
    items.reserve(batch.size());
    for (Pending* p : batch) items.push_back(std::move(p->item));
    std::vector<IntakeOutcome> outcomes;
    try {
        outcomes = store_.storeBatch(items);
        crashPoint("central-after-commit");
    } catch (const std::exception& e) {
        outcomes.assign(batch.size(), {IntakeOutcome::Kind::Failed, "", e.what()});
    }

    lock.lock();
    for (size_t i = 0; i < batch.size(); ++i) batch[i]->outcome = std::move(outcomes[i]);
    committing_ = false;
    committed_.notify_all();
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
