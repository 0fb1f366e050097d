#include "kiosk/ui/screens/start_screen.h"

#include "kiosk/ui/screens/live_routes.h"
#include "kiosk/ui/tile_grid.h"

namespace wp::ui {

void StartScreen::draw(Ui& ui, ResidentSession& session, Rect area) {
    const Theme& t = ui.theme();
    const float gap = t.spacing;
    float y = area.y0;
    y += ui.text(session.tr("start.title"), {area.x0, y, area.x1, y + t.titleSize * 2.5f}, FontRole::Title,
                 t.colors.text, t.colors.background, 0.5f);
    y += gap;
    if (const TicketFlow* flow = session.ticketFlow(); flow && flow->printerTrouble()) {
        // Said before anyone takes a number, so nobody waits at an empty printer.
        const float pad = gap;
        const std::string& line = session.tr("ticket.printer_trouble");
        const float h = ui.measureHeight(line, area.width() - pad * 2, FontRole::Body) + pad;
        ui.fill({area.x0, y, area.x1, y + h}, t.colors.warning, t.cornerRadius);
        ui.text(line, {area.x0 + pad, y + pad / 2, area.x1 - pad, y + h}, FontRole::Body,
                t.colors.warningText, t.colors.warning, 0.5f);
        y += h + gap;
    }

    // The tiles, two per row, filling the room left above the follow-up buttons.
    const float followHeight = t.sizes.lowButtonHeight;
    // Only what works here; the first of them ("Wachtnummer") is the screen's main action.
    std::vector<const StartTile*> tiles;
    for (const StartTile& tile : session.bundle().content.tiles)
        if (tileIsLive(session, tile)) tiles.push_back(&tile);
    std::vector<GridTile> grid;
    for (const StartTile* tile : tiles)
        grid.push_back(
            {session.tr(tile->labelKey), session.tr(tile->hintKey), tile->pictogram, grid.empty()});
    const TileGridResult drawn = tileGrid(ui, grid, {area.x0, y, area.x1, area.y1 - followHeight - gap * 2});
    if (drawn.tapped >= 0) session.openTile(tiles[static_cast<size_t>(drawn.tapped)]->id);
    y += drawn.height + gap;

    const float half = (area.width() - gap) / 2;
    if (ui.button(session.tr("start.have_appointment"), {area.x0, y, area.x0 + half, y + followHeight}))
        openCheckin(session);
    if (ui.button(session.tr("start.request_status"), {area.x0 + half + gap, y, area.x1, y + followHeight}))
        session.open({"request-status", {}});
}

}  // namespace wp::ui
