#include "kiosk/ui/screens/coming_soon_screen.h"

#include "kiosk/ui/screens/live_routes.h"

namespace wp::ui {

void ComingSoonScreen::draw(Ui& ui, ResidentSession& session, Rect area) {
    const Theme& t = ui.theme();
    // The argument is a tile id (its label is the title) or the text key of the button that led here,
    // so residents see where they are.
    const std::string& arg = session.screen().arg;
    std::string titleKey = arg;
    for (const StartTile& tile : session.bundle().content.tiles)
        if (tile.id == arg) titleKey = tile.labelKey;

    float y = area.y0;
    y += ui.text(session.tr(titleKey), {area.x0, y, area.x1, y + t.titleSize * 2.5f}, FontRole::Title,
                 t.colors.text, t.colors.background, 0.5f);
    y += t.spacing * 2;
    y += ui.text(session.tr("soon.body"), {area.x0, y, area.x1, area.y1}, FontRole::Body, t.colors.text,
                 t.colors.background, 0.5f);
    y += t.spacing;
    // Not a dead end: what the kiosk can do instead (live_routes.h), as the main action.
    y += ui.text(session.tr("soon.offer"), {area.x0, y, area.x1, area.y1}, FontRole::Body, t.colors.text,
                 t.colors.background, 0.5f);
    y += t.spacing * 2;
    drawCallbackAndBack(ui, session, area, y);
}

}  // namespace wp::ui
