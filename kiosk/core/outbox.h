// The outbox: how a request a resident handed in reaches the central server exactly once, whatever dies on
// the way (DESIGN.md: The walk-in path).
//
// 1. submit() commits the request to the OutboxStore (SQLite, synchronous=FULL in kiosk/store) and returns:
//    the receipt can print and the UI never waits for the network.
// 2. deliverDue() (called by a sender thread: drivers/net/outbox_sender.h) POSTs each due row to
//    /v1/requests and applies the policy below. The server is idempotent by UUID, so a row sent again after a
//    crash between the server's commit and our bookkeeping is answered with the first 201, never stored
//    twice.
//
// Policy (classifyDelivery, retryDelay):
// - 2xx: delivered. The row is marked delivered and its personal fields wiped (secure_delete in the store).
// - 4xx except 408, 425 and 429: rejected, never retried. The row keeps the server's error for the host and
//   the admin, for rejectedKeepDays, and then its personal fields are wiped too.
// - 5xx, 408, 425, 429, any other status, and every transport error: retried with exponential backoff and
//   jitter (2 s, 4 s, 8 s ... at most 5 minutes, each between half and all of that), on the injected clock.
//   After a failed attempt the pass stops: when the server is down, one row finds out, not all of them.
//
// Thread-safety: an Outbox is used by one thread at a time. Several Outbox objects (one per sender thread)
// may share a store: each takes the rows of its own shard (id mod shards), so no row is sent by two at once.
// Core only: no SQLite, curl or threads here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/random_source.h"
#include "common/request.h"
#include "common/status.h"
#include "kiosk/core/net/http_client.h"

namespace wp {

enum class OutboxState { Waiting, Delivered, Rejected };
std::string_view toString(OutboxState s);  // "waiting", "delivered", "rejected"

// A row due for delivery.
struct OutboxItem {
    std::int64_t id = 0;
    std::string uuid;
    std::string reference;
    std::string body;  // the request's JSON, exactly as it is sent every time
    int attempts = 0;
};

struct RejectedRequest {
    std::int64_t id = 0;
    std::string reference;
    std::string type;
    int httpStatus = 0;
    ApiError error;  // the server's {"error": ...}, or a made-up one when the body was not that shape
    TimePoint rejectedAt;
    bool personalDataWiped = false;
};

// What the host console shows about the connection to the central server.
struct OutboxSnapshot {
    int waiting = 0;
    int delivered = 0;
    std::vector<RejectedRequest> rejected;   // newest first, also after their personal data is wiped
    std::optional<TimePoint> lastDelivery;   // last 2xx
    std::optional<TimePoint> oldestWaiting;  // created_at of the oldest waiting row
    std::string lastError;                   // of the most recent failed attempt of a waiting row
};

class OutboxStore {
  public:
    virtual ~OutboxStore() = default;
    // Commits a waiting row, due now. Conflict when the UUID or reference is already in the outbox.
    virtual Result<std::int64_t> add(const Request& request, TimePoint now) = 0;
    // Waiting rows due at now, oldest first, of one shard (id % shards == shard).
    virtual Result<std::vector<OutboxItem>> due(TimePoint now, int limit, int shard, int shards) = 0;
    // The earliest next attempt of a waiting row of the shard; nullopt when none waits.
    virtual Result<std::optional<TimePoint>> nextDue(int shard, int shards) = 0;
    // Marks a row delivered and wipes its personal fields.
    virtual Status markDelivered(std::int64_t id, TimePoint now) = 0;
    virtual Status markRejected(std::int64_t id, int httpStatus, const ApiError& error, TimePoint now) = 0;
    virtual Status scheduleRetry(std::int64_t id, TimePoint at, const std::string& error) = 0;
    // Wipes the personal fields of rows rejected before cutoff; returns how many.
    virtual Result<int> wipeRejectedBefore(TimePoint cutoff, TimePoint now) = 0;
    virtual Result<OutboxSnapshot> snapshot(int maxRejected) = 0;
};

enum class DeliveryVerdict { Delivered, Rejected, Retry };
DeliveryVerdict classifyDelivery(const HttpResult& result);

struct OutboxPolicy {
    Millis firstRetry{2000};
    Millis maxRetry{5 * 60 * 1000};
    int rejectedKeepDays = 14;
    int passSize = 64;  // rows per deliverDue() pass
};

// The wait before attempt number `attempts + 1` after `attempts` failed ones: exponential with jitter,
// uniformly between half and all of min(firstRetry * 2^(attempts-1), maxRetry).
Millis retryDelay(const OutboxPolicy& policy, int attempts, RandomSource& random);

struct DeliveryReport {
    int delivered = 0;
    int rejected = 0;
    int retried = 0;
    // When deliverDue() should be called again (now when more rows are due; a backoff after a failure);
    // nullopt when nothing waits.
    std::optional<TimePoint> nextAttempt;
    Status storeStatus;  // not ok when the store failed (the pass stopped)
};

class Outbox {
  public:
    Outbox(OutboxStore& store, HttpClient& http, const Clock& clock, RandomSource& random,
           OutboxPolicy policy, int shard = 0, int shards = 1);

    // Checks and commits a request (the UI's call). InvalidInput names the field when the request breaks
    // its type's spec: a programmer mistake in a flow, caught before a resident gets a receipt.
    Result<std::int64_t> submit(const Request& request, const RequestSpecs& specs);
    // One pass over the due rows of this outbox's shard.
    DeliveryReport deliverDue();
    // Wipes rejected rows older than policy.rejectedKeepDays.
    Result<int> wipeOldRejected();
    // What the host console shows: waiting count, rejected rows with the server's errors (newest first, at
    // most maxRejected), the last successful delivery and the last error of a waiting row.
    Result<OutboxSnapshot> state(int maxRejected = 50) { return store_.snapshot(maxRejected); }

  private:
    OutboxStore& store_;
    HttpClient& http_;
    const Clock& clock_;
    RandomSource& random_;
    OutboxPolicy policy_;
    int shard_, shards_;
};

// Crash points (common/crash_point.h) on the delivery path: "outbox-before-send" (row taken, nothing sent),
// "outbox-after-response" (the server answered 2xx, the row not yet marked).

}  // namespace wp
