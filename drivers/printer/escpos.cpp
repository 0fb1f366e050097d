#include "drivers/printer/escpos.h"

#include <algorithm>
#include <cassert>

namespace wp {

std::vector<std::uint8_t> encodeEscPos(const MonoBitmap& image, const EscPosOptions& options) {
    using namespace escpos;
    assert(image.width > 0 && image.bytesPerRow() <= kMaxRasterBytesPerRow);
    assert(options.bandRows > 0 && options.bandRows <= 0xFFFF);
    assert(options.feedLines >= 0 && options.feedLines <= 255);

    const int bytesPerRow = image.bytesPerRow();
    std::vector<std::uint8_t> out;
    out.reserve(image.bits.size() + 16 + 8 * (image.height / options.bandRows + 1));

    out.insert(out.end(), {ESC, '@'});
    for (int row = 0; row < image.height; row += options.bandRows) {
        const int rows = std::min(options.bandRows, image.height - row);
        out.insert(out.end(), {GS, 'v', '0', 0,  // m = 0: normal density, 1:1
                               static_cast<std::uint8_t>(bytesPerRow & 0xFF),
                               static_cast<std::uint8_t>(bytesPerRow >> 8),
                               static_cast<std::uint8_t>(rows & 0xFF), static_cast<std::uint8_t>(rows >> 8)});
        auto first = image.bits.begin() + static_cast<std::ptrdiff_t>(row) * bytesPerRow;
        out.insert(out.end(), first, first + static_cast<std::ptrdiff_t>(rows) * bytesPerRow);
    }
    out.insert(out.end(), {ESC, 'd', static_cast<std::uint8_t>(options.feedLines)});
    out.insert(out.end(), {GS, 'V', options.cut == EscPosOptions::Cut::Full ? kCutFull : kCutPartial, 0});
    return out;
}

}  // namespace wp
