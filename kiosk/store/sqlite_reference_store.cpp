#include "kiosk/store/sqlite_reference_store.h"

#include "common/wire.h"
#include "kiosk/store/kiosk_schema.h"

namespace wp {

Result<std::unique_ptr<SqliteReferenceStore>> SqliteReferenceStore::open(const std::filesystem::path& file) {
    auto db = SqliteDatabase::open(file);
    if (!db) return db.status();
    if (Status s = db.value()->migrate(kioskMigrations()); !s) return s;
    return std::unique_ptr<SqliteReferenceStore>(new SqliteReferenceStore(std::move(db).value()));
}

Result<bool> SqliteReferenceStore::claim(const std::string& code, TimePoint now) {
    std::lock_guard lock(mutex_);
    // RETURNING gives a row only when the insert happened: a code issued before is left alone.
    auto stmt = db_->prepare(
        "INSERT INTO issued_reference (code, issued_at_ms) VALUES (?1, ?2) ON CONFLICT (code) DO NOTHING "
        "RETURNING code");
    if (!stmt) return stmt.status();
    stmt->bind(1, code).bind(2, toUnixMillis(now));
    auto row = stmt->step();
    if (!row) return row.status();
    bool inserted = *row;
    if (inserted) {
        // Step to the end, so the statement (and its implicit transaction) finishes and commits.
        if (Status s = stmt->run(); !s) return s;
    }
    return inserted;
}

Result<bool> SqliteReferenceStore::issued(const std::string& code) {
    std::lock_guard lock(mutex_);
    auto stmt = db_->prepare("SELECT 1 FROM issued_reference WHERE code = ?1");
    if (!stmt) return stmt.status();
    stmt->bind(1, code);
    return stmt->step();
}

}  // namespace wp
