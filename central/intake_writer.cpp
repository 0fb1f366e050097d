#include "central/intake_writer.h"

#include "common/crash_point.h"

namespace wp {

IntakeWriter::IntakeWriter(RequestStore& store, int maxBatch)
    : store_(store), maxBatch_(static_cast<size_t>(maxBatch)), thread_([this] { run(); }) {}

IntakeWriter::~IntakeWriter() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

IntakeOutcome IntakeWriter::submit(IntakeItem item) {
    std::future<IntakeOutcome> result;
    {
        std::lock_guard lock(mutex_);
        if (stopping_) return {IntakeOutcome::Kind::Failed, "", "the server is stopping"};
        queue_.push_back({std::move(item), {}});
        result = queue_.back().done.get_future();
    }
    wake_.notify_one();
    return result.get();
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

void IntakeWriter::run() {
    for (;;) {
        std::vector<Pending> batch;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return;  // stopping, nothing left
            while (!queue_.empty() && batch.size() < maxBatch_) {
                batch.push_back(std::move(queue_.front()));
                queue_.pop_front();
            }
            ++batches_;
            items_ += batch.size();
            largestBatch_ = std::max<std::uint64_t>(largestBatch_, batch.size());
        }
        std::vector<IntakeItem> items;
        items.reserve(batch.size());
        for (auto& p : batch) items.push_back(std::move(p.item));
        std::vector<IntakeOutcome> outcomes = store_.storeBatch(items);
        crashPoint("central-after-commit");
        for (size_t i = 0; i < batch.size(); ++i) batch[i].done.set_value(std::move(outcomes[i]));
    }
}

}  // namespace wp
