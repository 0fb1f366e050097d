// SqliteDatabase: the one SQLite layer of both stores (kiosk/store and central/store). A connection opened
// the way both need it, prepared statements reused per connection, BEGIN IMMEDIATE transactions, the
// versioned migrations of a schema, and SQLite's result codes as Status. Its own CMake target (wp_sqlite),
// linked by the two stores only: kiosk core links common/ and never SQLite. sqlite3.h stays in the .cpp.
//
// open() sets, in this order: a busy handler (a writer waits for another connection or process instead of
// failing; it retries every millisecond up to the timeout, where SQLite's own handler backs off to 100 ms
// sleeps and lets a busy writer in another process starve it), journal_mode=WAL (readers go on while one
// writes), synchronous=FULL (a commit is on disk before it returns), foreign_keys=ON and secure_delete=ON
// (deleted and overwritten data is zeroed in the file, not just unlinked). Options::autoCheckpoint=false
// turns SQLite's automatic WAL checkpoints off, for a caller that runs checkpoint() itself. The database
// file is created 0600 (SQLite gives its -wal and -shm the same mode); an existing file, -wal or -shm that
// group or others may read loses those bits at open().
//
// Forgetting: secure_delete zeroes what a transaction frees in the database file, but the write-ahead log
// keeps the page images of earlier transactions until it is checkpointed and truncated. A store that wipes
// personal data calls checkpointTruncate() after the wipe commits, which leaves the log empty.
//
// Statements: prepare() hands out a statement from the connection's cache, prepared once per SQL text; the
// handle puts it back (reset, bindings cleared) when it goes. Asking again for a statement whose handle is
// still alive gives a fresh one that is finalized with its handle, so nested use is safe.
//
// Migrations: the schema version is PRAGMA user_version. Each migration runs in its own BEGIN IMMEDIATE
// transaction that re-reads the version first, so two processes opening one old file at once upgrade it
// exactly once, and a crash mid-migration leaves the previous version intact. A file newer than the list is
// refused (Conflict), never downgraded. Crash point (common/crash_point.h): "migration-before-commit".
//
// Errors: Unavailable when the database stays busy (or locked) beyond the timeout, IoError for the disk and
// for a file that is no database, Conflict for a broken constraint, Internal otherwise (a bad statement).
// Every message names the file and what was being done. Not thread-safe: one connection is used by one
// thread at a time (the stores lock around theirs); statements must go before their connection.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace wp {

class SqliteDatabase;

// A prepared statement in use. Binding a wrong index is a programmer mistake (assert); stepping returns the
// world's errors. Move-only.
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
    // The text, or NULL when absent.
    SqliteStatement& bindOptional(int index, const std::optional<std::string>& text);

    // Runs to the next row: true when there is one, false when done.
    Result<bool> step();
    // Steps until done, ignoring rows.
    Status run();

    // Columns count from 0.
    std::int64_t integer(int column) const;
    std::string text(int column) const;  // "" for NULL
    bool isNull(int column) const;

  private:
    friend class SqliteDatabase;
    // inUse: the cache's flag for this statement, cleared when the handle goes; nullptr for an uncached one.
    SqliteStatement(SqliteDatabase* db, sqlite3_stmt* stmt, bool* inUse)
        : db_(db), stmt_(stmt), inUse_(inUse) {}
    void release();
    SqliteDatabase* db_;
    sqlite3_stmt* stmt_;
    bool* inUse_;
};

// One step of a schema. Shipped migrations are never edited; a change is a new migration at the end.
struct Migration {
    int version;  // 1, 2, ... without gaps
    std::string_view name;
    std::string_view sql;  // one or more statements
};

class SqliteDatabase {
  public:
    struct Options {
        int busyTimeoutMs = 5000;
        bool autoCheckpoint = true;  // false: the WAL is copied into the file only by checkpoint()
    };

    // Opens (creating) the file.
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

    // Rows changed by the last INSERT, UPDATE or DELETE on this connection (not counting a conflict that
    // did nothing).
    int changes() const;
    // The rowid of the last row this connection inserted.
    std::int64_t lastInsertId() const;

    Result<int> schemaVersion();
    // Applies every migration with a version above the file's, up to targetVersion (all when -1).
    Status migrate(std::span<const Migration> migrations, int targetVersion = -1);

    // Copies committed pages from the write-ahead log into the database file as far as readers allow
    // (PASSIVE: never waits for them).
    Status checkpoint();
    // Copies every committed page into the database file and truncates the write-ahead log to zero bytes,
    // so no earlier page image stays in it. Waits (on the busy timeout) for other connections' writes and
    // reads to end; Unavailable when they do not in time, which leaves the log as it was.
    Status checkpointTruncate();
    // An online copy of the whole database into file, which is created 0600 and must not exist (IoError
    // otherwise, or when it cannot be written), in small steps so writers are held up only briefly.
    Status backupTo(const std::filesystem::path& file);
    // The same copy as the bytes of a database file, in memory only (it never touches the disk).
    Result<std::string> backupBytes();

    // The Status for a SQLite result code, naming the file and what was being done.
    Status statusFrom(int rc, std::string_view what) const;

  private:
    struct Cached {
        sqlite3_stmt* stmt = nullptr;
        bool inUse = false;
    };
    SqliteDatabase(std::filesystem::path file, sqlite3* db) : file_(std::move(file)), db_(db) {}
    static int onBusy(void* self, int attempt);
    friend class SqliteStatement;
    friend class SqliteTransaction;
    std::filesystem::path file_;
    sqlite3* db_;
    std::unordered_map<std::string, Cached> cache_;  // by SQL text; elements never move
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
