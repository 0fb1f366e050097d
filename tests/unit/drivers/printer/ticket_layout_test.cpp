#include "drivers/printer/ticket_layout.h"

#include <gtest/gtest.h>

#include <string>

#include "drivers/printer/escpos.h"
#include "tests/support/escpos_decoder.h"
#include "tests/support/sample_ticket.h"

namespace wp {
namespace {

int blackDots(const MonoBitmap& m, int y0 = 0, int y1 = -1) {
    if (y1 < 0) y1 = m.height;
    int n = 0;
    for (int y = y0; y < y1; ++y) {
        for (int x = 0; x < m.width; ++x) n += m.black(x, y);
    }
    return n;
}

TEST(PrinterLayoutTest, PdfIsANonEmptyPdf) {
    auto pdf = renderTicketPdf(test::sampleTicket());
    ASSERT_TRUE(pdf.isOk()) << pdf.status().message();
    ASSERT_GT(pdf->size(), 1000u);
    EXPECT_EQ(std::string(pdf->begin(), pdf->begin() + 5), "%PDF-");
    const std::string text(pdf->begin(), pdf->end());
    EXPECT_NE(text.find("%%EOF"), std::string::npos);
    // One page, 80 mm = 226.77 pt wide.
    EXPECT_NE(text.find("/MediaBox [ 0 0 226.77"), std::string::npos) << "MediaBox not 80 mm wide";
}

TEST(PrinterLayoutTest, RasterIs576DotsWideWithInk) {
    auto raster = renderTicketRaster(test::sampleTicket());
    ASSERT_TRUE(raster.isOk()) << raster.status().message();
    EXPECT_EQ(raster->width, 576);
    EXPECT_EQ(raster->bytesPerRow(), 72);
    // Somewhere between 60 and 200 mm long (8 dots per mm).
    EXPECT_GT(raster->height, 60 * 8);
    EXPECT_LT(raster->height, 200 * 8);
    const int ink = blackDots(raster.value());
    EXPECT_GT(ink, 576 * 20);                            // number, QR and text leave a lot of ink
    EXPECT_LT(ink, raster->width * raster->height / 2);  // but it is not inverted
    // Paper margin at the very top and bottom rows.
    EXPECT_EQ(blackDots(raster.value(), 0, 4), 0);
    EXPECT_EQ(blackDots(raster.value(), raster->height - 4, raster->height), 0);
}

TEST(PrinterLayoutTest, LeavingFieldsOutMakesTheTicketShorter) {
    auto full = renderTicketRaster(test::sampleTicket());
    TicketPrintout bare = test::sampleTicket();
    bare.qrUrl.clear();
    bare.residentLine.clear();
    auto shorter = renderTicketRaster(bare);
    ASSERT_TRUE(full.isOk() && shorter.isOk());
    EXPECT_LT(shorter->height + 150, full->height);  // the QR code alone is over 150 dots
}

TEST(PrinterLayoutTest, LongResidentLineWrapsInsteadOfRunningOffThePaper) {
    TicketPrintout t = test::sampleTicket();
    auto one = renderTicketRaster(t);
    t.residentLine =
        "Lütfen bekleyin, numaranız ekranda görünecek ve çağrıldığınızda masaya gelin. "
        "Sorunuz varsa ev sahibine sorun. Wartezeit ist ungefähr zwölf Minuten.";
    auto many = renderTicketRaster(t);
    t.residentLine = std::string(300, 'W');  // one "word" wider than the paper
    auto word = renderTicketRaster(t);
    ASSERT_TRUE(one.isOk() && many.isOk() && word.isOk());
    EXPECT_GT(many->height, one->height + 40);
    EXPECT_GT(word->height, one->height + 40);
}

TEST(PrinterLayoutTest, TooLongQrUrlIsAnErrorNotACrash) {
    TicketPrintout t = test::sampleTicket();
    t.qrUrl = "https://example.invalid/" + std::string(5000, 'x');
    auto pdf = renderTicketPdf(t);
    auto raster = renderTicketRaster(t);
    ASSERT_FALSE(pdf.isOk());
    ASSERT_FALSE(raster.isOk());
    EXPECT_EQ(raster.status().code(), Status::Code::InvalidInput);
    EXPECT_NE(raster.status().message().find("QR"), std::string::npos);
}

TEST(PrinterLayoutTest, RasterEncodesToEscPosOf576Dots) {
    auto raster = renderTicketRaster(test::sampleTicket("W-120"));
    ASSERT_TRUE(raster.isOk());
    auto d = test::decodeEscPos(encodeEscPos(raster.value()));
    ASSERT_EQ(d.error, "");
    EXPECT_EQ(d.image.width, 576);
    EXPECT_EQ(d.image.height, raster->height);
    EXPECT_TRUE(d.endsWithCut);
}

}  // namespace
}  // namespace wp
