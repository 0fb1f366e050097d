// What this contact point can do now, so that no resident screen offers a way to a service that is not
// live here (a dead end), and the one place where appointments are offered.
//
// Appointments are not made at the kiosk: "Ik heb een afspraak" (always on the start screen, DESIGN.md)
// opens the coming-soon screen, which offers "Bel mij terug" (the callback request flow) as its main action;
// a closed desk offers the same, and a topic of the question tree offers a call back about itself in the
// place of its appointment route. When appointments exist, appointmentsLive() and the three functions under
// it are what changes.
#pragma once

#include <string>

#include "kiosk/core/resident_session.h"
#include "kiosk/ui/ui.h"

namespace wp::ui {

// A start tile is live when the screen it opens works here: not "coming-soon", a ticket tile only on a
// kiosk with a queue, a request tile only on a kiosk that sends requests and has the tile's request type.
bool tileIsLive(const ResidentSession& session, const StartTile& tile);

// Whether appointments can be made or looked up at the kiosk.
bool appointmentsLive();
// "Ik heb een afspraak": where it goes.
void openAppointments(ResidentSession& session);
// What the kiosk offers in the place of an appointment: its label's text key, and opening it.
const char* appointmentOfferKey();
void openAppointmentOffer(ResidentSession& session);
// The end of a screen that cannot give what was asked for: the offer as the main action and "Terug" under
// it, centred in area from y down.
void drawOfferAndBack(Ui& ui, ResidentSession& session, Rect area, float y);

}  // namespace wp::ui
