#include "kiosk/ui/screens/live_routes.h"

#include <algorithm>

namespace wp::ui {

namespace {
constexpr const char* kRequestScreen = "request";
}  // namespace

bool tileIsLive(const ResidentSession& session, const StartTile& tile) {
    if (tile.screen == "coming-soon") return false;
    if (tile.screen == "ticket-service") return session.ticketFlow() != nullptr;
    if (tile.screen == kRequestScreen)
        return session.requestFlow() != nullptr && session.bundle().requests.latest(tile.id) != nullptr;
    return true;
}

bool appointmentsLive() {
    return false;
}

void openAppointments(ResidentSession& session) {
    session.open({"coming-soon", "start.have_appointment"});
}

const char* appointmentOfferKey() {
    return "question.callback";
}

void openAppointmentOffer(ResidentSession& session) {
    session.open({kRequestScreen, "callback"});
}

void drawOfferAndBack(Ui& ui, ResidentSession& session, Rect area, float y) {
    const Theme& t = ui.theme();
    const float w = std::min(area.width(), t.sizes.buttonWidth);
    const float x = area.x0 + (area.width() - w) / 2;
    const float h = t.sizes.buttonHeight;
    if (ui.mainAction(session.tr(appointmentOfferKey()), {x, y, x + w, y + h})) {
        openAppointmentOffer(session);
        return;
    }
    y += h + t.spacing;
    if (ui.button(session.tr("common.back"), {x, y, x + w, y + h})) session.back();
}

}  // namespace wp::ui
