// QueueStatSender: the kiosk's background thread that forwards its queue events to the central server
// (POST /v1/statistics/queue-events), for the statistics and the phone queue page.
//
// It reads the events after its cursor (QueueStore::eventsAfter, at most 500 a batch) and posts them with the
// ticket each belongs to ("H-014") but nothing personal. New events go soon after they are committed (by
// this process or another role sharing the database: the store is polled every `poll` of real time); when
// nothing is new it posts an empty batch, a heartbeat, every `heartbeat` of the injected clock, so the
// server can tell residents whether its queue page is up to date. The cursor (kiosk/store
// queue_forward_store.h, reached through the two functions in Cursor) moves only after a 2xx, to the last
// seq of the batch: nothing is lost; after a crash between the server's commit and ours the batch goes again
// and the server stores each (kiosk, seq) once. Any failure (transport, 5xx, 4xx) backs off exponentially
// with jitter on the injected clock (2 s ... 5 min, kiosk/core/outbox.h retryDelay) and is logged; the
// events wait.
//
// sendOnce() is the whole policy for one step, without threads, for tests. Thread-safe: start/stop/wake.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "common/clock.h"
#include "common/random_source.h"
#include "common/status.h"
#include "drivers/net/curl_http_client.h"
#include "kiosk/core/outbox.h"
#include "kiosk/core/queue.h"

namespace wp {

class QueueStatSender {
  public:
    // Where the forwarding cursor lives (SqliteQueueForwardStore in the app).
    struct Cursor {
        std::function<Result<std::int64_t>()> lastSeq;         // events up to here are at the server
        std::function<std::optional<TimePoint>()> lastSentAt;  // the last answered batch, if any
        std::function<Status(std::int64_t lastSeq, TimePoint at)> confirm;
    };
    struct Options {
        CurlHttpClientOptions http;
        std::string kioskCode;  // "K2": the batch's "kiosk"; must match the client certificate's kiosk
        int batchSize = 500;
        Millis heartbeat{15000};  // injected clock
        OutboxPolicy backoff;     // firstRetry, maxRetry
        Millis poll{250};         // real time: how often the store and the clock are looked at
    };
    // What one step did.
    struct Step {
        enum class Kind { Idle, Sent, Heartbeat, Failed, BackingOff, StoreError } kind = Kind::Idle;
        int events = 0;     // Sent: how many
        std::string error;  // Failed, StoreError
        bool more = false;  // Sent a full batch: more may wait
    };

    QueueStatSender(QueueStore& events, Cursor cursor, const Clock& clock, Options options);
    ~QueueStatSender();  // stops and joins
    QueueStatSender(const QueueStatSender&) = delete;
    QueueStatSender& operator=(const QueueStatSender&) = delete;

    void start();
    void stop();
    // Something new was committed: look now.
    void wake();

    // One step with the given client (the thread uses its own CurlHttpClient): a batch when events wait, a
    // heartbeat when one is due, nothing while backing off. Not to be called while the thread runs.
    Step sendOnce(HttpClient& http);

    // Counters for tests and logs (thread-safe).
    std::int64_t eventsSent() const { return eventsSent_; }
    std::int64_t heartbeatsSent() const { return heartbeatsSent_; }
    std::int64_t failures() const { return failures_; }

  private:
    void run();
    QueueStore& events_;
    Cursor cursor_;
    const Clock& clock_;
    Options options_;
    SystemRandom random_;
    std::optional<std::int64_t> lastSeq_;  // read from the cursor on the first step
    std::optional<TimePoint> lastSentAt_;
    std::optional<TimePoint> retryAt_;
    int attempts_ = 0;  // failed attempts in a row
    std::atomic<std::int64_t> eventsSent_{0}, heartbeatsSent_{0}, failures_{0};
    std::mutex mutex_;
    std::condition_variable cv_;
    bool stopping_ = false;
    std::uint64_t wakeups_ = 0;
    std::thread thread_;
};

}  // namespace wp
