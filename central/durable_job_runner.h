// What the server's durable-job senders share (TeamNotifier, AppointmentMailer): when a failed job is tried
// again (RetryPolicy), and the thread that works the jobs off (JobWakeLoop). The jobs themselves live in the
// store, queued in the transaction that made them, so a crash loses none; the senders own what one job is.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "common/clock.h"

namespace wp {

// Exponential backoff on the injected clock: firstRetry after the first failed attempt, doubled after each
// further one, at most maxRetry; after maxAttempts failed attempts the job is given up (and left visible in
// the store). Plain data; thread-safe to read.
struct RetryPolicy {
    Millis firstRetry{2000};
    Millis maxRetry{15 * 60 * 1000};
    int maxAttempts = 12;

    // The wait before the next attempt after `attempts` (1, 2, ...) failed ones: 2 s, 4 s, 8 s ... 15 min.
    Millis delayAfter(int attempts) const;
    bool givesUpAfter(int attempts) const { return attempts >= maxAttempts; }
};

// A thread that calls work() every poll (real time: the injected clock is compared with due times in work),
// and at once after wake(). stop(), or the destructor, ends it after the work() that runs; work() may ask
// stopping() to leave early. Thread-safe: wake() and stopping() from any thread.
class JobWakeLoop {
  public:
    JobWakeLoop(Millis poll, std::function<void()> work);
    ~JobWakeLoop();
    JobWakeLoop(const JobWakeLoop&) = delete;
    JobWakeLoop& operator=(const JobWakeLoop&) = delete;

    // Starts the thread (once).
    void start();
    void wake();
    void stop();
    bool stopping() const { return stopping_; }

  private:
    void run();
    const Millis poll_;
    const std::function<void()> work_;
    std::mutex mutex_;
    std::condition_variable cv_;
    std::atomic<bool> stopping_{false};
    bool woken_ = false;
    std::thread thread_;
};

}  // namespace wp
