// SqliteReferenceStore: every reference code this kiosk ever issued (kiosk/core/request_flow.h,
// ReferenceCodeStore), in the kiosk's SQLite database, table issued_reference (migration 7 in
// kiosk_schema.cpp). No personal data: the code and when it was drawn. claim() commits durably
// (synchronous=FULL) before it returns, so a code once handed out is never handed out again, also after a
// power cut; a repeat returns false and the flow draws again.
//
// Thread-safe: one mutex around the connection. Several processes may share the file.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>

#include "common/sqlite/sqlite_database.h"
#include "kiosk/core/request_flow.h"

namespace wp {

class SqliteReferenceStore final : public ReferenceCodeStore {
  public:
    // Opens (creating and upgrading) the kiosk database.
    static Result<std::unique_ptr<SqliteReferenceStore>> open(const std::filesystem::path& file);

    Result<bool> claim(const std::string& code, TimePoint now) override;
    // Whether code was issued by this kiosk.
    Result<bool> issued(const std::string& code);

  private:
    explicit SqliteReferenceStore(std::unique_ptr<SqliteDatabase> db) : db_(std::move(db)) {}
    std::unique_ptr<SqliteDatabase> db_;
    std::mutex mutex_;
};

}  // namespace wp
