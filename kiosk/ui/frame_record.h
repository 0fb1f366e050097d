// FrameRecord: what one presented frame showed — every text and every control, in drawing (reading)
// order, with where it was drawn and in which colours.
//
// The script runner taps and expects against it, "Voorlezen" reads it, keypad focus walks it, and the
// every-screen tests check sizes, contrast and glyphs over it. Plain data, no ImGui or SDL types.
#pragma once

#include <algorithm>
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

// What a drawn item is to the resident (the every-screen checks count them).
enum class WidgetKind {
    NonControl,  // text, a panel, a value: cannot be tapped and must not look like a tile
    MainAction,  // the screen's one main action: filled with the theme's colour, first in reading order
    Secondary,   // "Terug", "Annuleer", the footer, keys: outlined or quiet
    Tile,        // a menu's tile: what the resident picks to go on
    Choice,      // an option of a radio or check list
    Field,       // what is typed into a text field: in the field's box, filled by the keyboard, not tapped
};

struct DrawnItem {
    std::string text;  // the label or text, whole (also when wrapped over lines)
    unsigned id = 0;   // stable widget id for controls, 0 for plain text
    bool clickable = false;
    WidgetKind kind = WidgetKind::NonControl;
    // A control's name when its label alone does not say what it does (each summary row's "Wijzig" is
    // named "Wijzig: Naam"): read aloud, announced by keypad focus and tapped by the script runner.
    std::string name;
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

// The items in reading order: the content first, its main action (with the text drawn inside it, a tile's
// hint) before its other controls, then the chrome (the language switch and the bottom bar). Read-aloud and
// keypad focus follow it.
inline std::vector<const DrawnItem*> readingOrder(const FrameRecord& f) {
    auto isMain = [](const DrawnItem& i) {
        return i.region == Region::Content && i.kind == WidgetKind::MainAction;
    };
    std::vector<const DrawnItem*> mainGroup;
    for (const DrawnItem& m : f.items)
        if (isMain(m)) {
            mainGroup.push_back(&m);
            for (const DrawnItem& t : f.items)
                if (!t.clickable && t.region == Region::Content && m.rect.contains(t.rect))
                    mainGroup.push_back(&t);
        }
    auto inMain = [&](const DrawnItem& i) {
        return std::find(mainGroup.begin(), mainGroup.end(), &i) != mainGroup.end();
    };
    std::vector<const DrawnItem*> order;
    bool mainPlaced = false;
    for (const DrawnItem& i : f.items) {
        if (i.region != Region::Content || inMain(i)) continue;
        if (i.clickable && !mainPlaced) {
            order.insert(order.end(), mainGroup.begin(), mainGroup.end());
            mainPlaced = true;
        }
        order.push_back(&i);
    }
    if (!mainPlaced) order.insert(order.end(), mainGroup.begin(), mainGroup.end());
    for (const DrawnItem& i : f.items)
        if (i.region != Region::Content) order.push_back(&i);
    return order;
}

}  // namespace wp::ui
