// The start screen (kiosk/ui/screens/start_screen.cpp): the labels DESIGN.md promises, and its tiles.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/kiosk/ui/screen_fixture.h"

namespace wp::ui {
namespace {

using StartScreenTest = ScreenTest;

TEST_F(StartScreenTest, StartScreenHasTheContractLabels) {
    const FrameRecord& f = frame();
    std::vector<std::string> labels;
    for (const DrawnItem& i : f.items)
        if (i.clickable) labels.push_back(i.text);
    for (const char* label :
         {"Vraag stellen", "Wachtnummer", "Afspraak", "Initiatief", "Meepraten", "Hulp aan huis",
          "Ik heb een afspraak", "Status van mijn vraag", "Voorlezen", "Begin opnieuw",
          "Vraag het de gastvrouw of gastheer", "Nederlands", "English", "Türkçe", "Polski", "Українська"})
        EXPECT_THAT(labels, ::testing::Contains(label));
}
TEST_F(StartScreenTest, ATapOnATileOpensItsScreen) {
    const FrameRecord& f = frame();
    auto it = std::find_if(f.items.begin(), f.items.end(),
                           [](const DrawnItem& i) { return i.text == "Meepraten"; });
    ASSERT_NE(it, f.items.end());
    tapCentre(*it);
    EXPECT_EQ(session_->screen(), (ScreenRef{"coming-soon", "participate"}));
}
}  // namespace
}  // namespace wp::ui
