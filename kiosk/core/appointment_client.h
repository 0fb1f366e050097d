// AppointmentClient: the kiosk's side of the central server's appointment API (central/openapi.yaml,
// /v1/appointments/...): the agendas on offer, the free slots of one, making a booking, and looking up,
// changing and cancelling one by its booking code. Every call runs on a worker thread, so a screen never
// waits for the network; the screen starts a call, then reads state() each frame after collect().
//
// One call at a time: a new call (or wipe()) makes the one under way obsolete, and its answer is dropped
// when it comes. Offers and free slots are kept for kFreshFor per contact point and service, so going back
// and forth between the day and time screens asks the server once; older than that they are not shown (a
// slot list that old may promise times that are gone), and a booking is always checked by the server.
//
// Making a booking: book() takes the resident's choices and draws one UUID (the idempotency key) for this
// attempt. When the answer is lost (a timeout, a broken connection, a server error) the worker sends the
// same UUID again, up to kBookAttempts times in all: the server answers a repeat with the booking it made.
// The outcome is Booked, SlotTaken, NotMade (known not made: refused before anything was sent, or an answer
// that says it was not made) or Unknown (no answer after every attempt, so it may have been made): only
// NotMade may lead to a call-back request instead, and Unknown sends the resident to the host.
//
// Personal data: the name, phone and e-mail of a booking under way, the booking code asked about, and the
// booking shown. It is a holder on the resident session's list: wipe() forgets all of them (and the worker's
// copies are overwritten when its call ends). The cache of offers and free slots is no one's data and stays.
// The UI thread calls everything except the worker; the HttpClient is used on the worker only.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "common/appointment.h"
#include "common/clock.h"
#include "common/random_source.h"
#include "kiosk/core/net/http_client.h"
#include "kiosk/core/personal_data.h"

namespace wp {

// What the resident chose and typed for a booking.
struct BookingDraft {
    std::string contactPoint;  // "SGN"
    std::string service;       // "gemeente"
    TimePoint start;
    std::string name, phone, email;  // email may be empty
    std::string language;            // the resident's: "nl"
    BookedBy bookedBy = BookedBy::Kiosk;
};

class AppointmentClient final : public PersonalDataHolder {
  public:
    enum class Call { None, Offers, Slots, Book, Look, Change, Cancel };
    enum class State {
        Idle,         // nothing asked, or wiped
        Busy,         // a call is under way
        Done,         // the call succeeded: offers(), slots() or booking() holds the answer
        SlotTaken,    // book or change: the time is no longer free (409); nothing changed
        NotMade,      // book: known not made (nothing sent, or refused): a call-back may be offered
        Unknown,      // book: no answer after every attempt; it may have been made
        NotFound,     // a code the server does not know (or cancelled): the same for every wrong code
        TooMany,      // too many wrong codes for a while (429)
        Unreachable,  // offers, slots, look, change, cancel: no answer, or one we cannot read
    };
    using Wake = std::function<void()>;

    // How long offers and free slots are shown without asking again. Two minutes: long enough for a
    // resident to go from day to time and back, short enough that a slot taken since is rare (and a booking
    // of a taken slot is refused and says so).
    static constexpr std::chrono::seconds kFreshFor{120};
    static constexpr int kBookAttempts = 3;

    // client is used on the worker thread only; wake (may be empty) is called from the worker when a
    // result is ready. clock dates the cache; random draws the UUIDs.
    AppointmentClient(std::unique_ptr<HttpClient> client, const Clock& clock, RandomSource& random,
                      Wake wake);
    ~AppointmentClient() override;  // waits for the call under way, then joins the worker
    AppointmentClient(const AppointmentClient&) = delete;
    AppointmentClient& operator=(const AppointmentClient&) = delete;

    // --- calls (each makes state() Busy, or Done at once from a fresh cache)
    void loadOffers();
    void loadSlots(const std::string& contactPoint, const std::string& service);
    void book(const BookingDraft& draft);
    void lookUp(const std::string& code);
    void change(const std::string& code, TimePoint start);
    void cancel(const std::string& code);

    // Takes a finished call's result; true when state() changed.
    bool collect();
    Call call() const { return call_; }
    State state() const { return state_; }
    // Every active agenda, this contact point's first (after loadOffers()).
    const std::vector<AgendaOffer>& offers() const { return offers_; }
    // Free slots, soonest first (after loadSlots()).
    const std::vector<FreeSlot>& slots() const { return slots_; }
    // The booking made, found, changed or cancelled.
    const BookingView& booking() const { return booking_; }
    // The UUID of the last booking attempt (what the host is told when the outcome is Unknown).
    const std::string& lastUuid() const { return uuid_; }
    // Back to Idle keeping the booking shown (a screen that has read the outcome).
    void settle();

    // --- PersonalDataHolder
    std::string_view holderName() const override { return "appointment client"; }
    void wipe() override;
    bool holdsNothing() const override;

  private:
    struct Job {
        Call call = Call::None;
        std::uint64_t generation = 0;
        std::string contactPoint, service, code;
        TimePoint start;
        BookingRequest request;
    };
    struct Outcome {
        std::uint64_t generation = 0;
        Call call = Call::None;
        State state = State::Idle;
        std::vector<AgendaOffer> offers;
        std::vector<FreeSlot> slots;
        std::string cacheKey;
        BookingView booking;
    };
    struct Cached {
        TimePoint at;
        std::vector<AgendaOffer> offers;
        std::vector<FreeSlot> slots;
    };
    void post(Job job);
    void run();
    Outcome perform(Job& job);
    Outcome performBook(const BookingRequest& request);
    Outcome bookingAnswer(const HttpResult& result);
    const Cached* fresh(const std::string& key) const;

    std::unique_ptr<HttpClient> client_;
    const Clock& clock_;
    RandomSource& random_;
    Wake wake_;
    // UI thread only.
    Call call_ = Call::None;
    State state_ = State::Idle;
    std::vector<AgendaOffer> offers_;
    std::vector<FreeSlot> slots_;
    BookingView booking_;
    std::string uuid_;
    std::map<std::string, Cached> cache_;
    // Shared with the worker.
    mutable std::mutex mutex_;
    std::condition_variable cv_;
    std::uint64_t generation_ = 0;
    std::optional<Job> wanted_;
    std::optional<Outcome> done_;
    bool stopping_ = false;
    std::thread worker_;  // last: starts after everything above exists
};

// The booking code as it is read aloud: one character at a time, a pause between the two groups
// ("K 7 Q M, 2 X D 9").
std::string spokenBookingCode(std::string_view code);

}  // namespace wp
