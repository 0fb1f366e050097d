// Appointments on the wire (DESIGN.md: Words we use, appointment): the bodies of the kiosk API's
// /v1/appointments routes with their JSON codecs, shared by the central server and the kiosk, and booking
// codes.
//
// A booking code is eight characters of kCodeAlphabet (common/bundle.h: no 0/O/1/I/L), without a check
// character; the central server keeps it unique among its bookings. People read it in two groups of four
// ("K7QM 2XD9") and may type it with spaces, dashes or in lower case: normalizeBookingCode() takes that.
//
// Times travel as RFC 3339 UTC instants ("2026-12-07T08:00:00Z", whole seconds); slots and bookings start on
// whole minutes. Every decoder is a tolerant reader like decodeRequest(): unknown members are ignored at
// every level; a missing, mistyped or invalid member is an ApiError (400) whose field names it
// ("slots[3].start"). No answer of the server carries a booking's name, phone or e-mail address, except
// TodayBooking's name, which the kiosk shows to the host only. Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/random_source.h"
#include "common/wire.h"

namespace wp {

// The error code of a 409 for a slot whose seats are all taken (the kiosk offers other times).
namespace error_code {
inline constexpr std::string_view kSlotTaken = "slot-taken";
}  // namespace error_code

// --- booking codes

inline constexpr std::size_t kBookingCodeLength = 8;

// A fresh code: eight characters drawn from kCodeAlphabet.
std::string makeBookingCode(RandomSource& random);
// What a person typed (or a QR held) as a code: upper case, spaces and dashes removed; nullopt unless that
// leaves exactly eight alphabet characters.
std::optional<std::string> normalizeBookingCode(std::string_view typed);
// Whether s is a code exactly as makeBookingCode makes them (no normalising).
bool isBookingCode(std::string_view s);
// "K7QM2XD9" -> "K7QM 2XD9": how slips, screens and e-mails show a code. s must be a booking code.
std::string groupedBookingCode(std::string_view code);

// --- words

// The languages a resident can use; a booking carries one of them.
inline constexpr std::string_view kBookingLanguages[] = {"nl", "en", "tr", "pl", "uk"};
bool isBookingLanguage(std::string_view s);

enum class BookingState { Booked, Arrived, NoShow, Cancelled };
std::string_view toString(BookingState s);  // "booked", "arrived", "no-show", "cancelled"
std::optional<BookingState> bookingStateFromString(std::string_view s);

// Who made a booking: the resident at the kiosk, or a host for the resident (console or phone).
enum class BookedBy { Kiosk, Host };
std::string_view toString(BookedBy b);  // "kiosk", "host"
std::optional<BookedBy> bookedByFromString(std::string_view s);

// What the kiosk saw happen to a booking on its day.
enum class AppointmentEventKind { Arrived, NoShow };
std::string_view toString(AppointmentEventKind k);  // "arrived", "no-show"
std::optional<AppointmentEventKind> appointmentEventKindFromString(std::string_view s);

// A contact point's letters: three characters of kCodeAlphabet ("SGN").
bool isContactPointLetters(std::string_view s);
// A service id as content/services.toml has them: 1..64 of a-z, 0-9 and '-'.
bool isServiceId(std::string_view s);

// --- GET /v1/appointments/offers -> {"offers": [...]}

// An agenda a resident can book with: this contact point's first, then the others.
struct AgendaOffer {
    std::string contactPoint;  // "SGN"
    std::string service;       // "gemeente"
    std::string place;         // "Wijkpunt Groenoord"
    std::string address;       // "Nieuwe Damlaan 90, Schiedam"
    int slotMinutes = 15;      // 1..480
    bool operator==(const AgendaOffer&) const = default;
};
std::string encodeAgendaOffers(const std::vector<AgendaOffer>& offers);
Parsed<std::vector<AgendaOffer>> decodeAgendaOffers(std::string_view json);

// --- GET /v1/appointments/slots -> {"contact_point", "service", "slots": [...]}

struct FreeSlot {
    TimePoint start, end;
    int free = 1;  // seats still free, 1 or more
    bool operator==(const FreeSlot&) const = default;
};
struct FreeSlots {
    std::string contactPoint, service;
    std::vector<FreeSlot> slots;  // soonest first
    bool operator==(const FreeSlots&) const = default;
};
std::string encodeFreeSlots(const FreeSlots& s);
Parsed<FreeSlots> decodeFreeSlots(std::string_view json);

// --- POST /v1/appointments

struct BookingRequest {
    std::string uuid;  // made by the kiosk; the idempotency key. Lower-case 8-4-4-4-12 hex.
    std::string contactPoint;
    std::string service;
    TimePoint start;              // the slot's start
    std::string name;             // 1..200 bytes, one line
    std::string phone;            // 6..20 characters: digits, spaces, + - ( ); at least 6 digits
    std::string email;            // "" when none; else an e-mail address of at most 254 bytes
    std::string language = "nl";  // one of kBookingLanguages
    BookedBy bookedBy = BookedBy::Kiosk;
    bool operator==(const BookingRequest&) const = default;
};
std::string encodeBookingRequest(const BookingRequest& r);
Parsed<BookingRequest> decodeBookingRequest(std::string_view json);
// Checks a request built in code against the rules decodeBookingRequest applies.
std::optional<ApiError> validateBookingRequest(const BookingRequest& r);

// --- the answer of every route that shows one booking: no name, phone or e-mail address

struct BookingView {
    std::string code;  // "K7QM2XD9"
    std::string contactPoint, service;
    std::string place, address;  // where the appointment is, as its agenda says
    TimePoint start, end;
    BookingState state = BookingState::Booked;
    bool operator==(const BookingView&) const = default;
};
std::string encodeBookingView(const BookingView& v);
Parsed<BookingView> decodeBookingView(std::string_view json);

// --- POST /v1/appointments/{code}/change: {"start"}

struct BookingChange {
    TimePoint start;
    bool operator==(const BookingChange&) const = default;
};
std::string encodeBookingChange(const BookingChange& c);
Parsed<BookingChange> decodeBookingChange(std::string_view json);

// --- GET /v1/appointments/today?day= -> {"day", "bookings": [...]}

struct TodayBooking {
    std::string code, service;
    TimePoint start, end;
    BookingState state = BookingState::Booked;  // never Cancelled: those are left out
    std::string name;                           // for the host's eyes only; "" once wiped
    bool operator==(const TodayBooking&) const = default;
};
struct TodayBookings {
    std::string day;                     // "2026-12-07", a local day
    std::vector<TodayBooking> bookings;  // by start, then code
    bool operator==(const TodayBookings&) const = default;
};
std::string encodeTodayBookings(const TodayBookings& t);
Parsed<TodayBookings> decodeTodayBookings(std::string_view json);

// --- POST /v1/appointments/events: {"events": [...]} -> {"accepted": N}

struct AppointmentEvent {
    std::string uuid;  // made by the kiosk: the event is recorded once
    std::string code;  // the booking's code
    AppointmentEventKind kind = AppointmentEventKind::Arrived;
    TimePoint at;
    bool operator==(const AppointmentEvent&) const = default;
};
inline constexpr std::size_t kMaxAppointmentEvents = 500;
// At most kMaxAppointmentEvents events.
std::string encodeAppointmentEvents(const std::vector<AppointmentEvent>& events);
Parsed<std::vector<AppointmentEvent>> decodeAppointmentEvents(std::string_view json);
// {"accepted": N}: how many events of the batch were new.
std::string encodeAcceptedCount(int accepted);
Parsed<int> decodeAcceptedCount(std::string_view json);

// A local day "YYYY-MM-DD" that exists in the calendar.
bool isLocalDay(std::string_view s);

}  // namespace wp
