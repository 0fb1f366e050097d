// The iCalendar (RFC 5545) invitation that rides along with a resident's appointment e-mails, built with
// libical: one VCALENDAR with METHOD:REQUEST (confirmation, reminder) or METHOD:CANCEL (cancellation) and one
// VEVENT whose UID is the booking code at the server's domain, so a calendar program matches the
// cancellation to the invitation it took earlier. Times are written in UTC (DTSTART:20261207T080000Z).
// Pure functions; thread-safe. libical's types stay in the .cpp.
#pragma once

#include <string>
#include <string_view>

#include "common/clock.h"

namespace wp {

enum class InvitationMethod { Request, Cancel };

struct AppointmentInvitation {
    std::string uid;  // "K7QM2XD9@wijkpunt.example.org" (appointmentUid)
    TimePoint start, end;
    std::string summary;      // "Afspraak: Gemeente"
    std::string location;     // "Wijkpunt Groenoord, Nieuwe Damlaan 90, Schiedam"
    std::string description;  // the code and the cancel link, in the resident's language
    std::string organizer;    // the sender's address, "wijkpunt@example.org"
    std::string attendee;     // the resident's address
    // RFC 5545 SEQUENCE: raised when the booking's time changes; a cancellation is sent with one more than
    // the last invitation.
    int sequence = 0;
};

// "CODE@DOMAIN".
std::string appointmentUid(std::string_view code, std::string_view domain);

// The whole calendar text (CRLF line ends, folded at 75 octets), stamped (DTSTAMP) at stamp. A cancellation
// carries STATUS:CANCELLED.
std::string invitationCalendar(const AppointmentInvitation& invitation, InvitationMethod method,
                               TimePoint stamp);

}  // namespace wp
