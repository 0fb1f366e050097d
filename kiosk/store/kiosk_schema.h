// The kiosk database's schema: one ordered list of migrations for the whole file (queue, outbox,
// host console, host alerts, queue forwarding, reference codes, opt-in text messages). Append new migrations
// at the end; never edit a shipped one.
#pragma once

#include <span>

#include "common/sqlite/sqlite_database.h"

namespace wp {

std::span<const Migration> kioskMigrations();

}  // namespace wp
