#include "drivers/printer/escpos.h"

#include <gtest/gtest.h>

#include "tests/support/escpos_decoder.h"

namespace wp {
namespace {

// A 576 x 600 picture with a diagonal and a filled corner, so bands and bit order both show.
MonoBitmap pattern() {
    MonoBitmap m(576, 600);
    for (int y = 0; y < m.height; ++y) m.setBlack(y % m.width, y);
    for (int y = 0; y < 10; ++y) {
        for (int x = 0; x < 10; ++x) m.setBlack(x, y);
    }
    return m;
}

TEST(PrinterEscPosTest, StartsWithInitAndRasterHeaderSaysSeventyTwoBytesWide) {
    std::vector<std::uint8_t> bytes = encodeEscPos(pattern());
    ASSERT_GE(bytes.size(), 10u);
    EXPECT_EQ(bytes[0], 0x1B);
    EXPECT_EQ(bytes[1], 0x40);
    // GS v 0 m xL xH yL yH: 72 bytes = 576 dots; first band of 256 rows.
    const std::vector<std::uint8_t> header = {0x1D, 0x76, 0x30, 0x00, 72, 0, 0x00, 0x01};
    EXPECT_EQ(std::vector<std::uint8_t>(bytes.begin() + 2, bytes.begin() + 10), header);
}

TEST(PrinterEscPosTest, DecodesBackToThePictureWithCutLast) {
    const MonoBitmap image = pattern();
    auto d = test::decodeEscPos(encodeEscPos(image));
    ASSERT_EQ(d.error, "");
    EXPECT_TRUE(d.startsWithInit);
    ASSERT_EQ(d.blocks.size(), 3u);  // 256 + 256 + 88 rows
    EXPECT_EQ(d.blocks[0].rows, 256);
    EXPECT_EQ(d.blocks[2].rows, 88);
    for (const auto& b : d.blocks) {
        EXPECT_EQ(b.bytesPerRow, 72);
        EXPECT_EQ(b.mode, 0);
    }
    EXPECT_EQ(d.image.width, 576);
    EXPECT_EQ(d.image.height, 600);
    EXPECT_EQ(d.image.bits, image.bits);
    EXPECT_TRUE(d.endsWithCut);
    EXPECT_EQ(d.cutCount, 1);
    EXPECT_EQ(d.cutMode, 66);  // partial cut by default
    EXPECT_EQ(d.feedLines, 3);
}

TEST(PrinterEscPosTest, LeftmostDotIsTheMostSignificantBit) {
    MonoBitmap m(16, 1);
    m.setBlack(0, 0);
    m.setBlack(9, 0);
    std::vector<std::uint8_t> bytes = encodeEscPos(m);
    // ESC @ (2) + GS v 0 header (8), then the row.
    ASSERT_GE(bytes.size(), 12u);
    EXPECT_EQ(bytes[10], 0x80);
    EXPECT_EQ(bytes[11], 0x40);
}

TEST(PrinterEscPosTest, OptionsSetBandsFeedAndFullCut) {
    EscPosOptions o;
    o.bandRows = 100;
    o.feedLines = 6;
    o.cut = EscPosOptions::Cut::Full;
    std::vector<std::uint8_t> bytes = encodeEscPos(pattern(), o);
    auto d = test::decodeEscPos(bytes);
    ASSERT_EQ(d.error, "");
    EXPECT_EQ(d.blocks.size(), 6u);
    EXPECT_EQ(d.feedLines, 6);
    EXPECT_EQ(d.cutMode, 65);
    const std::vector<std::uint8_t> tail = {0x1B, 0x64, 6, 0x1D, 0x56, 65, 0};
    EXPECT_EQ(std::vector<std::uint8_t>(bytes.end() - 7, bytes.end()), tail);
}

TEST(PrinterEscPosTest, NarrowPicturePadsRowsToWholeBytes) {
    MonoBitmap m(10, 3);
    m.setBlack(9, 2);
    auto d = test::decodeEscPos(encodeEscPos(m));
    ASSERT_EQ(d.error, "");
    ASSERT_EQ(d.blocks.size(), 1u);
    EXPECT_EQ(d.blocks[0].bytesPerRow, 2);
    EXPECT_TRUE(d.image.black(9, 2));
    EXPECT_FALSE(d.image.black(8, 2));
}

TEST(PrinterEscPosTest, DecoderRefusesTruncatedRaster) {
    std::vector<std::uint8_t> bytes = encodeEscPos(pattern());
    bytes.resize(bytes.size() / 2);
    auto d = test::decodeEscPos(bytes);
    EXPECT_NE(d.error, "");
    EXPECT_FALSE(d.endsWithCut);
}

}  // namespace
}  // namespace wp
