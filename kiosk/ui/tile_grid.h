// The big tiles of a menu, two to a row, as tall as the room allows (at most 300 px): the start screen's
// tiles and the categories of "Vraag stellen". An odd last tile keeps the width of the others.
#pragma once

#include <string>
#include <vector>

#include "kiosk/ui/ui.h"

namespace wp::ui {

struct GridTile {
    std::string label;
    std::string hint;       // the line under the label
    std::string pictogram;  // kiosk/ui/pictograms.h; empty: none
    bool main = false;      // drawn as the screen's main action
};

struct TileGridResult {
    int tapped = -1;     // the index of the tile tapped this frame, or -1
    float height = 0.f;  // from room.y0 to below the last row's gap
};

// Draws tiles from the top of room, rows spaced by the theme's spacing, filling room's height.
TileGridResult tileGrid(Ui& ui, const std::vector<GridTile>& tiles, Rect room);

}  // namespace wp::ui
