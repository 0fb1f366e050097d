// SqliteSmsStore: the opt-in text messages (kiosk/core/sms_notifier.h) in the kiosk's SQLite database,
// tables sms_subscription and sms_message (migration 8 in kiosk_schema.cpp). The mobile number is kept here
// and nowhere else; forget() deletes it, secure_delete (set by SqliteDatabase) overwrites the freed pages and
// a TRUNCATE checkpoint empties the write-ahead log of the old ones. The walk-in role's notifier writes; the
// host role reads gatewayTrouble() for its alerts.
//
// Thread-safe: one mutex around its own connection. Several processes may share the file.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>

#include "common/sqlite/sqlite_database.h"
#include "kiosk/core/sms_notifier.h"

namespace wp {

class SqliteSmsStore final : public SmsStore {
  public:
    // Opens (creating and upgrading) the kiosk database.
    static Result<std::unique_ptr<SqliteSmsStore>> open(const std::filesystem::path& file);

    Status subscribe(const SmsSubscription& subscription, TimePoint now) override;
    Result<std::vector<SmsSubscription>> subscriptions() override;
    Result<bool> addMessage(std::int64_t ticketId, SmsKind kind, const std::string& text,
                            TimePoint now) override;
    Result<std::vector<SmsMessage>> dueMessages(TimePoint now, int limit) override;
    Status markSent(std::int64_t messageId, TimePoint now) override;
    Status markFailed(std::int64_t messageId, const std::string& error, TimePoint now,
                      TimePoint nextAttempt) override;
    Status forget(std::int64_t ticketId) override;
    Result<std::optional<SmsGatewayTrouble>> gatewayTrouble() override;

    // The connection, for tests.
    SqliteDatabase& database() { return *db_; }

  private:
    explicit SqliteSmsStore(std::unique_ptr<SqliteDatabase> db) : db_(std::move(db)) {}
    std::unique_ptr<SqliteDatabase> db_;
    std::mutex mutex_;
};

}  // namespace wp
