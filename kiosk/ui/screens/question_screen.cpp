#include "kiosk/ui/screens/question_screen.h"

#include <algorithm>

#include "kiosk/ui/screens/question_category_screen.h"
#include "kiosk/ui/tile_grid.h"

namespace wp::ui {

void QuestionScreen::draw(Ui& ui, ResidentSession& session, Rect area) {
    const Theme& t = ui.theme();
    const float gap = t.spacing;
    const float backH = t.sizes.buttonHeight;
    float y = area.y0;
    y += ui.text(session.tr("question.title"), {area.x0, y, area.x1, area.y1}, FontRole::Title, t.colors.text,
                 t.colors.background, 0.5f);
    y += gap * 2;

    // The categories, two per row, filling the room above "Terug".
    const auto& categories = session.bundle().questions.categories();
    std::vector<GridTile> grid;
    for (const QuestionCategory& c : categories)
        grid.push_back({session.tr(c.labelKey), session.tr(c.hintKey)});
    const TileGridResult drawn = tileGrid(ui, grid, {area.x0, y, area.x1, area.y1 - backH - gap * 2});
    if (drawn.tapped >= 0)
        session.open({QuestionCategoryScreen::kId, categories[static_cast<size_t>(drawn.tapped)].id});
    y += drawn.height + gap;

    const float w = std::min(area.width(), t.sizes.buttonWidth);
    const float x = area.x0 + (area.width() - w) / 2;
    if (ui.button(session.tr("common.back"), {x, y, x + w, y + backH})) session.back();
}

}  // namespace wp::ui
