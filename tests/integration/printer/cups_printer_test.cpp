// CupsPrinter against a real, private cupsd (tests/support/private-cupsd.sh): the PDF queue writes a file
// that pdftotext reads back, the ESC/POS queue's test backend captures the bytes, and its paper-out flag
// stops the queue like an empty printer. Each test has its own cupsd in a fresh folder (ctest runs one test
// per process).
#include "drivers/printer/cups_printer.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "tests/integration/printer/private_cupsd_fixture.h"
#include "tests/support/sample_ticket.h"

namespace wp {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// Polls cond every few milliseconds until it holds or timeout passes; returns its last value.
template <typename Cond>
bool waitFor(Cond cond, std::chrono::milliseconds timeout = 5000ms) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!cond()) {
        if (std::chrono::steady_clock::now() >= deadline) return cond();
        std::this_thread::sleep_for(10ms);
    }
    return true;
}

// Document files of jobs ("d<job>-<doc>") in the spool; c* files are the job history (no document).
std::vector<std::string> documentFilesIn(const fs::path& spool) {
    std::vector<std::string> found;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(spool, ec)) {
        const std::string name = e.path().filename().string();
        if (e.is_regular_file() && name.size() > 1 && name[0] == 'd') found.push_back(name);
    }
    return found;
}

class CupsPrinterIntegrationTest : public test::PrivateCupsdTest {};
using test::readBytes;
using test::readText;

TEST_F(CupsPrinterIntegrationTest, PdfTicketComesOutAndPdftotextReadsTheNumberBack) {
    CupsPrinter printer(settings(PrintWay::Pdf));
    ASSERT_EQ(printer.printTicket(test::sampleTicket("H-014")), PrintOutcome::Ok)
        << printer.lastJob().message;
    EXPECT_GT(printer.lastJob().jobId, 0);

    // Completed means the file device has been closed: the PDF is whole.
    ASSERT_TRUE(fs::exists(cupsd_->pdfOutput()));
    EXPECT_EQ(readText(cupsd_->pdfOutput()).substr(0, 5), "%PDF-");
    const std::string text = pdfText();
    EXPECT_NE(text.find("H-014"), std::string::npos) << text;
    EXPECT_NE(text.find("Huurloket"), std::string::npos) << text;
    EXPECT_NE(text.find("Wijkpunt Groenoord"), std::string::npos) << text;
    EXPECT_NE(text.find("Voor u in de rij: 3"), std::string::npos) << text;
    // Longer lines may wrap on the 72 mm: compared without spaces and line breaks.
    std::string flat;
    for (char c : text)
        if (c != ' ' && c != '\n') flat += c;
    for (const char* line : {"Wachttijd:ongeveer12minuten", "Gemaaktop:26-11-202610:42",
                             "Heeftuuwbeurtgemist?", "wijkpunt.schiedam.nl/q/SGN/2026-11-26/H-014"})
        EXPECT_NE(flat.find(line), std::string::npos) << line << " in\n" << text;
    EXPECT_NE(text.find("будь ласка"), std::string::npos) << text;

    // The PDF went through pdftopdf (the PPD's cupsFilter2), as on a driverless printer.
    EXPECT_NE(readText(cupsd_->errorLog()).find("pdftopdf"), std::string::npos);
}

TEST_F(CupsPrinterIntegrationTest, EscPosTicketReachesTheBackendByteForByte) {
    CupsPrinter printer(settings(PrintWay::EscPos));
    const TicketPrintout ticket = test::sampleTicket("W-007");
    ASSERT_EQ(printer.printTicket(ticket), PrintOutcome::Ok) << printer.lastJob().message;
    const test::DecodedEscPos d = expectCapturedAsRendered(printer, ticket);
    ASSERT_FALSE(d.blocks.empty());
    for (const auto& block : d.blocks) EXPECT_EQ(block.bytesPerRow, 72);  // 576 dots
}

TEST_F(CupsPrinterIntegrationTest, PaperOutStopsTheQueueAndRecoversAfterCupsenable) {
    CupsPrinter printer(settings(PrintWay::EscPos));
    { std::ofstream(cupsd_->paperOutFlag()) << "out\n"; }

    // The backend says media-empty and exits 4: CUPS stops the queue; we withdraw the job.
    EXPECT_EQ(printer.printTicket(test::sampleTicket("H-020")), PrintOutcome::PaperOut)
        << printer.lastJob().message;
    const int withdrawn = printer.lastJob().jobId;
    EXPECT_GT(withdrawn, 0);
    PrinterStatus s = printer.status();
    EXPECT_EQ(s.state, PrinterStatus::State::Stopped) << s.message;
    EXPECT_TRUE(s.has("media-empty")) << s.message;
    EXPECT_TRUE(s.paperOut());
    EXPECT_FALSE(s.canPrint());
    EXPECT_NE(s.message.find("Out of paper"), std::string::npos) << s.message;

    // While the queue is stopped, the next ticket fails at once and makes no job.
    const auto t0 = std::chrono::steady_clock::now();
    EXPECT_EQ(printer.printTicket(test::sampleTicket("H-021")), PrintOutcome::PaperOut);
    EXPECT_EQ(printer.lastJob().jobId, 0);
    EXPECT_LT(std::chrono::steady_clock::now() - t0, 2s);

    // The host loads paper and starts the queue again.
    fs::remove(cupsd_->paperOutFlag());
    auto enabled = cupsd_->runTool("cupsenable", {cupsd_->escposQueue()});
    ASSERT_TRUE(enabled.isOk()) << enabled.status().message();
    const TicketPrintout next = test::sampleTicket("H-022");
    ASSERT_EQ(printer.printTicket(next), PrintOutcome::Ok) << printer.lastJob().message;
    const int printed = printer.lastJob().jobId;
    EXPECT_EQ(readBytes(cupsd_->escposCapture()), printer.renderDocument(next).value());

    // Only the new job reached the printer: the withdrawn one did not come out after the restart.
    const std::string jobsLog = readText(cupsd_->escposJobsLog());
    EXPECT_EQ(std::count(jobsLog.begin(), jobsLog.end(), '\n'), 1) << jobsLog;
    EXPECT_EQ(jobsLog.substr(0, jobsLog.find(' ')), std::to_string(printed)) << jobsLog;
    EXPECT_NE(withdrawn, printed);
    s = printer.status();
    EXPECT_EQ(s.state, PrinterStatus::State::Idle) << s.message;
    EXPECT_FALSE(s.paperOut()) << s.message;
    EXPECT_TRUE(s.canPrint()) << s.message;
}

TEST_F(CupsPrinterIntegrationTest, SpoolHoldsNoJobFilesAfterJobs) {
    CupsPrinter pdf(settings(PrintWay::Pdf));
    CupsPrinter escpos(settings(PrintWay::EscPos));
    ASSERT_EQ(pdf.printTicket(test::sampleTicket("G-001")), PrintOutcome::Ok) << pdf.lastJob().message;
    ASSERT_EQ(escpos.printTicket(test::sampleTicket("G-002")), PrintOutcome::Ok) << escpos.lastJob().message;
    // PreserveJobFiles No: cupsd removes the documents once the job is done.
    EXPECT_TRUE(waitFor([&] { return documentFilesIn(cupsd_->spool()).empty(); }))
        << "left in " << cupsd_->spool() << ": "
        << ::testing::PrintToString(documentFilesIn(cupsd_->spool()));
}

TEST_F(CupsPrinterIntegrationTest, IdleQueueStatusSaysItCanPrint) {
    CupsPrinter printer(settings(PrintWay::Pdf));
    PrinterStatus s = printer.status();
    EXPECT_EQ(s.state, PrinterStatus::State::Idle) << s.message;
    EXPECT_TRUE(s.acceptingJobs);
    EXPECT_TRUE(s.reasons.empty()) << s.message;
    EXPECT_TRUE(s.canPrint());
    EXPECT_NE(s.message.find(cupsd_->pdfQueue()), std::string::npos);
}

TEST_F(CupsPrinterIntegrationTest, DisabledQueueIsOfflineAndGetsNoJob) {
    ASSERT_TRUE(cupsd_->runTool("cupsdisable", {cupsd_->pdfQueue()}).isOk());
    CupsPrinter printer(settings(PrintWay::Pdf));
    EXPECT_EQ(printer.printTicket(test::sampleTicket()), PrintOutcome::Offline);
    EXPECT_EQ(printer.lastJob().jobId, 0);
    PrinterStatus s = printer.status();
    EXPECT_EQ(s.state, PrinterStatus::State::Stopped);
    EXPECT_TRUE(s.has("paused")) << s.message;
    EXPECT_FALSE(fs::exists(cupsd_->pdfOutput()));
}

TEST_F(CupsPrinterIntegrationTest, RejectingQueueIsRejected) {
    ASSERT_TRUE(cupsd_->runTool("cupsreject", {cupsd_->pdfQueue()}).isOk());
    CupsPrinter printer(settings(PrintWay::Pdf));
    EXPECT_EQ(printer.printTicket(test::sampleTicket()), PrintOutcome::Rejected);
    EXPECT_FALSE(printer.status().acceptingJobs);
    EXPECT_FALSE(printer.status().canPrint());
}

TEST_F(CupsPrinterIntegrationTest, MissingQueueIsRejected) {
    CupsPrinterSettings s = settings(PrintWay::Pdf);
    s.queue = "no-such-queue";
    CupsPrinter printer(s);
    EXPECT_EQ(printer.printTicket(test::sampleTicket()), PrintOutcome::Rejected);
    EXPECT_NE(printer.lastJob().message.find("no-such-queue"), std::string::npos)
        << printer.lastJob().message;
    PrinterStatus st = printer.status();
    EXPECT_EQ(st.state, PrinterStatus::State::Unknown);
    EXPECT_FALSE(st.canPrint());
}

TEST(CupsPrinterUnreachableTest, NoSchedulerMeansOffline) {
    CupsPrinterSettings s;
    s.way = PrintWay::EscPos;
    s.queue = "wp-escpos";
    s.server = "/tmp/wp-no-cupsd-" + std::to_string(getpid()) + "/sock";
    s.connectTimeout = 1000ms;
    CupsPrinter printer(s);
    EXPECT_EQ(printer.printTicket(test::sampleTicket()), PrintOutcome::Offline);
    EXPECT_NE(printer.lastJob().message.find("cannot connect"), std::string::npos)
        << printer.lastJob().message;
    PrinterStatus st = printer.status();
    EXPECT_EQ(st.state, PrinterStatus::State::Unknown);
    EXPECT_FALSE(st.canPrint());
}

TEST(CupsPrinterSettingsTest, PrintWayParsesTheSettingsSpelling) {
    EXPECT_EQ(parsePrintWay("pdf"), PrintWay::Pdf);
    EXPECT_EQ(parsePrintWay("escpos"), PrintWay::EscPos);
    EXPECT_EQ(parsePrintWay("ESC/POS"), std::nullopt);
    EXPECT_STREQ(toString(PrintWay::EscPos), "escpos");
}

}  // namespace
}  // namespace wp
