// Opt-in text messages to residents: "your turn is near" and "go to Balie 2", for residents who gave a
// mobile number at the kiosk after taking a ticket (kiosk/core/sms_opt_in.h).
//
// Where the parts live:
// - SmsStore keeps, in the kiosk's own database only, each opted-in ticket's number and the messages made
//   for it (SqliteSmsStore in kiosk/store, secure_delete on). The number never goes into a queue event, the
//   outbox or anything else that leaves the kiosk.
// - SmsSender hands one message to the gateway (KannelSmsSender in drivers/net: Kannel's HTTP sendsms).
// - SmsNotifier is the policy, run by one process: the walk-in role, on a worker thread of its own
//   (drivers/net/sms_notifier_thread.h). The hosts' consoles (one process each, possibly several) and the
//   display change or show the queue but do not send: every call is seen by this one notifier, which reads
//   the tickets' states from the shared database.
//
// The rules, per opted-in ticket, at every step():
// - waiting with nearAhead or fewer people before it: a "near" message;
// - called (or being served) at a counter: a "called" message naming the counter;
// - at most one message per ticket and kind, ever: the store refuses a second (a recall, a put-back and
//   second call, or a transfer into another line does not send again);
// - finished (done, no-show, cancelled) or of an earlier day: the number and its messages are deleted.
// Messages are store-and-forward: a message is stored before it is sent, and only a gateway's "accepted"
// marks it sent. A gateway that fails or is down delays it: retried with exponential backoff and jitter on
// the injected clock (kiosk/core/outbox.h retryDelay); after a failed attempt the step stops sending, so one
// message finds out that the gateway is down, not all of them. A message of a ticket that is finished before
// it went is deleted with the number, unsent: it is no use any more.
// What a message cannot avoid: a gateway that accepted a message but whose answer was lost (a timeout after
// the accept) is asked again, and that message may arrive twice.
//
// Core only: no SQLite, curl or threads. Not thread-safe: one thread drives a notifier.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/random_source.h"
#include "common/status.h"
#include "kiosk/core/outbox.h"
#include "kiosk/core/queue.h"
#include "kiosk/core/texts.h"

namespace wp {

// A Dutch mobile number as typed ("06 1234 5678", "06-12345678", "+31 6 12345678", "0031612345678"),
// normalised to "+316XXXXXXXX"; nullopt for anything else (a landline, too few or too many digits, letters).
// What checkDutchPhone (kiosk/core/form_validation.h) takes, narrowed to mobile numbers.
std::optional<std::string> normaliseMobileNumber(std::string_view typed);
// "+31612345678" -> "06 12345678": how the kiosk shows a normalised number back to the resident.
std::string formatMobileNumber(std::string_view normalised);

enum class SmsKind { Near, Called };
std::string_view toString(SmsKind k);  // "near", "called"

// One opted-in ticket.
struct SmsSubscription {
    std::int64_t ticketId = 0;
    std::string number;    // "+31612345678"
    std::string language;  // the resident's language at the kiosk: the messages' words
};

// A message on its way, with the number it goes to.
struct SmsMessage {
    std::int64_t id = 0;
    std::int64_t ticketId = 0;
    SmsKind kind = SmsKind::Near;
    std::string number;
    std::string text;
    int attempts = 0;  // failed attempts so far
};

// The gateway's trouble as the host console shows it: since when the longest-failing unsent message fails,
// and its last error.
struct SmsGatewayTrouble {
    TimePoint since;
    std::string lastError;  // English, for the log and as detail
};

class SmsStore {
  public:
    virtual ~SmsStore() = default;
    // Opts a ticket in (or changes its number): the number and language replace any earlier ones; messages
    // already made for the ticket stay (none is made twice).
    virtual Status subscribe(const SmsSubscription& subscription, TimePoint now) = 0;
    virtual Result<std::vector<SmsSubscription>> subscriptions() = 0;
    // Stores a message of (ticket, kind) to be sent from now on; false (and nothing stored) when the ticket
    // already had one of that kind, or is not opted in.
    virtual Result<bool> addMessage(std::int64_t ticketId, SmsKind kind, const std::string& text,
                                    TimePoint now) = 0;
    // Unsent messages whose next attempt is due at now, oldest first, at most limit.
    virtual Result<std::vector<SmsMessage>> dueMessages(TimePoint now, int limit) = 0;
    virtual Status markSent(std::int64_t messageId, TimePoint now) = 0;
    // A failed attempt: counts it, keeps the error, and waits until nextAttempt.
    virtual Status markFailed(std::int64_t messageId, const std::string& error, TimePoint now,
                              TimePoint nextAttempt) = 0;
    // Deletes the ticket's number and messages (secure_delete overwrites them).
    virtual Status forget(std::int64_t ticketId) = 0;
    // Unsent messages whose last attempt failed: the oldest such failure and the last error. nullopt when
    // the gateway takes every message (or none waits).
    virtual Result<std::optional<SmsGatewayTrouble>> gatewayTrouble() = 0;
};

// What the gateway did with one message.
struct SmsSendResult {
    bool accepted = false;
    std::string error;  // not accepted: why, in English ("connect: Connection refused", "HTTP 403 ...")
};

class SmsSender {
  public:
    virtual ~SmsSender() = default;
    // Hands one message to the gateway; blocks for at most the sender's timeout.
    virtual SmsSendResult send(const std::string& number, const std::string& text) = 0;
};

struct SmsRules {
    int nearAhead = 2;      // settings [sms] near_ahead
    OutboxPolicy backoff;   // firstRetry, maxRetry
    int sendsPerStep = 20;  // messages handed to the gateway in one step at most
};

class SmsNotifier {
  public:
    // texts: the messages' words (keys sms.message_near, sms.message_called); everything must outlive it.
    SmsNotifier(QueueStore& tickets, SmsStore& store, SmsSender& sender, const Texts& texts,
                const Clock& clock, RandomSource& random, SmsRules rules);

    // What one step did.
    struct Step {
        int made = 0;       // messages stored
        int sent = 0;       // accepted by the gateway
        int failed = 0;     // attempts that failed (0 or 1: the step stops at the first)
        int forgotten = 0;  // tickets whose number was deleted
        Status status;      // not ok when a store failed (the step stopped there)
    };
    // Looks at every opted-in ticket (makes due messages, forgets finished tickets), then sends what is
    // due.
    Step step();
    // When the next message waits for its backoff, for the worker's sleep: nullopt when none waits.
    std::optional<TimePoint> nextRetry() const { return nextRetry_; }

  private:
    QueueStore& tickets_;
    SmsStore& store_;
    SmsSender& sender_;
    const Texts& texts_;
    const Clock& clock_;
    RandomSource& random_;
    SmsRules rules_;
    std::optional<TimePoint> nextRetry_;
};

}  // namespace wp
