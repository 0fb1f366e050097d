#include "kiosk/ui/screens/out_of_service_screen.h"

namespace wp::ui {

void OutOfServiceScreen::draw(Ui& ui, ResidentSession& session, Rect area) {
    const Theme& t = ui.theme();
    float y = area.y0;
    y += ui.text(session.tr("out_of_service.title"), {area.x0, y, area.x1, y + t.titleSize * 2.5f},
                 FontRole::Title, t.colors.text, t.colors.background, 0.5f);
    y += t.spacing * 2;
    y += ui.text(session.tr("out_of_service.body"), {area.x0, y, area.x1, area.y1}, FontRole::Body,
                 t.colors.text, t.colors.background, 0.5f);
    y += t.spacing * 2;
    if (const auto& message = session.outOfService(); message && !message->empty())
        ui.text(*message, {area.x0, y, area.x1, area.y1}, FontRole::Large, t.colors.text, t.colors.background,
                0.5f);
}

}  // namespace wp::ui
