// "Wachtnummer" (kiosk/ui/screens/service_choice_screen.cpp): a tile per service; a tap on an open one takes
// a number there, a tap on a paused or closed one explains instead.
#include <gtest/gtest.h>

#include "tests/unit/kiosk/ui/screen_fixture.h"

namespace wp::ui {
namespace {

using ServiceChoiceScreenTest = ScreenTest;

TEST_F(ServiceChoiceScreenTest, ATapOnAnOpenServiceTakesANumberThere) {
    session_->openTile("ticket");
    frame();
    const DrawnItem* huurloket = control("Huurloket");
    ASSERT_NE(huurloket, nullptr);
    tapCentre(*huurloket);
    EXPECT_EQ(session_->screen(), (ScreenRef{"ticket", "huurloket"}));
    ASSERT_TRUE(flow_->ticket().has_value());
    EXPECT_EQ(flow_->ticket()->ticket.serviceId, "huurloket");
}

TEST_F(ServiceChoiceScreenTest, ATapOnAPausedServiceExplainsInsteadOfIssuing) {
    ASSERT_TRUE(hostQueue_->setPaused("wijkteam", true, clock_.now()));
    session_->openTile("ticket");
    frame();
    const DrawnItem* wijkteam = control("Wijkteam");
    ASSERT_NE(wijkteam, nullptr);
    tapCentre(*wijkteam);
    EXPECT_EQ(session_->screen(), (ScreenRef{"ticket-closed", "wijkteam"}));
    EXPECT_FALSE(flow_->ticket().has_value());
}

}  // namespace
}  // namespace wp::ui
