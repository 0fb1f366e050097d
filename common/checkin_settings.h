// CheckinSettings: the [appointments] table of the kiosk's settings, which check-in at the kiosk follows
// (kiosk/core/appointment_checkin.h). Every key is optional; values of the wrong type or out of range are
// load errors ("file:line:col: ..."), as everywhere in the settings.
#pragma once

#include <filesystem>

#include "common/status.h"

namespace wp {

struct CheckinSettings {
    int earlyMinutes = 30;   // early_minutes: check-in opens this long before the booked time (0..240)
    int lateMinutes = 15;    // late_minutes: later than this a walk-in ticket; also the no-show mark (0..240)
    int refreshMinutes = 5;  // refresh_minutes: how often today's bookings are fetched again (1..60)
    int wrongCodes = 10;     // wrong_codes: wrong codes typed at this kiosk ... (1..1000)
    int wrongCodesMinutes = 10;  // wrong_codes_minutes: ... within this long before it refuses (1..1440)
};

// Reads the [appointments] table of the kiosk's settings file (the one loadSettings reads): the defaults
// when there is none.
Result<CheckinSettings> loadCheckinSettings(const std::filesystem::path& settingsFile);

}  // namespace wp
