// The kiosk database as the stores open it (kiosk_schema.cpp): its pragmas, the upgrade of files written by
// older schemas (their tickets and events kept), a newer file or no database at all refused, and a crash
// in the middle of a migration.
#include "kiosk/store/kiosk_schema.h"

#include <date/date.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <csignal>
#include <filesystem>
#include <fstream>

#include "common/sqlite/sqlite_database.h"
#include "tests/unit/kiosk/store/queue_store_fixture.h"

namespace wp {
namespace {

using namespace std::chrono_literals;
using testing::kDay;
using testing::kMorning;
using testing::kServices;

const int kLatest = kioskMigrations().back().version;  // the newest migration

class KioskSchemaTest : public testing::QueueStoreTest {};

TEST_F(KioskSchemaTest, OpensWithWalFullSyncForeignKeysAndSecureDelete) {
    auto store = open().tickets;
    ASSERT_TRUE(store);
    SqliteDatabase& db = store->database();
    EXPECT_EQ(db.pragma("journal_mode").value(), "wal");
    EXPECT_EQ(db.pragma("synchronous").value(), "2");  // FULL
    EXPECT_EQ(db.pragma("foreign_keys").value(), "1");
    EXPECT_EQ(db.pragma("secure_delete").value(), "1");
    EXPECT_EQ(db.schemaVersion().value(), kLatest);
}

TEST_F(KioskSchemaTest, AVersionOneDatabaseUpgradesAndKeepsItsTickets) {
    {
        auto db = SqliteDatabase::open(file_);
        ASSERT_TRUE(db.isOk()) << db.status().message();
        ASSERT_TRUE(db.value()->migrate(kioskMigrations(), 1).isOk());
        ASSERT_EQ(db.value()->schemaVersion().value(), 1);
        // What a kiosk on the first schema had written.
        ASSERT_TRUE(db.value()
                        ->exec("INSERT INTO ticket_counter VALUES ('huurloket', '2026-06-10', 1);"
                               "INSERT INTO ticket (service_id, day, number, display, issued_at_ms, state) "
                               "VALUES ('huurloket', '2026-06-10', 1, 'H-001', 1781071200000, 'waiting');"
                               "INSERT INTO queue_event (kind, service_id, day, number, at_ms) "
                               "VALUES ('issued', 'huurloket', '2026-06-10', 1, 1781071200000);")
                        .isOk());
        EXPECT_FALSE(db.value()->queryInt("SELECT COUNT(*) FROM counter_service").isOk());  // not there yet
    }
    auto [store, host, pinLocks] = open();
    ASSERT_TRUE(store && host);
    EXPECT_EQ(store->database().schemaVersion().value(), kLatest);
    auto waiting = store->waitingTickets("huurloket", kDay);
    ASSERT_TRUE(waiting.isOk());
    ASSERT_EQ(waiting->size(), 1u);
    EXPECT_EQ(waiting->front().display, "H-001");
    EXPECT_EQ(store->issueTicket("huurloket", kMorning)->display, "H-002");
    EXPECT_TRUE(host->openCounter("Balie 1", {"huurloket"}, kMorning).isOk());  // a version-2 table
    EXPECT_EQ(host->countersServing("huurloket", kDay).value(), 1);
}

TEST_F(KioskSchemaTest, AVersion3DatabaseUpgradesKeepingItsTickets) {
    {
        auto db = SqliteDatabase::open(dir_.path() / "kiosk.db");
        ASSERT_TRUE(db.isOk());
        ASSERT_TRUE(db.value()->migrate(kioskMigrations(), 3).isOk());
        ASSERT_TRUE(
            db.value()
                ->exec("INSERT INTO ticket (service_id, day, number, display, issued_at_ms, state, counter) "
                       "VALUES ('huurloket', '2026-06-10', 1, 'H-001', 1000, 'called', 'Balie 1'), "
                       "('huurloket', '2026-06-10', 2, 'H-002', 2000, 'waiting', NULL);"
                       "INSERT INTO ticket_counter VALUES ('huurloket', '2026-06-10', 2);"
                       "INSERT INTO queue_event (kind, service_id, day, number, at_ms) "
                       "VALUES ('issued', 'huurloket', '2026-06-10', 1, 1000)")
                .isOk());
    }
    auto [store, host, pinLocks] = open();
    ASSERT_TRUE(store && host);
    auto tickets = store->ticketsOfDay("huurloket", kDay);
    ASSERT_TRUE(tickets.isOk()) << tickets.status().message();
    ASSERT_EQ(tickets->size(), 2u);
    EXPECT_EQ(tickets->at(0).state, TicketState::Called);
    EXPECT_EQ(tickets->at(0).counter, "Balie 1");
    EXPECT_EQ(tickets->at(0).origin, TicketOrigin::WalkIn);
    EXPECT_EQ(tickets->at(0).revision, 0);
    EXPECT_EQ(events(*store).at(0).display, "H-001");  // old events find their ticket too
    // Parked is a state the table takes now; the next number continues.
    ASSERT_TRUE(host->changeTicketState(tickets->at(0).id, TicketState::Parked, "", kMorning).isOk());
    EXPECT_EQ(issue(*store, "huurloket", kMorning).number, 3);
}

TEST_F(KioskSchemaTest, ANewerDatabaseIsRefused) {
    {
        auto db = SqliteDatabase::open(file_);
        ASSERT_TRUE(db.isOk());
        ASSERT_TRUE(db.value()->exec("PRAGMA user_version = 99").isOk());
    }
    auto store = SqliteQueueStore::open(file_, kServices);
    ASSERT_FALSE(store.isOk());
    EXPECT_EQ(store.status().code(), Status::Code::Conflict);
    EXPECT_NE(store.status().message().find("newer than this program"), std::string::npos);
}

TEST_F(KioskSchemaTest, NotADatabaseIsAnIoError) {
    { std::ofstream(file_) << "this is not a database, just some text that is long enough to have a header"; }
    auto store = SqliteQueueStore::open(file_, kServices);
    ASSERT_FALSE(store.isOk());
    EXPECT_EQ(store.status().code(), Status::Code::IoError) << store.status().message();
}

TEST_F(KioskSchemaTest, ACrashDuringMigrationLeavesAnUpgradableFile) {
    GTEST_FLAG_SET(death_test_style, "fast");
    {
        auto db = SqliteDatabase::open(file_);
        ASSERT_TRUE(db.isOk());
        ASSERT_TRUE(db.value()->migrate(kioskMigrations(), 1).isOk());
    }
    ::setenv("WIJKPUNT_CRASH_AT", "migration-before-commit", 1);
    EXPECT_EXIT(
        {
            (void)SqliteQueueStore::open(file_, kServices);
            std::_Exit(3);
        },
        ::testing::KilledBySignal(SIGKILL), "");
    ::unsetenv("WIJKPUNT_CRASH_AT");
    {
        auto db = SqliteDatabase::open(file_);
        ASSERT_TRUE(db.isOk());
        EXPECT_EQ(db.value()->schemaVersion().value(), 1);
    }
    auto store = open().tickets;
    ASSERT_TRUE(store);
    EXPECT_EQ(store->database().schemaVersion().value(), kLatest);
}

}  // namespace
}  // namespace wp
