// MonoBitmap: a 1-bit picture the way thermal printers take it. Rows top to bottom, each row
// bytesPerRow() bytes, the leftmost dot in the most significant bit, 1 = black (ink), padding bits 0.
#pragma once

#include <cassert>
#include <cstdint>
#include <vector>

namespace wp {

struct MonoBitmap {
    int width = 0;   // dots
    int height = 0;  // dots
    std::vector<std::uint8_t> bits;

    MonoBitmap() = default;
    MonoBitmap(int w, int h) : width(w), height(h), bits(static_cast<std::size_t>((w + 7) / 8) * h, 0) {
        assert(w >= 0 && h >= 0);
    }
    int bytesPerRow() const { return (width + 7) / 8; }
    bool black(int x, int y) const {
        assert(x >= 0 && x < width && y >= 0 && y < height);
        return (bits[static_cast<std::size_t>(y) * bytesPerRow() + x / 8] >> (7 - x % 8)) & 1;
    }
    void setBlack(int x, int y) {
        assert(x >= 0 && x < width && y >= 0 && y < height);
        bits[static_cast<std::size_t>(y) * bytesPerRow() + x / 8] |=
            static_cast<std::uint8_t>(0x80 >> (x % 8));
    }
};

}  // namespace wp
