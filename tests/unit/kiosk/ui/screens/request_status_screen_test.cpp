// "Status van mijn vraag" (kiosk/ui/screens/request_status_screen.cpp): a code typed or scanned shows its
// status and the team's note; "Andere code" starts over with an empty field.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "common/reference_code.h"
#include "common/request.h"
#include "tests/unit/kiosk/ui/screen_fixture.h"

namespace wp::ui {
namespace {

using RequestStatusScreenTest = ScreenTest;

TEST_F(RequestStatusScreenTest, AFoundCodeShowsItsStatusAndNoteUntilAnotherCode) {
    SeededRandom random(3);
    const std::string code = makeReferenceCode("SGN", "K2", random);
    HttpResult ok;
    ok.status = 200;
    ok.body = encodeStatusView({code, RequestStatus::Answered, "U kunt de sleutel ophalen.", clock_.now()});
    statusServer_.answer(code, ok);
    session_->attachStatusLookup(&statusServer_.lookup());
    session_->open({"request-status", {}});
    frame();
    ui_->typeText(code);
    ui_->submitText();
    frame();
    // The worker answers at once; real time only bounds a broken one.
    for (int i = 0; i < 1000 && statusServer_.lookup().state() == StatusLookup::State::Busy; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        frame();
    }
    auto shows = [this](const std::string& text) {
        const FrameRecord& f = frame();
        return std::any_of(f.items.begin(), f.items.end(),
                           [&](const DrawnItem& i) { return i.text == text; });
    };
    EXPECT_TRUE(shows(session_->tr("request_status.status_answered")));
    EXPECT_TRUE(shows("U kunt de sleutel ophalen."));
    const DrawnItem* other = control("Andere code");
    ASSERT_NE(other, nullptr);
    tapCentre(*other);
    EXPECT_FALSE(shows("U kunt de sleutel ophalen."));
    EXPECT_TRUE(shows(session_->tr("request_status.intro")));
    session_->attachStatusLookup(nullptr);
}

}  // namespace
}  // namespace wp::ui
