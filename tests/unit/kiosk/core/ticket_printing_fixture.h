// TicketPrintingTest: what the tests of tickets on paper share (TicketFlow for the resident's tickets,
// HostDesk for tickets added by hand): the printing demo bundle (provisioning/demo/printing.toml), its
// texts, the real SQLite queue stores in a temp folder, a FakePrinter behind a real PrintSpooler (made by
// startSpooler), and a fake clock on Thursday 26 November 2026, 10:00, when the Huurloket has walk-in
// hours (09:00 to 12:00).
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "common/bundle.h"
#include "drivers/printer/fake_printer.h"
#include "kiosk/core/print_spooler.h"
#include "kiosk/core/texts.h"
#include "tests/unit/fake_clock.h"
#include "tests/unit/sqlite_queue_stores.h"
#include "tests/unit/temp_dir.h"

namespace wp::testing {

class TicketPrintingTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto loaded =
            loadBundle(std::filesystem::path(WIJKPUNT_SOURCE_DIR) / "provisioning/demo/printing.toml");
        ASSERT_TRUE(loaded) << loaded.status().message();
        bundle_ = std::move(loaded).value();
        auto stores = SqliteQueueStores::open(dir_.path() / "kiosk.sqlite", bundle_.services);
        ASSERT_TRUE(stores) << stores.status().message();
        stores_ = std::move(stores).value();
        texts_ = std::make_unique<Texts>(bundle_.content);
    }

    void startSpooler() { spooler_ = std::make_unique<PrintSpooler>(printer_, nullptr); }

    // Calls collect (which takes the print results) until it returns true, in real time and briefly: the
    // print worker is a real thread. False when it never did.
    static bool collectUntil(const std::function<bool()>& collect) {
        for (int i = 0; i < 2000; ++i) {
            if (collect()) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        return false;
    }

    // The kinds of today's events of one service's tickets (not the counters' events), in order.
    std::vector<QueueEventKind> kindsOfDay(const std::string& service) {
        auto events = stores_.tickets->eventsOfDay(service, localDay(clock_.now()));
        EXPECT_TRUE(events);
        std::vector<QueueEventKind> kinds;
        if (!events) return kinds;
        for (const QueueEvent& e : *events)
            if (e.number != 0) kinds.push_back(e.kind);
        return kinds;
    }

    Bundle bundle_;
    FakeClock clock_{*parseLocalDateTime("2026-11-26 10:00")};
    TempDir dir_;
    FakePrinter printer_;
    SqliteQueueStores stores_;
    std::unique_ptr<Texts> texts_;
    std::unique_ptr<PrintSpooler> spooler_;  // after the printer: goes first
};

}  // namespace wp::testing
