// A strict reader of the ESC/POS subset Wijkpunt writes, for tests: it walks the bytes command by command,
// written from the command reference rather than from drivers/printer/escpos.cpp, so the two check each
// other. Known: ESC @, GS v 0 m xL xH yL yH data, ESC d n, GS V m (m = 0, 1, 48, 49) and GS V m n (m = 65,
// 66). Anything else, or a command cut short, stops the walk with `error` set.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "drivers/printer/mono_bitmap.h"

namespace wp::test {

struct EscPosRasterBlock {
    int mode = 0;         // m
    int bytesPerRow = 0;  // xL + 256 xH
    int rows = 0;         // yL + 256 yH
};

struct DecodedEscPos {
    bool startsWithInit = false;  // the first command is ESC @
    std::vector<EscPosRasterBlock> blocks;
    int feedLines = 0;         // sum of ESC d n
    int cutCount = 0;          // GS V commands
    int cutMode = -1;          // m of the last GS V
    bool endsWithCut = false;  // GS V is the last command
    MonoBitmap image;          // the raster blocks stacked (width = 8 * bytesPerRow of the first block)
    std::string error;         // empty: every byte understood
};

inline DecodedEscPos decodeEscPos(const std::vector<std::uint8_t>& b) {
    DecodedEscPos d;
    std::vector<std::uint8_t> rows;  // raster data in order
    std::size_t i = 0;
    int commands = 0;
    bool lastWasCut = false;
    auto need = [&](std::size_t n) {
        if (i + n > b.size()) d.error = "command cut short at byte " + std::to_string(i);
        return d.error.empty();
    };
    while (i < b.size() && d.error.empty()) {
        const std::size_t at = i;
        lastWasCut = false;
        if (b[i] == 0x1B && need(2) && b[i + 1] == 0x40) {  // ESC @
            if (commands == 0) d.startsWithInit = true;
            i += 2;
        } else if (b[i] == 0x1B && need(3) && b[i + 1] == 0x64) {  // ESC d n
            d.feedLines += b[i + 2];
            i += 3;
        } else if (b[i] == 0x1D && need(3) && b[i + 1] == 0x76 && b[i + 2] == 0x30) {  // GS v 0
            if (!need(8)) break;
            EscPosRasterBlock blk{b[i + 3], b[i + 4] + 256 * b[i + 5], b[i + 6] + 256 * b[i + 7]};
            i += 8;
            const std::size_t size = static_cast<std::size_t>(blk.bytesPerRow) * blk.rows;
            if (!need(size)) break;
            if (!d.blocks.empty() && blk.bytesPerRow != d.blocks.front().bytesPerRow) {
                d.error = "raster blocks of different widths";
                break;
            }
            rows.insert(rows.end(), b.begin() + static_cast<std::ptrdiff_t>(i),
                        b.begin() + static_cast<std::ptrdiff_t>(i + size));
            i += size;
            d.blocks.push_back(blk);
        } else if (b[i] == 0x1D && need(3) && b[i + 1] == 0x56) {  // GS V
            const int m = b[i + 2];
            if (m == 0 || m == 1 || m == 48 || m == 49) {
                i += 3;
            } else if ((m == 65 || m == 66) && need(4)) {
                i += 4;
            } else {
                if (d.error.empty()) d.error = "unknown GS V mode " + std::to_string(m);
                break;
            }
            d.cutMode = m;
            ++d.cutCount;
            lastWasCut = true;
        } else {
            if (d.error.empty())
                d.error = "unknown byte " + std::to_string(b[i]) + " at " + std::to_string(at);
            break;
        }
        ++commands;
    }
    d.endsWithCut = d.error.empty() && lastWasCut;
    if (!d.blocks.empty()) {
        int height = 0;
        for (const auto& blk : d.blocks) height += blk.rows;
        d.image = MonoBitmap(8 * d.blocks.front().bytesPerRow, height);
        d.image.bits = std::move(rows);
    }
    return d;
}

}  // namespace wp::test
