// AppointmentBoard: today's appointments of this contact point as the host console shows them — time,
// service, name, code and state (arrived, not yet, no-show) — and the host's corrections: marking a no-show
// by hand and undoing one. A no-show marked here leaves its event for the central server in the same
// transaction (the walk-in role's AppointmentSync sends it); an undone no-show is not marked again
// automatically. Reads and writes the shared kiosk database through its own AppointmentStore connection.
// UI thread only; the store and clock must outlive it.
#pragma once

#include <string>
#include <vector>

#include "common/clock.h"
#include "common/random_source.h"
#include "kiosk/core/appointment_store.h"

namespace wp {

class AppointmentBoard {
  public:
    AppointmentBoard(AppointmentStore& store, const Clock& clock) : store_(store), clock_(clock) {}

    // Today's appointments (the local day of now), by start time.
    Result<std::vector<TodayAppointment>> today();
    // A booking not (yet) checked in: the host says the resident did not come.
    Status markNoShow(const std::string& code);
    // The host takes a no-show back: the resident can still check in.
    Status undoNoShow(const std::string& code);

  private:
    AppointmentStore& store_;
    const Clock& clock_;
    SystemRandom random_;  // event uuids
};

}  // namespace wp
