#include "kiosk/ui/screens/live_routes.h"

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

}  // namespace wp::ui
