// Fonts: the atlas entries every screen draws with, built once at start-up with FreeType.
//
// DESIGN.md's budget: every size is its own atlas entry, so the kiosk uses three (body, large, title),
// with Latin-1, Latin Extended-A, Cyrillic and a few punctuation marks. A theme names the files and sizes;
// themes that share them share the atlas entries.
#pragma once

#include <map>
#include <string>
#include <tuple>

struct ImFont;
struct ImFontAtlas;

namespace wp {
struct Theme;
}

namespace wp::ui {

struct ThemeFonts {
    ImFont* body = nullptr;   // regular, body size
    ImFont* large = nullptr;  // bold, large size: tiles and buttons
    ImFont* title = nullptr;  // bold, title size: headings and the clock
    ImFont* ticket =
        nullptr;  // bold, ticket size, ticket-number glyphs only: the number on the ticket screen
};

class FontSet {
  public:
    // Adds the fonts of every theme to the atlas and builds it. Returns false when a font file cannot be
    // read.
    bool build(ImFontAtlas& atlas, const std::map<std::string, Theme>& themes);
    const ThemeFonts& forTheme(const std::string& themeId) const { return byTheme_.at(themeId); }
    const std::map<std::string, ThemeFonts>& all() const { return byTheme_; }

    // The code points the atlas holds, as ImGui glyph ranges (pairs, zero-terminated).
    static const unsigned short* glyphRanges();
    // The few glyphs of a ticket number ("H-014") and a counter in capitals ("BALIE 2"): digits, capitals,
    // '-' and space.
    static const unsigned short* ticketGlyphRanges();

  private:
    std::map<std::tuple<std::string, float, bool>, ImFont*> loaded_;  // (file, size, full ranges)
    std::map<std::string, ThemeFonts> byTheme_;
};

}  // namespace wp::ui
