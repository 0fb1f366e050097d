#include "kiosk/ui/fonts.h"

#include <imgui.h>
#include <imgui_freetype.h>

#include "common/bundle.h"

namespace wp::ui {

const unsigned short* FontSet::glyphRanges() {
    static const ImWchar ranges[] = {
        0x0020, 0x007E,  // Basic Latin
        0x00A0, 0x017F,  // Latin-1 Supplement, Latin Extended-A (Turkish, Polish)
        0x0400, 0x04FF,  // Cyrillic (Ukrainian)
        0x2013, 0x2014,  // – —
        0x2018, 0x201E,  // ‘ ’ ‚ “ ” „
        0x2022, 0x2022,  // •
        0x2026, 0x2026,  // …
        0x20AC, 0x20AC,  // €
        0x2192, 0x2192,  // →
        0,
    };
    return ranges;
}

const unsigned short* FontSet::ticketGlyphRanges() {
    static const ImWchar ranges[] = {' ', ' ', '-', '-', '0', '9', 'A', 'Z', 0};
    return ranges;
}

bool FontSet::build(ImFontAtlas& atlas, const std::map<std::string, Theme>& themes) {
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    // A narrow atlas without power-of-two rounding of its height: the renderer keeps it as RGBA, so every
    // empty row costs 4 bytes a pixel (2048x2048 would be 16 MiB; this is about 10).
    atlas.TexDesiredWidth = 1024;
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    ImFontConfig config;
    config.OversampleH = 1;  // FreeType hinting makes oversampling unnecessary
    config.OversampleV = 1;
    auto load = [&](const std::string& file, float size, const ImWchar* ranges = glyphRanges()) -> ImFont* {
        auto key = std::make_tuple(file, size, ranges == glyphRanges());
        if (auto it = loaded_.find(key); it != loaded_.end()) return it->second;
        ImFont* font = atlas.AddFontFromFileTTF(file.c_str(), size, &config, ranges);
        loaded_[key] = font;
        return font;
    };
    for (const auto& [id, theme] : themes) {
        ThemeFonts f{load(theme.fontRegular, theme.bodySize), load(theme.fontBold, theme.largeSize),
                     load(theme.fontBold, theme.titleSize),
                     load(theme.fontBold, theme.ticketSize, ticketGlyphRanges())};
        if (!f.body || !f.large || !f.title || !f.ticket) return false;
        byTheme_[id] = f;
    }
    return atlas.Build();
}

}  // namespace wp::ui
