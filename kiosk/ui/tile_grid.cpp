#include "kiosk/ui/tile_grid.h"

#include <algorithm>

namespace wp::ui {

TileGridResult tileGrid(Ui& ui, const std::vector<GridTile>& tiles, Rect room) {
    const float gap = ui.theme().spacing;
    const float tallest = ui.theme().sizes.tileHeight;
    const int rows = static_cast<int>((tiles.size() + 1) / 2);
    const float tileW = (room.width() - gap) / 2;
    const float tileH = rows > 0 ? std::min(tallest, (room.height() - gap * static_cast<float>(rows - 1)) /
                                                         static_cast<float>(rows))
                                 : 0;
    TileGridResult result;
    for (size_t i = 0; i < tiles.size(); ++i) {
        const float x = room.x0 + static_cast<float>(i % 2) * (tileW + gap);
        const float y = room.y0 + static_cast<float>(i / 2) * (tileH + gap);
        if (ui.tile(tiles[i].label, tiles[i].hint, {x, y, x + tileW, y + tileH}, tiles[i].pictogram,
                    tiles[i].main))
            result.tapped = static_cast<int>(i);
    }
    result.height = static_cast<float>(rows) * (tileH + gap);
    return result;
}

}  // namespace wp::ui
