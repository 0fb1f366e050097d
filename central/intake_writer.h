// IntakeWriter: the group commit behind POST /v1/requests (DESIGN.md: SQLite pitfall: ~4,600 durable
// single-row commits a second, ~170,000 rows a second in 64-row group commits).
//
// submit() queues a request and returns at once; the writer's own thread stores everything queued (at most
// maxBatch items) with one RequestStore::storeBatch(), then calls each item's `done` with its outcome. The
// items that arrive during a commit go into the next one, so the batch size follows the load without any
// timer, and no caller's thread waits on the disk: an I/O thread hands a request over and is told when it is
// durable. submitAndWait() is the same for a thread that may block. Thread-safe.
//
// Crash points: "central-after-commit" (durable, no caller told yet: the kiosk never sees this 201).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

#include "central/store/central_store.h"

namespace wp {

class IntakeWriter {
  public:
    using Done = std::function<void(IntakeOutcome)>;

    IntakeWriter(RequestStore& store, int maxBatch);
    ~IntakeWriter();  // close()
    IntakeWriter(const IntakeWriter&) = delete;
    IntakeWriter& operator=(const IntakeWriter&) = delete;

    // Queues item; done is called exactly once, on the writer's thread, once the item is durable or has
    // failed (after close(): at once, on this thread, with Failed). done must not block.
    void submit(IntakeItem item, Done done);
    // Queues item and waits for its outcome.
    IntakeOutcome submitAndWait(IntakeItem item);
    // Stores what is queued, calls every done, and ends the writer's thread; submit() fails from then on.
    // Idempotent. Whoever owns what the done callbacks reach closes the writer before it goes.
    void close();

    // Figures for logs and tests.
    std::uint64_t batches() const;
    std::uint64_t largestBatch() const;
    std::uint64_t items() const;

  private:
    struct Pending {
        IntakeItem item;
        Done done;
    };
    void run();

    RequestStore& store_;
    const size_t maxBatch_;
    mutable std::mutex mutex_;
    std::condition_variable queued_;
    std::deque<Pending> queue_;
    bool stopping_ = false;
    std::uint64_t batches_ = 0, largestBatch_ = 0, items_ = 0;
    std::thread thread_;  // last: starts once everything above exists
};

}  // namespace wp
