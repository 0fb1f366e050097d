// What the ticket and receipt layout tests share: counting ink on a 1-bit raster, what every printed slip
// must look like on the 576-dot head (a fair amount of ink, not inverted, blank paper at the very top and
// bottom), and that a QR URL too long for any QR code is an error of both renderers, not a crash.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "drivers/printer/ticket_layout.h"

namespace wp::test {

// Black dots in columns [x0, x1) of rows [y0, y1).
inline int blackDots(const MonoBitmap& m, int x0, int x1, int y0, int y1) {
    int n = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) n += m.black(x, y);
    return n;
}

inline int blackDots(const MonoBitmap& m) {
    return blackDots(m, 0, m.width, 0, m.height);
}

// 576 dots wide, with the ink of a number or reference code, a QR code and text (but not inverted), and
// paper in the top and bottom rows.
inline void expectSlipRaster(const MonoBitmap& m) {
    EXPECT_EQ(m.width, 576);
    EXPECT_EQ(m.bytesPerRow(), 72);
    const int ink = blackDots(m);
    EXPECT_GT(ink, 576 * 20);
    EXPECT_LT(ink, m.width * m.height / 2);
    EXPECT_EQ(blackDots(m, 0, m.width, 0, 4), 0);
    EXPECT_EQ(blackDots(m, 0, m.width, m.height - 4, m.height), 0);
}

// printout's QR URL made far too long: renderPdf and renderRaster (the printout's two renderers) both
// refuse it as InvalidInput that names the QR code.
template <typename Printout, typename RenderPdf, typename RenderRaster>
void expectTooLongQrUrlRefused(Printout printout, RenderPdf renderPdf, RenderRaster renderRaster) {
    printout.qrUrl = "https://example.invalid/" + std::string(5000, 'x');
    auto pdf = renderPdf(printout);
    auto raster = renderRaster(printout);
    ASSERT_FALSE(pdf.isOk());
    ASSERT_FALSE(raster.isOk());
    EXPECT_EQ(pdf.status().code(), Status::Code::InvalidInput);
    EXPECT_EQ(raster.status().code(), Status::Code::InvalidInput);
    EXPECT_NE(raster.status().message().find("QR"), std::string::npos) << raster.status().message();
}

}  // namespace wp::test
