#include "kiosk/core/appointment_checkin.h"

#include "common/wire.h"

namespace wp {

// --- the store's words

std::string_view toString(AppointmentState s) {
    switch (s) {
        case AppointmentState::Booked:
            return "booked";
        case AppointmentState::Arrived:
            return "arrived";
        case AppointmentState::NoShow:
            return "no-show";
    }
    return "booked";
}

std::optional<AppointmentState> appointmentStateFromString(std::string_view s) {
    for (AppointmentState a : {AppointmentState::Booked, AppointmentState::Arrived, AppointmentState::NoShow})
        if (toString(a) == s) return a;
    return std::nullopt;
}

// --- the rules

TimePoint checkinOpensAt(const TodayAppointment& a, const CheckinRules& rules) {
    return a.start - rules.early;
}

CheckinVerdict checkinVerdict(const TodayAppointment& a, TimePoint now, const CheckinRules& rules) {
    if (a.state == AppointmentState::Arrived) return CheckinVerdict::AlreadyArrived;
    if (a.day != localDay(now)) return CheckinVerdict::OtherDay;
    if (now < checkinOpensAt(a, rules)) return CheckinVerdict::TooEarly;
    if (now > a.start + rules.late) return CheckinVerdict::TooLate;
    return CheckinVerdict::CheckIn;
}

bool noShowDue(const TodayAppointment& a, TimePoint now, const CheckinRules& rules) {
    return a.state == AppointmentState::Booked && a.autoNoShow && now > a.start + rules.late;
}

// --- AppointmentCheckin

AppointmentCheckin::AppointmentCheckin(CheckinParts parts, CheckinRules rules,
                                       std::unique_ptr<HttpClient> client, Wake wake)
    : parts_(std::move(parts)), rules_(rules), client_(std::move(client)), wake_(std::move(wake)) {
    if (client_) worker_ = std::thread([this] { run(); });
}

AppointmentCheckin::~AppointmentCheckin() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    cv_.notify_all();
    if (worker_.joinable()) worker_.join();
}

void AppointmentCheckin::submit(const std::string& code) {
    wipe();
    code_ = code;
    const TimePoint now = parts_.clock.now();
    auto wrong = parts_.store.wrongCodesSince(now - rules_.wrongCodeWindow);
    if (!wrong) {
        state_ = State::Failed;
        return;
    }
    if (wrong.value() >= rules_.wrongCodeLimit) {
        state_ = State::TooMany;
        return;
    }
    auto kept = parts_.store.appointment(code);
    if (!kept) {
        state_ = State::Failed;
        return;
    }
    if (kept->has_value() && (*kept)->day == localDay(now)) {
        decide(**kept);
        return;
    }
    if (!client_) {
        wrongCode();
        return;
    }
    {
        std::lock_guard lock(mutex_);
        wanted_ = code;
    }
    cv_.notify_all();
    state_ = State::Busy;
}

void AppointmentCheckin::decide(const TodayAppointment& a) {
    appointment_ = a;
    switch (checkinVerdict(a, parts_.clock.now(), rules_)) {
        case CheckinVerdict::CheckIn:
        case CheckinVerdict::AlreadyArrived:
            checkIn(a);
            return;
        case CheckinVerdict::TooEarly:
            opensAt_ = checkinOpensAt(a, rules_);
            state_ = State::TooEarly;
            return;
        case CheckinVerdict::TooLate:
            walkInInstead(a);
            return;
        case CheckinVerdict::OtherDay:
            booking_ = {a.code, parts_.contactPoint, a.serviceId, "", "", a.start,
                        a.end,  BookingState::Booked};
            state_ = State::Elsewhere;
            return;
    }
}

void AppointmentCheckin::checkIn(const TodayAppointment& a) {
    // The arrival first (durable, with its event): a crash before the ticket is issued leaves an arrival
    // without a ticket, and checking in again issues it.
    const TimePoint now = parts_.clock.now();
    if (a.state != AppointmentState::Arrived) {
        if (Status s = parts_.store.recordArrival(a.code, now, makeUuid(parts_.random)); !s) {
            state_ = State::Failed;
            return;
        }
    }
    Result<Ticket> ticket = Status::notFound("no ticket yet");
    if (a.ticketId) ticket = parts_.tickets.ticket(*a.ticketId);
    if (!ticket) {
        ticket = parts_.tickets.issueAppointmentTicket(a.serviceId, a.start, now);
        if (!ticket) {
            state_ = State::Failed;
            return;
        }
        (void)parts_.store.setTicket(a.code, ticket->id);  // only the host's list shows it
    }
    auto view = parts_.queue.view(ticket.value());
    ticket_ = view ? std::move(view).value() : TicketView{ticket.value(), 0, std::nullopt};
    state_ = State::CheckedIn;
}

void AppointmentCheckin::walkInInstead(const TodayAppointment& a) {
    state_ = State::TooLate;
    auto ticket = parts_.tickets.issueTicket(a.serviceId, parts_.clock.now());
    if (!ticket) return;  // no ticket: the screen sends the resident to the host
    auto view = parts_.queue.view(ticket.value());
    ticket_ = view ? std::move(view).value() : TicketView{ticket.value(), 0, std::nullopt};
}

void AppointmentCheckin::wrongCode() {
    (void)parts_.store.recordWrongCode(parts_.clock.now());
    state_ = State::NotFound;
}

bool AppointmentCheckin::collect() {
    std::optional<Answer> answer;
    {
        std::lock_guard lock(mutex_);
        if (done_ && done_->generation == generation_) answer = std::move(done_);
        done_.reset();
    }
    if (!answer || state_ != State::Busy) return false;
    switch (answer->state) {
        case State::Elsewhere: {
            const BookingView& b = answer->booking;
            const TimePoint now = parts_.clock.now();
            if (b.contactPoint == parts_.contactPoint && localDay(b.start) == localDay(now) &&
                (b.state == BookingState::Booked || b.state == BookingState::Arrived)) {
                // Today here, but not yet in the synced list: keep it and check in as usual.
                TodayAppointment a;
                a.code = b.code;
                a.day = localDay(b.start);
                a.serviceId = b.service;
                a.start = b.start;
                a.end = b.end;
                if (parts_.store.keep(a, now)) {
                    if (auto kept = parts_.store.appointment(a.code); kept && kept->has_value()) {
                        decide(**kept);
                        return true;
                    }
                }
                state_ = State::Failed;
                return true;
            }
            booking_ = answer->booking;
            state_ = State::Elsewhere;
            return true;
        }
        case State::NotFound:
            wrongCode();
            return true;
        case State::Unreachable:
            // Not in today's list and not confirmed by the server: counted, so that guessing against the
            // kept list is no faster while the server cannot be reached.
            (void)parts_.store.recordWrongCode(parts_.clock.now());
            state_ = State::Unreachable;
            return true;
        default:
            state_ = answer->state;
            return true;
    }
}

void AppointmentCheckin::wipe() {
    {
        std::lock_guard lock(mutex_);
        ++generation_;
        if (wanted_) wipeString(*wanted_);
        wanted_.reset();
        done_.reset();
    }
    state_ = State::Idle;
    wipeString(code_);
    ticket_.reset();
    appointment_.reset();
    opensAt_ = {};
    booking_ = {};
}

bool AppointmentCheckin::holdsNothing() const {
    std::lock_guard lock(mutex_);
    return state_ == State::Idle && code_.empty() && !ticket_ && !appointment_ && booking_.code.empty() &&
           !wanted_ && !done_;
}

AppointmentCheckin::Answer AppointmentCheckin::ask(const std::string& code, std::uint64_t generation) {
    Answer out;
    out.generation = generation;
    HttpRequest request;
    request.method = "GET";
    request.path = "/v1/appointments/" + code;
    HttpResult result = client_->send(request);
    if (!result.answered() || result.status >= 500) {
        out.state = State::Unreachable;
    } else if (result.status == 200) {
        auto booking = decodeBookingView(result.body);
        out.state = booking ? State::Elsewhere : State::Unreachable;
        if (booking) out.booking = std::move(booking).value();
    } else if (result.status == 429) {
        out.state = State::TooMany;
    } else if (result.status == 404 || result.status == 400) {
        out.state = State::NotFound;
    } else {
        out.state = State::Unreachable;
    }
    return out;
}

void AppointmentCheckin::run() {
    std::unique_lock lock(mutex_);
    while (true) {
        cv_.wait(lock, [&] { return stopping_ || wanted_.has_value(); });
        if (stopping_) return;
        std::string code = std::move(*wanted_);
        wanted_.reset();
        const std::uint64_t generation = generation_;
        lock.unlock();
        Answer answer = ask(code, generation);
        wipeString(code);
        lock.lock();
        if (answer.generation == generation_) done_ = std::move(answer);
        lock.unlock();
        if (wake_) wake_();
        lock.lock();
    }
}

}  // namespace wp
