// Appointment slots: which times of an agenda a resident can book, from its weekly hours, closures and the
// bookings it has, in Europe/Amsterdam wall time (common/local_time.h).
//
// The slots of a local day start at each window's start and follow every slotMinutes while the whole slot
// fits in the window (a length that does not divide the window leaves its last minutes unused). A slot that
// overlaps a closure in any minute is not offered. A slot lasts slotMinutes of real time.
// Daylight saving, the rule: a slot exists once, at the first moment the wall clock shows its start.
// - Spring forward (29 March 2026, 02:00-03:00 does not exist): slots starting in the skipped hour are not
//   offered; a slot starting before the gap and ending after it is (01:45 + 15 minutes ends at 03:00).
// - Fall back (25 October 2026, 02:00-03:00 happens twice): the slots of that hour are offered in its first
//   pass (summer time) only, so each wall-clock slot of the day is one instant and one set of seats.
//
// The horizon: from now plus the lead time (slots starting earlier are not offered) to the end of the
// horizonDays-th local day, today counting as the first. Pure functions, thread-safe.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "central/store/appointment_store.h"
#include "common/appointment.h"
#include "common/clock.h"

namespace wp {

struct SlotHorizon {
    TimePoint now;
    std::chrono::minutes lead{60};
    int days = 14;  // 1 or more

    // [from, to): the instants whose bookings matter, for AppointmentStore::takenSeats.
    TimePoint from() const { return now + lead; }
    TimePoint to() const;
};

// Every slot of the agenda in the horizon with a seat free, soonest first. taken: live bookings per start
// (AppointmentStore::takenSeats). An inactive agenda has none.
std::vector<FreeSlot> freeSlots(const Agenda& agenda, const std::vector<SeatCount>& taken,
                                const SlotHorizon& horizon);

// The slot of the agenda starting at start inside the horizon, free or not (the caller's store decides
// whether a seat is left); nullopt when start is no such slot: outside the hours, closed, too soon, beyond
// the horizon or not on the slot grid.
std::optional<FreeSlot> slotStartingAt(const Agenda& agenda, TimePoint start, const SlotHorizon& horizon);

// The local day's bounds [from, to) as instants ("2026-03-29" is 23 hours long). day must be a local day
// (isLocalDay).
std::pair<TimePoint, TimePoint> localDayBounds(const std::string& day);

}  // namespace wp
