#include "kiosk/ui/screens/live_routes.h"

#include <algorithm>
#include <functional>

namespace wp::ui {

namespace {
constexpr const char* kRequestScreen = "request";
}  // namespace

bool tileIsLive(const ResidentSession& session, const StartTile& tile) {
    if (tile.screen == "coming-soon") return false;
    if (tile.screen == "ticket-service") return session.ticketFlow() != nullptr;
    if (tile.screen == kAppointmentServiceScreen) return appointmentsLive(session);
    if (tile.screen == kRequestScreen)
        return session.requestFlow() != nullptr && session.bundle().requests.latest(tile.id) != nullptr;
    return true;
}

bool appointmentsLive(const ResidentSession& session) {
    return session.appointmentBooking() != nullptr;
}

void openBooking(ResidentSession& session, const std::string& serviceId) {
    session.open({kAppointmentServiceScreen, serviceId});
}

void openCheckin(ResidentSession& session) {
    session.open({"appointment-code", {}});
}

const char* appointmentOfferKey(const ResidentSession& session) {
    return appointmentsLive(session) ? "question.appointment" : "question.callback";
}

void openAppointmentOffer(ResidentSession& session, const std::string& serviceId) {
    if (appointmentsLive(session))
        openBooking(session, serviceId);
    else
        session.open({kRequestScreen, "callback"});
}

namespace {

void drawMainAndBack(Ui& ui, ResidentSession& session, Rect area, float y, const std::string& label,
                     const std::function<void()>& open) {
    const Theme& t = ui.theme();
    const float w = std::min(area.width(), t.sizes.buttonWidth);
    const float x = area.x0 + (area.width() - w) / 2;
    const float h = t.sizes.buttonHeight;
    if (ui.mainAction(label, {x, y, x + w, y + h})) {
        open();
        return;
    }
    y += h + t.spacing;
    if (ui.button(session.tr("common.back"), {x, y, x + w, y + h})) session.back();
}

}  // namespace

void drawOfferAndBack(Ui& ui, ResidentSession& session, Rect area, float y, const std::string& serviceId) {
    drawMainAndBack(ui, session, area, y, session.tr(appointmentOfferKey(session)),
                    [&] { openAppointmentOffer(session, serviceId); });
}

void drawCallbackAndBack(Ui& ui, ResidentSession& session, Rect area, float y) {
    drawMainAndBack(ui, session, area, y, session.tr("question.callback"), [&] {
        session.open({kRequestScreen, "callback"});
    });
}

}  // namespace wp::ui
