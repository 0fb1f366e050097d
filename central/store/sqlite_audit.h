// The audit log's rows (table audit_log), shared by the parts of the SQLite store whose transactions write an
// audit entry together with what they read or change. Private to central/store.
#pragma once

#include "central/store/central_store.h"
#include "common/sqlite/sqlite_database.h"

namespace wp {

// Appends the entry on connection c, inside whatever transaction c has open.
Status insertAudit(SqliteDatabase& c, const AuditEntry& entry);

}  // namespace wp
