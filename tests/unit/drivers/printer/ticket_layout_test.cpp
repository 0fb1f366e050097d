#include "drivers/printer/ticket_layout.h"

#include <gtest/gtest.h>

#include <string>

#include "drivers/printer/escpos.h"
#include "tests/support/escpos_decoder.h"
#include "tests/support/sample_ticket.h"
#include "tests/unit/drivers/printer/layout_checks.h"

namespace wp {
namespace {

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
    test::expectSlipRaster(raster.value());
    // Somewhere between 60 and 200 mm long (8 dots per mm).
    EXPECT_GT(raster->height, 60 * 8);
    EXPECT_LT(raster->height, 200 * 8);
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
    test::expectTooLongQrUrlRefused(test::sampleTicket(), renderTicketPdf, renderTicketRaster);
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
