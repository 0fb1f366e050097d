// ContactPointPrinter: the printer of the settings behind a spooler, and its reports for the host console.
// No cupsd here: a printer whose CUPS socket does not exist is a printer the print system cannot be asked
// about, which is a state the host must see (and must see once, not every half minute).
#include "kiosk/app/contact_point_printer.h"

#include <gtest/gtest.h>

#include <thread>

#include "tests/unit/fake_clock.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

using namespace std::chrono_literals;

// Records what would go to the kiosk database's printer_report.
class RecordingAlertStore final : public HostAlertStore {
  public:
    Result<std::int64_t> addHelpRequest(const std::string&, TimePoint) override { return std::int64_t{0}; }
    Result<std::vector<HelpRequest>> openHelpRequests() override { return std::vector<HelpRequest>{}; }
    Status acknowledgeHelpRequest(std::int64_t, const std::string&, TimePoint) override {
        return Status::ok();
    }
    Status reportPrinterStatus(const PrinterStatus& status, TimePoint when) override {
        statuses.push_back({status, when});
        return Status::ok();
    }
    Status reportPrintOutcome(PrintOutcome outcome, TimePoint when) override {
        outcomes.push_back({outcome, when});
        return Status::ok();
    }
    Result<std::optional<PrinterReport>> printerReport() override { return std::optional<PrinterReport>{}; }

    std::vector<std::pair<PrinterStatus, TimePoint>> statuses;
    std::vector<std::pair<PrintOutcome, TimePoint>> outcomes;
};

class ContactPointPrinterTest : public ::testing::Test {
  protected:
    Settings printerSettings() const {
        Settings s;
        s.printer.way = "pdf";
        s.printer.queue = "wijkpunt-tickets";
        s.printer.server = (dir_.path() / "no-cupsd.sock").string();  // nothing listens there
        return s;
    }

    // Calls update() (in real time, briefly: the spooler's worker asks the printer) until a status is
    // written.
    void updateUntilReported(ContactPointPrinter& printer, size_t reports) {
        for (int i = 0; i < 1000 && alerts_.statuses.size() < reports; ++i) {
            printer.update();
            std::this_thread::sleep_for(2ms);
        }
        ASSERT_EQ(alerts_.statuses.size(), reports) << "no printer status was reported";
    }

    testing::TempDir dir_;
    testing::FakeClock clock_;
    RecordingAlertStore alerts_;
};

TEST_F(ContactPointPrinterTest, WithoutAPrinterThereIsNoSpoolerAndNothingToReport) {
    Settings settings;
    settings.printer.way = "none";
    ContactPointPrinter printer(settings, alerts_, clock_, nullptr);
    EXPECT_EQ(printer.spooler(), nullptr);
    printer.update();
    clock_.advance(1min);
    printer.update();
    EXPECT_TRUE(alerts_.statuses.empty());
}

TEST_F(ContactPointPrinterTest, AnUnreachablePrinterIsReportedOnceUntilItChanges) {
    const Settings settings = printerSettings();
    ContactPointPrinter printer(settings, alerts_, clock_, nullptr);
    ASSERT_NE(printer.spooler(), nullptr);
    updateUntilReported(printer, 1);
    EXPECT_EQ(alerts_.statuses[0].first.state, PrinterStatus::State::Unknown);
    EXPECT_FALSE(alerts_.statuses[0].first.message.empty()) << "the host console shows why";
    EXPECT_EQ(alerts_.statuses[0].second, clock_.now());

    // Asked again half a minute later: the same state is not written again.
    clock_.advance(31s);
    for (int i = 0; i < 50; ++i) {
        printer.update();
        std::this_thread::sleep_for(2ms);
    }
    EXPECT_EQ(alerts_.statuses.size(), 1u);
}

TEST_F(ContactPointPrinterTest, PrintOutcomesAreReportedWithTheClocksTime) {
    const Settings settings = printerSettings();
    ContactPointPrinter printer(settings, alerts_, clock_, nullptr);
    clock_.advance(5min);
    printer.reportOutcome(PrintOutcome::PaperOut);
    ASSERT_EQ(alerts_.outcomes.size(), 1u);
    EXPECT_EQ(alerts_.outcomes[0].first, PrintOutcome::PaperOut);
    EXPECT_EQ(alerts_.outcomes[0].second, clock_.now());
}

}  // namespace
}  // namespace wp
