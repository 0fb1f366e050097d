// AppointmentStore: this contact point's appointments of the day as the kiosk keeps them, so that check-in
// works while the central server cannot be reached: the bookings the central server listed
// (GET /v1/appointments/today), what happened to them here (arrived, no-show), the arrival and no-show events
// on their way to the central server (POST /v1/appointments/events), and the wrong codes typed at this kiosk.
//
// Implemented by SqliteAppointmentStore (kiosk/store); tests use it on a temp folder. The walk-in role syncs
// and checks in through it, the host console reads the day and marks no-shows through it; each process has
// its own connection. Every change is one transaction; an arrival or no-show and its event are committed
// together, durably, before the call returns.
//
// Personal data: a booking's name. wipeBefore() deletes every row of an earlier day (the names with them);
// the events and wrong codes carry none. Errors are the world's: Unavailable, IoError; NotFound for an
// unknown code where a code is named.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/appointment.h"
#include "common/clock.h"
#include "common/status.h"

namespace wp {

enum class AppointmentState { Booked, Arrived, NoShow };
std::string_view toString(AppointmentState s);  // "booked", "arrived", "no-show"
std::optional<AppointmentState> appointmentStateFromString(std::string_view s);

// One booking of this contact point on one local day.
struct TodayAppointment {
    std::string code;  // booking code, "K7QM2XD9"
    std::string day;   // local day, "2026-12-07"
    std::string serviceId;
    TimePoint start, end;
    std::string name;  // personal: shown to the host only
    AppointmentState state = AppointmentState::Booked;
    std::optional<TimePoint> arrivedAt, noShowAt;
    std::optional<std::int64_t> ticketId;  // the appointment ticket of the check-in
    bool autoNoShow = true;                // false once a host undid a no-show: it is not marked again
    bool operator==(const TodayAppointment&) const = default;
};

class AppointmentStore {
  public:
    virtual ~AppointmentStore() = default;

    // --- the day's list from the central server

    // Makes the kept bookings of day what the server listed: new ones are added, known ones take the
    // server's time, service and name, and those no longer listed (cancelled, moved to another day) go,
    // unless they arrived here. What happened here wins over the server's state: a booking checked in or
    // marked here keeps that state; one still booked here takes the server's arrived or no-show.
    virtual Status replaceDay(const std::string& day, const std::vector<TodayAppointment>& listed,
                              TimePoint now) = 0;
    // Adds (or updates) one booking the server confirmed by its code, outside the day's list.
    virtual Status keep(const TodayAppointment& booking, TimePoint now) = 0;
    // The kept bookings of a day, by start time, then code.
    virtual Result<std::vector<TodayAppointment>> appointmentsOfDay(const std::string& day) = 0;
    // One kept booking by its code (normalised, "K7QM2XD9"); nullopt when it is not kept.
    virtual Result<std::optional<TodayAppointment>> appointment(const std::string& code) = 0;

    // --- what happens here (each with its event, in one transaction)

    // booked or no-show -> arrived at `at`, with an Arrived event. NotFound for an unknown code.
    virtual Status recordArrival(const std::string& code, TimePoint at, const std::string& eventUuid) = 0;
    // The appointment ticket issued for an arrival.
    virtual Status setTicket(const std::string& code, std::int64_t ticketId) = 0;
    // booked -> no-show at `at`, with a NoShow event; a booking in any other state is left as it is.
    virtual Status recordNoShow(const std::string& code, TimePoint at, const std::string& eventUuid) = 0;
    // no-show -> booked, and never marked automatically again (the central server keeps the no-show until
    // an arrival follows). Other states are left as they are.
    virtual Status undoNoShow(const std::string& code) = 0;

    // --- forwarding

    // Events not yet confirmed by the central server, oldest first, at most limit.
    virtual Result<std::vector<AppointmentEvent>> unsentEvents(int limit) = 0;
    virtual Status markSent(const std::vector<std::string>& uuids, TimePoint at) = 0;

    // --- wrong codes typed here

    virtual Status recordWrongCode(TimePoint at) = 0;
    virtual Result<int> wrongCodesSince(TimePoint since) = 0;

    // --- wiping

    // Deletes every booking of a day before `day` (their names with them), the sent events of those days and
    // wrong codes from before its start. Unsent events stay until they are sent.
    virtual Status wipeBefore(const std::string& day) = 0;
};

}  // namespace wp
