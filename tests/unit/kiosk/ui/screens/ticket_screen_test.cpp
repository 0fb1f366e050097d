// The number taken (kiosk/ui/screens/ticket_screen.cpp): the number big, what became of the slip, and "Klaar"
// back to the start.
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/unit/kiosk/ui/screen_fixture.h"

namespace wp::ui {
namespace {

using TicketScreenTest = ScreenTest;

TEST_F(TicketScreenTest, ShowsTheNumberAndWhetherTheSlipCameOut) {
    for (bool paperOut : {false, true}) {
        session_->startAgain();
        if (paperOut) printer_->failNext(PrintOutcome::PaperOut);
        session_->openTile("ticket");
        frame();
        tapCentre(*control("Huurloket"));
        ASSERT_NO_FATAL_FAILURE(settlePrinting());
        ASSERT_TRUE(flow_->ticket().has_value());
        const std::string number = flow_->ticket()->ticket.display;
        const std::string slip = paperOut ? "Er kwam geen bon uit de printer. Onthoud uw nummer: " + number
                                          : "Neem uw bon uit de printer.";
        const FrameRecord& f = frame();
        for (const std::string& text : {number, slip})
            EXPECT_TRUE(std::any_of(f.items.begin(), f.items.end(),
                                    [&](const DrawnItem& i) { return i.text == text; }))
                << (paperOut ? "paper out: " : "printed: ") << text;
        tapCentre(*control("Klaar"));
        EXPECT_EQ(session_->screen().id, kStartScreen);
    }
}

// Called while the screen is still up: where to go, in the place of the wait and the queue page's QR code.
TEST_F(TicketScreenTest, CalledByAHostItSaysWhereToGoInsteadOfTheWait) {
    session_->openTile("ticket");
    frame();
    tapCentre(*control("Huurloket"));
    ASSERT_NO_FATAL_FAILURE(settlePrinting());
    auto shows = [this](const std::string& prefix) {
        const FrameRecord& f = frame();
        return std::any_of(f.items.begin(), f.items.end(),
                           [&](const DrawnItem& i) { return i.text.starts_with(prefix); });
    };
    EXPECT_TRUE(shows("U bent de volgende."));  // the first ticket: nobody before it
    EXPECT_TRUE(shows("Scan en zie uw plek in de rij"));
    ASSERT_TRUE(hostQueue_->changeTicketState(flow_->ticket()->ticket.id, TicketState::Called, "Balie 2",
                                              clock_.now()));
    ASSERT_TRUE(flow_->refreshTicket());
    EXPECT_TRUE(shows("U bent aan de beurt. Ga naar Balie 2."));
    EXPECT_FALSE(shows("U bent de volgende."));
    EXPECT_FALSE(shows("Scan en zie uw plek in de rij"));
}

}  // namespace
}  // namespace wp::ui
