// The e-mails a resident gets about an appointment: a confirmation when it is booked, a reminder the day
// before, and a cancellation when it is cancelled. Each is one RFC 5322 message with two MIME parts: the
// text in the resident's language (nl, en, tr, pl, uk; Dutch for any other) and the iCalendar invitation
// (central/appointment_calendar.h: METHOD:REQUEST, or METHOD:CANCEL for a cancellation) as
// text/calendar. The text names the service, the day and time (Europe/Amsterdam), the place and address
// and the booking code; confirmation and reminder also carry the cancel link. Never the resident's name or
// phone number. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "common/clock.h"

namespace wp {

enum class AppointmentMailKind { Confirmation, Reminder, Cancellation };

struct AppointmentMail {
    AppointmentMailKind kind = AppointmentMailKind::Confirmation;
    std::string code;     // "K7QM2XD9"
    std::string service;  // service id: "gemeente", "huurloket", "wijkteam", "initiatief"
    std::string place;    // "Wijkpunt Groenoord"
    std::string address;  // "Nieuwe Damlaan 90, Schiedam"
    TimePoint start, end;
    std::string language;    // the resident's: "nl", "en", "tr", "pl", "uk"
    std::string to;          // the resident's e-mail address
    std::string cancelLink;  // [backoffice] public_url + "/afspraak/annuleren/" + TOKEN; empty: none shown
    int sequence = 0;        // the invitation's SEQUENCE (appointment_calendar.h)
};

// The languages the mail text is written in.
bool isMailLanguage(std::string_view language);

// The service's name in language ("Gemeente", "Municipality (Gemeente)"); the id itself when unknown.
std::string serviceNameIn(std::string_view service, std::string_view language);

// "maandag 7 december 2026, 09:00 - 09:15" in the mail's language, local time.
std::string appointmentWhen(TimePoint start, TimePoint end, std::string_view language);

struct MailText {
    std::string subject;
    std::string body;  // lines end in "\n"
};
MailText appointmentMailText(const AppointmentMail& mail);

// The whole message: headers (Date at now, From, To, Subject encoded per RFC 2047, Message-ID at domain),
// then multipart/mixed with the text (text/plain, UTF-8, base64) and the invitation (text/calendar;
// method=REQUEST or CANCEL, base64, also as an attachment "afspraak.ics"). CRLF line ends.
std::string appointmentMailMessage(const AppointmentMail& mail, const std::string& from, TimePoint now,
                                   std::string_view domain);

// The texts of the public page a cancel link opens (BackOffice's appointment cancel pages), in language
// (Dutch for any other).
struct CancelPageWords {
    std::string_view language;
    std::string_view title, intro, button;  // "Afspraak afzeggen", ..., "Afspraak afzeggen"
    std::string_view doneTitle, doneText;   // "Uw afspraak is afgezegd"
    std::string_view goneTitle, goneText;   // the link no longer works
    std::string_view what, when, where;
};
const CancelPageWords& cancelPageWords(std::string_view language);

// The domain of the calendar UIDs and Message-IDs: the host of publicUrl ("https://wijkpunt.example.org"),
// else the part of from after '@', else "localhost".
std::string mailDomain(std::string_view publicUrl, std::string_view from);

}  // namespace wp
