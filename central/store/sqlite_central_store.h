// SqliteCentralStore: the central server's SQLite storage (WAL, synchronous=FULL, secure_delete=ON).
//
// One class implements every interface of central_store.h (RequestStore, CaseStore, AuditStore, PersonStore,
// StaffAccountStore, RevocationStore, QueueStatStore, NotificationStore, StoreMaintenance, TeamStore,
// DashboardStore, AppointmentStore, FleetStore): they keep their tables in one database, share its two
// connections, and some transactions span them (an intake queues its notifications, a detail read, a status
// update or a routing change writes its audit entry). Callers still hold only the interface they use. People,
// tokens and revocations are in sqlite_access_store.cpp, the audit log in sqlite_audit_store.cpp, back office
// accounts, set-up links, sessions and sign-ins in sqlite_staff_store.cpp, teams and routing in
// sqlite_team_store.cpp, the dashboard's figures in sqlite_dashboard_store.cpp, the back office's inbox,
// actions and history in sqlite_case_store.cpp, agendas and bookings in sqlite_appointment_store.cpp,
// enrollments, kiosks, heartbeats and commands in sqlite_fleet_store.cpp, the rest in
// sqlite_central_store.cpp; sqlite_request_rows.h reads request rows for several of them.
//
// Two connections: one for the group-commit writer (storeBatch only) and one for everything else, each
// behind its own mutex; WAL lets readers run while the writer commits, and both wait on a busy timeout for
// the write lock. Automatic checkpoints are off: checkpoint() (PASSIVE) runs from the server's background
// thread, so no intake commit pays for copying the log into the database. The schema is central_schema.cpp:
// versioned migrations in PRAGMA user_version, each in its own transaction; a file newer than this program
// is refused. SQL is kept portable (no AUTOINCREMENT, ON CONFLICT DO NOTHING, no SQLite-only functions) so a
// PostgreSQL store can share it. The connections are the shared SQLite layer's
// (common/sqlite/sqlite_database.h).
//
// Crash points (common/crash_point.h): "central-before-commit" (batch written, not committed).
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>

#include "central/store/central_store.h"
#include "common/sqlite/sqlite_database.h"

namespace wp {

class SqliteCentralStore final : public CentralStore {
  public:
    // Opens (creating and migrating) the database file.
    // specs (the server's request specs, which must outlive the store) encode and wipe request bodies; a row
    // whose type they do not know reads back as an error.
    static Result<std::unique_ptr<SqliteCentralStore>> open(const std::filesystem::path& file,
                                                            const RequestSpecs& specs);
    ~SqliteCentralStore() override;

    std::vector<IntakeOutcome> storeBatch(const std::vector<IntakeItem>& items) override;
    Result<std::optional<RequestStatusView>> statusOf(const std::string& reference) override;
    Result<std::vector<RequestSummary>> listRequests(const RequestFilter& filter) override;
    Result<std::optional<RequestDetail>> requestDetail(const std::string& reference,
                                                       const std::optional<std::string>& onlyTeam,
                                                       const std::string& reader, const std::string& source,
                                                       TimePoint now) override;
    Result<RequestSummary> updateStatus(const std::string& reference,
                                        const std::optional<std::string>& onlyTeam,
                                        const StatusUpdate& update, const std::string& who,
                                        const std::string& source, TimePoint now) override;
    Result<InboxPage> inbox(const InboxQuery& query) override;
    Result<std::optional<CaseDetail>> caseDetail(const std::string& reference, const CaseScope& scope,
                                                 const CaseActor& reader, TimePoint now) override;
    Status assign(const std::string& reference, const CaseScope& scope, std::int64_t assigneeId,
                  const std::string& assigneeName, const CaseActor& actor, TimePoint now) override;
    Status forward(const std::string& reference, const CaseScope& scope, const std::string& toTeam,
                   const std::string& reason, const std::vector<NotificationTarget>& notify,
                   const CaseActor& actor, TimePoint now) override;
    Status setStatus(const std::string& reference, const CaseScope& scope, const StatusUpdate& update,
                     const CaseActor& actor, TimePoint now) override;
    Status plan(const std::string& reference, const CaseScope& scope, const CasePlan& plan,
                const CaseActor& actor, TimePoint now) override;
    Result<std::vector<RequestDetail>> exportOpen(const std::string& team, const CaseActor& reader, int limit,
                                                  TimePoint now) override;
    Result<std::vector<RequestCount>> requestCounts() override;
    Status appendAudit(const AuditEntry& entry) override;
    Result<std::vector<AuditEntry>> auditLog(const std::optional<std::string>& reference, int limit) override;
    Status addPerson(const Person& person, const std::string& tokenHash, TimePoint now,
                     std::optional<TimePoint> expiresAt) override;
    Result<std::optional<Person>> personByTokenHash(const std::string& tokenHash, TimePoint now) override;
    Result<std::vector<PersonToken>> personTokens() override;
    Status revokePersonToken(std::int64_t id, TimePoint now) override;
    Result<int> revokePersonTokens(const std::string& name, TimePoint now) override;
    Result<std::int64_t> rotatePersonToken(const std::string& name, const std::string& newTokenHash,
                                           TimePoint now, std::optional<TimePoint> expiresAt,
                                           TimePoint oldTokensEnd) override;
    Result<std::int64_t> addStaffAccount(const StaffAccount& account, TimePoint now) override;
    Result<std::vector<StaffAccount>> staffAccounts() override;
    Result<std::optional<StaffAccount>> staffAccountByEmail(const std::string& email) override;
    Result<std::optional<StaffAccount>> staffAccountByName(const std::string& name) override;
    Result<std::optional<StaffAccount>> staffAccountById(std::int64_t id) override;
    Status startStaffSetup(std::int64_t accountId, const std::string& tokenHash,
                           const std::string& totpSecret, TimePoint expiresAt, TimePoint now) override;
    Result<std::optional<SetupLink>> setupLinkByHash(const std::string& tokenHash, TimePoint now) override;
    Status completeStaffSetup(const std::string& tokenHash, const std::string& passwordHash,
                              std::int64_t totpStep, TimePoint now) override;
    Status setStaffAccountDisabled(std::int64_t accountId, bool disabled, TimePoint now) override;
    Result<bool> takeTotpStep(std::int64_t accountId, std::int64_t step) override;
    Status recordSignIn(const SignInAttempt& attempt) override;
    Result<std::vector<TimePoint>> failedSignInsByEmail(const std::string& email, TimePoint since) override;
    Result<std::vector<TimePoint>> failedSignInsBySource(const std::string& source, TimePoint since) override;
    Result<std::vector<SignInAttempt>> signInsOf(std::int64_t accountId, int limit) override;
    Status addStaffSession(const std::string& idHash, std::int64_t accountId, const std::string& csrfToken,
                           TimePoint now) override;
    Result<std::optional<StoredStaffSession>> staffSessionByHash(const std::string& idHash) override;
    Status touchStaffSession(const std::string& idHash, TimePoint now) override;
    Status endStaffSession(const std::string& idHash, TimePoint now) override;
    Result<int> endStaffSessions(std::int64_t accountId, TimePoint now) override;
    Status revokeKiosk(const std::string& subject, const std::string& serial, TimePoint now) override;
    Result<std::vector<KioskRevocation>> kioskRevocations() override;
    Result<int> storeQueueEvents(const QueueStatBatch& batch, const std::string& contactPoint,
                                 TimePoint receivedAt) override;
    Result<std::vector<QueueStatEvent>> queueEventsOf(const std::string& contactPoint,
                                                      const std::string& day) override;
    Result<std::optional<TimePoint>> lastHeardFrom(const std::string& contactPoint) override;
    Result<std::vector<PendingNotification>> dueNotifications(TimePoint now, int limit) override;
    Status notificationDelivered(std::int64_t id, TimePoint now) override;
    Status notificationFailed(std::int64_t id, const std::string& error, TimePoint retryAt,
                              bool gaveUp) override;
    Result<int> wipePersonalData(const std::string& type, TimePoint cutoff, TimePoint now) override;
    Result<int> deleteWipedBefore(TimePoint cutoff) override;
    Result<std::vector<AuditEntry>> searchAudit(const AuditQuery& query) override;
    Result<bool> seedRouting(const RoutingTable& seed, TimePoint now) override;
    Result<RoutingTable> routingTable() override;
    Status replaceRouting(const std::string& defaultTeam, const std::vector<RoutingRule>& rules,
                          const AuditEntry& audit) override;
    Status setTeamNotifications(const std::string& team, const TeamNotifications& targets,
                                const AuditEntry& audit) override;
    Status addTeam(const std::string& team, const std::string& label, const AuditEntry& audit) override;
    Status setTeamLabel(const std::string& team, const std::string& label, const AuditEntry& audit) override;
    Result<TeamUse> teamUse(const std::string& team) override;
    Status removeTeam(const std::string& team, const AuditEntry& audit) override;
    Result<std::vector<DashboardRequest>> dashboardRequests(const std::string& contactPoint, TimePoint from,
                                                            TimePoint to) override;
    Result<std::vector<QueueStatEvent>> queueEventsOfDays(const std::string& contactPoint,
                                                          const std::string& firstDay,
                                                          const std::string& lastDay) override;
    Status putAgenda(const Agenda& agenda, const AuditEntry& audit) override;
    Result<std::vector<Agenda>> agendas() override;
    Result<std::optional<Agenda>> agendaOf(const std::string& contactPoint,
                                           const std::string& service) override;
    Result<std::vector<SeatCount>> takenSeats(const std::string& contactPoint, const std::string& service,
                                              TimePoint from, TimePoint to) override;
    BookingOutcome book(const NewBooking& booking) override;
    Result<std::optional<Booking>> bookingByCode(const std::string& code) override;
    Result<std::optional<Booking>> bookingByUuid(const std::string& uuid) override;
    Result<Booking> cancelBooking(const std::string& code, TimePoint now) override;
    BookingOutcome changeBooking(const std::string& code, TimePoint newStart, TimePoint newEnd, TimePoint now,
                                 std::optional<TimePoint> reminderDueAt) override;
    Result<std::vector<Booking>> bookingsOf(const std::string& contactPoint, TimePoint from,
                                            TimePoint to) override;
    Result<std::vector<Booking>> staffBookingsOf(const std::string& contactPoint, TimePoint from,
                                                 TimePoint to, const AuditEntry& audit) override;
    Result<int> recordAppointmentEvents(const std::vector<AppointmentEvent>& events,
                                        const std::string& contactPoint, const std::string& kioskCode,
                                        TimePoint receivedAt) override;
    Result<std::vector<StoredAppointmentEvent>> appointmentEventsOf(const std::string& code) override;
    Result<std::vector<BookingEmailJob>> dueBookingEmails(TimePoint now, int limit) override;
    Status bookingEmailSent(std::int64_t id, TimePoint now) override;
    Status bookingEmailFailed(std::int64_t id, const std::string& error, TimePoint retryAt,
                              bool gaveUp) override;
    Status addCancelToken(std::int64_t bookingId, const std::string& tokenHash, TimePoint now) override;
    Result<std::optional<Booking>> bookingByCancelTokenHash(const std::string& tokenHash) override;
    Result<int> wipeBookingPersonalData(TimePoint cutoff, TimePoint now) override;
    Status createEnrollToken(const std::string& tokenHash, const std::string& contactPoint, TimePoint expires,
                             const AuditEntry& audit) override;
    Result<std::vector<EnrollToken>> enrollTokens(int limit) override;
    EnrollOutcome enrollKiosk(const std::string& tokenHash, const std::set<KioskKey>& reserved,
                              const KioskCertificateIssuer& issue, const std::string& serial,
                              TimePoint notAfter, TimePoint now, const std::string& source) override;
    Status renewKiosk(const std::string& contactPoint, const std::string& kioskCode,
                      const std::string& serial, TimePoint notAfter, TimePoint now,
                      const std::string& source) override;
    Status markKioskRevoked(const std::string& contactPoint, const std::string& kioskCode,
                            const AuditEntry& audit) override;
    Result<std::optional<EnrolledKiosk>> kioskBySubject(const std::string& subject) override;
    Result<std::optional<EnrolledKiosk>> enrolledKiosk(const std::string& contactPoint,
                                                       const std::string& kioskCode) override;
    Result<std::vector<FleetKiosk>> fleetKiosks() override;
    Result<std::vector<KioskCommand>> recordHeartbeat(const std::string& contactPoint,
                                                      const std::string& kioskCode, const KioskHealth& health,
                                                      const std::vector<CommandResult>& results) override;
    Result<KioskCommand> addKioskCommand(const std::string& contactPoint, const std::string& kioskCode,
                                         const std::string& kind, const std::string& message,
                                         const AuditEntry& audit) override;
    Result<std::optional<KioskCommand>> kioskCommand(std::int64_t id) override;
    Result<std::vector<KioskCommand>> kioskCommands(const std::string& contactPoint,
                                                    const std::string& kioskCode, int limit) override;
    Status storeCommandUpload(std::int64_t command, const std::string& contactPoint,
                              const std::string& kioskCode, const CommandUpload& upload,
                              TimePoint now) override;
    Result<std::optional<CommandUpload>> commandUpload(std::int64_t command,
                                                       const AuditEntry& audit) override;
    Status checkpoint() override;
    Status checkpointTruncate() override;
    Result<std::string> backupBytes() override;
    Result<StoreCounts> counts() override;

  private:
    SqliteCentralStore(std::unique_ptr<SqliteDatabase> writer, std::unique_ptr<SqliteDatabase> other,
                       const RequestSpecs& specs);
    const RequestSpecs& specs_;
    std::unique_ptr<SqliteDatabase> writer_;
    std::unique_ptr<SqliteDatabase> other_;
    std::mutex writerMutex_;
    std::mutex otherMutex_;
};

}  // namespace wp
