// The resident shell (kiosk/ui/resident_shell.cpp): keypad focus and read-aloud around every screen.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/kiosk/ui/screen_fixture.h"

namespace wp::ui {
namespace {

using ResidentShellTest = ScreenTest;

TEST_F(ResidentShellTest, KeypadFocusWalksInReadingOrderAndEnterActivates) {
    frame();
    ui_->focusNext();
    EXPECT_EQ(ui_->takeFocusAnnouncement(),
              "Wachtnummer");  // the main action, and the content before the chrome
    frame();
    ui_->focusNext();
    EXPECT_EQ(ui_->takeFocusAnnouncement(), "Vraag stellen");
    frame();
    ui_->activateFocused();
    frame();
    EXPECT_EQ(session_->screen(), (ScreenRef{"question", "question"}));
    frame();               // the new screen: the focused tile is gone, so is the focus
    ui_->focusPrevious();  // wraps round to the last control: the host button
    EXPECT_EQ(ui_->takeFocusAnnouncement(), "Vraag het de gastvrouw of gastheer");
}

TEST_F(ResidentShellTest, ReadAloudSpeaksTheScreenContentFirst) {
    const FrameRecord& f = frame();
    auto it = std::find_if(f.items.begin(), f.items.end(),
                           [](const DrawnItem& i) { return i.text == "Voorlezen"; });
    ASSERT_NE(it, f.items.end());
    tapCentre(*it);
    frame();
    auto said = parts_->speaker.utterances();
    ASSERT_FALSE(said.empty());
    EXPECT_EQ(said.back().language, "nl");
    EXPECT_THAT(said.back().text, ::testing::StartsWith("Waarmee kunnen we u helpen? Wachtnummer"));
    EXPECT_THAT(said.back().text, ::testing::HasSubstr("Vraag het de gastvrouw of gastheer"));
}

}  // namespace
}  // namespace wp::ui
