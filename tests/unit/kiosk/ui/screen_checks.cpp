#include "tests/unit/kiosk/ui/screen_checks.h"

#include <imgui.h>

#include <gtest/gtest.h>

#include <algorithm>

#include "common/utf8.h"
#include "kiosk/ui/screens/live_routes.h"
#include "tests/unit/kiosk/ui/headless_ui_fixture.h"

namespace wp::ui {

int expectTargetsOfTenMillimetres(const std::string& where, const FrameRecord& f, double mmPerPx) {
    int controls = 0;
    for (const DrawnItem& item : f.items) {
        if (!item.clickable) continue;
        ++controls;
        EXPECT_GE(item.rect.width() * mmPerPx, 10.0) << where << ": \"" << item.text << "\"";
        EXPECT_GE(item.rect.height() * mmPerPx, 10.0) << where << ": \"" << item.text << "\"";
    }
    return controls;
}

void expectEnoughContrast(const std::string& where, const FrameRecord& f) {
    for (const DrawnItem& item : f.items) {
        // All kiosk text is held to 4.5:1, although most of it is large enough for 3:1.
        EXPECT_GE(contrastRatio(item.fg, item.bg), 4.5) << where << ": text \"" << item.text << "\"";
        if (item.clickable) {
            EXPECT_GE(
                std::max(contrastRatio(item.boundary, item.surround), contrastRatio(item.bg, item.surround)),
                3.0)
                << where << ": control \"" << item.text << "\"";
        }
    }
}

void expectNothingClippedOrOverlapping(const std::string& where, const FrameRecord& f) {
    for (size_t i = 0; i < f.items.size(); ++i) {
        const DrawnItem& a = f.items[i];
        EXPECT_TRUE(f.isVisible(a)) << where << ": \"" << a.text << "\" is clipped";
        for (size_t j = i + 1; j < f.items.size(); ++j) {
            const DrawnItem& b = f.items[j];
            if (a.clickable && b.clickable) {
                EXPECT_FALSE(testing::HeadlessUiTest::overlaps(a.rect, b.rect))
                    << where << ": \"" << a.text << "\" overlaps \"" << b.text << "\"";
            } else if (a.clickable != b.clickable) {
                // Text may sit inside a control (a tile's hint) but not across its edge.
                const DrawnItem& control = a.clickable ? a : b;
                const DrawnItem& text = a.clickable ? b : a;
                if (testing::HeadlessUiTest::overlaps(control.rect, text.rect)) {
                    EXPECT_TRUE(control.rect.contains(text.rect))
                        << where << ": \"" << text.text << "\" crosses the edge of \"" << control.text
                        << "\"";
                }
            } else {
                EXPECT_FALSE(testing::HeadlessUiTest::overlaps(a.rect, b.rect))
                    << where << ": \"" << a.text << "\" overlaps \"" << b.text << "\"";
            }
        }
    }
}

void expectHomeReadAloudLanguagesAndTheHost(const std::string& where, const FrameRecord& f,
                                            const ResidentSession& session) {
    auto hasControl = [&](const std::string& label) {
        return std::count_if(f.items.begin(), f.items.end(),
                             [&](const DrawnItem& i) { return i.clickable && i.text == label; }) == 1;
    };
    const std::string& lang = session.language();
    for (const char* key : {"common.start_again", "common.read_aloud", "common.ask_host"})
        EXPECT_TRUE(hasControl(session.texts().get(lang, key))) << where << ": " << key;
    for (const std::string& code : session.bundle().content.languages)
        EXPECT_TRUE(hasControl(session.texts().languageName(code))) << where << ": language " << code;
}

void expectEveryGlyph(const std::string& where, const FrameRecord& f, const FontSet& fonts) {
    for (const DrawnItem& item : f.items)
        for (unsigned cp : utf8CodePoints(item.text)) {
            if (cp == '\n') continue;  // a line break, not a glyph
            for (const auto& [theme, themeFonts] : fonts.all()) {
                // The ticket-number font holds only what a number needs; what it draws must be there too.
                if (item.ticketFont) {
                    EXPECT_NE(themeFonts.ticket->FindGlyphNoFallback(static_cast<ImWchar>(cp)), nullptr)
                        << where << ": U+" << std::hex << cp << " in the ticket font, \"" << item.text
                        << "\"";
                }
                for (ImFont* font : {themeFonts.body, themeFonts.large, themeFonts.title}) {
                    EXPECT_NE(font->FindGlyphNoFallback(static_cast<ImWchar>(cp)), nullptr)
                        << where << ": U+" << std::hex << cp << " in \"" << item.text << "\"";
                }
            }
        }
}

void expectOneMainAction(const std::string& where, const FrameRecord& f) {
    int main = 0, picks = 0, controls = 0;
    for (const DrawnItem& item : f.items) {
        if (item.region == Region::Chrome) {
            EXPECT_NE(item.kind, WidgetKind::MainAction)
                << where << ": \"" << item.text << "\" in the chrome";
            continue;
        }
        if (!item.clickable) continue;
        ++controls;
        if (item.kind == WidgetKind::MainAction) ++main;
        if (item.kind == WidgetKind::Tile || item.kind == WidgetKind::Choice) ++picks;
    }
    EXPECT_LE(main, 1) << where << ": " << main << " main actions";
    if (main == 0) {
        EXPECT_TRUE(picks > 0 || controls == 0) << where << ": no main action and nothing to pick";
    }
}

void expectNoTileLookingNonControl(const std::string& where, const FrameRecord& f, const Theme& theme) {
    const auto& c = theme.colors;
    std::vector<Rgba> raised;
    for (const Rgba& fill : {c.tile, c.main, c.button})
        if (!(fill == c.background)) raised.push_back(fill);
    for (const DrawnItem& item : f.items) {
        if (item.clickable || item.kind == WidgetKind::Field || item.region == Region::Chrome) continue;
        const bool insideControl = std::any_of(f.items.begin(), f.items.end(), [&](const DrawnItem& other) {
            return other.clickable && other.rect.contains(item.rect);
        });
        if (insideControl) continue;
        for (const Rgba& fill : raised)
            EXPECT_FALSE(item.bg == fill) << where << ": \"" << item.text << "\" looks like a tile";
    }
}

void expectNoRouteToAServiceNotLive(const std::string& where, const FrameRecord& f,
                                    const ResidentSession& session) {
    std::vector<std::string> dead;
    for (const StartTile& tile : session.bundle().content.tiles)
        if (!tileIsLive(session, tile)) dead.push_back(session.tr(tile.labelKey));
    if (!appointmentsLive(session)) dead.push_back(session.tr("question.appointment"));
    for (const DrawnItem& item : f.items) {
        if (!item.clickable) continue;
        for (const std::string& label : dead) {
            EXPECT_NE(item.text, label) << where << ": a way to \"" << label << "\", which is not live here";
        }
    }
}

}  // namespace wp::ui
