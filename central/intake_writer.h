// IntakeWriter: the group-commit writer behind POST /v1/requests (DESIGN.md: SQLite pitfall: ~4,600 durable
// single-row commits a second, ~170,000 rows a second in 64-row group commits).
//
// Handler threads call submit(), which blocks until the request's transaction is durable (or failed). One
// writer thread takes everything that has queued up since its last commit (at most maxBatch items) and stores
// it with one RequestStore::storeBatch(): while one fsync runs, the next batch gathers, so the batch size
// follows the load without any timer. Thread-safe.
//
// Crash points: "central-after-commit" (durable, no handler told yet: the kiosk never sees this 201).
#pragma once

#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <thread>

#include "central/store/central_store.h"

namespace wp {

class IntakeWriter {
  public:
    IntakeWriter(RequestStore& store, int maxBatch);
    ~IntakeWriter();  // stores what is queued, then stops
    IntakeWriter(const IntakeWriter&) = delete;
    IntakeWriter& operator=(const IntakeWriter&) = delete;

    IntakeOutcome submit(IntakeItem item);

    // Figures for logs and tests.
    std::uint64_t batches() const;
    std::uint64_t largestBatch() const;
    std::uint64_t items() const;

  private:
    struct Pending {
        IntakeItem item;
        std::promise<IntakeOutcome> done;
    };
    void run();

    RequestStore& store_;
    const size_t maxBatch_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Pending> queue_;
    bool stopping_ = false;
    std::uint64_t batches_ = 0, largestBatch_ = 0, items_ = 0;
    std::thread thread_;
};

}  // namespace wp
