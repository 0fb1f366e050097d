#include "kiosk/store/sqlite_fleet_store.h"

#include "kiosk/store/kiosk_schema.h"

namespace wp {

Result<std::unique_ptr<SqliteFleetStore>> SqliteFleetStore::open(const std::filesystem::path& file) {
    auto db = SqliteDatabase::open(file);
    if (!db) return db.status();
    if (Status s = db.value()->migrate(kioskMigrations()); !s) return s;
    return std::unique_ptr<SqliteFleetStore>(new SqliteFleetStore(std::move(db).value()));
}

Result<std::optional<std::string>> SqliteFleetStore::outOfService() {
    std::lock_guard lock(mutex_);
    auto stmt = db_->prepare("SELECT message FROM fleet_service WHERE id = 1");
    if (!stmt) return stmt.status();
    auto row = stmt->step();
    if (!row) return row.status();
    if (!row.value()) return std::optional<std::string>();
    return std::optional<std::string>(stmt->text(0));
}

Status SqliteFleetStore::setOutOfService(const std::optional<std::string>& message) {
    std::lock_guard lock(mutex_);
    if (!message) {
        auto stmt = db_->prepare("DELETE FROM fleet_service");
        if (!stmt) return stmt.status();
        return stmt->run();
    }
    auto stmt = db_->prepare(
        "INSERT INTO fleet_service (id, message) VALUES (1, ?1) ON CONFLICT (id) DO UPDATE SET message = ?1");
    if (!stmt) return stmt.status();
    stmt->bind(1, *message);
    return stmt->run();
}

Result<bool> SqliteFleetStore::commandDone(std::int64_t id) {
    std::lock_guard lock(mutex_);
    auto stmt = db_->prepare("SELECT 1 FROM fleet_command WHERE id = ?");
    if (!stmt) return stmt.status();
    stmt->bind(1, id);
    return stmt->step();
}

Status SqliteFleetStore::saveResult(const FleetCommandResult& result, bool reported) {
    std::lock_guard lock(mutex_);
    auto stmt = db_->prepare(
        "INSERT INTO fleet_command (id, ok, detail, reported) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT (id) DO UPDATE SET ok = ?2, detail = ?3, reported = MAX(reported, ?4)");
    if (!stmt) return stmt.status();
    stmt->bind(1, result.id)
        .bind(2, std::int64_t{result.ok ? 1 : 0})
        .bind(3, result.detail)
        .bind(4, std::int64_t{reported ? 1 : 0});
    return stmt->run();
}

Result<std::vector<FleetCommandResult>> SqliteFleetStore::unreportedResults() {
    std::lock_guard lock(mutex_);
    auto stmt = db_->prepare("SELECT id, ok, detail FROM fleet_command WHERE reported = 0 ORDER BY id");
    if (!stmt) return stmt.status();
    std::vector<FleetCommandResult> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.status();
        if (!row.value()) break;
        out.push_back({stmt->integer(0), stmt->integer(1) != 0, stmt->text(2)});
    }
    return out;
}

Status SqliteFleetStore::markReported(const std::vector<std::int64_t>& ids) {
    std::lock_guard lock(mutex_);
    for (std::int64_t id : ids) {
        auto stmt = db_->prepare("UPDATE fleet_command SET reported = 1 WHERE id = ?");
        if (!stmt) return stmt.status();
        stmt->bind(1, id);
        if (Status s = stmt->run(); !s) return s;
    }
    return Status::ok();
}

}  // namespace wp
