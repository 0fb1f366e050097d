// IntakeWriter: the group commit behind POST /v1/requests (DESIGN.md: SQLite pitfall: ~4,600 durable
// single-row commits a second, ~170,000 rows a second in 64-row group commits).
//
// Handler threads call submit(), which blocks until the request's transaction is durable (or failed). The
// writer has no thread of its own: a submitter that finds no commit running takes everything queued (at most
// maxBatch items, its own first among them when the queue was empty) and stores it with one
// RequestStore::storeBatch() on its own thread; the submitters that arrive meanwhile queue up for the next
// commit, which one of them runs. So the batch size follows the load without any timer, and a lone request
// is stored without a hand-off to another thread. Thread-safe.
//
// Crash points: "central-after-commit" (durable, no handler told yet: the kiosk never sees this 201).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>

#include "central/store/central_store.h"

namespace wp {

class IntakeWriter {
  public:
    IntakeWriter(RequestStore& store, int maxBatch);
    ~IntakeWriter();  // waits for a commit that is running; submit() fails from then on
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
        std::optional<IntakeOutcome> outcome;
    };
    // Stores the queued items (at most maxBatch_) with mutex_ released; called with it held and no commit
    // running.
    void commitQueued(std::unique_lock<std::mutex>& lock);

    RequestStore& store_;
    const size_t maxBatch_;
    mutable std::mutex mutex_;
    std::condition_variable committed_;
    std::deque<Pending*> queue_;  // each lives on the stack of its submit(), which waits for its outcome
    bool committing_ = false;
    bool stopping_ = false;
    std::uint64_t batches_ = 0, largestBatch_ = 0, items_ = 0;
};

}  // namespace wp
