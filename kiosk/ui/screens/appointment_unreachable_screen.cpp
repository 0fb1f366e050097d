#include "kiosk/ui/screens/appointment_unreachable_screen.h"

#include "kiosk/ui/screens/appointment_parts.h"

namespace wp::ui {

void AppointmentUnreachableScreen::draw(Ui& ui, ResidentSession& session, Rect area) {
    const Theme& t = ui.theme();
    float y = area.y0;
    y += appointmentTitle(ui, session.tr("appointment.unreachable_title"), area);
    y += appointmentNotice(ui, session.tr("appointment.unreachable"), {area.x0, y, area.x1, area.y1}, true);
    y += ui.text(session.tr("appointment.unreachable_offer"), {area.x0, y, area.x1, area.y1}, FontRole::Body,
                 t.colors.text, t.colors.background) +
         t.spacing;
    bool back = false, go = false;
    backAndMain(ui, session, session.tr("appointment.callback"), area, y, back, go);
    if (go)
        openAppointmentCallback(session, session.screen().arg);
    else if (back)
        session.back();
}

}  // namespace wp::ui
