#include "kiosk/ui/screens/question_screen.h"

#include <algorithm>

#include "kiosk/ui/screens/question_category_screen.h"

namespace wp::ui {

void QuestionScreen::draw(Ui& ui, ResidentSession& session, Rect area) {
    const Theme& t = ui.theme();
    const float gap = t.spacing;
    const float backH = 130.f;
    float y = area.y0;
    y += ui.text(session.tr("question.title"), {area.x0, y, area.x1, area.y1}, FontRole::Title, t.colors.text,
                 t.colors.background, 0.5f);
    y += gap * 2;

    // The categories, two per row, filling the room above "Terug".
    const auto& categories = session.bundle().questions.categories();
    const int rows = static_cast<int>((categories.size() + 1) / 2);
    const float tileW = (area.width() - gap) / 2;
    const float room = area.y1 - y - backH - gap * 2;
    const float tileH =
        rows > 0 ? std::min(300.f, (room - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows))
                 : 0;
    for (size_t i = 0; i < categories.size(); ++i) {
        const QuestionCategory& c = categories[i];
        float x = area.x0 + static_cast<float>(i % 2) * (tileW + gap);
        float ty = y + static_cast<float>(i / 2) * (tileH + gap);
        if (ui.tile(session.tr(c.labelKey), session.tr(c.hintKey), {x, ty, x + tileW, ty + tileH}))
            session.open({QuestionCategoryScreen::kId, c.id});
    }
    y += static_cast<float>(rows) * (tileH + gap) + gap;

    const float w = std::min(area.width(), 600.f);
    const float x = area.x0 + (area.width() - w) / 2;
    if (ui.button(session.tr("common.back"), {x, y, x + w, y + backH})) session.back();
}

}  // namespace wp::ui
