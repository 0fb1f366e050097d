#include "common/sqlite/sqlite_database.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cassert>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>
#include <utility>

#include "common/crash_point.h"

namespace wp {

// --- SqliteStatement

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      stmt_(std::exchange(other.stmt_, nullptr)),
      inUse_(std::exchange(other.inUse_, nullptr)) {}

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& other) noexcept {
    if (this != &other) {
        release();
        db_ = std::exchange(other.db_, nullptr);
        stmt_ = std::exchange(other.stmt_, nullptr);
        inUse_ = std::exchange(other.inUse_, nullptr);
    }
    return *this;
}

SqliteStatement::~SqliteStatement() {
    release();
}

void SqliteStatement::release() {
    if (stmt_ == nullptr) return;
    if (inUse_ == nullptr) {
        sqlite3_finalize(stmt_);
    } else {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
        *inUse_ = false;
    }
    stmt_ = nullptr;
    inUse_ = nullptr;
}

SqliteStatement& SqliteStatement::bind(int index, std::int64_t value) {
    [[maybe_unused]] int rc = sqlite3_bind_int64(stmt_, index, value);
    assert(rc == SQLITE_OK);
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, std::string_view text) {
    [[maybe_unused]] int rc =
        sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    assert(rc == SQLITE_OK);
    return *this;
}

SqliteStatement& SqliteStatement::bindNull(int index) {
    [[maybe_unused]] int rc = sqlite3_bind_null(stmt_, index);
    assert(rc == SQLITE_OK);
    return *this;
}

SqliteStatement& SqliteStatement::bindOptional(int index, const std::optional<std::string>& text) {
    return text ? bind(index, std::string_view(*text)) : bindNull(index);
}

Result<bool> SqliteStatement::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    Status s = db_->statusFrom(rc, sqlite3_sql(stmt_));
    sqlite3_reset(stmt_);
    return s;
}

Status SqliteStatement::run() {
    for (;;) {
        auto row = step();
        if (!row) return row.status();
        if (!row.value()) return Status::ok();
    }
}

std::int64_t SqliteStatement::integer(int column) const {
    return sqlite3_column_int64(stmt_, column);
}

std::string SqliteStatement::text(int column) const {
    const unsigned char* text = sqlite3_column_text(stmt_, column);
    if (text == nullptr) return {};
    return std::string(reinterpret_cast<const char*>(text),
                       static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

bool SqliteStatement::isNull(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

// --- SqliteDatabase

Status SqliteDatabase::statusFrom(int rc, std::string_view what) const {
    const char* detail = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    std::string msg = fmt::format("{}: {}: {} (SQLite {})", file_.string(), what.substr(0, 100), detail, rc);
    switch (rc & 0xff) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return Status::unavailable(std::move(msg));
        case SQLITE_FULL:
        case SQLITE_IOERR:
        case SQLITE_CANTOPEN:
        case SQLITE_READONLY:
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB:
        case SQLITE_PERM:
            return Status::ioError(std::move(msg));
        case SQLITE_CONSTRAINT:
            return Status::conflict(std::move(msg));
        default:
            return Status::internal(std::move(msg));
    }
}

namespace {

// The database file, and its -wal and -shm when they exist, readable and writable by the owner only: a new
// file is created 0600 before SQLite opens it (SQLite gives the -wal and -shm it creates the mode of the
// database file), an existing one loses any group and other bits. An existing file is never opened here:
// closing a descriptor of it would drop the POSIX locks this process's other connections hold on it.
Status keepPrivate(const std::filesystem::path& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) {
        int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0)
            ::close(fd);
        else if (errno != EEXIST)
            return Status::ioError(fmt::format("{}: cannot create: {}", file.string(), std::strerror(errno)));
    }
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::filesystem::path f = file;
        f += suffix;
        if (::stat(f.c_str(), &st) != 0) continue;
        if ((st.st_mode & 0077) != 0 && ::chmod(f.c_str(), st.st_mode & 0700) != 0)
            return Status::ioError(
                fmt::format("{}: cannot make it private (chmod 600): {}", f.string(), std::strerror(errno)));
    }
    return Status::ok();
}

}  // namespace

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::open(const std::filesystem::path& file,
                                                             Options options) {
    if (Status s = keepPrivate(file); !s) return s;
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(file.c_str(), &raw,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    std::unique_ptr<SqliteDatabase> db(new SqliteDatabase(file, raw));
    if (rc != SQLITE_OK) return db->statusFrom(rc, "open");
    sqlite3_extended_result_codes(raw, 1);
    db->busyTimeout_ = std::chrono::milliseconds(options.busyTimeoutMs);
    sqlite3_busy_handler(raw, &SqliteDatabase::onBusy, db.get());

    // Switching a fresh file to WAL needs a moment alone with it; when another connection is doing the
    // same, wait on the busy timeout once more before giving up.
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(options.busyTimeoutMs);
    for (;;) {
        auto mode = db->pragma("journal_mode=WAL");
        if (mode) {
            if (mode.value() != "wal")
                return Status::ioError(
                    fmt::format("{}: cannot use WAL (journal mode stays '{}')", file.string(), mode.value()));
            break;
        }
        if (mode.status().code() != Status::Code::Unavailable || std::chrono::steady_clock::now() > deadline)
            return mode.status();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (Status s = db->exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;"); !s)
        return s;
    if (!options.autoCheckpoint)
        if (Status s = db->exec("PRAGMA wal_autocheckpoint=0"); !s) return s;
    return db;
}

int SqliteDatabase::onBusy(void* self, int attempt) {
    auto* db = static_cast<SqliteDatabase*>(self);
    auto now = std::chrono::steady_clock::now();
    if (attempt == 0) db->busySince_ = now;  // a new wait begins
    if (now - db->busySince_ >= db->busyTimeout_) return 0;
    // Short sleeps: the lock is free only for the moment between one writer's COMMIT and its next BEGIN.
    std::this_thread::sleep_for(std::chrono::microseconds(attempt < 20 ? 200 : 1000));
    return 1;
}

SqliteDatabase::~SqliteDatabase() {
    for (auto& [sql, cached] : cache_) {
        assert(!cached.inUse && "a statement outlives its connection");
        sqlite3_finalize(cached.stmt);
    }
    sqlite3_close_v2(db_);
}

Status SqliteDatabase::exec(std::string_view sql) {
    std::string text(sql);
    int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) return statusFrom(rc, sql);
    return Status::ok();
}

Result<SqliteStatement> SqliteDatabase::prepare(std::string_view sql) {
    auto it = cache_.find(std::string(sql));
    if (it != cache_.end() && !it->second.inUse) {
        it->second.inUse = true;
        return SqliteStatement(this, it->second.stmt, &it->second.inUse);
    }
    // Not cached yet, or its cached copy is in use: prepare one (cached only in the first case).
    const bool keep = it == cache_.end();
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                keep ? SQLITE_PREPARE_PERSISTENT : 0, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return statusFrom(rc, sql);
    }
    if (!keep) return SqliteStatement(this, stmt, nullptr);
    Cached& cached = cache_.emplace(std::string(sql), Cached{stmt, true}).first->second;
    return SqliteStatement(this, stmt, &cached.inUse);
}

Result<std::int64_t> SqliteDatabase::queryInt(std::string_view sql) {
    auto stmt = prepare(sql);
    if (!stmt) return stmt.status();
    auto row = stmt->step();
    if (!row) return row.status();
    if (!row.value()) return Status::notFound(fmt::format("{}: no row from {}", file_.string(), sql));
    return stmt->integer(0);
}

Result<std::string> SqliteDatabase::pragma(std::string_view name) {
    auto stmt = prepare(fmt::format("PRAGMA {}", name));
    if (!stmt) return stmt.status();
    auto row = stmt->step();
    if (!row) return row.status();
    if (!row.value()) return std::string();
    return stmt->text(0);
}

int SqliteDatabase::changes() const {
    return sqlite3_changes(db_);
}

std::int64_t SqliteDatabase::lastInsertId() const {
    return sqlite3_last_insert_rowid(db_);
}

Result<int> SqliteDatabase::schemaVersion() {
    auto v = queryInt("PRAGMA user_version");
    if (!v) return v.status();
    return static_cast<int>(v.value());
}

Status SqliteDatabase::migrate(std::span<const Migration> migrations, int targetVersion) {
    int latest = migrations.empty() ? 0 : migrations.back().version;
    if (targetVersion < 0) targetVersion = latest;
    assert(targetVersion <= latest);

    auto current = schemaVersion();
    if (!current) return current.status();
    if (current.value() > latest)
        return Status::conflict(
            fmt::format("{}: database schema version {} is newer than this program knows ({})",
                        file_.string(), current.value(), latest));
    for (const Migration& m : migrations) {
        if (m.version > targetVersion) break;
        if (m.version <= current.value()) continue;
        auto tx = SqliteTransaction::begin(*this);
        if (!tx) return tx.status();
        // Another process may have applied it while this one waited for the lock.
        auto now = schemaVersion();
        if (!now) return now.status();
        if (now.value() >= m.version) continue;
        assert(now.value() == m.version - 1 && "migrations must be numbered 1, 2, ... without gaps");
        if (Status s = exec(m.sql); !s)
            return Status::internal(
                fmt::format("migration {} ({}) failed: {}", m.version, m.name, s.message()));
        if (Status s = exec(fmt::format("PRAGMA user_version = {}", m.version)); !s) return s;
        crashPoint("migration-before-commit");
        if (Status s = tx->commit(); !s) return s;
    }
    return Status::ok();
}

Status SqliteDatabase::checkpoint() {
    int rc = sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    return rc == SQLITE_OK ? Status::ok() : statusFrom(rc, "checkpoint");
}

Status SqliteDatabase::checkpointTruncate() {
    int rc = sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
    return rc == SQLITE_OK ? Status::ok() : statusFrom(rc, "checkpoint (truncate)");
}

namespace {

// Copies every page of source's main database into dest's, in steps so a writer is never held up for long;
// busy/locked steps are simply retried. The empty string, or what went wrong.
std::string copyPages(sqlite3* source, sqlite3* dest) {
    sqlite3_backup* b = sqlite3_backup_init(dest, "main", source, "main");
    if (b == nullptr) return fmt::format("cannot start backup: {}", sqlite3_errmsg(dest));
    for (;;) {
        int rc = sqlite3_backup_step(b, 256);
        if (rc == SQLITE_DONE) break;
        if (rc == SQLITE_OK) continue;
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
            continue;
        }
        break;
    }
    sqlite3_backup_finish(b);
    int rc = sqlite3_errcode(dest);
    return rc == SQLITE_OK ? "" : fmt::format("backup failed: {}", sqlite3_errmsg(dest));
}

}  // namespace

Status SqliteDatabase::backupTo(const std::filesystem::path& file) {
    int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return Status::ioError(
            fmt::format("{}: cannot create backup file: {}", file.string(), std::strerror(errno)));
    ::close(fd);
    sqlite3* dest = nullptr;
    int rc = sqlite3_open_v2(file.c_str(), &dest, SQLITE_OPEN_READWRITE, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = fmt::format("{}: cannot open backup file: {}", file.string(), sqlite3_errstr(rc));
        sqlite3_close_v2(dest);
        return Status::ioError(msg);
    }
    std::string error = copyPages(db_, dest);
    sqlite3_close_v2(dest);
    return error.empty() ? Status::ok() : Status::ioError(fmt::format("{}: {}", file.string(), error));
}

Result<std::string> SqliteDatabase::backupBytes() {
    sqlite3* dest = nullptr;
    int rc = sqlite3_open_v2(":memory:", &dest, SQLITE_OPEN_READWRITE, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_close_v2(dest);
        return Status::internal(fmt::format("{}: cannot open a database in memory for a backup: {}",
                                            file_.string(), sqlite3_errstr(rc)));
    }
    std::string error = copyPages(db_, dest);
    std::string bytes;
    if (error.empty()) {
        sqlite3_int64 size = 0;
        unsigned char* data = sqlite3_serialize(dest, "main", &size, 0);
        if (data == nullptr) {
            error = "cannot serialize the copy (out of memory)";
        } else {
            bytes.assign(reinterpret_cast<const char*>(data), static_cast<size_t>(size));
            // The copy held every page of the database: leave none of it in freed memory.
            volatile unsigned char* p = data;
            for (sqlite3_int64 i = 0; i < size; ++i) p[i] = 0;
            sqlite3_free(data);
        }
    }
    sqlite3_close_v2(dest);
    if (!error.empty()) return Status::ioError(fmt::format("{}: {}", file_.string(), error));
    return bytes;
}

// --- SqliteTransaction

Result<SqliteTransaction> SqliteTransaction::begin(SqliteDatabase& db) {
    if (Status s = db.exec("BEGIN IMMEDIATE"); !s) return s;
    return SqliteTransaction(&db);
}

Status SqliteTransaction::commit() {
    assert(db_ != nullptr);
    Status s = db_->exec("COMMIT");
    if (s) db_ = nullptr;
    return s;
}

SqliteTransaction::~SqliteTransaction() {
    if (db_ != nullptr && !sqlite3_get_autocommit(db_->db_)) (void)db_->exec("ROLLBACK");
}

}  // namespace wp
