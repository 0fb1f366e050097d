// Roll paper through CupsPrinter on a real, private cupsd (tests/support/private-cupsd.sh): the PDF queue
// describes an 80 mm roll (a CustomPageSize in its PPD), so a long receipt comes out as one upright page
// 80 mm wide and as long as its content, not turned and shrunk onto the 150 mm default. A queue with only
// the fixed 80 x 150 mm size gets the same receipt cut into upright 150 mm pages. pdfinfo reads what the
// file device received (after pdftopdf). With WP_RECEIPT_PNG_DIR set, the printed PDFs are also kept there,
// for looking at them (pdftoppm) by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "drivers/printer/cups_printer.h"
#include "drivers/printer/ticket_layout.h"
#include "tests/integration/printer/private_cupsd_fixture.h"
#include "tests/support/sample_receipt.h"
#include "tests/support/sample_ticket.h"

namespace wp {
namespace {

namespace fs = std::filesystem;

constexpr double kPointsPerMm = 72.0 / 25.4;

struct PdfInfo {
    int pages = 0;
    double widthPt = 0, heightPt = 0;  // of the first page
    int rotation = -1;
    std::string raw;
};

// pdfinfo's "Pages:", "Page size:" and "Page rot:" lines.
PdfInfo pdfInfo(const fs::path& pdf) {
    PdfInfo info;
    test::CommandResult r = test::runCommand({"pdfinfo", pdf.string()});
    EXPECT_EQ(r.exitCode, 0) << r.output;
    info.raw = r.output;
    std::smatch m;
    if (std::regex_search(r.output, m, std::regex(R"(Pages:\s+(\d+))"))) info.pages = std::stoi(m[1]);
    if (std::regex_search(r.output, m, std::regex(R"(Page size:\s+([\d.]+) x ([\d.]+) pts)"))) {
        info.widthPt = std::stod(m[1]);
        info.heightPt = std::stod(m[2]);
    }
    if (std::regex_search(r.output, m, std::regex(R"(Page rot:\s+(\d+))"))) info.rotation = std::stoi(m[1]);
    return info;
}

// A printed answer as long as the question tree's longest: 40 lines that each wrap over two or three lines.
ReceiptPrintout longReceipt() {
    ReceiptPrintout r = test::sampleReceiptNl();
    r.title = "Is mijn huur te hoog?";
    r.lines.clear();
    for (int i = 1; i <= 40; ++i) {
        r.lines.push_back("Regel " + std::to_string(i) +
                          ": het Huurloket rekent gratis met u uit of uw huur klopt, en helpt u bij de "
                          "huurcommissie als dat nodig is.");
    }
    r.lines.back() += " Einde van het antwoord.";
    return r;
}

// The box pdftotext -bbox gives the first word `word` in pdf; width and height 0 when it is not there.
struct WordBox {
    double width = 0, height = 0;
};
WordBox wordBox(const fs::path& pdf, const std::string& word) {
    test::CommandResult r = test::runCommand({"pdftotext", "-bbox", "-enc", "UTF-8", pdf.string(), "-"});
    EXPECT_EQ(r.exitCode, 0) << r.output;
    std::smatch m;
    const std::regex re(R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">)re" +
                        word + "</word>");
    if (!std::regex_search(r.output, m, re)) return {};
    return {std::stod(m[3]) - std::stod(m[1]), std::stod(m[4]) - std::stod(m[2])};
}

// The word reads left to right (wider than high) at the size the layout gave it: not turned, not scaled.
void expectUprightAtFullSize(const fs::path& printed, const std::vector<std::uint8_t>& rendered,
                             const std::string& word) {
    const fs::path original = printed.parent_path() / "rendered.pdf";
    std::ofstream(original, std::ios::binary)
        .write(reinterpret_cast<const char*>(rendered.data()), static_cast<std::streamsize>(rendered.size()));
    const WordBox want = wordBox(original, word);
    const WordBox got = wordBox(printed, word);
    ASSERT_GT(want.width, 0) << word << " not in the rendered PDF";
    ASSERT_GT(got.width, 0) << word << " not in the printed PDF";
    EXPECT_GT(got.width, got.height) << word << " runs top to bottom: the page was turned";
    EXPECT_NEAR(got.width, want.width, want.width * 0.01) << word << " was scaled";
    EXPECT_NEAR(got.height, want.height, want.height * 0.01) << word << " was scaled";
}

// Keeps a printed PDF in WP_RECEIPT_PNG_DIR when that is set.
void keep(const fs::path& printed, const std::string& as) {
    if (const char* dir = std::getenv("WP_RECEIPT_PNG_DIR"); dir != nullptr && *dir != '\0')
        fs::copy_file(printed, fs::path(dir) / as, fs::copy_options::overwrite_existing);
}

// The 80 mm width, in points, as cairo writes it and pdftopdf keeps it.
void expect80mmWide(const PdfInfo& info) {
    EXPECT_NEAR(info.widthPt, 80 * kPointsPerMm, 0.5) << info.raw;
    EXPECT_EQ(info.rotation, 0) << info.raw;
    EXPECT_GT(info.heightPt, info.widthPt) << "turned sideways: " << info.raw;
}

class RollPaperIntegrationTest : public test::PrivateCupsdTest {
  protected:
    // Adds a queue "wp-fixed" whose PPD has only the 80 x 150 mm size (the roll lines taken out of the test
    // PPD), printing to out/fixed.pdf; returns that file.
    fs::path addFixedQueue() {
        std::ifstream in(cupsd_->dir() / "wp-pdf.ppd");
        EXPECT_TRUE(in) << "no wp-pdf.ppd in " << cupsd_->dir();
        std::ostringstream fixed;
        for (std::string line; std::getline(in, line);) {
            if (line.find("Custom") != std::string::npos ||
                line.find("VariablePaperSize") != std::string::npos ||
                line.find("MaxMedia") != std::string::npos || line.find("HWMargins") != std::string::npos)
                continue;
            fixed << line << '\n';
        }
        const fs::path ppd = cupsd_->dir() / "wp-fixed.ppd";
        const fs::path output = cupsd_->dir() / "out" / "fixed.pdf";
        { std::ofstream(ppd) << fixed.str(); }
        auto added = cupsd_->runTool(
            "lpadmin", {"-p", "wp-fixed", "-E", "-v", "file://" + output.string(), "-P", ppd.string()});
        EXPECT_TRUE(added.isOk()) << added.status().message();
        return output;
    }

    CupsPrinterSettings fixedSettings() const {
        CupsPrinterSettings s = settings(PrintWay::Pdf);
        s.queue = "wp-fixed";
        return s;
    }
};

// A printed answer shorter than the paper is wide (as "Is mijn huur te hoog?"): CUPS turns such a page unless
// the job names its paper.
ReceiptPrintout shortAnswer() {
    ReceiptPrintout r = test::sampleReceiptNl("");
    r.title = "Is mijn huur te hoog?";
    r.referenceLabel.clear();
    r.qrUrl.clear();
    r.lines = {"Het Huurloket rekent gratis met u uit of het klopt."};
    return r;
}

TEST_F(RollPaperIntegrationTest, TheQueueSaysItTakes80mmOfAnyLength) {
    CupsPrinter printer(settings(PrintWay::Pdf));
    auto media = printer.queueMedia();
    ASSERT_TRUE(media.isOk()) << media.status().message();
    EXPECT_NEAR(media->defaultWidthMm, 80, 0.01);
    EXPECT_NEAR(media->defaultLengthMm, 150, 0.01);
    ASSERT_EQ(media->custom.size(), 1u);
    EXPECT_NEAR(media->custom[0].minWidthMm, 80, 0.01);
    EXPECT_NEAR(media->custom[0].maxWidthMm, 80, 0.01);
    EXPECT_NEAR(media->custom[0].minLengthMm, 25, 0.01);
    EXPECT_NEAR(media->custom[0].maxLengthMm, 2000, 0.01);
}

TEST_F(RollPaperIntegrationTest, LongReceiptComesOutAsOneUprightPageAsLongAsItsContent) {
    const ReceiptPrintout receipt = longReceipt();
    auto roll = renderReceiptPdfDocument(receipt, PdfPaper{});
    ASSERT_TRUE(roll.isOk()) << roll.status().message();
    ASSERT_GT(roll->pageLengthMm, 400) << "the test receipt should be far longer than 150 mm";

    CupsPrinter printer(settings(PrintWay::Pdf));
    ASSERT_EQ(printer.printReceipt(receipt), PrintOutcome::Ok) << printer.lastJob().message;
    keep(cupsd_->pdfOutput(), "roll-long-receipt.pdf");
    const PdfInfo info = pdfInfo(cupsd_->pdfOutput());
    EXPECT_EQ(info.pages, 1) << info.raw;
    expect80mmWide(info);
    // As long as the content: the page the layout made, not shrunk onto 150 mm.
    EXPECT_NEAR(info.heightPt, roll->pageLengthMm * kPointsPerMm, 0.5) << info.raw;

    expectUprightAtFullSize(cupsd_->pdfOutput(), roll->bytes, "Huurloket");
    const std::string text = pdfText();
    EXPECT_NE(text.find("Regel 1:"), std::string::npos) << text;
    EXPECT_NE(text.find("Einde van het antwoord."), std::string::npos) << text;
    EXPECT_NE(text.find("Gemaakt op: 26-11-2025 10:42"), std::string::npos) << text;
}

TEST_F(RollPaperIntegrationTest, ShortTicketKeepsItsOwnSize) {
    const TicketPrintout ticket = test::sampleTicket("H-014");
    auto roll = renderTicketPdfDocument(ticket, PdfPaper{});
    ASSERT_TRUE(roll.isOk()) << roll.status().message();
    ASSERT_LT(roll->pageLengthMm, 150);

    CupsPrinter printer(settings(PrintWay::Pdf));
    ASSERT_EQ(printer.printTicket(ticket), PrintOutcome::Ok) << printer.lastJob().message;
    const PdfInfo info = pdfInfo(cupsd_->pdfOutput());
    EXPECT_EQ(info.pages, 1) << info.raw;
    expect80mmWide(info);
    EXPECT_NEAR(info.heightPt, roll->pageLengthMm * kPointsPerMm, 0.5) << info.raw;
    EXPECT_NE(pdfText().find("H-014"), std::string::npos);
    expectUprightAtFullSize(cupsd_->pdfOutput(), roll->bytes, "Groenoord");
}

TEST_F(RollPaperIntegrationTest, AnswerShorterThanThePaperIsWideStaysUpright) {
    const ReceiptPrintout answer = shortAnswer();
    auto roll = renderReceiptPdfDocument(answer, PdfPaper{});
    ASSERT_TRUE(roll.isOk()) << roll.status().message();
    ASSERT_LT(roll->pageLengthMm, 80) << "the test answer should be wider than long";

    CupsPrinter printer(settings(PrintWay::Pdf));
    ASSERT_EQ(printer.printReceipt(answer), PrintOutcome::Ok) << printer.lastJob().message;
    const PdfInfo info = pdfInfo(cupsd_->pdfOutput());
    EXPECT_EQ(info.pages, 1) << info.raw;
    EXPECT_NEAR(info.widthPt, 80 * kPointsPerMm, 0.5) << info.raw;
    EXPECT_EQ(info.rotation, 0) << info.raw;
    EXPECT_NEAR(info.heightPt, roll->pageLengthMm * kPointsPerMm, 0.5) << info.raw;
    expectUprightAtFullSize(cupsd_->pdfOutput(), roll->bytes, "Huurloket");

    // On fixed 80 x 150 mm paper: one whole page, upright.
    const fs::path fixedOutput = addFixedQueue();
    CupsPrinter fixed(fixedSettings());
    ASSERT_EQ(fixed.printReceipt(answer), PrintOutcome::Ok) << fixed.lastJob().message;
    const PdfInfo onFixed = pdfInfo(fixedOutput);
    EXPECT_EQ(onFixed.pages, 1) << onFixed.raw;
    expect80mmWide(onFixed);
    EXPECT_NEAR(onFixed.heightPt, 150 * kPointsPerMm, 0.5) << onFixed.raw;
    expectUprightAtFullSize(fixedOutput, roll->bytes, "Huurloket");
}

// A queue whose PPD has only the 80 x 150 mm size (the roll lines taken out of the test PPD): the long
// receipt comes out on upright 150 mm pages, all of it.
TEST_F(RollPaperIntegrationTest, FixedLengthQueueGetsUprightPagesOfItsLength) {
    const fs::path output = addFixedQueue();
    CupsPrinter printer(fixedSettings());
    auto media = printer.queueMedia();
    ASSERT_TRUE(media.isOk()) << media.status().message();
    EXPECT_TRUE(media->custom.empty());
    EXPECT_NEAR(media->defaultLengthMm, 150, 0.01);

    const ReceiptPrintout receipt = longReceipt();
    ASSERT_EQ(printer.printReceipt(receipt), PrintOutcome::Ok) << printer.lastJob().message;
    keep(output, "roll-fixed-150mm.pdf");
    const PdfInfo info = pdfInfo(output);
    expect80mmWide(info);
    EXPECT_NEAR(info.heightPt, 150 * kPointsPerMm, 0.5) << info.raw;
    auto roll = renderReceiptPdfDocument(receipt, PdfPaper{});
    ASSERT_TRUE(roll.isOk());
    expectUprightAtFullSize(output, roll->bytes, "Huurloket");
    EXPECT_GE(info.pages, static_cast<int>(std::ceil(roll->pageLengthMm / 150))) << info.raw;

    test::CommandResult text = test::runCommand({"pdftotext", "-enc", "UTF-8", output.string(), "-"});
    ASSERT_EQ(text.exitCode, 0) << text.output;
    for (int i = 1; i <= 40; ++i) {
        EXPECT_NE(text.output.find("Regel " + std::to_string(i) + ":"), std::string::npos) << i;
    }
    EXPECT_NE(text.output.find("Einde van het antwoord."), std::string::npos) << text.output;
}

}  // namespace
}  // namespace wp
