// QrCode: the modules of a QR code for a text (libqrencode), for drawing on screen as squares.
// Error correction level M; no quiet zone (the caller leaves four modules of margin).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace wp {

struct QrCode {
    int size = 0;            // modules per side
    std::vector<bool> dark;  // size * size, row by row
    bool at(int x, int y) const { return dark[static_cast<size_t>(y * size + x)]; }
};

// Nothing when the text is empty or too long for a QR code.
std::optional<QrCode> encodeQr(std::string_view text);

}  // namespace wp
