// ESC/POS: the byte stream that 80 mm thermal receipt printers take on a raw CUPS queue (Debian has no
// ESC/POS driver, so this is ours). A ticket is:
//   ESC @                       initialise (clears modes a previous job may have left)
//   GS v 0 m xL xH yL yH d...   raster bit image, in bands of at most bandRows rows; x = bytes per row
//                               (72 for 576 dots), y = rows, data MSB = leftmost dot, 1 = black
//   ESC d n                     print and feed n lines (blank paper under the ticket)
//   GS V m 0                    feed to the cutter and cut (m = 65 full, 66 partial)
// Pure functions; no I/O.
#pragma once

#include <cstdint>
#include <vector>

#include "drivers/printer/mono_bitmap.h"

namespace wp {

struct EscPosOptions {
    enum class Cut { Full, Partial };
    int bandRows = 256;  // rows per GS v 0 block: small printers have small receive buffers
    int feedLines = 3;   // ESC d before the cut, 0..255
    Cut cut = Cut::Partial;
};

namespace escpos {
inline constexpr std::uint8_t ESC = 0x1B;
inline constexpr std::uint8_t GS = 0x1D;
inline constexpr std::uint8_t kCutFull = 65;
inline constexpr std::uint8_t kCutPartial = 66;
inline constexpr int kMaxRasterBytesPerRow = 0xFFFF;
}  // namespace escpos

// The whole job for one picture. The bitmap's width must be > 0 (asserted); an empty height gives a job that
// only feeds and cuts.
std::vector<std::uint8_t> encodeEscPos(const MonoBitmap& image, const EscPosOptions& options = {});

}  // namespace wp
