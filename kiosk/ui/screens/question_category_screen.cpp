#include "kiosk/ui/screens/question_category_screen.h"

#include <algorithm>

#include "kiosk/ui/screens/question_topic_screen.h"

namespace wp::ui {

void QuestionCategoryScreen::draw(Ui& ui, ResidentSession& session, Rect area) {
    const Theme& t = ui.theme();
    const float gap = t.spacing;
    const float backH = t.sizes.buttonHeight;
    const QuestionTree& tree = session.bundle().questions;
    const QuestionCategory* category = tree.category(session.screen().arg);

    float y = area.y0;
    if (category != nullptr) {
        y += ui.text(session.tr(category->labelKey), {area.x0, y, area.x1, area.y1}, FontRole::Title,
                     t.colors.text, t.colors.background, 0.5f);
        y += gap;
        y += ui.text(session.tr("question.choose_topic"), {area.x0, y, area.x1, area.y1}, FontRole::Body,
                     t.colors.text, t.colors.background, 0.5f);
        y += gap * 2;

        // One topic per row: a question reads best on one wide button.
        const auto n = static_cast<float>(category->topics.size());
        const float room = area.y1 - y - backH - gap * 2;
        const float rowH = n > 0 ? std::min(t.sizes.largeButtonHeight, (room - gap * (n - 1)) / n) : 0;
        for (const std::string& id : category->topics) {
            const QuestionTopic* topic = tree.topic(id);
            if (topic == nullptr) continue;  // the loader makes sure it exists
            if (ui.menuItem(session.tr(topic->labelKey), {area.x0, y, area.x1, y + rowH}))
                session.open({QuestionTopicScreen::kId, topic->id});
            y += rowH + gap;
        }
        y += gap;
    }
    const float w = std::min(area.width(), t.sizes.buttonWidth);
    const float x = area.x0 + (area.width() - w) / 2;
    if (ui.button(session.tr("common.back"), {x, y, x + w, y + backH})) session.back();
}

}  // namespace wp::ui
