// FrameRecord: what one presented frame showed — every text and every control, in drawing (reading)
// order, with where it was drawn and in which colours.
//
// The script runner taps and expects against it, "Voorlezen" reads it, keypad focus walks it, and the
// every-screen tests check sizes, contrast and glyphs over it. Plain data, no ImGui or SDL types.
#pragma once

#include <string>
#include <vector>

#include "common/bundle.h"

namespace wp::ui {

struct Rect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    float width() const { return x1 - x0; }
    float height() const { return y1 - y0; }
    bool contains(const Rect& r) const {
        return r.x0 >= x0 - 0.5f && r.y0 >= y0 - 0.5f && r.x1 <= x1 + 0.5f && r.y1 <= y1 + 0.5f;
    }
};

enum class Region { Chrome, Content };

struct DrawnItem {
    std::string text;  // the label or text, whole (also when wrapped over lines)
    unsigned id = 0;   // stable widget id for controls, 0 for plain text
    bool clickable = false;
    bool selected = false;  // a chosen option (the current language)
    Region region = Region::Content;
    Rect rect;  // where the control, or the text's lines, were drawn
    Rect clip;  // the clip rectangle in force
    float fontSize = 0;
    bool ticketFont = false;   // drawn with the ticket-number font, which holds few glyphs
    bool keyboardKey = false;  // a key of the on-screen keyboard (read-aloud skips them)
    Rgba fg, bg;               // text colour and the colour right behind it
    Rgba boundary, surround;   // controls: outline (or fill) and the colour around the control
};

struct FrameRecord {
    float width = 0, height = 0;
    std::vector<DrawnItem> items;

    // Text drawn whole: inside its clip rectangle and on screen.
    bool isVisible(const DrawnItem& item) const {
        return item.clip.contains(item.rect) && Rect{0, 0, width, height}.contains(item.rect);
    }
};

}  // namespace wp::ui
