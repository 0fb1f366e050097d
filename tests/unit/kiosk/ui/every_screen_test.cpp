// Runs every resident screen, in every language and every theme, on an ImGui context with no backend,
// and checks what ACCESSIBILITY.md asks of each (screen_checks.h): touch targets, contrast, glyphs, nothing
// clipped or overlapping, the always-present controls, one main action, nothing that cannot be tapped looking
// like a tile, no way to a service that is not live, and no text key missing. The states visited are
// ScreenTest::allStates; this is the one place that loops over them.
#include <imgui.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "common/utf8.h"
#include "tests/unit/kiosk/ui/screen_checks.h"
#include "tests/unit/kiosk/ui/screen_fixture.h"

namespace wp::ui {
namespace {

using EveryScreenTest = ScreenTest;

// The states open every screen of the registry, so a screen is checked as soon as it is registered.
TEST_F(EveryScreenTest, TheStatesOpenEveryRegisteredScreen) {
    std::set<std::string> opened;
    for (const State& state : allStates()) {
        session_->setOutOfService(std::nullopt);
        session_->startAgain();
        state.enter(*session_, clock_);
        frame();
        opened.insert(session_->screen().id);
    }
    for (const std::string& id : screenIds()) EXPECT_TRUE(opened.contains(id)) << id << ": no state opens it";
}

TEST_F(EveryScreenTest, EveryControlIsAtLeastTenMillimetresSquare) {
    const double mmPerPx = bundle_.settings.screen.mmPerPx;
    int controls = 0;
    forEveryScreen([&](const std::string& where, const FrameRecord& f) {
        controls += expectTargetsOfTenMillimetres(where, f, mmPerPx);
    });
    EXPECT_GT(controls, 100);
}

TEST_F(EveryScreenTest, TextAndControlsHaveEnoughContrast) {
    forEveryScreen(expectEnoughContrast);
    for (const auto& [id, theme] : bundle_.themes) {
        // The focus ring must stand out from the page and from the controls it surrounds.
        EXPECT_GE(contrastRatio(theme.colors.focus, theme.colors.background), 3.0) << id;
        EXPECT_GE(contrastRatio(theme.colors.tilePressed, theme.colors.tileText), 4.5) << id;
        EXPECT_GE(contrastRatio(theme.colors.mainPressed, theme.colors.mainText), 4.5) << id;
        EXPECT_GE(contrastRatio(theme.colors.buttonPressed, theme.colors.buttonText), 4.5) << id;
    }
}

TEST_F(EveryScreenTest, NothingIsClippedOrOverlapping) {
    forEveryScreen(expectNothingClippedOrOverlapping);
}

TEST_F(EveryScreenTest, EveryScreenOffersHomeReadAloudLanguagesAndTheHost) {
    forEveryScreen([&](const std::string& where, const FrameRecord& f) {
        expectHomeReadAloudLanguagesAndTheHost(where, f, *session_);
    });
}

TEST_F(EveryScreenTest, EveryScreenHasOneMainAction) {
    forEveryScreen(expectOneMainAction);
}

TEST_F(EveryScreenTest, NothingThatCannotBeTappedLooksLikeATile) {
    forEveryScreen([&](const std::string& where, const FrameRecord& f) {
        expectNoTileLookingNonControl(where, f, session_->theme());
    });
}

TEST_F(EveryScreenTest, NoScreenOffersAWayToAServiceThatIsNotLive) {
    forEveryScreen([&](const std::string& where, const FrameRecord& f) {
        expectNoRouteToAServiceNotLive(where, f, *session_);
    });
}

TEST_F(EveryScreenTest, EveryDrawnCharacterHasAGlyph) {
    forEveryScreen(
        [&](const std::string& where, const FrameRecord& f) { expectEveryGlyph(where, f, fonts_); });
}

TEST_F(EveryScreenTest, EveryCharacterOfEveryTextHasAGlyph) {
    std::vector<std::string> all{bundle_.settings.contactPoint.name};
    for (const auto& [code, lt] : bundle_.content.texts)
        for (const auto& [key, text] : lt.texts) all.push_back(text);
    for (const std::string& text : all)
        for (unsigned cp : utf8CodePoints(text))
            if (cp != '\n')
                for (const auto& [theme, fonts] : fonts_.all())
                    for (ImFont* font : {fonts.body, fonts.large, fonts.title}) {
                        EXPECT_NE(font->FindGlyphNoFallback(static_cast<ImWchar>(cp)), nullptr)
                            << "U+" << std::hex << cp << " in \"" << text << "\"";
                    }
}

TEST_F(EveryScreenTest, NoTextKeyIsMissing) {
    forEveryScreen([](const std::string&, const FrameRecord&) {});
    EXPECT_THAT(session_->texts().missingKeys(), ::testing::IsEmpty());
}
}  // namespace
}  // namespace wp::ui
