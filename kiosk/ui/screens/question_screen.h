// "Vraag stellen", step one: what the question is about. The categories of the question tree
// (content/questions.toml) as big tiles with a hint; a tap opens the category's topics.
#pragma once

#include "kiosk/ui/screen.h"

namespace wp::ui {

class QuestionScreen final : public Screen {
  public:
    static constexpr const char* kId = "question";
    void draw(Ui& ui, ResidentSession& session, Rect area) override;
};

}  // namespace wp::ui
