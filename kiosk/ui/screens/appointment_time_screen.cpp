#include "kiosk/ui/screens/appointment_time_screen.h"

#include "kiosk/core/appointment_slip.h"
#include "kiosk/ui/screens/appointment_parts.h"

namespace wp::ui {

void AppointmentTimeScreen::draw(Ui& ui, ResidentSession& session, Rect area) {
    const Theme& t = ui.theme();
    const float gap = t.spacing;
    float y = area.y0;
    y += appointmentTitle(ui, session.tr("appointment.time_title"), area);
    AppointmentBooking* booking = session.appointmentBooking();
    const float navY = area.y1 - t.sizes.buttonHeight;
    bool back = false, go = false;
    if (booking == nullptr || booking->day().empty()) {
        onlyBack(ui, session, area, y);
        return;
    }
    y += ui.text(appointmentDay(booking->day(), session.texts(), session.language()),
                 {area.x0, y, area.x1, area.y1}, FontRole::Large, t.colors.text, t.colors.background, 0.5f) +
         gap;
    const std::vector<FreeSlot> slots = slotsOnDay(booking->client().slots(), booking->day());
    std::vector<std::string> labels;
    for (const FreeSlot& s : slots) labels.push_back(formatLocalHourMinute(s.start));
    const int tapped = pagedButtons(ui, session, labels, 3, {area.x0, y, area.x1, navY - gap}, page_);
    backAndMain(ui, session, {}, area, navY, back, go);
    if (tapped >= 0) {
        session.noteActivity();
        booking->chooseSlot(slots[static_cast<std::size_t>(tapped)]);
        session.open({booking->changing() ? kAppointmentCheckScreen : kAppointmentContactScreen, {}});
    } else if (back) {
        session.back();
    }
}

}  // namespace wp::ui
