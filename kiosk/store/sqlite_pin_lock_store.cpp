#include "kiosk/store/sqlite_pin_lock_store.h"

#include "common/wire.h"
#include "kiosk/store/kiosk_schema.h"

namespace wp {

Result<std::unique_ptr<SqlitePinLockStore>> SqlitePinLockStore::open(const std::filesystem::path& file) {
    auto db = SqliteDatabase::open(file);
    if (!db) return db.status();
    if (Status s = db.value()->migrate(kioskMigrations()); !s) return s;
    return std::unique_ptr<SqlitePinLockStore>(new SqlitePinLockStore(std::move(db).value()));
}

Result<PinLock> SqlitePinLockStore::pinLock(const std::string& console) {
    std::lock_guard lock(mutex_);
    auto stmt = db_->prepare("SELECT failures, locked_until_ms FROM console_pin WHERE console = ?");
    if (!stmt) return stmt.status();
    stmt->bind(1, console);
    auto row = stmt->step();
    if (!row) return row.status();
    PinLock out;
    if (!row.value()) return out;
    out.failures = static_cast<int>(stmt->integer(0));
    if (!stmt->isNull(1)) out.lockedUntil = fromUnixMillis(stmt->integer(1));
    return out;
}

Status SqlitePinLockStore::savePinLock(const std::string& console, const PinLock& pin) {
    std::lock_guard lock(mutex_);
    auto stmt = db_->prepare(
        "INSERT INTO console_pin (console, failures, locked_until_ms) VALUES (?1, ?2, ?3) "
        "ON CONFLICT (console) DO UPDATE SET failures = ?2, locked_until_ms = ?3");
    if (!stmt) return stmt.status();
    stmt->bind(1, console).bind(2, std::int64_t{pin.failures});
    if (pin.lockedUntil)
        stmt->bind(3, toUnixMillis(*pin.lockedUntil));
    else
        stmt->bindNull(3);
    return stmt->run();
}

}  // namespace wp
