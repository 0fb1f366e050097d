// Receipts through CupsPrinter on a real, private cupsd (tests/support/private-cupsd.sh), as tickets are:
// the PDF queue's file is read back with pdftotext (the reference code and a Cyrillic line of a Ukrainian
// receipt), the ESC/POS queue's bytes are decoded. With WP_RECEIPT_PNG_DIR set, the Dutch and Ukrainian
// PDFs are also kept there, for looking at them (pdftoppm) by hand.
#include <gtest/gtest.h>

#include <algorithm>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "drivers/printer/cups_printer.h"
#include "tests/integration/printer/private_cupsd_fixture.h"
#include "tests/support/sample_receipt.h"

namespace wp {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

class ReceiptPrinterIntegrationTest : public test::PrivateCupsdTest {
  protected:
    // Prints r on the PDF queue and returns what pdftotext reads from the printed file.
    std::string printAndRead(CupsPrinter& printer, const ReceiptPrintout& r, const std::string& keepAs) {
        EXPECT_EQ(printer.printReceipt(r), PrintOutcome::Ok) << printer.lastJob().message;
        if (const char* dir = std::getenv("WP_RECEIPT_PNG_DIR"); dir != nullptr && *dir != '\0')
            fs::copy_file(cupsd_->pdfOutput(), fs::path(dir) / keepAs, fs::copy_options::overwrite_existing);
        return pdfText();
    }
};

TEST_F(ReceiptPrinterIntegrationTest, PdfReceiptsInDutchAndUkrainianReadBack) {
    CupsPrinter printer(settings(PrintWay::Pdf));

    const std::string nl = printAndRead(printer, test::sampleReceiptNl("SGN-K2-7KQ4XD-3"), "receipt-nl.pdf");
    EXPECT_NE(nl.find("SGN-K2-7KQ4XD-3"), std::string::npos) << nl;
    EXPECT_NE(nl.find("Uw vraag is verstuurd"), std::string::npos) << nl;
    EXPECT_NE(nl.find("Uw code"), std::string::npos) << nl;
    EXPECT_NE(nl.find("Wijkpunt Groenoord"), std::string::npos) << nl;
    EXPECT_NE(nl.find("binnen 5 werkdagen"), std::string::npos) << nl;
    EXPECT_NE(nl.find("Gemaakt op: 26-11-2025 10:42"), std::string::npos) << nl;
    EXPECT_GT(printer.lastJob().jobId, 0);

    const std::string uk = printAndRead(printer, test::sampleReceiptUk("SGN-K2-9MNP2R-H"), "receipt-uk.pdf");
    EXPECT_NE(uk.find("SGN-K2-9MNP2R-H"), std::string::npos) << uk;
    EXPECT_NE(uk.find("Ваше звернення"), std::string::npos) << uk;  // the title wraps: 42-dot bold
    std::string ukFlat = uk;  // where a line wraps depends on the body size: read it as running text
    std::replace(ukFlat.begin(), ukFlat.end(), '\n', ' ');
    EXPECT_NE(ukFlat.find("Координатор ініціатив зателефонує"), std::string::npos) << uk;
    EXPECT_NE(uk.find("Ваш код"), std::string::npos) << uk;
    EXPECT_NE(uk.find("Створено: 26-11-2025 10:42"), std::string::npos) << uk;
    EXPECT_EQ(uk.find("SGN-K2-7KQ4XD-3"), std::string::npos) << "the second receipt is a new file";
}

TEST_F(ReceiptPrinterIntegrationTest, EscPosReceiptReachesTheBackendByteForByte) {
    CupsPrinter printer(settings(PrintWay::EscPos));
    const ReceiptPrintout receipt = test::sampleReceiptUk();
    ASSERT_EQ(printer.printReceipt(receipt), PrintOutcome::Ok) << printer.lastJob().message;
    expectCapturedAsRendered(printer, receipt);
}

TEST_F(ReceiptPrinterIntegrationTest, PaperOutIsReportedForAReceiptToo) {
    CupsPrinter printer(settings(PrintWay::EscPos));
    { std::ofstream(cupsd_->paperOutFlag()) << "out\n"; }
    EXPECT_EQ(printer.printReceipt(test::sampleReceiptNl()), PrintOutcome::PaperOut)
        << printer.lastJob().message;
}

}  // namespace
}  // namespace wp
