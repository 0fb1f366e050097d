// What the central server keeps (DESIGN.md: Central server), behind one small interface per kind of thing:
// RequestStore (intake, status, the back office's list, detail and updates, retention), CaseStore (the back
// office's inbox, what a team does with a request, its history, exports), AuditStore,
// PersonStore (people and their token hashes), StaffAccountStore (back office accounts, set-up links,
// sessions, sign-ins), RevocationStore (revoked kiosks), QueueStatStore (kiosks' queue events and
// heartbeats), NotificationStore (the durable notification jobs), StoreMaintenance (checkpoints, backups,
// counts), TeamStore (teams, their notification targets and the routing rules), DashboardStore (the
// municipality's figures, without personal data), AppointmentStore (agendas and bookings,
// appointment_store.h) and FleetStore (enroll tokens, enrolled kiosks, heartbeats and commands,
// fleet_store.h). Each part of the server takes the narrowest of them it
// needs; CentralStore is all of them together, for the server as a whole and wijkpunt-central's main().
//
// SQLite (SqliteCentralStore) is the embedded default; PostgreSQL follows for several central instances, so
// implementations keep to portable SQL. What the interfaces promise:
// - storeBatch() stores many intakes in ONE transaction and returns only after it is durable (fsync'd): the
//   group commit behind every 201. Per item it says Stored, Repeat (the UUID is known from the same kiosk:
//   the first answer is returned and nothing new stored), UuidConflict (the UUID is known from another
//   kiosk) or ReferenceConflict (the reference is stored under another UUID); both conflicts are kiosk
//   faults, logged in kiosk_fault. A failed transaction fails every item of the batch (none is stored).
// - Reads of personal data (requestDetail) write their audit entry in the same transaction as the read, as do
//   status updates: RequestStore writes into what AuditStore reads.
// - Notifications of a request are queued in the transaction that stores it, so a crash never loses one.
// Thread-safe: implementations serialise access to their connections.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "central/backoffice/staff_session.h"
#include "central/person_tokens.h"
#include "central/store/appointment_store.h"
#include "central/store/coach_assignment.h"
#include "central/store/fleet_store.h"
#include "central/store/routing_table.h"
#include "common/clock.h"
#include "common/request.h"
#include "common/status.h"

namespace wp {

struct NotificationTarget {
    std::string channel;  // "webhook" or "email"
    std::string target;   // the URL or the e-mail address
};

struct IntakeItem {
    Request request;
    std::string contactPoint;  // from the kiosk's identity
    std::string team;
    bool flagged = false;
    std::vector<NotificationTarget> notify;
    TimePoint receivedAt;
    // Initiative coaches to choose from (pickCoach, coach_assignment.h); empty: no coach is assigned. The
    // chosen coach is stored with the request, and mailed (channel email) when the coach has an address.
    std::vector<InitiativeCoach> coaches;
};

struct IntakeOutcome {
    // UuidConflict: the UUID is stored for another kiosk; that kiosk's answer is never given away.
    enum class Kind { Stored, Repeat, ReferenceConflict, UuidConflict, Failed };
    Kind kind = Kind::Failed;
    std::string answer;   // Stored/Repeat: the body of the (first) 201
    std::string message;  // ReferenceConflict/UuidConflict/Failed: what went wrong
};

// A request as the back office lists it: no personal data.
struct RequestSummary {
    std::string reference;
    std::string type;  // a request type known to the server's specs
    std::string category;
    std::string team;
    bool flagged = false;
    RequestStatus status = RequestStatus::Received;
    std::string kioskCode, contactPoint;
    TimePoint createdAt, receivedAt, updatedAt;
    bool personalDataWiped = false;
    std::string coach;  // first name of the assigned initiative coach; "" when none
};

// A request with its personal fields and notes: reading it is audited.
struct RequestDetail {
    RequestSummary summary;
    Request request;  // fields without the personal ones once wiped
    std::string publicNote, internalNote;
};

struct RequestFilter {
    std::optional<std::string> team;
    std::optional<RequestStatus> status;
    std::optional<std::string> type;
    std::optional<bool> flagged;
    std::optional<TimePoint> receivedSince;
    int limit = 100;  // 1..1000
    int offset = 0;
};

struct AuditEntry {
    TimePoint at;
    std::string actor;      // the person's name
    std::string action;     // "read-personal-data", "set-status", "list"
    std::string reference;  // may be empty
    std::string detail;
    std::string source;  // from where: the remote address of the HTTP request; "" for the server's own work
};

struct StatusUpdate {
    RequestStatus status = RequestStatus::Received;
    std::optional<std::string> publicNote;    // unchanged when absent
    std::optional<std::string> internalNote;  // unchanged when absent
};

struct PendingNotification {
    std::int64_t id = 0;
    std::string reference;
    std::string type;  // a request type known to the server's specs
    std::string team;
    bool flagged = false;
    std::string channel, target;
    int attempts = 0;
    TimePoint receivedAt;
};

struct StoreCounts {
    std::int64_t requests = 0;
    std::int64_t distinctUuids = 0;
    std::int64_t kioskFaults = 0;
    std::int64_t queueEvents = 0;
    std::int64_t notificationsPending = 0;
    std::int64_t notificationsDone = 0;
};

// --- requests: intake, the public status, the back office, retention
class RequestStore {
  public:
    virtual ~RequestStore() = default;

    // The group-commit writer (IntakeWriter) is the only caller.
    virtual std::vector<IntakeOutcome> storeBatch(const std::vector<IntakeItem>& items) = 0;

    // What the resident sees by reference code.
    virtual Result<std::optional<RequestStatusView>> statusOf(const std::string& reference) = 0;

    virtual Result<std::vector<RequestSummary>> listRequests(const RequestFilter& filter) = 0;
    // The request with personal data; the audit entry (reader, reference, now, source: the reader's remote
    // address) is written in the same transaction. nullopt when there is no such request, or onlyTeam is set
    // and the request belongs to another team (both audited too, as refused reads).
    virtual Result<std::optional<RequestDetail>> requestDetail(const std::string& reference,
                                                               const std::optional<std::string>& onlyTeam,
                                                               const std::string& reader,
                                                               const std::string& source, TimePoint now) = 0;
    // NotFound when there is no such request (or it belongs to another team than onlyTeam, when set). The
    // audit entry (who, "set-status", source: their remote address) is written in the same transaction.
    virtual Result<RequestSummary> updateStatus(const std::string& reference,
                                                const std::optional<std::string>& onlyTeam,
                                                const StatusUpdate& update, const std::string& who,
                                                const std::string& source, TimePoint now) = 0;

    // Retention: wipes the personal data of requests of this type received before cutoff: the personal
    // fields of the body (by the type's spec), the public note and the internal note. Returns how many
    // requests were wiped; the caller runs checkpointTruncate() after a wipe that changed any.
    virtual Result<int> wipePersonalData(const std::string& type, TimePoint cutoff, TimePoint now) = 0;
    // Retention: deletes the requests wiped before cutoff, with their notifications and audit entries, in
    // one transaction. Returns how many requests were deleted.
    virtual Result<int> deleteWipedBefore(TimePoint cutoff) = 0;
};

// --- the back office's cases: what a team does with the requests that reach it

// Who does something in the back office, for the history and the audit log.
struct CaseActor {
    std::int64_t accountId = 0;
    std::string name;    // the person's name
    std::string source;  // from where: the remote address
};

// A place in the inbox's order (received_at, then the row id): where a page starts or ends.
struct InboxCursor {
    std::int64_t receivedAtMs = 0;
    std::int64_t id = 0;
    bool operator==(const InboxCursor&) const = default;
};

struct InboxQuery {
    std::optional<std::string> team;  // nullopt: every team
    // One status; nullopt: every status but closed, or every status at all when includeClosed.
    std::optional<RequestStatus> status;
    bool includeClosed = false;
    std::optional<std::string> type, category, contactPoint;
    std::optional<TimePoint> receivedBefore;  // "older than N days"
    std::optional<std::int64_t> assignee;     // an account id; 0: nobody's
    // A whole reference code, or the start of one, of its part from the kiosk code ("K2-7KQ") or of its
    // random part ("7KQ4"); case and characters that no code has are ignored. "" for any.
    std::string referencePart;
    // At most one of them: the page after `after` or the page before `before`; neither: the first page.
    std::optional<InboxCursor> after, before;
    int limit = 25;  // 1..200
};

// A planned home visit or an initiative's first talk with the coach.
struct CasePlan {
    std::string kind;       // "home-visit" or "first-talk"; "" when nothing is planned
    std::string date;       // "2026-12-08" (local date)
    std::string partOfDay;  // "ochtend", "middag" or "avond"
};

struct CaseRow {
    RequestSummary summary;
    std::int64_t assigneeId = 0;  // 0: nobody's
    std::string assignee;         // the assignee's name; "" for nobody
    CasePlan plan;
    InboxCursor cursor;
};

struct InboxPage {
    std::vector<CaseRow> rows;  // oldest first
    // Whether there are rows before the first and after the last of this page, for the same query.
    bool hasEarlier = false, hasLater = false;
    // Requests per status for the same query without its status and paging.
    std::vector<std::pair<RequestStatus, std::int64_t>> countsByStatus;
};

// One change to a request, as its history shows it.
struct CaseEvent {
    TimePoint at;
    std::string actor;   // the person's name
    std::string kind;    // "taken", "assigned", "forwarded", "status", "internal-note", "planned"
    std::string detail;  // what changed, e.g. "huurloket -> wijkteam", "in-progress", "2026-12-08 ochtend"
    std::string note;    // the reason, the public note or the internal note; "" when none; wiped with the
                         // request's personal data
};

// A request as its back office page shows it: read with personal data, so reading it is audited.
struct CaseDetail {
    RequestDetail detail;
    std::int64_t assigneeId = 0;
    std::string assignee;
    CasePlan plan;
    std::vector<CaseEvent> history;  // oldest first
};

// How many requests one team has of one type, in one status, from one contact point.
struct RequestCount {
    std::string team, type, contactPoint;
    RequestStatus status = RequestStatus::Received;
    std::int64_t count = 0;
};

// What a change may touch: a team account's changes reach its own team's requests only.
struct CaseScope {
    std::optional<std::string> onlyTeam;
};

class CaseStore {
  public:
    virtual ~CaseStore() = default;

    // A page of the inbox, oldest first, with the counts by status; no personal data, not audited.
    virtual Result<InboxPage> inbox(const InboxQuery& query) = 0;
    // The request with its personal data, assignment, plan and history; the audit entry (who, which, when,
    // from where) is written in the same transaction. nullopt when there is no such request or it is out of
    // scope (audited too, as a refused read).
    virtual Result<std::optional<CaseDetail>> caseDetail(const std::string& reference, const CaseScope& scope,
                                                         const CaseActor& reader, TimePoint now) = 0;

    // The changes. Each writes its history event and its audit entry in the same transaction, and moves
    // updated_at. NotFound when there is no such request or it is out of scope.
    // Assigns the request to an account (the actor themself to take it); assigneeId 0 unassigns.
    virtual Status assign(const std::string& reference, const CaseScope& scope, std::int64_t assigneeId,
                          const std::string& assigneeName, const CaseActor& actor, TimePoint now) = 0;
    // Moves the request to another team with a reason, unassigns it and clears its flag (someone has looked
    // at where it belongs), and queues a notification to each of notify (the new team's targets) in the
    // same transaction, as the intake does. The reference stays the same, so the resident's status page
    // keeps working. InvalidInput when it is already that team's.
    virtual Status forward(const std::string& reference, const CaseScope& scope, const std::string& toTeam,
                           const std::string& reason, const std::vector<NotificationTarget>& notify,
                           const CaseActor& actor, TimePoint now) = 0;
    // The status with the notes (nullopt: a note stays as it is); the caller has checked the public note.
    virtual Status setStatus(const std::string& reference, const CaseScope& scope, const StatusUpdate& update,
                             const CaseActor& actor, TimePoint now) = 0;
    // Plans a home visit or first talk (replacing an earlier plan).
    virtual Status plan(const std::string& reference, const CaseScope& scope, const CasePlan& plan,
                        const CaseActor& actor, TimePoint now) = 0;

    // A team's open requests (every status but closed) with their personal data, oldest first, at most
    // limit; one audit entry ("export", the count) in the same transaction.
    virtual Result<std::vector<RequestDetail>> exportOpen(const std::string& team, const CaseActor& reader,
                                                          int limit, TimePoint now) = 0;
    // Counts without personal data: requests per team, type, status and contact point.
    virtual Result<std::vector<RequestCount>> requestCounts() = 0;
};

// --- the audit log: who did what, who read which personal data
// What the audit log page asks for: every filter that is set must hold.
struct AuditQuery {
    std::optional<std::string> actor;      // the person's name, exactly
    std::optional<std::string> reference;  // exactly
    std::optional<std::string> action;     // exactly
    std::optional<TimePoint> from, to;     // at >= from, at < to
    int limit = 50;                        // 1..1000
    int offset = 0;
};

class AuditStore {
  public:
    virtual ~AuditStore() = default;

    // The entries that match, newest first, one page.
    virtual Result<std::vector<AuditEntry>> searchAudit(const AuditQuery& query) = 0;

    virtual Status appendAudit(const AuditEntry& entry) = 0;
    // The newest entries first, at most limit; of one request when reference is set.
    virtual Result<std::vector<AuditEntry>> auditLog(const std::optional<std::string>& reference,
                                                     int limit) = 0;
};

// A personal token as `wijkpunt-central token list` shows it: never its secret or hash.
struct PersonToken {
    std::int64_t id = 0;
    Person person;
    TimePoint createdAt;
    std::optional<TimePoint> expiresAt;  // nullopt: does not expire
    std::optional<TimePoint> revokedAt;  // nullopt: not revoked
};

// --- people: staff with personal bearer tokens, stored hashed. A person may hold several tokens (a rotated
// one lives on for its grace period); each token expires and is revoked on its own.
class PersonStore {
  public:
    virtual ~PersonStore() = default;

    // The person with a first token. Conflict when the name is taken. expiresAt nullopt: never expires.
    virtual Status addPerson(const Person& person, const std::string& tokenHash, TimePoint now,
                             std::optional<TimePoint> expiresAt) = 0;
    // nullopt for an unknown, revoked or expired (at now) token, or a revoked person.
    virtual Result<std::optional<Person>> personByTokenHash(const std::string& tokenHash, TimePoint now) = 0;
    // Every token, by id.
    virtual Result<std::vector<PersonToken>> personTokens() = 0;
    // Revokes one token at now (a revoked one keeps its first revocation time). NotFound for no such id.
    virtual Status revokePersonToken(std::int64_t id, TimePoint now) = 0;
    // Revokes every live token of the person named; how many. NotFound for no such person.
    virtual Result<int> revokePersonTokens(const std::string& name, TimePoint now) = 0;
    // Gives the person named a new token (expiring at expiresAt, nullopt never) and ends every other live
    // token of theirs at oldTokensEnd (revoked when that is now or earlier, else expiring then unless they
    // expire sooner), in one transaction; the new token's id. NotFound for no such person.
    virtual Result<std::int64_t> rotatePersonToken(const std::string& name, const std::string& newTokenHash,
                                                   TimePoint now, std::optional<TimePoint> expiresAt,
                                                   TimePoint oldTokensEnd) = 0;
};

// A back office account. The person is known by name: an account and a token holder (PersonStore) with the
// same name are the same person, and that name is the audit log's actor.
struct StaffAccount {
    std::int64_t id = 0;
    std::string name;
    std::string email;  // lower case; unique
    StaffRole role = StaffRole::Team;
    std::string team;  // Team accounts only
    bool disabled = false;
    std::string passwordHash;       // argon2id (staff_credentials.h); "" until set up
    std::string totpSecret;         // base32; "" until set up
    std::int64_t totpLastStep = 0;  // the TOTP step of the last code accepted: no code is taken twice
    TimePoint createdAt;
    std::optional<TimePoint> lastSignInAt;

    bool setUp() const { return !passwordHash.empty() && !totpSecret.empty(); }
};

// An unused set-up link that has not expired, with its account.
struct SetupLink {
    StaffAccount account;
    std::string totpSecret;  // the second factor the set-up page offers
    TimePoint expiresAt;
};

// One sign-in attempt, for lockouts and the admin's view.
struct SignInAttempt {
    TimePoint at;
    std::string email;                      // as typed, lower case
    std::optional<std::int64_t> accountId;  // nullopt: no account has that address
    std::string source;                     // the remote address
    std::string outcome;                    // "signed-in", "failed", "locked"
};

// A session as stored: its id only as a hash.
struct StoredStaffSession {
    StaffAccount account;
    std::string csrfToken;
    TimePoint createdAt, lastSeenAt;
    bool ended = false;
};

// --- back office accounts: set-up links, sessions and sign-in attempts (central/backoffice)
class StaffAccountStore {
  public:
    virtual ~StaffAccountStore() = default;

    // The new account's id. Conflict when the name or the e-mail address is taken.
    virtual Result<std::int64_t> addStaffAccount(const StaffAccount& account, TimePoint now) = 0;
    // Every account, by name, with its last successful sign-in.
    virtual Result<std::vector<StaffAccount>> staffAccounts() = 0;
    virtual Result<std::optional<StaffAccount>> staffAccountByEmail(const std::string& email) = 0;
    virtual Result<std::optional<StaffAccount>> staffAccountByName(const std::string& name) = 0;
    virtual Result<std::optional<StaffAccount>> staffAccountById(std::int64_t id) = 0;

    // Starts a (new) set-up of the account, in one transaction: its password and second factor are cleared,
    // its sessions ended and earlier set-up links dropped; the link (tokenHash) offers totpSecret until
    // expiresAt. NotFound for no such account.
    virtual Status startStaffSetup(std::int64_t accountId, const std::string& tokenHash,
                                   const std::string& totpSecret, TimePoint expiresAt, TimePoint now) = 0;
    // The link of tokenHash while it is unused and not expired at now, for an account not disabled.
    virtual Result<std::optional<SetupLink>> setupLinkByHash(const std::string& tokenHash, TimePoint now) = 0;
    // Finishes the set-up of tokenHash in one transaction: the password hash, the link's TOTP secret and the
    // step of the code that confirmed it are stored and the link is used up. NotFound when the link is not
    // usable at now (used, expired, or another request finished it first).
    virtual Status completeStaffSetup(const std::string& tokenHash, const std::string& passwordHash,
                                      std::int64_t totpStep, TimePoint now) = 0;
    // Disabling also ends every session of the account, in the same transaction. NotFound for no such id.
    virtual Status setStaffAccountDisabled(std::int64_t accountId, bool disabled, TimePoint now) = 0;
    // Takes a TOTP step for the account: true when it is later than every step taken before (and is now the
    // last), false when it was taken already (a replayed code).
    virtual Result<bool> takeTotpStep(std::int64_t accountId, std::int64_t step) = 0;

    virtual Status recordSignIn(const SignInAttempt& attempt) = 0;
    // Times of "failed" attempts since since: of the e-mail address, or of the source address.
    virtual Result<std::vector<TimePoint>> failedSignInsByEmail(const std::string& email,
                                                                TimePoint since) = 0;
    virtual Result<std::vector<TimePoint>> failedSignInsBySource(const std::string& source,
                                                                 TimePoint since) = 0;
    // The account's attempts, newest first, at most limit.
    virtual Result<std::vector<SignInAttempt>> signInsOf(std::int64_t accountId, int limit) = 0;

    virtual Status addStaffSession(const std::string& idHash, std::int64_t accountId,
                                   const std::string& csrfToken, TimePoint now) = 0;
    // The session of idHash with its account (ended ones too); nullopt when unknown.
    virtual Result<std::optional<StoredStaffSession>> staffSessionByHash(const std::string& idHash) = 0;
    virtual Status touchStaffSession(const std::string& idHash, TimePoint now) = 0;
    virtual Status endStaffSession(const std::string& idHash, TimePoint now) = 0;
    // Ends every open session of the account; how many.
    virtual Result<int> endStaffSessions(std::int64_t accountId, TimePoint now) = 0;
};

// A kiosk certificate refused on every request: by subject, by serial, or both ("" for the one not given).
struct KioskRevocation {
    std::int64_t id = 0;
    std::string subject;  // RFC 2253, as the server reads it from the certificate
    std::string serial;   // hex, upper case, no separators
    TimePoint revokedAt;
};

// --- revoked kiosk certificates (`wijkpunt-central kiosk revoke`), checked on every kiosk request
class RevocationStore {
  public:
    virtual ~RevocationStore() = default;

    // Adds a revocation; at least one of subject and serial is not empty (InvalidInput otherwise).
    virtual Status revokeKiosk(const std::string& subject, const std::string& serial, TimePoint now) = 0;
    // Every revocation, oldest first.
    virtual Result<std::vector<KioskRevocation>> kioskRevocations() = 0;
};

// --- queue statistics: the kiosks' queue events and when each kiosk was last heard
class QueueStatStore {
  public:
    virtual ~QueueStatStore() = default;

    // (kiosk, seq) is stored once; returns how many were new. Every call, also with no events (a
    // heartbeat), records receivedAt as when the kiosk was last heard, under its contact point.
    virtual Result<int> storeQueueEvents(const QueueStatBatch& batch, const std::string& contactPoint,
                                         TimePoint receivedAt) = 0;
    // The events of a contact point's kiosks for one local day ("2026-11-26"), by time (the public queue
    // page).
    virtual Result<std::vector<QueueStatEvent>> queueEventsOf(const std::string& contactPoint,
                                                              const std::string& day) = 0;
    // When the server last heard from any kiosk of the contact point; nullopt when never.
    virtual Result<std::optional<TimePoint>> lastHeardFrom(const std::string& contactPoint) = 0;
};

// --- notifications: durable jobs, queued with their request (storeBatch), worked off by TeamNotifier
class NotificationStore {
  public:
    virtual ~NotificationStore() = default;

    // Jobs due by now that are neither done nor given up, by due time, at most limit.
    virtual Result<std::vector<PendingNotification>> dueNotifications(TimePoint now, int limit) = 0;
    virtual Status notificationDelivered(std::int64_t id, TimePoint now) = 0;
    // Records a failed attempt; gaveUp marks it failed for good, else it is due again at retryAt.
    virtual Status notificationFailed(std::int64_t id, const std::string& error, TimePoint retryAt,
                                      bool gaveUp) = 0;
};

// --- maintenance of the storage itself
class StoreMaintenance {
  public:
    virtual ~StoreMaintenance() = default;

    // Moves committed pages from the write-ahead log into the database file. The intake path never does
    // this itself (its commits pay only their own fsync); the server calls it from a background thread.
    virtual Status checkpoint() = 0;
    // Copies the whole log into the database and empties the log file, so the page images of data wiped or
    // deleted since stay nowhere. Unavailable when other work holds the store past the busy timeout.
    virtual Status checkpointTruncate() = 0;
    // An online copy of the whole store: the bytes of an SQLite database file, made in memory.
    virtual Result<std::string> backupBytes() = 0;
    virtual Result<StoreCounts> counts() = 0;
};

// What names a team: its requests (of any status, wiped ones too), the routing rules that send requests to
// it, whether it is the default team, its staff accounts and its appointment agendas.
struct TeamUse {
    std::int64_t requests = 0, rules = 0, accounts = 0, agendas = 0;
    bool isDefault = false;
    bool any() const { return requests > 0 || rules > 0 || accounts > 0 || agendas > 0 || isDefault; }
};

// --- teams and routing: which team gets a request and how each team hears of new ones. The config seeds it
// once; after that admins change it in the back office and the server reads it from here.
class TeamStore {
  public:
    virtual ~TeamStore() = default;

    // Copies seed into the store when the store was never seeded (its first start) and returns true; later
    // calls change nothing and return false, whatever seed holds.
    virtual Result<bool> seedRouting(const RoutingTable& seed, TimePoint now) = 0;
    virtual Result<RoutingTable> routingTable() = 0;
    // Replaces the default team and every rule (kept in the order given), with the audit entry in the same
    // transaction. InvalidInput when a team named is not in the store.
    virtual Status replaceRouting(const std::string& defaultTeam, const std::vector<RoutingRule>& rules,
                                  const AuditEntry& audit) = 0;
    // Sets one team's notification targets, with the audit entry in the same transaction. NotFound for a
    // team not in the store.
    virtual Status setTeamNotifications(const std::string& team, const TeamNotifications& targets,
                                        const AuditEntry& audit) = 0;
    // Adds a team with its Dutch display name and no notification targets, with the audit entry in the same
    // transaction. Conflict when there is a team of that name.
    virtual Status addTeam(const std::string& team, const std::string& label, const AuditEntry& audit) = 0;
    // Sets a team's Dutch display name, with the audit entry in the same transaction. NotFound for a team not
    // in the store.
    virtual Status setTeamLabel(const std::string& team, const std::string& label,
                                const AuditEntry& audit) = 0;
    // What names the team: while anything does, it cannot be removed.
    virtual Result<TeamUse> teamUse(const std::string& team) = 0;
    // Removes a team and its notification targets, with the audit entry in the same transaction. NotFound for
    // a team not in the store; Conflict while anything names it (teamUse).
    virtual Status removeTeam(const std::string& team, const AuditEntry& audit) = 0;
};

// A request as the dashboard counts it: no reference, no personal data.
struct DashboardRequest {
    std::string type;
    std::string team;
    TimePoint receivedAt;
    // When staff first set its status or wrote a public note (the audit log's kResponseActions); nullopt: not
    // yet.
    std::optional<TimePoint> firstResponseAt;
};

// The audit actions that count as staff answering a request (time to first response).
inline constexpr std::string_view kResponseActions[] = {"set-status"};

// --- the municipality's dashboard: counts and times per contact point, never personal data
class DashboardStore {
  public:
    virtual ~DashboardStore() = default;

    // The requests of kiosks of the contact point received in [from, to), oldest first.
    virtual Result<std::vector<DashboardRequest>> dashboardRequests(const std::string& contactPoint,
                                                                    TimePoint from, TimePoint to) = 0;
    // The queue events of the contact point's kiosks on the local days firstDay..lastDay ("2026-11-26"),
    // both included, by time.
    virtual Result<std::vector<QueueStatEvent>> queueEventsOfDays(const std::string& contactPoint,
                                                                  const std::string& firstDay,
                                                                  const std::string& lastDay) = 0;
};

// Everything the central server keeps: what CentralServer is given, which hands each of its parts the
// interface that part needs.
class CentralStore : public RequestStore,
                     public CaseStore,
                     public AuditStore,
                     public PersonStore,
                     public StaffAccountStore,
                     public RevocationStore,
                     public QueueStatStore,
                     public NotificationStore,
                     public StoreMaintenance,
                     public TeamStore,
                     public DashboardStore,
                     public AppointmentStore,
                     public FleetStore {};

}  // namespace wp
