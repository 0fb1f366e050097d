// What this contact point can do now, so that no resident screen offers a way to a service that is not
// live here (a dead end), and the one place where appointments are offered.
//
// Appointments are made at the kiosk when it has a central server (appointmentsLive): the start tile
// "Afspraak", a closed desk and a topic's appointment route open the booking's first screen
// ("appointment-service"). Without one, a closed desk offers "Bel mij terug" (the callback request flow)
// instead, and a topic of the question tree offers a call back about itself in the place of its appointment
// route. "Ik heb een afspraak" (always on the start screen, DESIGN.md) opens the check-in's code screen
// (openCheckin), which also works offline on today's bookings synced into the kiosk.
#pragma once

#include <string>

#include "kiosk/core/resident_session.h"
#include "kiosk/ui/ui.h"

namespace wp::ui {

// A start tile is live when the screen it opens works here: not "coming-soon", a ticket tile only on a
// kiosk with a queue, a request tile only on a kiosk that sends requests and has the tile's request type,
// the appointment tile only where appointments are live.
bool tileIsLive(const ResidentSession& session, const StartTile& tile);

inline constexpr const char* kAppointmentServiceScreen = "appointment-service";

// Whether appointments can be made or looked up at the kiosk: it has a central server to ask.
bool appointmentsLive(const ResidentSession& session);
// Opens the booking of an appointment: its first screen, with serviceId's agenda first (may be empty).
void openBooking(ResidentSession& session, const std::string& serviceId = {});
// "Ik heb een afspraak": the check-in's code screen.
void openCheckin(ResidentSession& session);
// What a screen that cannot give what was asked for offers: an appointment (with serviceId's agenda first)
// where they are live, else a call back. Its label's text key, and opening it.
const char* appointmentOfferKey(const ResidentSession& session);
void openAppointmentOffer(ResidentSession& session, const std::string& serviceId = {});
// The end of a screen that cannot give what was asked for: the offer as the main action and "Terug" under
// it, centred in area from y down.
void drawOfferAndBack(Ui& ui, ResidentSession& session, Rect area, float y,
                      const std::string& serviceId = {});
// The same with "Bel mij terug" (the callback request flow) as the offer, appointments or not.
void drawCallbackAndBack(Ui& ui, ResidentSession& session, Rect area, float y);

}  // namespace wp::ui
