// The central database's schema: one ordered list of migrations (requests, notifications, people and their
// tokens, the audit log, queue statistics, kiosk faults, coaches, revoked kiosks, teams and routing, back
// office accounts, appointments, the fleet's enrollments, heartbeats and commands), applied by
// SqliteCentralStore::open through the shared SQLite layer (common/sqlite/sqlite_database.h). The SQL keeps
// to what PostgreSQL takes as well. Append new migrations at the end; never edit a shipped one.
#pragma once

#include <span>

#include "common/sqlite/sqlite_database.h"

namespace wp {

std::span<const Migration> centralMigrations();

}  // namespace wp
