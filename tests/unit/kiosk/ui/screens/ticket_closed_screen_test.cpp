// A desk that gives no numbers now (kiosk/ui/screens/ticket_closed_screen.cpp): when it opens again, and a
// call back instead (no appointments are made at the kiosk).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "tests/unit/kiosk/ui/screen_fixture.h"

namespace wp::ui {
namespace {

using TicketClosedScreenTest = ScreenTest;

TEST_F(TicketClosedScreenTest, SaysWhenTheDeskOpensAgainAndOffersACallBack) {
    clock_.advance(std::chrono::hours(10));  // Thursday 20:00: the Huurloket is closed
    session_->openTile("ticket");
    frame();
    tapCentre(*control("Huurloket"));
    ASSERT_EQ(session_->screen(), (ScreenRef{"ticket-closed", "huurloket"}));
    EXPECT_FALSE(flow_->ticket().has_value());
    const FrameRecord& f = frame();
    EXPECT_TRUE(std::any_of(f.items.begin(), f.items.end(),
                            [](const DrawnItem& i) { return i.text.starts_with("Weer open: "); }));
    EXPECT_EQ(control("Afspraak"), nullptr);
    ASSERT_NE(control("Bel mij terug"), nullptr);
    EXPECT_EQ(control("Bel mij terug")->kind, WidgetKind::MainAction);
    tapCentre(*control("Bel mij terug"));
    EXPECT_EQ(session_->screen(), (ScreenRef{"request", "callback"}));
}

}  // namespace
}  // namespace wp::ui
