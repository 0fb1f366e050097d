// The SQLite layer both stores share: how a connection is opened, SQLite's errors as Status (a broken
// constraint, a busy database, a bad statement, a file that is no database), transactions that roll back
// unless committed, statements reused from the cache (also when one is still in use), versioned migrations,
// checkpoints and online backups.
#include "common/sqlite/sqlite_database.h"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <array>
#include <chrono>
#include <fstream>
#include <thread>

#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

using namespace std::chrono_literals;
using testing::TempDir;

class SqliteDatabaseTest : public ::testing::Test {
  protected:
    std::unique_ptr<SqliteDatabase> open(SqliteDatabase::Options options = {}) {
        auto db = SqliteDatabase::open(file_, options);
        EXPECT_TRUE(db.isOk()) << db.status().message();
        return db.isOk() ? std::move(db).value() : nullptr;
    }
    std::int64_t count(SqliteDatabase& db, const std::string& table) {
        auto n = db.queryInt("SELECT COUNT(*) FROM " + table);
        EXPECT_TRUE(n.isOk()) << n.status().message();
        return n.isOk() ? n.value() : -1;
    }

    TempDir dir_;
    std::filesystem::path file_ = dir_.path() / "test.db";
};

TEST_F(SqliteDatabaseTest, OpensWithWalFullSyncForeignKeysAndSecureDelete) {
    auto db = open();
    ASSERT_TRUE(db);
    EXPECT_EQ(db->file(), file_);
    EXPECT_EQ(db->pragma("journal_mode").value(), "wal");
    EXPECT_EQ(db->pragma("synchronous").value(), "2");  // FULL
    EXPECT_EQ(db->pragma("foreign_keys").value(), "1");
    EXPECT_EQ(db->pragma("secure_delete").value(), "1");
    EXPECT_NE(db->pragma("wal_autocheckpoint").value(), "0");
    EXPECT_EQ(db->schemaVersion().value(), 0);

    auto manual = SqliteDatabase::open(file_, {.autoCheckpoint = false});
    ASSERT_TRUE(manual.isOk());
    EXPECT_EQ(manual.value()->pragma("wal_autocheckpoint").value(), "0");
}

TEST_F(SqliteDatabaseTest, ABrokenConstraintIsAConflictNamingTheFile) {
    auto db = open();
    ASSERT_TRUE(db);
    ASSERT_TRUE(
        db->exec("CREATE TABLE person (name TEXT NOT NULL UNIQUE, team TEXT NOT NULL CHECK (team <> ''),"
                 " boss TEXT REFERENCES person (name))")
            .isOk());
    auto insert = [&](std::string_view name, std::string_view team) {
        auto st = db->prepare("INSERT INTO person (name, team) VALUES (?, ?)");
        EXPECT_TRUE(st.isOk());
        st->bind(1, name).bind(2, team);
        return st->run();
    };
    ASSERT_TRUE(insert("Anna", "huurloket").isOk());
    EXPECT_EQ(db->changes(), 1);

    Status unique = insert("Anna", "wijkteam");
    EXPECT_EQ(unique.code(), Status::Code::Conflict);
    EXPECT_NE(unique.message().find(file_.string()), std::string::npos) << unique.message();
    EXPECT_NE(unique.message().find("UNIQUE"), std::string::npos) << unique.message();
    EXPECT_EQ(insert("Bert", "").code(), Status::Code::Conflict);  // CHECK
    EXPECT_EQ(db->exec("INSERT INTO person (name, team) VALUES (NULL, 'x')").code(), Status::Code::Conflict);
    EXPECT_EQ(db->exec("INSERT INTO person VALUES ('Carla', 'x', 'nobody')").code(),
              Status::Code::Conflict);  // foreign key
    EXPECT_EQ(count(*db, "person"), 1);

    // ON CONFLICT DO NOTHING is no error, and changes nothing.
    ASSERT_TRUE(
        db->exec("INSERT INTO person (name, team) VALUES ('Anna', 'x') ON CONFLICT DO NOTHING").isOk());
    EXPECT_EQ(db->changes(), 0);
}

TEST_F(SqliteDatabaseTest, ABadStatementIsInternalAndNotADatabaseIsAnIoError) {
    auto db = open();
    ASSERT_TRUE(db);
    auto bad = db->prepare("SELEKT 1");
    ASSERT_FALSE(bad.isOk());
    EXPECT_EQ(bad.status().code(), Status::Code::Internal);
    EXPECT_EQ(db->exec("INSERT INTO nowhere VALUES (1)").code(), Status::Code::Internal);
    EXPECT_EQ(db->queryInt("SELECT 1 WHERE 0").status().code(), Status::Code::NotFound);

    const auto text =
        dir_.write("text.db", "this is not a database, just some text that is long enough to have a header");
    auto notADatabase = SqliteDatabase::open(text);
    ASSERT_FALSE(notADatabase.isOk());
    EXPECT_EQ(notADatabase.status().code(), Status::Code::IoError) << notADatabase.status().message();
    auto nowhere = SqliteDatabase::open(dir_.path() / "no-such-folder" / "x.db");
    ASSERT_FALSE(nowhere.isOk());
    EXPECT_EQ(nowhere.status().code(), Status::Code::IoError) << nowhere.status().message();
}

TEST_F(SqliteDatabaseTest, AWriterWaitsForAnotherUpToTheBusyTimeout) {
    auto holder = SqliteDatabase::open(file_);
    auto waiter = SqliteDatabase::open(file_, {.busyTimeoutMs = 300});
    ASSERT_TRUE(holder.isOk() && waiter.isOk());
    ASSERT_TRUE(holder.value()->exec("CREATE TABLE t (x INTEGER)").isOk());

    // Another connection holds the write lock for 100 ms: the waiter gets it.
    auto tx = SqliteTransaction::begin(*holder.value());
    ASSERT_TRUE(tx.isOk());
    std::thread release([&] {
        std::this_thread::sleep_for(100ms);
        EXPECT_TRUE(tx->commit().isOk());
    });
    auto start = std::chrono::steady_clock::now();
    EXPECT_TRUE(waiter.value()->exec("INSERT INTO t VALUES (1)").isOk());
    EXPECT_GE(std::chrono::steady_clock::now() - start, 90ms);
    release.join();

    // It holds it for good: Unavailable after the timeout, not sooner, not much later.
    auto forever = SqliteTransaction::begin(*holder.value());
    ASSERT_TRUE(forever.isOk());
    start = std::chrono::steady_clock::now();
    Status s = waiter.value()->exec("INSERT INTO t VALUES (2)");
    auto waited = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(s.code(), Status::Code::Unavailable) << s.message();
    EXPECT_GE(waited, 300ms);
    EXPECT_LT(waited, 3s);
    // A transaction of its own cannot begin either, and a statement stepped while busy says so too.
    auto second = SqliteTransaction::begin(*waiter.value());
    ASSERT_FALSE(second.isOk());
    EXPECT_EQ(second.status().code(), Status::Code::Unavailable);
    auto st = waiter.value()->prepare("INSERT INTO t VALUES (3)");
    ASSERT_TRUE(st.isOk());
    EXPECT_EQ(st->run().code(), Status::Code::Unavailable);
}

TEST_F(SqliteDatabaseTest, ATransactionRollsBackUnlessCommitted) {
    auto db = open();
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->exec("CREATE TABLE t (x INTEGER PRIMARY KEY)").isOk());
    {
        auto tx = SqliteTransaction::begin(*db);
        ASSERT_TRUE(tx.isOk());
        ASSERT_TRUE(db->exec("INSERT INTO t VALUES (1)").isOk());
        EXPECT_EQ(count(*db, "t"), 1);  // seen inside the transaction
    }
    EXPECT_EQ(count(*db, "t"), 0);

    // A statement failing halfway: the rows before it go with the rollback.
    {
        auto tx = SqliteTransaction::begin(*db);
        ASSERT_TRUE(tx.isOk());
        ASSERT_TRUE(db->exec("INSERT INTO t VALUES (1)").isOk());
        EXPECT_EQ(db->exec("INSERT INTO t VALUES (1)").code(), Status::Code::Conflict);
    }
    EXPECT_EQ(count(*db, "t"), 0);

    {
        auto tx = SqliteTransaction::begin(*db);
        ASSERT_TRUE(tx.isOk());
        ASSERT_TRUE(db->exec("INSERT INTO t VALUES (2)").isOk());
        EXPECT_EQ(db->lastInsertId(), 2);
        ASSERT_TRUE(tx->commit().isOk());
    }
    EXPECT_EQ(count(*db, "t"), 1);
    // Moved: only the new owner rolls back.
    {
        auto tx = SqliteTransaction::begin(*db);
        ASSERT_TRUE(tx.isOk());
        ASSERT_TRUE(db->exec("INSERT INTO t VALUES (3)").isOk());
        SqliteTransaction moved = std::move(tx).value();
    }
    EXPECT_EQ(count(*db, "t"), 1);
    // Another connection never saw what was rolled back.
    auto other = open();
    ASSERT_TRUE(other);
    EXPECT_EQ(count(*other, "t"), 1);
}

TEST_F(SqliteDatabaseTest, StatementsAreReusedWithFreshBindingsAndNestedUseGetsItsOwn) {
    auto db = open();
    ASSERT_TRUE(db);
    ASSERT_TRUE(
        db->exec("CREATE TABLE t (x INTEGER, y TEXT); INSERT INTO t VALUES (1, 'a'), (2, NULL);").isOk());
    const std::string sql = "SELECT x, y FROM t WHERE x >= ? ORDER BY x";
    {
        auto st = db->prepare(sql);
        ASSERT_TRUE(st.isOk());
        st->bind(1, std::int64_t{1});
        ASSERT_TRUE(st->step().value());
        EXPECT_EQ(st->integer(0), 1);
        EXPECT_EQ(st->text(1), "a");
        // The same SQL while the first is mid-way: a statement of its own, from the start.
        auto nested = db->prepare(sql);
        ASSERT_TRUE(nested.isOk());
        nested->bind(1, std::int64_t{2});
        ASSERT_TRUE(nested->step().value());
        EXPECT_EQ(nested->integer(0), 2);
        EXPECT_TRUE(nested->isNull(1));
        EXPECT_EQ(nested->text(1), "");
        // The first goes on where it was.
        ASSERT_TRUE(st->step().value());
        EXPECT_EQ(st->integer(0), 2);
        EXPECT_FALSE(st->step().value());
    }
    // Back from the cache: reset, its binding cleared (x >= NULL matches nothing).
    auto again = db->prepare(sql);
    ASSERT_TRUE(again.isOk());
    EXPECT_FALSE(again->step().value());

    auto optional = db->prepare("SELECT ? IS NULL, ?");
    ASSERT_TRUE(optional.isOk());
    optional->bindOptional(1, std::nullopt).bindOptional(2, std::string("z"));
    ASSERT_TRUE(optional->step().value());
    EXPECT_EQ(optional->integer(0), 1);
    EXPECT_EQ(optional->text(1), "z");
}

TEST_F(SqliteDatabaseTest, MigrationsRunOnceInOrderAndANewerFileIsRefused) {
    const std::array<Migration, 2> migrations = {{
        {1, "one", "CREATE TABLE a (x INTEGER);"},
        {2, "two", "ALTER TABLE a ADD COLUMN y TEXT;"},
    }};
    auto db = open();
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->migrate(migrations, 1).isOk());
    EXPECT_EQ(db->schemaVersion().value(), 1);
    ASSERT_TRUE(db->migrate(migrations).isOk());
    EXPECT_EQ(db->schemaVersion().value(), 2);
    ASSERT_TRUE(db->migrate(migrations).isOk());  // nothing left to do
    EXPECT_TRUE(db->exec("INSERT INTO a (x, y) VALUES (1, 'b')").isOk());

    ASSERT_TRUE(db->exec("PRAGMA user_version = 99").isOk());
    Status newer = db->migrate(migrations);
    EXPECT_EQ(newer.code(), Status::Code::Conflict);
    EXPECT_NE(newer.message().find("newer than this program"), std::string::npos) << newer.message();
    EXPECT_EQ(db->schemaVersion().value(), 99);
}

TEST_F(SqliteDatabaseTest, AFailedMigrationLeavesThePreviousVersion) {
    const std::array<Migration, 2> migrations = {{
        {1, "one", "CREATE TABLE a (x INTEGER);"},
        {2, "broken", "CREATE TABLE b (y INTEGER); INSERT INTO nowhere VALUES (1);"},
    }};
    auto db = SqliteDatabase::open(file_);
    ASSERT_TRUE(db.isOk());
    Status s = db.value()->migrate(migrations);
    ASSERT_FALSE(s.isOk());
    EXPECT_NE(s.message().find("migration 2 (broken) failed"), std::string::npos) << s.message();
    EXPECT_EQ(db.value()->schemaVersion().value(), 1);
    EXPECT_FALSE(db.value()->queryInt("SELECT COUNT(*) FROM b").isOk());  // rolled back with it
    EXPECT_TRUE(db.value()->queryInt("SELECT COUNT(*) FROM a").isOk());
}

TEST_F(SqliteDatabaseTest, CheckpointAndBackupCopyTheCommittedRows) {
    auto db = open({.autoCheckpoint = false});
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->exec("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3);").isOk());
    EXPECT_TRUE(db->checkpoint().isOk());

    const auto copy = dir_.path() / "copy.db";
    ASSERT_TRUE(db->backupTo(copy).isOk());
    auto restored = SqliteDatabase::open(copy);
    ASSERT_TRUE(restored.isOk());
    EXPECT_EQ(count(*restored.value(), "t"), 3);

    Status unwritable = db->backupTo(dir_.path() / "no-such-folder" / "copy.db");
    EXPECT_EQ(unwritable.code(), Status::Code::IoError) << unwritable.message();
}

TEST_F(SqliteDatabaseTest, TheFileItsLogAndBackupsAreTheOwnersAlone) {
    auto mode = [](const std::filesystem::path& f) {
        struct stat st {};
        EXPECT_EQ(::stat(f.c_str(), &st), 0) << f;
        return st.st_mode & 0777;
    };
    auto db = open({});
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->exec("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);").isOk());
    const auto file = dir_.path() / "test.db";
    EXPECT_EQ(mode(file), 0600u);
    EXPECT_EQ(mode(file.string() + "-wal"), 0600u);
    EXPECT_EQ(mode(file.string() + "-shm"), 0600u);
    ASSERT_TRUE(db->backupTo(dir_.path() / "copy.db").isOk());
    EXPECT_EQ(mode(dir_.path() / "copy.db"), 0600u);

    // A file made readable by others is made private again when it is next opened.
    ::chmod(file.c_str(), 0644);
    auto again = SqliteDatabase::open(file);
    ASSERT_TRUE(again.isOk());
    EXPECT_EQ(mode(file), 0600u);
}

TEST_F(SqliteDatabaseTest, TruncateCheckpointLeavesNoOldPageInTheLog) {
    auto db = open({.autoCheckpoint = false});
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('marker-7Q4XD');").isOk());
    ASSERT_TRUE(db->exec("UPDATE t SET x = 'gone'").isOk());
    const std::filesystem::path wal = dir_.path() / "test.db-wal";
    auto contains = [](const std::filesystem::path& f, std::string_view what) {
        std::ifstream in(f, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        return bytes.find(what) != std::string::npos;
    };
    EXPECT_TRUE(contains(wal, "marker-7Q4XD")) << "the log keeps the old page until it is truncated";
    ASSERT_TRUE(db->checkpointTruncate().isOk());
    EXPECT_EQ(std::filesystem::file_size(wal), 0u);
    EXPECT_FALSE(contains(dir_.path() / "test.db", "marker-7Q4XD"));
    EXPECT_EQ(count(*db, "t"), 1);
}

TEST_F(SqliteDatabaseTest, BackupBytesAreADatabaseFile) {
    auto db = open({});
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->exec("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2);").isOk());
    auto bytes = db->backupBytes();
    ASSERT_TRUE(bytes.isOk());
    const auto copy = dir_.path() / "copy.db";
    {
        std::ofstream out(copy, std::ios::binary);
        out << bytes.value();
    }
    auto restored = SqliteDatabase::open(copy);
    ASSERT_TRUE(restored.isOk());
    EXPECT_EQ(count(*restored.value(), "t"), 2);
}

}  // namespace
}  // namespace wp
