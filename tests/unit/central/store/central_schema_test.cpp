// The central database's schema (central_schema.cpp): numbered without gaps, a file on the first schema
// upgrades keeping its requests and queue events, and a file newer than the list is refused.
#include "central/store/central_schema.h"

#include <gtest/gtest.h>

#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

using testing::TempDir;

TEST(CentralSchemaTest, MigrationsAreNumberedFromOneWithoutGaps) {
    auto migrations = centralMigrations();
    ASSERT_FALSE(migrations.empty());
    for (size_t i = 0; i < migrations.size(); ++i) {
        EXPECT_EQ(migrations[i].version, static_cast<int>(i) + 1);
        EXPECT_FALSE(migrations[i].name.empty());
    }
}

TEST(CentralSchemaTest, AFirstSchemaFileUpgradesKeepingItsRows) {
    TempDir dir;
    auto db = SqliteDatabase::open(dir.path() / "central.db");
    ASSERT_TRUE(db.isOk()) << db.status().message();
    ASSERT_TRUE(db.value()->migrate(centralMigrations(), 1).isOk());
    ASSERT_TRUE(
        db.value()
            ->exec("INSERT INTO request (uuid, reference, kiosk, contact_point, type, team, body, answer, "
                   "created_at_ms, received_at_ms, updated_at_ms) VALUES ('u1', 'SGN-K2-7KQ4XD9M-3', "
                   "'K2', 'SGN', 'question', 'huurloket', '{}', '{}', 1, 2, 2);"
                   "INSERT INTO queue_stat_event (kiosk, seq, kind, service, day, number, at_ms, "
                   "received_at_ms) VALUES ('K2', 1, 'issued', 'huurloket', '2026-11-26', 1, 1, 2);")
            .isOk());

    ASSERT_TRUE(db.value()->migrate(centralMigrations()).isOk());
    EXPECT_EQ(db.value()->schemaVersion().value(), centralMigrations().back().version);
    EXPECT_EQ(db.value()->queryInt("SELECT COUNT(*) FROM request WHERE coach = ''").value(), 1);
    EXPECT_EQ(db.value()->queryInt("SELECT COUNT(*) FROM queue_stat_event WHERE ticket = ''").value(), 1);
    EXPECT_EQ(db.value()->queryInt("SELECT COUNT(*) FROM kiosk_heard").value(), 0);
}

TEST(CentralSchemaTest, ANewerFileIsRefused) {
    TempDir dir;
    auto db = SqliteDatabase::open(dir.path() / "central.db");
    ASSERT_TRUE(db.isOk());
    ASSERT_TRUE(db.value()->exec("PRAGMA user_version = 99").isOk());
    Status s = db.value()->migrate(centralMigrations());
    EXPECT_EQ(s.code(), Status::Code::Conflict) << s.message();
    EXPECT_EQ(db.value()->schemaVersion().value(), 99);
}

}  // namespace
}  // namespace wp
