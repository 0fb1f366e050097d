// A desk that gives no numbers now (kiosk/ui/screens/ticket_closed_screen.cpp): when it opens again, and an
// appointment instead.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "tests/unit/kiosk/ui/screen_fixture.h"

namespace wp::ui {
namespace {

using TicketClosedScreenTest = ScreenTest;

TEST_F(TicketClosedScreenTest, SaysWhenTheDeskOpensAgainAndOffersAnAppointment) {
    clock_.advance(std::chrono::hours(10));  // Thursday 20:00: the Huurloket is closed
    session_->openTile("ticket");
    frame();
    tapCentre(*control("Huurloket"));
    ASSERT_EQ(session_->screen(), (ScreenRef{"ticket-closed", "huurloket"}));
    EXPECT_FALSE(flow_->ticket().has_value());
    const FrameRecord& f = frame();
    EXPECT_TRUE(std::any_of(f.items.begin(), f.items.end(),
                            [](const DrawnItem& i) { return i.text.starts_with("Weer open: "); }));
    tapCentre(*control("Afspraak"));
    const StartTile& tile = *std::find_if(bundle_.content.tiles.begin(), bundle_.content.tiles.end(),
                                          [](const StartTile& t) { return t.id == "appointment"; });
    EXPECT_EQ(session_->screen(), (ScreenRef{tile.screen, "appointment"}));
}

}  // namespace
}  // namespace wp::ui
