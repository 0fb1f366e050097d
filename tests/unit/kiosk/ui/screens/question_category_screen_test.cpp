// A category of "Vraag stellen" (kiosk/ui/screens/question_category_screen.cpp): its topics, one button each,
// and "Terug" to the categories.
#include <gtest/gtest.h>

#include "tests/unit/kiosk/ui/screen_fixture.h"

namespace wp::ui {
namespace {

using QuestionCategoryScreenTest = ScreenTest;

TEST_F(QuestionCategoryScreenTest, EveryTopicIsAButtonThatOpensIt) {
    const QuestionTree& tree = bundle_.questions;
    for (const QuestionCategory& category : tree.categories()) {
        ASSERT_FALSE(category.topics.empty()) << category.id;
        for (const std::string& id : category.topics) {
            session_->startAgain();
            session_->openTile("question");
            session_->open({"question-category", category.id});
            frame();
            const DrawnItem* button = control(session_->tr(tree.topic(id)->labelKey));
            ASSERT_NE(button, nullptr) << category.id << " / " << id;
            tapCentre(*button);
            EXPECT_EQ(session_->screen(), (ScreenRef{"question-topic", id}));
        }
    }
}

TEST_F(QuestionCategoryScreenTest, BackGoesToTheCategories) {
    session_->openTile("question");
    session_->open({"question-category", bundle_.questions.categories().front().id});
    frame();
    tapCentre(*control("Terug"));
    EXPECT_EQ(session_->screen().id, "question");
}

}  // namespace
}  // namespace wp::ui
