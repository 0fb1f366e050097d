// OutboxSender: the kiosk's background sender. Threads that call Outbox::deliverDue() whenever
// rows are due, so the UI never waits for the network.
//
// `parallel` threads, each with its own CurlHttpClient (its own keep-alive connection) and its own shard of
// the outbox (kiosk/core/outbox.h), so no row is sent twice at once and a backlog drains in parallel. Each
// thread sleeps until its shard's next due time on the injected clock, polling the clock every `poll` of
// real time (a test's clock file may jump), or until wake(). Rejected rows past their keep time are wiped
// once a minute of real time. Thread-safe.
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "common/clock.h"
#include "common/random_source.h"
#include "drivers/net/curl_http_client.h"
#include "kiosk/core/outbox.h"

namespace wp {

class OutboxSender {
  public:
    struct Options {
        CurlHttpClientOptions http;
        OutboxPolicy policy;
        int parallel = 2;
        Millis poll{100};
    };
    OutboxSender(OutboxStore& store, const Clock& clock, RandomSource& random, Options options);
    ~OutboxSender();  // stops and joins
    void start();
    void stop();
    // Something new was committed: look now.
    void wake();

  private:
    void run(int shard);
    OutboxStore& store_;
    const Clock& clock_;
    RandomSource& random_;
    Options options_;
    std::mutex mutex_;
    std::condition_variable cv_;
    std::atomic<bool> stopping_{false};
    std::uint64_t wakeups_ = 0;
    std::vector<std::thread> threads_;
};

}  // namespace wp
