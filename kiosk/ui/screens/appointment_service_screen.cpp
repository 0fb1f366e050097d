#include "kiosk/ui/screens/appointment_service_screen.h"

#include <algorithm>

#include "kiosk/ui/screens/appointment_parts.h"
#include "kiosk/ui/tile_grid.h"

namespace wp::ui {

void AppointmentServiceScreen::onEnter(ResidentSession& session) {
    if (AppointmentBooking* booking = session.appointmentBooking()) {
        if (booking->changing()) booking->wipe();  // a new booking, not the change of an old one
        booking->client().loadOffers();
    }
}

void AppointmentServiceScreen::draw(Ui& ui, ResidentSession& session, Rect area) {
    const Theme& t = ui.theme();
    const float gap = t.spacing;
    const std::string& arg = session.screen().arg;
    const bool elsewhere = arg == kElsewhere;
    float y = area.y0;
    y += appointmentTitle(
        ui, session.tr(elsewhere ? "appointment.elsewhere_title" : "appointment.service_title"), area);
    AppointmentBooking* booking = session.appointmentBooking();
    if (booking == nullptr) {  // no central server: the start screen shows no way here
        onlyBack(ui, session, area, y);
        return;
    }
    AppointmentClient& client = booking->client();
    client.collect();
    if (client.call() == AppointmentClient::Call::Offers &&
        client.state() == AppointmentClient::State::Busy) {
        appointmentNotice(ui, session.tr("appointment.fetching"), {area.x0, y, area.x1, area.y1}, false);
        return;
    }
    if (client.call() != AppointmentClient::Call::Offers ||
        client.state() != AppointmentClient::State::Done) {
        openAppointmentUnreachable(session, elsewhere ? std::string() : arg);
        return;
    }
    // This contact point's agendas (the service asked for first), or the other contact points'.
    std::vector<const AgendaOffer*> shown;
    bool others = false;
    for (const AgendaOffer& o : client.offers()) {
        const bool here = o.contactPoint == booking->ownContactPoint();
        if (!here) others = true;
        if (here != elsewhere) shown.push_back(&o);
    }
    std::stable_sort(shown.begin(), shown.end(), [&](const AgendaOffer* a, const AgendaOffer* b) {
        return (a->service == arg) > (b->service == arg);
    });
    const float navH = t.sizes.buttonHeight;
    if (shown.empty()) {
        y +=
            appointmentNotice(ui, session.tr("appointment.no_offers"), {area.x0, y, area.x1, area.y1}, false);
        bool back = false, go = false;
        backAndMain(ui, session, session.tr("appointment.callback"), area, y, back, go);
        if (go) openAppointmentCallback(session, elsewhere ? std::string() : arg);
        if (back) session.back();
        return;
    }
    std::vector<GridTile> tiles;
    for (const AgendaOffer* o : shown) {
        // Elsewhere: where it is. Here the service's name says enough (its long hint does not fit).
        const std::string hint = elsewhere ? o->place + "\n" + o->address : std::string();
        tiles.push_back({serviceName(session, o->service), hint, {}, false});
    }
    const bool offerElsewhere = !elsewhere && others;
    const float below = navH + gap + (offerElsewhere ? t.sizes.routeHeight + gap : 0.f);
    const TileGridResult drawn = tileGrid(ui, tiles, {area.x0, y, area.x1, area.y1 - below});
    if (drawn.tapped >= 0) {
        session.noteActivity();
        booking->chooseOffer(*shown[static_cast<std::size_t>(drawn.tapped)]);
        session.open({kAppointmentDayScreen, {}});
        return;
    }
    y += drawn.height;
    if (offerElsewhere) {
        if (ui.menuItem(session.tr("appointment.elsewhere"),
                        {area.x0, y, area.x1, y + t.sizes.routeHeight})) {
            session.open({kId, kElsewhere});
            return;
        }
        y += t.sizes.routeHeight + gap;
    }
    const float w = std::min(area.width(), t.sizes.buttonWidth);
    const float x = area.x0 + (area.width() - w) / 2;
    if (ui.button(session.tr("common.back"), {x, y, x + w, y + navH})) session.back();
}

}  // namespace wp::ui
