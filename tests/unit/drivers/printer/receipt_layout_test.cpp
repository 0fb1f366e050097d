// The receipt layout (ticket_layout.h): 80 mm PDF and 576-dot raster, wrapped lines that stay on the paper,
// the QR code when there is a URL, and Turkish, Polish and Cyrillic letters that actually leave ink.
#include <gtest/gtest.h>

#include <string>

#include "drivers/printer/escpos.h"
#include "drivers/printer/ticket_layout.h"
#include "tests/support/escpos_decoder.h"
#include "tests/support/sample_receipt.h"
#include "tests/unit/drivers/printer/layout_checks.h"

namespace wp {
namespace {

using test::blackDots;

MonoBitmap raster(const ReceiptPrintout& r) {
    auto out = renderReceiptRaster(r);
    EXPECT_TRUE(out.isOk()) << out.status().message();
    return out.isOk() ? std::move(out).value() : MonoBitmap();
}

// True when m holds a QR finder pattern (7x7 modules: a dark ring, a light ring, a dark 3x3 centre) with
// modules of 4 to 8 dots, judged at the centre of every module.
bool hasFinderPattern(const MonoBitmap& m) {
    for (int module = 4; module <= 8; ++module) {
        const int side = 7 * module;
        for (int y = 0; y + side <= m.height; ++y) {
            for (int x = 0; x + side <= m.width; ++x) {
                bool match = true;
                for (int i = 0; i < 7 && match; ++i) {
                    for (int j = 0; j < 7 && match; ++j) {
                        const bool ring = i == 0 || i == 6 || j == 0 || j == 6;
                        const bool dark = ring || (i >= 2 && i <= 4 && j >= 2 && j <= 4);
                        match = m.black(x + j * module + module / 2, y + i * module + module / 2) == dark;
                    }
                }
                if (match) return true;
            }
        }
    }
    return false;
}

TEST(ReceiptLayoutTest, PdfIsOnePage80mmWide) {
    auto pdf = renderReceiptPdf(test::sampleReceiptNl());
    ASSERT_TRUE(pdf.isOk()) << pdf.status().message();
    const std::string text(pdf->begin(), pdf->end());
    EXPECT_EQ(text.substr(0, 5), "%PDF-");
    EXPECT_NE(text.find("/MediaBox [ 0 0 226.77"), std::string::npos) << "MediaBox not 80 mm wide";
    EXPECT_NE(text.find("%%EOF"), std::string::npos);
}

TEST(ReceiptLayoutTest, RasterIs576DotsWithPaperAtTheEdges) {
    for (const ReceiptPrintout& r : {test::sampleReceiptNl(), test::sampleReceiptUk()}) {
        SCOPED_TRACE(r.title);
        MonoBitmap m = raster(r);
        ASSERT_EQ(m.width, 576);
        test::expectSlipRaster(m);
        EXPECT_GT(m.height, 60 * 8);
        EXPECT_LT(m.height, 250 * 8);
    }
}

TEST(ReceiptLayoutTest, QrCodeIsThereOnlyWithAUrl) {
    ReceiptPrintout r = test::sampleReceiptNl();
    MonoBitmap with = raster(r);
    EXPECT_TRUE(hasFinderPattern(with));
    r.qrUrl.clear();
    MonoBitmap without = raster(r);
    EXPECT_FALSE(hasFinderPattern(without));
    EXPECT_GT(with.height, without.height + 150);  // the QR alone is over 150 dots
}

TEST(ReceiptLayoutTest, LongLinesWrapAndNothingRunsOffThePaper) {
    ReceiptPrintout r = test::sampleReceiptUk();
    r.lines = {"Коротко."};
    MonoBitmap one = raster(r);
    r.lines = {
        "Координатор ініціатив зателефонує або напише вам протягом п'яти робочих днів. Якщо у вас є "
        "питання, запитайте господаря або господиню в цьому пункті. Ми відповідаємо українською, "
        "нідерландською та англійською мовами.",
        std::string(200, 'W')};  // one "word" wider than the paper is cut between letters
    MonoBitmap many = raster(r);
    EXPECT_GT(many.height, one.height + 5 * 30) << "at least five more lines of text";
    // Text that ran off the right edge would leave ink in the last columns; wrapped text leaves none there
    // (only the full-width rule under the contact point, as on the short receipt).
    EXPECT_EQ(blackDots(many, 570, 576, 0, many.height), blackDots(one, 570, 576, 0, one.height));
    EXPECT_EQ(blackDots(many, 0, 6, 0, many.height), blackDots(one, 0, 6, 0, one.height));
}

TEST(ReceiptLayoutTest, TurkishPolishAndCyrillicLettersLeaveInk) {
    // A glyph the font lacks comes out as an empty box or nothing: compare each word with a same-length
    // ASCII word and require a similar amount of ink.
    auto inkOf = [](const std::string& line) {
        ReceiptPrintout r;
        r.lines = {line};
        return blackDots(raster(r));
    };
    for (const char* word : {"ğüşıöçİĞŞ", "ąćęłńóśźżŁ", "ЖЩЮЯїєґІЇЄ"}) {
        SCOPED_TRACE(word);
        const int ink = inkOf(word);
        EXPECT_GT(ink, inkOf("aaaaaaaaaa") / 2);
        EXPECT_GT(ink, 400);
    }
}

TEST(ReceiptLayoutTest, EmptyFieldsAreLeftOffAndAnEmptyReceiptStillRenders) {
    MonoBitmap full = raster(test::sampleReceiptNl());
    ReceiptPrintout r = test::sampleReceiptNl();
    r.printedAt = {};
    r.lines.clear();
    MonoBitmap shorter = raster(r);
    EXPECT_LT(shorter.height + 100, full.height);
    EXPECT_TRUE(renderReceiptRaster(ReceiptPrintout{}).isOk());
    EXPECT_TRUE(renderReceiptPdf(ReceiptPrintout{}).isOk());
}

TEST(ReceiptLayoutTest, TooLongQrUrlIsAnErrorNotACrash) {
    test::expectTooLongQrUrlRefused(test::sampleReceiptNl(), renderReceiptPdf, renderReceiptRaster);
}

TEST(ReceiptLayoutTest, RasterEncodesToEscPos) {
    MonoBitmap m = raster(test::sampleReceiptUk());
    auto d = test::decodeEscPos(encodeEscPos(m));
    ASSERT_EQ(d.error, "");
    EXPECT_EQ(d.image.width, 576);
    EXPECT_EQ(d.image.height, m.height);
    EXPECT_TRUE(d.endsWithCut);
}

}  // namespace
}  // namespace wp
