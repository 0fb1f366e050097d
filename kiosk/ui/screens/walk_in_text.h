// Plain sentences about a service's walk-in hours, shared by the service choice and closed screens:
// "Nu open, tot 12:00", "Nu dicht. Weer open: morgen 09:00".
#pragma once

#include <string>

#include "kiosk/core/queue.h"
#include "kiosk/core/resident_session.h"

namespace wp::ui {

// "vandaag 13:00", "morgen 09:00", "dinsdag 09:00" in the session's language.
std::string describeMoment(const ResidentSession& session, TimePoint when);
// One line for the service's tile.
std::string describeWalkIn(const ResidentSession& session, const WalkInStatus& status);

}  // namespace wp::ui
