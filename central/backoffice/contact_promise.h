// The contact promise: a resident's receipt says within how many working days the team gets in touch
// (the request type's spec, receipt.contact_within_working_days; the initiative coaches' from [initiative]).
// The back office marks a request that nobody answered within that time as overdue.
#pragma once

#include "common/clock.h"

namespace wp {

// When the promise runs out: the start (00:00, Europe/Amsterdam) of the day after the workingDays-th
// working day (Monday to Friday) after the local day `received` falls on. A request that arrives on a
// Friday with a promise of 3 working days is due by Wednesday's end, at Thursday 00:00. Public holidays
// count as working days. workingDays below 1 is taken as 1.
TimePoint contactDueAt(TimePoint received, int workingDays);

}  // namespace wp
