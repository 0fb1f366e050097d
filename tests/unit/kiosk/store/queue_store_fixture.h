// QueueStoreTest: the fixture of the kiosk queue stores' tests. The stores open on kiosk.db in a fresh temp
// folder, for the services huurloket (H) and wijkteam (W); the tests' day is Wednesday 10 June 2026.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/unit/queue_fixtures.h"
#include "tests/unit/sqlite_queue_stores.h"
#include "tests/unit/temp_dir.h"

namespace wp::testing {

inline const std::vector<Service> kServices = {service("huurloket", "H"), service("wijkteam", "W")};
inline const TimePoint kMorning = utc(2026, 6, 10, 8);  // Wednesday 10:00 CEST
inline const std::string kDay = "2026-06-10";

class QueueStoreTest : public ::testing::Test {
  protected:
    // Every store on the database file, each on its own connection; empty ones (and a failure) when it
    // cannot open.
    SqliteQueueStores open() {
        auto stores = SqliteQueueStores::open(file_, kServices);
        EXPECT_TRUE(stores.isOk()) << stores.status().message();
        return stores.isOk() ? std::move(stores).value() : SqliteQueueStores{};
    }
    Ticket issue(SqliteQueueStore& store, const std::string& service, TimePoint at) {
        auto t = store.issueTicket(service, at);
        EXPECT_TRUE(t.isOk()) << t.status().message();
        return t.isOk() ? t.value() : Ticket{};
    }
    std::vector<QueueEvent> events(SqliteQueueStore& store) { return store.eventsAfter(0, 1000).value(); }

    TempDir dir_;
    std::filesystem::path file_ = dir_.path() / "kiosk.db";
};

}  // namespace wp::testing
