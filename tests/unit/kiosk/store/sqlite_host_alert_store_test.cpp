// SqliteHostAlertStore: residents' presses for the host folded per screen until a host acknowledges them
// (from two connections, as the walk-in and host roles open it), and the printer's report as one shared row.
#include "kiosk/store/sqlite_host_alert_store.h"

#include <date/date.h>
#include <gtest/gtest.h>

#include "tests/unit/queue_fixtures.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

using namespace std::chrono_literals;
using testing::TempDir;
using testing::utc;

const TimePoint kMorning = utc(2026, 6, 10, 8);  // Wednesday 10:00 CEST

class SqliteHostAlertStoreTest : public ::testing::Test {
  protected:
    TempDir dir_;
};

TEST_F(SqliteHostAlertStoreTest, HelpRequestsFoldPerScreenUntilAcknowledged) {
    auto walkin = SqliteHostAlertStore::open(dir_.path() / "kiosk.db");
    auto host = SqliteHostAlertStore::open(dir_.path() / "kiosk.db");  // the other process
    ASSERT_TRUE(walkin.isOk() && host.isOk());
    HostAlerts& alerts = *walkin.value();
    alerts.residentAsksForHost("ticket", kMorning);
    alerts.residentAsksForHost("ticket", kMorning + 30s);
    alerts.residentAsksForHost("question.topic", kMorning + 1min);
    EXPECT_EQ(walkin.value()->lastError(), "");

    auto open = host.value()->openHelpRequests();
    ASSERT_TRUE(open.isOk());
    ASSERT_EQ(open->size(), 2u);
    EXPECT_EQ(open->at(0).screen, "ticket");
    EXPECT_EQ(open->at(0).presses, 2);
    EXPECT_EQ(open->at(0).firstAt, kMorning);
    EXPECT_EQ(open->at(0).lastAt, kMorning + 30s);
    EXPECT_EQ(open->at(1).screen, "question.topic");

    ASSERT_TRUE(host.value()->acknowledgeHelpRequest(open->at(0).id, "Fatima", kMorning + 2min).isOk());
    Status again = host.value()->acknowledgeHelpRequest(open->at(0).id, "Jan", kMorning + 3min);
    EXPECT_EQ(again.code(), Status::Code::Conflict);
    EXPECT_NE(again.message().find("Fatima"), std::string::npos);
    EXPECT_EQ(host.value()->acknowledgeHelpRequest(999, "Jan", kMorning).code(), Status::Code::NotFound);
    EXPECT_EQ(host.value()->openHelpRequests()->size(), 1u);
    // A new press on an answered screen is a new request.
    alerts.residentAsksForHost("ticket", kMorning + 4min);
    EXPECT_EQ(host.value()->openHelpRequests()->size(), 2u);
}

TEST_F(SqliteHostAlertStoreTest, PrinterReportsAreOneSharedRow) {
    auto store = SqliteHostAlertStore::open(dir_.path() / "kiosk.db");
    ASSERT_TRUE(store.isOk());
    EXPECT_FALSE(store.value()->printerReport()->has_value());
    PrinterStatus st;
    st.state = PrinterStatus::State::Stopped;
    st.reasons = {"media-empty", "offline"};
    st.acceptingJobs = true;
    st.message = "Paper out";
    ASSERT_TRUE(store.value()->reportPrinterStatus(st, kMorning).isOk());
    ASSERT_TRUE(store.value()->reportPrintOutcome(PrintOutcome::PaperOut, kMorning + 1min).isOk());
    ASSERT_TRUE(store.value()->reportPrintOutcome(PrintOutcome::Ok, kMorning + 2min).isOk());
    auto r = store.value()->printerReport();
    ASSERT_TRUE(r.isOk() && r->has_value());
    const PrinterReport& p = **r;
    EXPECT_EQ(p.status.state, PrinterStatus::State::Stopped);
    EXPECT_EQ(p.status.reasons, (std::vector<std::string>{"media-empty", "offline"}));
    EXPECT_TRUE(p.status.acceptingJobs);
    EXPECT_EQ(p.status.message, "Paper out");
    EXPECT_EQ(p.statusAt, kMorning);
    EXPECT_EQ(p.lastFailure, PrintOutcome::PaperOut);
    EXPECT_EQ(p.lastFailureAt, kMorning + 1min);
    EXPECT_EQ(p.lastSuccessAt, kMorning + 2min);
}

}  // namespace
}  // namespace wp
