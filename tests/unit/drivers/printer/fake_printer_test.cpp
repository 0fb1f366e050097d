#include "drivers/printer/fake_printer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "tests/support/sample_receipt.h"
#include "tests/support/sample_ticket.h"

namespace wp {
namespace {

TEST(FakePrinterTest, PrintsAndRemembers) {
    FakePrinter p;
    EXPECT_EQ(p.printTicket(test::sampleTicket("H-001")), PrintOutcome::Ok);
    EXPECT_EQ(p.printTicket(test::sampleTicket("H-002")), PrintOutcome::Ok);
    ASSERT_EQ(p.printed().size(), 2u);
    EXPECT_EQ(p.printed()[1].number, "H-002");
    PrinterStatus s = p.status();
    EXPECT_EQ(s.state, PrinterStatus::State::Idle);
    EXPECT_TRUE(s.canPrint());
}

TEST(FakePrinterTest, PaperOutStopsPrintingAndShowsInStatus) {
    FakePrinter p;
    p.setPaperOut(true);
    EXPECT_EQ(p.printTicket(test::sampleTicket()), PrintOutcome::PaperOut);
    EXPECT_TRUE(p.printed().empty());
    EXPECT_EQ(p.attempts(), 1);
    PrinterStatus s = p.status();
    EXPECT_EQ(s.state, PrinterStatus::State::Stopped);
    EXPECT_TRUE(s.has("media-empty"));
    EXPECT_TRUE(s.paperOut());
    EXPECT_FALSE(s.canPrint());
    p.setPaperOut(false);
    EXPECT_EQ(p.printTicket(test::sampleTicket()), PrintOutcome::Ok);
}

TEST(FakePrinterTest, OfflineAndPaperLow) {
    FakePrinter p;
    p.setOffline(true);
    EXPECT_EQ(p.printTicket(test::sampleTicket()), PrintOutcome::Offline);
    EXPECT_EQ(p.status().state, PrinterStatus::State::Unknown);
    EXPECT_FALSE(p.status().canPrint());
    p.setOffline(false);
    p.setPaperLow(true);
    EXPECT_EQ(p.printTicket(test::sampleTicket()), PrintOutcome::Ok);
    EXPECT_TRUE(p.status().has("media-low"));
    EXPECT_TRUE(p.status().canPrint());
}

TEST(FakePrinterTest, FailNextFailsOnlyOnce) {
    FakePrinter p;
    p.failNext(PrintOutcome::RetryLater);
    EXPECT_EQ(p.printTicket(test::sampleTicket()), PrintOutcome::RetryLater);
    EXPECT_EQ(p.printTicket(test::sampleTicket()), PrintOutcome::Ok);
    EXPECT_EQ(p.printed().size(), 1u);
}

TEST(FakePrinterTest, LogFileGetsOneLinePerPrintedTicket) {
    const auto log =
        std::filesystem::temp_directory_path() / ("wp-fake-printer-" + std::to_string(getpid()) + ".log");
    std::filesystem::remove(log);
    {
        FakePrinter p(log);
        EXPECT_EQ(p.printTicket(test::sampleTicket("G-007")), PrintOutcome::Ok);
        p.setPaperOut(true);
        EXPECT_EQ(p.printTicket(test::sampleTicket("G-008")), PrintOutcome::PaperOut);
    }
    std::ifstream in(log);
    std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(all, "G-007\tHuurloket\n");
    std::filesystem::remove(log);
}

TEST(FakePrinterTest, ReceiptsAreRememberedApartFromTicketsAndLogged) {
    const auto log = std::filesystem::temp_directory_path() /
                     ("wp-fake-printer-receipt-" + std::to_string(getpid()) + ".log");
    std::filesystem::remove(log);
    {
        FakePrinter p(log);
        EXPECT_EQ(p.printReceipt(test::sampleReceiptNl("SGN-K2-7KQ4XD-3")), PrintOutcome::Ok);
        p.failNext(PrintOutcome::RetryLater);
        EXPECT_EQ(p.printReceipt(test::sampleReceiptUk()), PrintOutcome::RetryLater);
        EXPECT_EQ(p.attempts(), 2);
        ASSERT_EQ(p.printedReceipts().size(), 1u);
        EXPECT_EQ(p.printedReceipts()[0].title, "Uw vraag is verstuurd");
        EXPECT_TRUE(p.printed().empty());
    }
    std::ifstream in(log);
    std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(all, "receipt\tSGN-K2-7KQ4XD-3\n");
    std::filesystem::remove(log);
}

TEST(FakePrinterTest, OutcomeNamesForLogs) {
    EXPECT_STREQ(toString(PrintOutcome::PaperOut), "paper-out");
    EXPECT_STREQ(toString(PrinterStatus::State::Stopped), "stopped");
}

}  // namespace
}  // namespace wp
