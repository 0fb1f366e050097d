// SqlitePinLockStore: the host consoles' wrong-PIN records (kiosk/core/pin_lock_store.h) in the kiosk's
// SQLite database, table console_pin (kiosk_schema.cpp): one row per console, replaced on every save and
// committed with synchronous=FULL, so a lockout survives a restart or a power cut.
//
// Thread-safe: one mutex around its own connection. Several processes may share the file.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

#include "common/sqlite/sqlite_database.h"
#include "kiosk/core/pin_lock_store.h"

namespace wp {

class SqlitePinLockStore final : public PinLockStore {
  public:
    // Opens (creating and upgrading) the kiosk database.
    static Result<std::unique_ptr<SqlitePinLockStore>> open(const std::filesystem::path& file);

    Result<PinLock> pinLock(const std::string& console) override;
    Status savePinLock(const std::string& console, const PinLock& lock) override;

  private:
    explicit SqlitePinLockStore(std::unique_ptr<SqliteDatabase> db) : db_(std::move(db)) {}
    std::unique_ptr<SqliteDatabase> db_;
    std::mutex mutex_;
};

}  // namespace wp
