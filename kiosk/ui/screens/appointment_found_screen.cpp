#include "kiosk/ui/screens/appointment_found_screen.h"

#include <algorithm>

#include "kiosk/core/appointment_checkin.h"
#include "kiosk/core/appointment_slip.h"
#include "kiosk/ui/screens/live_routes.h"

namespace wp::ui {

void AppointmentFoundScreen::draw(Ui& ui, ResidentSession& session, Rect area) {
    const Theme& t = ui.theme();
    const auto& c = t.colors;
    const float gap = t.spacing;
    const float w = std::min(area.width(), t.sizes.buttonWidth);
    const float bx = area.x0 + (area.width() - w) / 2;
    const float buttonH = t.sizes.buttonHeight;
    float y = area.y0;
    y += ui.text(session.tr("checkin.found_title"), {area.x0, y, area.x1, y + t.titleSize * 2.5f},
                 FontRole::Title, c.text, c.background, 0.5f);
    y += gap;

    AppointmentCheckin* checkin = session.appointmentCheckin();
    if (checkin == nullptr || checkin->booking().code.empty()) {
        y += ui.text(session.tr("checkin.unreachable"), {area.x0, y, area.x1, area.y1}, FontRole::Large,
                     c.text, c.background);
        y += gap * 2;
        if (ui.mainAction(session.tr("common.back"), {bx, y, bx + w, y + buttonH})) session.back();
        return;
    }
    const BookingView& b = checkin->booking();
    std::string service = b.service;
    for (const Service& s : session.bundle().services)
        if (s.id == b.service) service = session.tr(s.nameKey);
    const bool here = b.contactPoint == session.bundle().settings.contactPoint.letters;
    std::string place = b.place.empty() ? b.contactPoint : b.place;
    if (!b.address.empty()) place += ", " + b.address;
    if (here && b.place.empty()) place = session.bundle().settings.contactPoint.name;

    y += ui.text(fillIn(session.tr("checkin.found_when"),
                        {{"date", appointmentDate(b.start, session.texts(), session.language())},
                         {"time", formatLocalHourMinute(b.start)}}),
                 {area.x0, y, area.x1, area.y1}, FontRole::Large, c.text, c.background);
    y += gap / 2;
    y += ui.text(service, {area.x0, y, area.x1, area.y1}, FontRole::Large, c.text, c.background);
    y += gap / 2;
    y += ui.text(place, {area.x0, y, area.x1, area.y1}, FontRole::Body, c.text, c.background);
    y += gap / 2;
    y += ui.text(fillIn(session.tr("checkin.found_code"), {{"code", groupedBookingCode(b.code)}}),
                 {area.x0, y, area.x1, area.y1}, FontRole::Body, c.text, c.background);
    y += gap;
    y += ui.text(session.tr(here ? "checkin.found_other_day" : "checkin.found_other_place"),
                 {area.x0, y, area.x1, area.y1}, FontRole::Body, c.text, c.background);
    y += gap * 2;

    const std::string code = b.code;
    if (appointmentsLive(session)) {
        if (ui.button(session.tr("checkin.change"), {bx, y, bx + w, y + buttonH})) {
            session.open({"appointment-change", code});
            return;
        }
        y += buttonH + gap;
        if (ui.button(session.tr("checkin.cancel"), {bx, y, bx + w, y + buttonH})) {
            session.open({"appointment-cancel", code});
            return;
        }
        y += buttonH + gap;
    }
    if (ui.mainAction(session.tr("ticket.done"), {bx, y, bx + w, y + buttonH})) session.startAgain();
}

}  // namespace wp::ui
