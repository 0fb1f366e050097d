// What is not here yet (kiosk/ui/screens/coming_soon_screen.cpp): the button's own name over the sentence
// that it comes soon, "Bel mij terug" as the main action, and "Terug".
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/unit/kiosk/ui/screen_fixture.h"

namespace wp::ui {
namespace {

using ComingSoonScreenTest = ScreenTest;

TEST_F(ComingSoonScreenTest, SaysWhatWasTappedAndThatItComesSoon) {
    for (const std::string label : {"Ik heb een afspraak"}) {
        session_->startAgain();
        frame();
        session_->open({"coming-soon", "start.have_appointment"});
        ASSERT_EQ(session_->screen().id, "coming-soon") << label;
        const FrameRecord& f = frame();
        for (const std::string& text : {label, session_->tr("soon.body")})
            EXPECT_TRUE(std::any_of(f.items.begin(), f.items.end(),
                                    [&](const DrawnItem& i) { return !i.clickable && i.text == text; }))
                << label << ": " << text;
        tapCentre(*control("Terug"));
        EXPECT_EQ(session_->screen().id, kStartScreen) << label;
    }
}

TEST_F(ComingSoonScreenTest, AnAppointmentOffersACallBack) {
    frame();
    session_->open({"coming-soon", "start.have_appointment"});
    frame();
    const DrawnItem* offer = control("Bel mij terug");
    ASSERT_NE(offer, nullptr);
    EXPECT_EQ(offer->kind, WidgetKind::MainAction);
    EXPECT_EQ(control("Terug")->kind, WidgetKind::Secondary);
    tapCentre(*offer);
    EXPECT_EQ(session_->screen(), (ScreenRef{"request", "callback"}));
}

}  // namespace
}  // namespace wp::ui
