// Checking in for an appointment ("Ik heb een afspraak"): the resident types or scans the booking code, the
// kiosk finds the booking in today's list it keeps (AppointmentStore, synced by AppointmentSync) and puts
// the resident in the host's queue with an appointment ticket that is called at the booked time, ahead of
// the walk-ins (kiosk/core/queue.h callsBefore).
//
// The rules (checkinVerdict) are pure: check-in opens early_minutes before the booked start and closes
// late_minutes after it; too early says when to come back; too late gives a normal walk-in ticket. A code
// that is not in today's list here is asked of the central server (GET /v1/appointments/{code}) on a worker
// thread: a booking of today at this contact point is then kept and checked in like the others; one of
// another day or contact point is shown ("appointment-found") so the resident can change or cancel it.
// Wrong codes count here too (wrongCodeLimit per wrongCodeWindow), and so does a code the server could not
// be asked about, so guessing is no faster offline.
//
// AppointmentCheckin is a personal-data holder on the resident session's list: wipe() forgets the code,
// the outcome shown and any answer not yet collected. UI thread only, except its worker.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "common/appointment.h"
#include "common/clock.h"
#include "common/random_source.h"
#include "kiosk/core/appointment_store.h"
#include "kiosk/core/net/http_client.h"
#include "kiosk/core/personal_data.h"
#include "kiosk/core/queue.h"

namespace wp {

// The kiosk's [appointments] settings that check-in follows.
struct CheckinRules {
    std::chrono::minutes early{30};            // check-in opens this long before the booked start
    std::chrono::minutes late{15};             // and closes this long after it; also when a no-show is marked
    int wrongCodeLimit = 10;                   // wrong codes typed at this kiosk ...
    std::chrono::minutes wrongCodeWindow{10};  // ... within this long before it refuses for a while
};

// What a found booking of today here allows at now.
enum class CheckinVerdict {
    CheckIn,         // within [start - early, start + late]
    TooEarly,        // before start - early: come back at checkinOpensAt
    TooLate,         // after start + late: a walk-in ticket instead
    AlreadyArrived,  // checked in before: the same ticket again
    OtherDay,        // not today (the list still holds yesterday's until it is wiped)
};
CheckinVerdict checkinVerdict(const TodayAppointment& a, TimePoint now, const CheckinRules& rules);
TimePoint checkinOpensAt(const TodayAppointment& a, const CheckinRules& rules);
// Whether a booking still booked at now should be marked no-show: late_minutes after its start have passed
// and no host undid a no-show of it.
bool noShowDue(const TodayAppointment& a, TimePoint now, const CheckinRules& rules);

// The parts of the walk-in role check-in works with; each must outlive the AppointmentCheckin.
struct CheckinParts {
    AppointmentStore& store;
    QueueStore& tickets;
    ServiceQueue& queue;  // a ticket's place and estimated wait
    const Clock& clock;
    RandomSource& random;      // event uuids
    std::string contactPoint;  // this kiosk's letters, "SGN"
};

class AppointmentCheckin final : public PersonalDataHolder {
  public:
    enum class State {
        Idle,
        Busy,         // asking the central server
        CheckedIn,    // ticket() is the appointment ticket (also when checked in before)
        TooEarly,     // opensAt()
        TooLate,      // ticket() is a walk-in ticket; empty ticket when none could be issued
        Elsewhere,    // booking(): another day or another contact point
        NotFound,     // no such booking (the same answer for every wrong code)
        TooMany,      // too many wrong codes: try later or ask the host
        Unreachable,  // not kept here and the central server cannot be asked now
        Failed,       // the kiosk's own database failed: ask the host
    };
    using Wake = std::function<void()>;

    // client: used on the worker only; null when this kiosk has no central server (codes are then checked
    // against the kept list only). wake is called from the worker when an answer is ready.
    AppointmentCheckin(CheckinParts parts, CheckinRules rules, std::unique_ptr<HttpClient> client, Wake wake);
    ~AppointmentCheckin() override;
    AppointmentCheckin(const AppointmentCheckin&) = delete;
    AppointmentCheckin& operator=(const AppointmentCheckin&) = delete;

    // Checks in with a well-formed code (normalizeBookingCode, common/appointment.h).
    void submit(const std::string& code);
    // Takes the worker's answer when there is one; true when state() changed.
    bool collect();

    State state() const { return state_; }
    const std::string& code() const { return code_; }
    const std::optional<TicketView>& ticket() const { return ticket_; }
    const std::optional<TodayAppointment>& appointment() const { return appointment_; }
    TimePoint opensAt() const { return opensAt_; }
    const BookingView& booking() const { return booking_; }
    const CheckinRules& rules() const { return rules_; }

    std::string_view holderName() const override { return "appointment check-in"; }
    void wipe() override;
    bool holdsNothing() const override;

  private:
    struct Answer {
        std::uint64_t generation = 0;
        State state = State::Idle;
        BookingView booking;
    };
    void decide(const TodayAppointment& a);
    void checkIn(const TodayAppointment& a);
    void walkInInstead(const TodayAppointment& a);
    void wrongCode();
    void run();
    Answer ask(const std::string& code, std::uint64_t generation);

    CheckinParts parts_;
    CheckinRules rules_;
    std::unique_ptr<HttpClient> client_;
    Wake wake_;
    // UI thread.
    State state_ = State::Idle;
    std::string code_;
    std::optional<TicketView> ticket_;
    std::optional<TodayAppointment> appointment_;
    TimePoint opensAt_{};
    BookingView booking_;
    // Shared with the worker.
    mutable std::mutex mutex_;
    std::condition_variable cv_;
    std::uint64_t generation_ = 0;
    std::optional<std::string> wanted_;
    std::optional<Answer> done_;
    bool stopping_ = false;
    std::thread worker_;  // last: starts after everything above exists
};

}  // namespace wp
