// Opening hours as text for paper: one line that says when a service's desk can be visited without an
// appointment, for the receipt of a request and the printed answer of the question tree:
//   "Huurloket, zonder afspraak: maandag 9:00–12:00; woensdag 13:00–16:00; donderdag 9:00–12:00 en
//   13:00–16:00"
// built from the service's weekly walk-in hours (common/services.h), in the resident's language: the day
// names are the [day] texts without their time, the words around them are [receipt] texts. Days with the same
// hours are named together, three or more days in a row as a range ("maandag tot en met donderdag").
//
// The week as the content gives it: closed dates (holidays) and a host's pause are not mentioned, the paper
// is read on other days too. Pure functions; no personal data.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/services.h"
#include "kiosk/core/texts.h"

namespace wp {

// "9:00", "13:30", "24:00": a minute of the day as a clock shows it, hours without a leading zero.
std::string formatClockTime(int minuteOfDay);

// The service's weekly walk-in hours, without its name: "maandag en donderdag 9:00–12:00; woensdag
// 13:00–16:00". Empty when the service has no walk-in hours on any day.
std::string describeWeekHours(const Service& service, const Texts& texts, std::string_view language);

// The whole line: "<service>, zonder afspraak: <hours>", or that the service is by appointment only.
std::string walkInHoursLine(const Service& service, const Texts& texts, std::string_view language);

// The service with this id, or nullptr.
const Service* findService(const std::vector<Service>& services, std::string_view id);

}  // namespace wp
