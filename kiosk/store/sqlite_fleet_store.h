// SqliteFleetStore: fleet care's state (kiosk/core/fleet.h FleetStateStore) in the kiosk's SQLite database,
// tables fleet_service and fleet_command (kiosk_schema.cpp). Every role of the contact point reads the
// out-of-service state from here; the walk-in role writes it and the commands' results.
//
// Thread-safe: one mutex around its own connection. Several processes may share the file.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>

#include "common/sqlite/sqlite_database.h"
#include "kiosk/core/fleet.h"

namespace wp {

class SqliteFleetStore final : public FleetStateStore {
  public:
    // Opens (creating and upgrading) the kiosk database.
    static Result<std::unique_ptr<SqliteFleetStore>> open(const std::filesystem::path& file);

    Result<std::optional<std::string>> outOfService() override;
    Status setOutOfService(const std::optional<std::string>& message) override;
    Result<bool> commandDone(std::int64_t id) override;
    Status saveResult(const FleetCommandResult& result, bool reported) override;
    Result<std::vector<FleetCommandResult>> unreportedResults() override;
    Status markReported(const std::vector<std::int64_t>& ids) override;

  private:
    explicit SqliteFleetStore(std::unique_ptr<SqliteDatabase> db) : db_(std::move(db)) {}
    std::unique_ptr<SqliteDatabase> db_;
    std::mutex mutex_;
};

}  // namespace wp
