// SqliteDatabase: one connection to the kiosk's SQLite file, opened the way every kiosk role needs it, and
// the versioned migrations of its schema.
//
// open() sets, in this order: a busy handler (a writer waits for another process instead of failing; it
// retries every millisecond up to the timeout, where SQLite's own handler backs off to 100 ms sleeps and
// lets a busy writer in another process starve it),
// journal_mode=WAL (the walk-in, host and display roles read while one writes), synchronous=FULL (a commit
// is on disk before it returns: a ticket number handed out is never handed out again, also after a power
// cut), foreign_keys=ON and secure_delete=ON (wiped personal data is overwritten, not just unlinked).
//
// Migrations: the schema version is PRAGMA user_version. Each migration runs in its own BEGIN IMMEDIATE
// transaction that re-reads the version first, so two processes opening one old file at once upgrade it
// exactly once, and a crash mid-migration leaves the previous version intact. A file newer than this program
// is refused (Conflict), never downgraded.
//
// Errors: Unavailable when the database stays busy beyond the timeout, IoError for the disk and for a file
// that is no database, Conflict for a broken constraint, Internal otherwise. A connection is not
// thread-safe; the repositories built on it lock around it. sqlite3.h stays in the .cpp files.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "common/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace wp {

class SqliteDatabase;

// A prepared statement. Binding a wrong index is a programmer mistake (assert); stepping returns the world's
// errors. Move-only; finalized by its destructor.
class SqliteStatement {
  public:
    SqliteStatement(SqliteStatement&& other) noexcept;
    SqliteStatement& operator=(SqliteStatement&& other) noexcept;
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;
    ~SqliteStatement();

    // Parameters count from 1, as in SQL.
    SqliteStatement& bind(int index, std::int64_t value);
    SqliteStatement& bind(int index, std::string_view text);
    SqliteStatement& bindNull(int index);

    // Runs to the next row: true when there is one, false when done.
    Result<bool> step();
    // Steps until done, ignoring rows.
    Status run();

    // Columns count from 0.
    std::int64_t columnInt(int column) const;
    std::string columnText(int column) const;  // "" for NULL
    bool columnIsNull(int column) const;

  private:
    friend class SqliteDatabase;
    SqliteStatement(SqliteDatabase* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
    SqliteDatabase* db_;
    sqlite3_stmt* stmt_;
};

// One step of the schema. Shipped migrations are never edited; a change is a new migration at the end.
struct Migration {
    int version;  // 1, 2, ... without gaps
    std::string_view name;
    std::string_view sql;  // one or more statements
};

class SqliteDatabase {
  public:
    struct Options {
        int busyTimeoutMs = 5000;
    };

    static Result<std::unique_ptr<SqliteDatabase>> open(const std::filesystem::path& file, Options options);
    static Result<std::unique_ptr<SqliteDatabase>> open(const std::filesystem::path& file) {
        return open(file, Options{});
    }
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase&) = delete;
    SqliteDatabase& operator=(const SqliteDatabase&) = delete;

    const std::filesystem::path& file() const { return file_; }

    // Runs one or more statements that return no rows.
    Status exec(std::string_view sql);
    Result<SqliteStatement> prepare(std::string_view sql);
    // The first column of the first row as an integer; NotFound when there is no row.
    Result<std::int64_t> queryInt(std::string_view sql);
    // The value of a one-row pragma as text ("wal", "2").
    Result<std::string> pragma(std::string_view name);

    Result<int> schemaVersion();
    // Applies every migration with a version above the file's, up to targetVersion (all when -1).
    // Crash point: "migration-before-commit".
    Status migrate(std::span<const Migration> migrations, int targetVersion = -1);

    // The Status for a SQLite result code, naming the file and what was being done.
    Status statusFrom(int rc, std::string_view what) const;

  private:
    SqliteDatabase(std::filesystem::path file, sqlite3* db) : file_(std::move(file)), db_(db) {}
    static int onBusy(void* self, int attempt);
    friend class SqliteStatement;
    friend class SqliteTransaction;
    std::filesystem::path file_;
    sqlite3* db_;
    std::chrono::milliseconds busyTimeout_{5000};
    std::chrono::steady_clock::time_point busySince_;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back in its destructor unless committed. IMMEDIATE takes the write
// lock at the start, so two writers queue on the busy timeout instead of one failing halfway.
class SqliteTransaction {
  public:
    static Result<SqliteTransaction> begin(SqliteDatabase& db);
    SqliteTransaction(SqliteTransaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
    SqliteTransaction& operator=(SqliteTransaction&&) = delete;
    ~SqliteTransaction();
    Status commit();

  private:
    explicit SqliteTransaction(SqliteDatabase* db) : db_(db) {}
    SqliteDatabase* db_;
};

}  // namespace wp
