// "Vraag stellen" (kiosk/ui/screens/question_screen.cpp): the question tree's categories as tiles.
#include <gtest/gtest.h>

#include "tests/unit/kiosk/ui/screen_fixture.h"

namespace wp::ui {
namespace {

using QuestionScreenTest = ScreenTest;

TEST_F(QuestionScreenTest, EveryCategoryIsATileThatOpensIt) {
    ASSERT_FALSE(bundle_.questions.categories().empty());
    for (const QuestionCategory& category : bundle_.questions.categories()) {
        session_->startAgain();
        session_->openTile("question");
        frame();
        const DrawnItem* tile = control(session_->tr(category.labelKey));
        ASSERT_NE(tile, nullptr) << category.id;
        tapCentre(*tile);
        EXPECT_EQ(session_->screen(), (ScreenRef{"question-category", category.id}));
    }
}

}  // namespace
}  // namespace wp::ui
