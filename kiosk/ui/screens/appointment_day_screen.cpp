#include "kiosk/ui/screens/appointment_day_screen.h"

#include "kiosk/core/appointment_slip.h"
#include "kiosk/ui/screens/appointment_parts.h"

namespace wp::ui {

void AppointmentDayScreen::onEnter(ResidentSession& session) {
    page_ = 0;
    AppointmentBooking* booking = session.appointmentBooking();
    if (booking == nullptr || !booking->offer()) return;
    booking->client().loadSlots(booking->offer()->contactPoint, booking->offer()->service);
}

void AppointmentDayScreen::draw(Ui& ui, ResidentSession& session, Rect area) {
    const Theme& t = ui.theme();
    const float gap = t.spacing;
    float y = area.y0;
    y += appointmentTitle(ui, session.tr("appointment.day_title"), area);
    AppointmentBooking* booking = session.appointmentBooking();
    if (booking == nullptr || !booking->offer()) {
        onlyBack(ui, session, area, y);
        return;
    }
    const AgendaOffer& offer = *booking->offer();
    y += ui.text(fillIn(session.tr("appointment.for_at"),
                        {{"service", serviceName(session, offer.service)}, {"place", offer.place}}),
                 {area.x0, y, area.x1, area.y1}, FontRole::Body, t.colors.text, t.colors.background) +
         gap;
    AppointmentClient& client = booking->client();
    client.collect();
    if (client.call() == AppointmentClient::Call::Slots && client.state() == AppointmentClient::State::Busy) {
        appointmentNotice(ui, session.tr("appointment.fetching"), {area.x0, y, area.x1, area.y1}, false);
        return;
    }
    if (client.call() != AppointmentClient::Call::Slots || client.state() != AppointmentClient::State::Done) {
        openAppointmentUnreachable(session, offer.service);
        return;
    }
    const std::vector<std::string> days = slotDays(client.slots());
    const float navY = area.y1 - t.sizes.buttonHeight;
    bool back = false, go = false;
    if (days.empty()) {
        y += appointmentNotice(ui, session.tr("appointment.no_days"), {area.x0, y, area.x1, area.y1}, false);
        backAndMain(ui, session, session.tr("appointment.callback"), area, y, back, go);
        if (go) openAppointmentCallback(session, offer.service);
        if (back) session.back();
        return;
    }
    std::vector<std::string> labels;
    for (const std::string& day : days)
        labels.push_back(appointmentDay(day, session.texts(), session.language()));
    const int tapped = pagedButtons(ui, session, labels, 1, {area.x0, y, area.x1, navY - gap}, page_);
    backAndMain(ui, session, {}, area, navY, back, go);
    if (tapped >= 0) {
        session.noteActivity();
        booking->chooseDay(days[static_cast<std::size_t>(tapped)]);
        session.open({kAppointmentTimeScreen, {}});
    } else if (back) {
        session.back();
    }
}

}  // namespace wp::ui
