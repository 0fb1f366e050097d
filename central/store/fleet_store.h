// FleetStore: what the central server keeps of its kiosks (DESIGN.md: admin): one-time enroll tokens, the
// kiosks that enrolled with them and their certificates, each kiosk's latest heartbeat, and the commands
// admins send to kiosks with what the kiosks upload for them. CentralStore (central_store.h) inherits it;
// SqliteCentralStore implements it in sqlite_fleet_store.cpp.
//
// A kiosk is known by its contact point's letters and its kiosk code together ("SGN" + "K3", shown as
// "SGN-K3"): a kiosk code is unique within its contact point only. Kiosks listed in the server's config
// ([[kiosk]]) are not in this store's kiosk table, but their heartbeats and commands are kept here by the
// same (contact point, kiosk code) key.
//
// What the interface promises:
// - Enroll tokens are kept as their SHA-256 hash only. enrollKiosk() checks the token, picks the kiosk code,
//   stores the kiosk and spends the token in ONE write transaction: a token enrolls at most one kiosk, and
//   two kiosks never get the same code, also when several server instances enroll at once.
// - A kiosk code once given is never given again in its contact point (a revoked kiosk keeps its code).
// - Every admin write takes its AuditEntry and writes it in the same transaction; so do the reads of uploads.
// Times are UTC instants. Thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "common/clock.h"
#include "common/status.h"

namespace wp {

struct AuditEntry;

// (contact point letters, kiosk code): what a kiosk is known by.
using KioskKey = std::pair<std::string, std::string>;

// A one-time enroll token as the store keeps it: never the token itself.
struct EnrollToken {
    std::int64_t id = 0;
    std::string contactPoint;  // "SGN": the contact point the kiosk it enrolls belongs to
    std::string createdBy;     // the admin's name
    TimePoint createdAt, expiresAt;
    std::optional<TimePoint> spentAt;  // nullopt: not used yet
    std::string kioskCode;             // the code of the kiosk it enrolled; "" while unspent
};

// A kiosk that enrolled, with its current certificate.
struct EnrolledKiosk {
    std::int64_t id = 0;
    std::string contactPoint;  // "SGN"
    std::string kioskCode;     // "K3"
    std::string subject;       // RFC 2253: "CN=kiosk-SGN-K3,O=Wijkpunt"
    std::string serial;        // of the newest certificate: hex, upper case, no separators
    TimePoint notAfter;        // of the newest certificate
    TimePoint enrolledAt;
    std::optional<TimePoint> revokedAt;  // nullopt: not revoked
};

struct EnrollOutcome {
    enum class Kind { Enrolled, UnknownToken, SpentToken, ExpiredToken, NoFreeCode, Refused, Failed };
    Kind kind = Kind::Failed;
    EnrolledKiosk kiosk;  // Enrolled: the kiosk as stored
    std::string message;  // otherwise: what went wrong
};

// Makes the certificate of a kiosk once its code is known: returns the certificate's subject, or an error
// that undoes the enrollment (enrollKiosk() then answers Refused with the error's message).
using KioskCertificateIssuer =
    std::function<Result<std::string>(const std::string& contactPoint, const std::string& kioskCode)>;

// The latest heartbeat of a kiosk (POST /v1/kiosk/heartbeat), without its command results.
struct KioskHealth {
    TimePoint receivedAt;
    std::string version, bundleVersion;
    std::int64_t uptimeSeconds = 0;
    std::string printerState;  // "ready", "paper-out", "offline", "error" or "none" (no printer)
    std::vector<std::string> printerReasons;  // CUPS printer-state-reasons
    std::int64_t outboxWaiting = 0, outboxRejected = 0;
    std::int64_t oldestWaitingSeconds = 0;  // age of the oldest waiting outbox item; 0 when none waits
    std::int64_t diskFreeMb = 0;
    std::string lastError;
    bool inService = true;
    std::string json;  // the heartbeat's JSON object as the kiosk sent it, without "results"
};

enum class CommandState { Queued, Delivered, Done, Failed };
std::string_view toString(CommandState s);
std::optional<CommandState> commandStateFromString(std::string_view s);

// The kinds of command a kiosk runs: "restart", "out-of-service" (with a message residents see),
// "in-service", "screenshot" (uploads a PNG), "logs" (uploads the last log lines).
bool isKioskCommandKind(std::string_view kind);

struct KioskCommand {
    std::int64_t id = 0;
    std::string contactPoint, kioskCode;  // the kiosk it is for
    std::string kind;
    std::string message;    // out-of-service: shown to residents; "" otherwise
    std::string createdBy;  // the admin's name
    TimePoint createdAt;
    std::optional<TimePoint> deliveredAt;  // first sent in a heartbeat answer
    CommandState state = CommandState::Queued;
    std::string detail;  // what the kiosk reported with its result
    std::optional<TimePoint> doneAt;
    std::string uploadType;  // "image/png" or "text/plain" once the kiosk uploaded; "" before
};

// What a kiosk uploaded for a command.
struct CommandUpload {
    std::string contentType;  // "image/png" or "text/plain; charset=utf-8"
    std::string bytes;
    TimePoint uploadedAt;
};

// A kiosk's result for a command, from its heartbeat.
struct CommandResult {
    std::int64_t command = 0;
    bool ok = false;
    std::string detail;
};

// One kiosk as the fleet view shows it.
struct FleetKiosk {
    std::string contactPoint, kioskCode;
    std::optional<EnrolledKiosk> enrollment;  // nullopt: not enrolled here (a kiosk of the config)
    std::optional<KioskHealth> health;        // nullopt: never heard from
    std::vector<KioskCommand> openCommands;   // queued or delivered, oldest first
    // The newest screenshot command with its upload; nullopt when there is none.
    std::optional<std::int64_t> lastScreenshot;
};

class FleetStore {
  public:
    virtual ~FleetStore() = default;

    // --- enrollment
    // Stores a token (its SHA-256 hash) for contactPoint, made by audit.actor, with the audit entry.
    // Conflict when the hash is known.
    virtual Status createEnrollToken(const std::string& tokenHash, const std::string& contactPoint,
                                     TimePoint expires, const AuditEntry& audit) = 0;
    // Every token, newest first, at most limit.
    virtual Result<std::vector<EnrollToken>> enrollTokens(int limit) = 0;
    // In one write transaction: the token must be known, unspent and unexpired at now (else UnknownToken,
    // SpentToken or ExpiredToken, nothing written); the kiosk gets the first code of kCodeAlphabet order
    // ("22", "23", ...) that no kiosk of the token's contact point had and that reserved (the config's
    // kiosks, as (contact point, code) pairs) does not hold there (none left: NoFreeCode); issue makes its
    // certificate's subject
    // (an error: Refused, nothing written); the kiosk is stored with serial and notAfter, the token spent,
    // and an "enroll" audit entry (actor "kiosk SGN-K3", source) written.
    virtual EnrollOutcome enrollKiosk(const std::string& tokenHash, const std::set<KioskKey>& reserved,
                                      const KioskCertificateIssuer& issue, const std::string& serial,
                                      TimePoint notAfter, TimePoint now, const std::string& source) = 0;
    // A renewal: the kiosk's newest certificate is now serial, valid until notAfter, with a "renew" audit
    // entry (actor "kiosk SGN-K3", source). NotFound for no such kiosk.
    virtual Status renewKiosk(const std::string& contactPoint, const std::string& kioskCode,
                              const std::string& serial, TimePoint notAfter, TimePoint now,
                              const std::string& source) = 0;
    // Marks the kiosk revoked (its revokedAt stays the first one) with the audit entry. The caller adds the
    // RevocationStore entry that refuses its certificates. NotFound for no such kiosk.
    virtual Status markKioskRevoked(const std::string& contactPoint, const std::string& kioskCode,
                                    const AuditEntry& audit) = 0;

    // --- kiosks
    virtual Result<std::optional<EnrolledKiosk>> kioskBySubject(const std::string& subject) = 0;
    virtual Result<std::optional<EnrolledKiosk>> enrolledKiosk(const std::string& contactPoint,
                                                               const std::string& kioskCode) = 0;
    // Every enrolled kiosk, and every other kiosk with a heartbeat or a command here, by contact point and
    // code, each with its latest heartbeat, open commands and newest screenshot.
    virtual Result<std::vector<FleetKiosk>> fleetKiosks() = 0;

    // --- heartbeats and commands
    // Replaces the kiosk's latest heartbeat, applies its command results (a result for a command of another
    // kiosk, or one already done or failed, is ignored) and marks every open command of the kiosk delivered
    // (when it was not yet); returns the commands still queued or delivered, oldest first: what the answer
    // carries.
    virtual Result<std::vector<KioskCommand>> recordHeartbeat(const std::string& contactPoint,
                                                              const std::string& kioskCode,
                                                              const KioskHealth& health,
                                                              const std::vector<CommandResult>& results) = 0;
    // A new queued command with the "kiosk-command" audit entry; the stored command.
    virtual Result<KioskCommand> addKioskCommand(const std::string& contactPoint,
                                                 const std::string& kioskCode, const std::string& kind,
                                                 const std::string& message, const AuditEntry& audit) = 0;
    virtual Result<std::optional<KioskCommand>> kioskCommand(std::int64_t id) = 0;
    // The kiosk's commands, newest first, at most limit.
    virtual Result<std::vector<KioskCommand>> kioskCommands(const std::string& contactPoint,
                                                            const std::string& kioskCode, int limit) = 0;
    // Stores what the kiosk uploaded for its command and marks the command done at now. NotFound when the
    // command is not this kiosk's; InvalidInput when the command is not a screenshot or logs command.
    virtual Status storeCommandUpload(std::int64_t command, const std::string& contactPoint,
                                      const std::string& kioskCode, const CommandUpload& upload,
                                      TimePoint now) = 0;
    // The upload of a command, with the audit entry of the read in the same transaction (written only when
    // there is an upload); nullopt when there is none (yet).
    virtual Result<std::optional<CommandUpload>> commandUpload(std::int64_t command,
                                                               const AuditEntry& audit) = 0;
};

}  // namespace wp
