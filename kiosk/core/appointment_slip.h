// The words and the paper of an appointment: its date and time as a resident reads them ("maandag 7
// december, 10:15"), and the slip printed when it is made or changed — date, time, service, place and
// address, the booking code (grouped, and as a QR code the kiosk's scanner reads at check-in) and what to
// bring. The slip never carries the name, phone number or e-mail address: the booking view it is made from
// has none. Pure functions of their inputs; thread-safe.
#pragma once

#include <string>

#include "common/appointment.h"
#include "common/bundle.h"
#include "common/clock.h"
#include "kiosk/core/printer.h"
#include "kiosk/core/texts.h"

namespace wp {

// The local day of t in words, in language: weekday, day and month ("maandag 7 december").
std::string appointmentDate(TimePoint t, const Texts& texts, const std::string& language);
// A local day "YYYY-MM-DD" in the same words.
std::string appointmentDay(const std::string& day, const Texts& texts, const std::string& language);
// The text key of a service's name ("service.gemeente"), or the id itself when content does not know it.
std::string serviceNameKey(const Bundle& content, const std::string& serviceId);

// The slip of booking, in language. content gives the service's name and what to bring.
ReceiptPrintout appointmentSlip(const BookingView& booking, const Bundle& content, const Texts& texts,
                                const std::string& language, TimePoint now);

}  // namespace wp
