// SqliteAppointmentStore: AppointmentStore (kiosk/core/appointment_store.h) on the kiosk database's
// appointment, appointment_event and appointment_wrong_code tables (migration 9 in kiosk_schema.cpp).
// secure_delete is on (the shared SQLite layer's default), so a wiped name leaves no trace in the file.
//
// Thread-safe: one mutex around its own connection. Several processes may share the file.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>

#include "common/sqlite/sqlite_database.h"
#include "kiosk/core/appointment_store.h"

namespace wp {

class SqliteAppointmentStore final : public AppointmentStore {
  public:
    // Opens (creating and upgrading) the kiosk database.
    static Result<std::unique_ptr<SqliteAppointmentStore>> open(const std::filesystem::path& file);

    Status replaceDay(const std::string& day, const std::vector<TodayAppointment>& listed,
                      TimePoint now) override;
    Status keep(const TodayAppointment& booking, TimePoint now) override;
    Result<std::vector<TodayAppointment>> appointmentsOfDay(const std::string& day) override;
    Result<std::optional<TodayAppointment>> appointment(const std::string& code) override;
    Status recordArrival(const std::string& code, TimePoint at, const std::string& eventUuid) override;
    Status setTicket(const std::string& code, std::int64_t ticketId) override;
    Status recordNoShow(const std::string& code, TimePoint at, const std::string& eventUuid) override;
    Status undoNoShow(const std::string& code) override;
    Result<std::vector<AppointmentEvent>> unsentEvents(int limit) override;
    Status markSent(const std::vector<std::string>& uuids, TimePoint at) override;
    Status recordWrongCode(TimePoint at) override;
    Result<int> wrongCodesSince(TimePoint since) override;
    Status wipeBefore(const std::string& day) override;

    SqliteDatabase& database() { return *db_; }

  private:
    explicit SqliteAppointmentStore(std::unique_ptr<SqliteDatabase> db) : db_(std::move(db)) {}
    // Called with mutex_ held, inside a transaction.
    Status upsert(const TodayAppointment& a, TimePoint now);
    Result<std::optional<TodayAppointment>> select(const std::string& code);
    Status addEvent(const TodayAppointment& a, AppointmentEventKind kind, TimePoint at,
                    const std::string& uuid);

    std::unique_ptr<SqliteDatabase> db_;
    std::mutex mutex_;
};

}  // namespace wp
