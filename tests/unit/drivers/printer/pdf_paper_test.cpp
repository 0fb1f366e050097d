// Paper for the PDF way: which media CupsPrinter asks a queue for (choosePdfMedia, cups_printer.h), and the
// layout's pages (ticket_layout.h PdfPaper): one page as long as the content on roll paper, or pages of a
// fixed length broken between lines.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "drivers/printer/cups_printer.h"
#include "drivers/printer/ticket_layout.h"
#include "tests/support/sample_receipt.h"
#include "tests/support/sample_ticket.h"

namespace wp {
namespace {

QueueMedia rollQueue() {
    QueueMedia q;
    q.defaultWidthMm = 80;
    q.defaultLengthMm = 150;
    q.custom.push_back({80, 80, 25, 2000});
    return q;
}

QueueMedia fixedQueue() {
    QueueMedia q;
    q.defaultWidthMm = 80;
    q.defaultLengthMm = 150;
    return q;
}

TEST(PdfMediaTest, RollQueueGetsTheContentLength) {
    PdfMediaChoice c = choosePdfMedia(rollQueue(), 412);
    EXPECT_EQ(c.paper.pageLengthMm, 0);
    EXPECT_EQ(c.media, "Custom.80x412mm");
    c = choosePdfMedia(rollQueue(), 97);
    EXPECT_EQ(c.paper.pageLengthMm, 0);
    EXPECT_EQ(c.media, "Custom.80x97mm");
}

TEST(PdfMediaTest, RollQueueCutsWhatIsLongerThanItsLongestPage) {
    PdfMediaChoice c = choosePdfMedia(rollQueue(), 2600);
    EXPECT_EQ(c.paper.pageLengthMm, 2000);
    EXPECT_EQ(c.media, "Custom.80x2000mm");
}

TEST(PdfMediaTest, RollQueueLengthensWhatIsShorterThanItsShortestPage) {
    PdfMediaChoice c = choosePdfMedia(rollQueue(), 12);
    EXPECT_EQ(c.paper.pageLengthMm, 25);
    EXPECT_EQ(c.media, "Custom.80x25mm");
}

TEST(PdfMediaTest, RollOfAnotherWidthIsNotUsed) {
    QueueMedia q = fixedQueue();
    q.custom.push_back({58, 58, 25, 2000});
    PdfMediaChoice c = choosePdfMedia(q, 412);
    EXPECT_EQ(c.paper.pageLengthMm, 150);
    EXPECT_EQ(c.media, "");
}

// Shorter content gets a whole page too: a page wider than long (a short answer) would be turned sideways.
TEST(PdfMediaTest, FixedQueueGetsPagesOfExactlyItsLength) {
    for (double length : {412.0, 120.0, 60.0}) {
        PdfMediaChoice c = choosePdfMedia(fixedQueue(), length);
        EXPECT_EQ(c.paper.pageLengthMm, 150) << length;
        EXPECT_EQ(c.media, "") << length;
    }
}

TEST(PdfMediaTest, QueueThatSaysNothingGetsTheDocumentAsItIs) {
    PdfMediaChoice c = choosePdfMedia(QueueMedia{}, 412);
    EXPECT_EQ(c.paper.pageLengthMm, 0);
    EXPECT_EQ(c.media, "");
}

// "/MediaBox [ 0 0 W H ]" entries in the PDF: one per page.
int mediaBoxes(const std::vector<std::uint8_t>& pdf, std::string* first) {
    const std::string text(pdf.begin(), pdf.end());
    int n = 0;
    for (std::size_t at = text.find("/MediaBox"); at != std::string::npos;
         at = text.find("/MediaBox", at + 1)) {
        if (n++ == 0) *first = text.substr(at, text.find(']', at) - at + 1);
    }
    return n;
}

ReceiptPrintout longReceipt() {
    ReceiptPrintout r = test::sampleReceiptNl();
    r.lines.clear();
    for (int i = 1; i <= 40; ++i) {
        r.lines.push_back("Regel " + std::to_string(i) +
                          ": het Huurloket rekent gratis met u uit of uw huur klopt.");
    }
    return r;
}

TEST(PdfPaperTest, RollPaperIsOnePageOfWholeMillimetres) {
    auto doc = renderReceiptPdfDocument(longReceipt(), PdfPaper{});
    ASSERT_TRUE(doc.isOk()) << doc.status().message();
    EXPECT_EQ(doc->pages, 1);
    EXPECT_GT(doc->pageLengthMm, 300);
    EXPECT_EQ(doc->pageLengthMm, std::floor(doc->pageLengthMm));
    std::string box;
    EXPECT_EQ(mediaBoxes(doc->bytes, &box), 1);
    EXPECT_NE(box.find("226.77"), std::string::npos) << box;
    const double heightPt = doc->pageLengthMm * 72 / 25.4;
    EXPECT_NE(box.find(std::to_string(static_cast<int>(heightPt))), std::string::npos) << box;
}

TEST(PdfPaperTest, FixedLengthCutsTheContentIntoPagesOfThatLength) {
    auto roll = renderReceiptPdfDocument(longReceipt(), PdfPaper{});
    ASSERT_TRUE(roll.isOk());
    auto doc = renderReceiptPdfDocument(longReceipt(), PdfPaper{150});
    ASSERT_TRUE(doc.isOk()) << doc.status().message();
    EXPECT_EQ(doc->pageLengthMm, 150);
    EXPECT_GE(doc->pages, static_cast<int>(std::ceil(roll->pageLengthMm / 150)));
    EXPECT_LE(doc->pages, static_cast<int>(std::ceil(roll->pageLengthMm / 150)) + 1);
    std::string box;
    EXPECT_EQ(mediaBoxes(doc->bytes, &box), doc->pages);
    EXPECT_NE(box.find("425.19"), std::string::npos) << box;  // 150 mm
}

TEST(PdfPaperTest, ShortTicketOnFixedLengthIsOnePage) {
    auto doc = renderTicketPdfDocument(test::sampleTicket(), PdfPaper{150});
    ASSERT_TRUE(doc.isOk()) << doc.status().message();
    EXPECT_EQ(doc->pages, 1);
}

}  // namespace
}  // namespace wp
