// "Vraag stellen", step two: the topics of one category (argument: the category id), one big button each,
// in the order of content/questions.toml. A tap opens the topic's answer.
#pragma once

#include "kiosk/ui/screen.h"

namespace wp::ui {

class QuestionCategoryScreen final : public Screen {
  public:
    static constexpr const char* kId = "question-category";
    void draw(Ui& ui, ResidentSession& session, Rect area) override;
};

}  // namespace wp::ui
