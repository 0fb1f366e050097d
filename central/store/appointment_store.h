// AppointmentStore: what the central server keeps of appointments (DESIGN.md: Words we use, appointment):
// the agendas of each contact point's services, their bookings, the arrivals and no-shows the kiosks report,
// the e-mails to send about bookings and the cancel links in them. CentralStore (central_store.h) inherits
// it; SqliteCentralStore implements it in sqlite_appointment_store.cpp.
//
// What the interface promises:
// - No double booking, by construction: book() and changeBooking() count the live bookings (every state but
//   cancelled) of the slot and compare with the agenda's parallel seats inside one write transaction, and
//   each live booking holds a seat number (0 .. parallel-1) under a unique (contact point, service, start,
//   seat) index. A cancelled booking holds no seat.
// - Idempotent booking: a booking's uuid (made by the kiosk) is stored once. The same uuid from the same
//   kiosk returns the stored booking, whatever happened to it since; from another kiosk it is refused.
// - Booking codes are unique among every booking the store holds (cancelled ones included).
// - Every read of bookings with personal data by staff writes its audit entry in the same transaction.
// - The e-mail jobs of a booking are queued, moved and dropped in the transaction that books, changes or
//   cancels it, so a crash never loses a confirmation and no reminder goes out for a cancelled or wiped
//   booking.
// Times are UTC instants; slots start on whole minutes. The store does not know the time zone: callers turn
// local days into [from, to) instants (central/appointment_slots.h). Thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/appointment.h"
#include "common/clock.h"
#include "common/status.h"

namespace wp {

struct AuditEntry;

// One stretch of appointment hours on a day, in minutes after local midnight: [fromMinute, toMinute),
// 0 <= fromMinute < toMinute <= 1440.
struct AgendaWindow {
    int fromMinute = 0;
    int toMinute = 0;
    bool operator==(const AgendaWindow&) const = default;
};

// A local day (or part of it) without appointments: "2026-12-24 13:00-17:00 closed". A whole day closed is
// fromMinute 0, toMinute 1440. A slot that overlaps a closure in any minute is not offered.
struct AgendaClosure {
    std::string day;  // "2026-12-24", a local day
    int fromMinute = 0;
    int toMinute = 1440;
    std::string reason;  // why, in a few words ("Kerstavond"); may be empty
    bool wholeDay() const { return fromMinute == 0 && toMinute == 1440; }
    bool operator==(const AgendaClosure&) const = default;
};

// The agenda of one service at one contact point. (contactPoint, service) is its key.
struct Agenda {
    std::string contactPoint;  // "SGN"
    std::string service;       // "gemeente": a service id of content/services.toml
    // Appointment hours per weekday, local time; index 0 is Monday, 6 is Sunday (as kWeekdayKeys of
    // common/services.h). Each day's windows are sorted and do not overlap; empty: no appointments that day.
    std::array<std::vector<AgendaWindow>, 7> weekly;
    int slotMinutes = 15;  // 5..480; slots start at each window's start, every slotMinutes, while they fit
    int parallel = 1;      // 1..50: residents booked at the same time
    std::vector<AgendaClosure> closures;  // by day
    std::string place;                    // "Wijkpunt Groenoord": printed on slips and in e-mails
    std::string address;                  // "Nieuwe Damlaan 90, Schiedam"
    std::string team;                     // the team that owns it: its members manage it in the back office
    bool active = true;                   // an inactive agenda is neither offered nor bookable
    TimePoint updatedAt;                  // set by the store on putAgenda
    bool operator==(const Agenda&) const = default;
};

// Live bookings of one slot start.
struct SeatCount {
    TimePoint start;
    int taken = 0;
    bool operator==(const SeatCount&) const = default;
};

// A booking as the store keeps it. name, phone and email are "" once wiped.
struct Booking {
    std::int64_t id = 0;
    std::string code;       // "K7QM2XD9" (common/appointment.h)
    std::string uuid;       // the kiosk's idempotency key
    std::string kioskCode;  // the kiosk that made it ("K2"); a host booking from a console names its kiosk
    std::string contactPoint, service;
    TimePoint start, end;
    BookingState state = BookingState::Booked;
    std::string name, phone, email;
    std::string language = "nl";
    BookedBy bookedBy = BookedBy::Kiosk;
    TimePoint createdAt, updatedAt;
    bool personalDataWiped = false;
    // From the booking's agenda as it is now (read with the booking, not stored with it).
    std::string place, address, team;

    // What every answer about one booking carries: no name, phone or e-mail address.
    BookingView view() const { return {code, contactPoint, service, place, address, start, end, state}; }
};

// A booking to make: the request as the kiosk sent it plus what the server adds.
struct NewBooking {
    BookingRequest request;  // checked (validateBookingRequest) and its start a slot of the agenda
    std::string code;        // a fresh makeBookingCode()
    std::string kioskCode;   // the calling kiosk, from its certificate
    TimePoint end;           // start + the agenda's slot length
    TimePoint now;
    // With an e-mail address: the confirmation is due at now, and the reminder at reminderDueAt (nullopt:
    // no reminder, e.g. a booking for today). Without one, no e-mail job is queued.
    std::optional<TimePoint> reminderDueAt;
};

struct BookingOutcome {
    enum class Kind {
        Booked,        // book(): stored now
        Repeat,        // book(): the uuid is known from this kiosk; booking is the stored one, as it is now
        Changed,       // changeBooking(): moved to the new start
        SlotTaken,     // every seat of the slot is taken (409 slot-taken)
        UuidConflict,  // book(): the uuid is stored for another kiosk; nothing of it is given away
        CodeTaken,     // book(): the code is in use; draw another and call again
        NoAgenda,      // no active agenda for the contact point and service
        NotFound,      // changeBooking(): no such booking, or it is cancelled
        Failed,        // the store failed; message says how
    };
    Kind kind = Kind::Failed;
    Booking booking;  // Booked, Repeat, Changed
    std::string message;
};

// An arrival or no-show the kiosk recorded, as stored.
struct StoredAppointmentEvent {
    AppointmentEvent event;
    std::string kioskCode;
    TimePoint receivedAt;
};

// What an e-mail about a booking says.
enum class BookingEmailKind { Confirmation, Reminder, Cancelled };
inline std::string_view toString(BookingEmailKind k) {
    switch (k) {
        case BookingEmailKind::Confirmation:
            return "confirmation";
        case BookingEmailKind::Reminder:
            return "reminder";
        case BookingEmailKind::Cancelled:
            return "cancelled";
    }
    return "?";
}
inline std::optional<BookingEmailKind> bookingEmailKindFromString(std::string_view s) {
    for (auto k : {BookingEmailKind::Confirmation, BookingEmailKind::Reminder, BookingEmailKind::Cancelled})
        if (toString(k) == s) return k;
    return std::nullopt;
}

// One e-mail to send: a durable job, worked off by the e-mail sender.
struct BookingEmailJob {
    std::int64_t id = 0;
    BookingEmailKind kind = BookingEmailKind::Confirmation;
    TimePoint dueAt;
    int attempts = 0;  // failed attempts so far
    Booking booking;   // as it is now, with its e-mail address and language
};

// --- appointments: agendas, bookings, arrivals, e-mails, retention
class AppointmentStore {
  public:
    virtual ~AppointmentStore() = default;

    // --- agendas
    // Creates or replaces the agenda of (agenda.contactPoint, agenda.service) with the audit entry in the
    // same transaction; updatedAt becomes audit.at. Bookings stay as they are, also those outside the new
    // hours. The caller has checked the agenda (windows, lengths, known service and team).
    virtual Status putAgenda(const Agenda& agenda, const AuditEntry& audit) = 0;
    // Every agenda, active or not, by contact point then service.
    virtual Result<std::vector<Agenda>> agendas() = 0;
    virtual Result<std::optional<Agenda>> agendaOf(const std::string& contactPoint,
                                                   const std::string& service) = 0;

    // --- booking
    // Live bookings of the agenda per slot start in [from, to), by start; starts without any are left out.
    virtual Result<std::vector<SeatCount>> takenSeats(const std::string& contactPoint,
                                                      const std::string& service, TimePoint from,
                                                      TimePoint to) = 0;
    // Books a seat in one write transaction: Booked, Repeat, SlotTaken, UuidConflict, CodeTaken, NoAgenda or
    // Failed. The seat count is checked against the agenda's parallel as stored at that moment.
    virtual BookingOutcome book(const NewBooking& booking) = 0;
    // The booking of a code in any state, with personal data (for the server's own use: answers show
    // view()); nullopt when unknown.
    virtual Result<std::optional<Booking>> bookingByCode(const std::string& code) = 0;
    // The booking made under a uuid, in any state; nullopt when none.
    virtual Result<std::optional<Booking>> bookingByUuid(const std::string& uuid) = 0;
    // Cancels a booking and frees its seat; its unsent confirmation and reminder are dropped and, with an
    // e-mail address, a cancelled e-mail is queued, due at now. NotFound when unknown or already cancelled.
    virtual Result<Booking> cancelBooking(const std::string& code, TimePoint now) = 0;
    // Moves a booking to another slot of its agenda, atomically: the new seat is taken before the old one is
    // freed, in one transaction, so a full new slot leaves the booking as it was (SlotTaken). The code stays.
    // With an e-mail address, unsent jobs are dropped, a confirmation of the new time is due at now and a
    // reminder at reminderDueAt (nullopt: none). Changed, SlotTaken, NotFound (unknown or cancelled) or
    // Failed. Moving to its own start is Changed and changes nothing.
    virtual BookingOutcome changeBooking(const std::string& code, TimePoint newStart, TimePoint newEnd,
                                         TimePoint now, std::optional<TimePoint> reminderDueAt) = 0;
    // The contact point's bookings starting in [from, to) that are not cancelled, every service, by start
    // then code: the kiosk's list of today (names for the host's eyes). Not audited: kiosks are no staff.
    virtual Result<std::vector<Booking>> bookingsOf(const std::string& contactPoint, TimePoint from,
                                                    TimePoint to) = 0;
    // The same, in every state (cancelled too), for staff: the audit entry (who, what, from where; its
    // reference names the contact point and day) is written in the same transaction as the read.
    virtual Result<std::vector<Booking>> staffBookingsOf(const std::string& contactPoint, TimePoint from,
                                                         TimePoint to, const AuditEntry& audit) = 0;

    // --- what the kiosks saw
    // Stores each event once by uuid and moves its booking's state: arrived from booked or no-show, no-show
    // from booked; a cancelled booking keeps its state. Events for codes that are unknown or of another
    // contact point are skipped. Returns how many events were new.
    virtual Result<int> recordAppointmentEvents(const std::vector<AppointmentEvent>& events,
                                                const std::string& contactPoint, const std::string& kioskCode,
                                                TimePoint receivedAt) = 0;
    // The events of one booking, by time.
    virtual Result<std::vector<StoredAppointmentEvent>> appointmentEventsOf(const std::string& code) = 0;

    // --- e-mails about bookings
    // Jobs due by now that are neither sent nor given up, by due time, at most limit.
    virtual Result<std::vector<BookingEmailJob>> dueBookingEmails(TimePoint now, int limit) = 0;
    virtual Status bookingEmailSent(std::int64_t id, TimePoint now) = 0;
    // Records a failed attempt; gaveUp marks it failed for good, else it is due again at retryAt.
    virtual Status bookingEmailFailed(std::int64_t id, const std::string& error, TimePoint retryAt,
                                      bool gaveUp) = 0;
    // Keeps the hash of a cancel link's token (the sender makes one per e-mail; the token itself is only in
    // the e-mail). NotFound for no such booking.
    virtual Status addCancelToken(std::int64_t bookingId, const std::string& tokenHash, TimePoint now) = 0;
    // The booking a cancel link's token hash belongs to, in any state; nullopt when unknown or wiped.
    virtual Result<std::optional<Booking>> bookingByCancelTokenHash(const std::string& tokenHash) = 0;

    // --- retention
    // Wipes name, phone and e-mail address of every booking that starts before cutoff, drops their unsent
    // e-mail jobs and cancel tokens; how many bookings were wiped (already wiped ones are not counted).
    virtual Result<int> wipeBookingPersonalData(TimePoint cutoff, TimePoint now) = 0;
};

}  // namespace wp
