// Reading the request table's rows back, shared by the parts of the SQLite store that read requests
// (sqlite_central_store.cpp, sqlite_case_store.cpp). Private to central/store.
#pragma once

#include <string>

#include "central/store/central_store.h"
#include "common/request_spec.h"
#include "common/sqlite/sqlite_database.h"

namespace wp {

// A type read back from the store must be one the specs know: never silently taken for another.
Status checkKnownType(const RequestSpecs& specs, const std::string& type, const std::string& reference);

// The stored JSON body back into a Request, without validating (a wiped body lacks required fields).
Result<Request> requestFromBody(const RequestSpecs& specs, const std::string& body);

// The columns of a RequestSummary, in the order summaryFrom() reads them from column `first` on.
inline constexpr const char* kSummaryColumns =
    "reference, type, category, team, flagged, status, kiosk, contact_point, created_at_ms, received_at_ms, "
    "updated_at_ms, wiped_at_ms, coach";
inline constexpr int kSummaryColumnCount = 13;

// The request table's condition for a piece of a reference code: the start of the code, of its part from the
// kiosk code ("K2-7KQ") or of its random part ("7KQ4"), each a range on an index of its own (the reference's
// unique index, migration 11's two). Its six parameters are piece and piece + "~" three times: every code's
// characters sort below '~'.
inline constexpr const char* kReferencePieceCondition =
    "id IN (SELECT id FROM request WHERE reference >= ? AND reference < ?"
    " UNION ALL SELECT id FROM request WHERE substr(reference, 5) >= ? AND substr(reference, 5) < ?"
    " UNION ALL SELECT id FROM request WHERE substr(reference, 8) >= ? AND substr(reference, 8) < ?)";

Result<RequestSummary> summaryFrom(const RequestSpecs& specs, const SqliteStatement& st, int first = 0);

// A RequestDetail from a row of kSummaryColumns followed by body, public_note and internal_note.
Result<RequestDetail> detailFrom(const RequestSpecs& specs, const SqliteStatement& st);

}  // namespace wp
