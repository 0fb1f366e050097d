// The start screen (kiosk/ui/screens/start_screen.cpp): the labels DESIGN.md promises, and its tiles: only
// the live ones, each with a pictogram, "Wachtnummer" first and drawn as the main action.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kiosk/ui/pictograms.h"
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
         {"Vraag stellen", "Wachtnummer", "Initiatief", "Hulp aan huis", "Ik heb een afspraak",
          "Status van mijn vraag", "Voorlezen", "Begin opnieuw", "Vraag het de gastvrouw of gastheer",
          "Nederlands", "English", "Türkçe", "Polski", "Українська"})
        EXPECT_THAT(labels, ::testing::Contains(label));
}
TEST_F(StartScreenTest, ATapOnATileOpensItsScreen) {
    const FrameRecord& f = frame();
    auto it = std::find_if(f.items.begin(), f.items.end(),
                           [](const DrawnItem& i) { return i.text == "Initiatief"; });
    ASSERT_NE(it, f.items.end());
    tapCentre(*it);
    EXPECT_EQ(session_->screen(), (ScreenRef{"request", "initiative"}));
}

TEST_F(StartScreenTest, TilesOfServicesNotLiveHereAreLeftOut) {
    frame();
    for (const char* label : {"Afspraak", "Meepraten"}) EXPECT_EQ(control(label), nullptr) << label;
    // "Ik heb een afspraak" stays, always.
    EXPECT_NE(control("Ik heb een afspraak"), nullptr);
}

TEST_F(StartScreenTest, WachtnummerIsTheFirstControlAndTheMainAction) {
    const FrameRecord& f = frame();
    auto first = std::find_if(f.items.begin(), f.items.end(),
                              [](const DrawnItem& i) { return i.clickable && i.region == Region::Content; });
    ASSERT_NE(first, f.items.end());
    EXPECT_EQ(first->text, "Wachtnummer");
    EXPECT_EQ(first->kind, WidgetKind::MainAction);
    for (const char* label : {"Vraag stellen", "Initiatief", "Hulp aan huis"})
        EXPECT_EQ(control(label)->kind, WidgetKind::Tile) << label;
    // Read aloud, it comes right after the title.
    const std::string spoken = ResidentShell::screenText(f);
    EXPECT_LT(spoken.find("Wachtnummer"), spoken.find("Vraag stellen"));
}

TEST_F(StartScreenTest, EveryTileNamesAPictogramThatExists) {
    for (const StartTile& tile : bundle_.content.tiles)
        EXPECT_TRUE(hasPictogram(tile.pictogram)) << tile.id << ": '" << tile.pictogram << "'";
}
}  // namespace
}  // namespace wp::ui
