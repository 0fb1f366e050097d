// HeartbeatSender: the walk-in role's thread that tells the central server how the kiosk is
// (POST /v1/kiosk/heartbeat over mutual TLS), takes the admin's commands from the answer and sends the
// commands' uploads and results back.
//
// A heartbeat goes every interval of the injected clock (the settings' [fleet] heartbeat_s until the
// server's interval_s replaces it), and at once when a command's result waits. It carries the health
// (HealthSource) and every result the server has not had yet (FleetStateStore::unreportedResults); after a
// 200 those count as reported. The answer's commands go into the FleetMailbox (a command is sent in every
// answer until its result arrives; the mailbox drops one it has seen). When the answer says "renew", or the
// renew hook finds the certificate near its end, the renew hook runs on this thread with this client.
// Uploads (PUT /v1/kiosk/commands/{id}/screenshot|log) go before the heartbeat; an answered upload is the
// command's result. A failure (transport, 5xx) backs off on the injected clock (kiosk/core/outbox.h
// retryDelay) and is logged once per kind of trouble; a 4xx to an upload drops it.
//
// sendOnce() is one step without threads, for tests. Thread-safe: start/stop/wake.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "common/clock.h"
#include "common/random_source.h"
#include "drivers/net/curl_http_client.h"
#include "kiosk/core/fleet_commands.h"
#include "kiosk/core/outbox.h"

namespace wp {

// The body of a heartbeat, and what its answer says.
std::string encodeHeartbeat(const KioskHealth& health, const std::vector<FleetCommandResult>& results);
struct HeartbeatAnswer {
    std::optional<int> intervalSeconds;
    bool renew = false;
    std::vector<FleetCommand> commands;
};
Result<HeartbeatAnswer> decodeHeartbeatAnswer(std::string_view body);

class HeartbeatSender {
  public:
    struct Options {
        CurlHttpClientOptions http;
        Millis interval{60000};  // injected clock, until the server names its own
        OutboxPolicy backoff;    // firstRetry, maxRetry
        Millis poll{250};        // real time: how often the clock is looked at
    };
    // Renews the certificate over the given client; serverAsked: the answer said "renew". Returns ok when
    // there was nothing to do or the new certificate is in place.
    using RenewHook = std::function<Status(HttpClient& http, bool serverAsked)>;
    struct Step {
        enum class Kind { Idle, Sent, Failed, BackingOff } kind = Kind::Idle;
        int uploads = 0;    // uploads answered in this step
        int commands = 0;   // new commands from the answer
        std::string error;  // Failed
    };

    HeartbeatSender(HealthSource& health, FleetMailbox& mailbox, FleetStateStore& results, const Clock& clock,
                    Options options, RenewHook renew = nullptr);
    ~HeartbeatSender();  // stops and joins
    HeartbeatSender(const HeartbeatSender&) = delete;
    HeartbeatSender& operator=(const HeartbeatSender&) = delete;

    void start();
    void stop();
    void wake();

    // One step with the given client: due uploads, then a heartbeat when one is due. Not to be called while
    // the thread runs.
    Step sendOnce(HttpClient& http);
    // The interval now in force (the server's once it named one).
    Millis interval() const { return interval_; }
    std::int64_t heartbeatsSent() const { return heartbeatsSent_; }

  private:
    void run();
    Step fail(std::string why);
    HealthSource& health_;
    FleetMailbox& mailbox_;
    FleetStateStore& results_;
    const Clock& clock_;
    Options options_;
    RenewHook renew_;
    SystemRandom random_;
    Millis interval_;
    std::optional<TimePoint> nextAt_;  // nullopt: at once
    std::optional<TimePoint> retryAt_;
    int attempts_ = 0;
    std::int64_t heartbeatsSent_ = 0;
    std::mutex mutex_;
    std::condition_variable cv_;
    bool stopping_ = false;
    std::uint64_t wakeups_ = 0;
    std::thread thread_;
};

}  // namespace wp
