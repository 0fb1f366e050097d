#include "kiosk/ui/screens/start_screen.h"

#include <algorithm>

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
        ui.text(line, {area.x0 + pad, y + pad / 2, area.x1 - pad, y + h}, FontRole::Body, t.colors.warningText,
                t.colors.warning, 0.5f);
        y += h + gap;
    }

    // The tiles, two per row, filling the room left above the follow-up buttons.
    const float followHeight = 120.f;
    const auto& tiles = session.bundle().content.tiles;
    const int rows = static_cast<int>((tiles.size() + 1) / 2);
    const float tileW = (area.width() - gap) / 2;
    const float room = area.y1 - y - followHeight - gap * 2;
    const float tileH =
        rows > 0 ? std::min(300.f, (room - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows))
                 : 0;
    for (size_t i = 0; i < tiles.size(); ++i) {
        float x = area.x0 + static_cast<float>(i % 2) * (tileW + gap);
        float ty = y + static_cast<float>(i / 2) * (tileH + gap);
        if (ui.tile(session.tr(tiles[i].labelKey), session.tr(tiles[i].hintKey),
                    {x, ty, x + tileW, ty + tileH}))
            session.openTile(tiles[i].id);
    }
    y += static_cast<float>(rows) * (tileH + gap) + gap;

    const float half = (area.width() - gap) / 2;
    if (ui.button(session.tr("start.have_appointment"), {area.x0, y, area.x0 + half, y + followHeight}))
        session.open({"coming-soon", "start.have_appointment"});
    if (ui.button(session.tr("start.request_status"), {area.x0 + half + gap, y, area.x1, y + followHeight}))
        session.open({"request-status", {}});
}

}  // namespace wp::ui
