#include "kiosk/core/appointment_client.h"

#include <algorithm>

#include "common/log.h"
#include "common/wire.h"

namespace wp {

namespace {

void wipeBooking(BookingView& b) {
    wipeString(b.code);
    b = {};
}

void wipeRequest(BookingRequest& r) {
    wipeString(r.name);
    wipeString(r.phone);
    wipeString(r.email);
    r = {};
}

// Lost on the way: the server may have acted on it. Worth sending again with the same UUID.
bool lostOnTheWay(const HttpResult& r) {
    if (!r.answered())
        return r.transport == TransportError::Timeout || r.transport == TransportError::Interrupted ||
               r.transport == TransportError::Other;
    return r.status >= 500;
}

// Refused before anything of the request was sent: nobody listening, or the TLS handshake failed.
bool nothingSent(const HttpResult& r) {
    return r.transport == TransportError::Connect || r.transport == TransportError::Tls;
}

std::string slotsKey(const std::string& contactPoint, const std::string& service) {
    return contactPoint + "/" + service;
}

}  // namespace

std::string spokenBookingCode(std::string_view code) {
    std::string out;
    for (std::size_t i = 0; i < code.size(); ++i) {
        if (i > 0) out += (i == 4 && code.size() == 8) ? ", " : " ";
        out += code[i];
    }
    return out;
}

AppointmentClient::AppointmentClient(std::unique_ptr<HttpClient> client, const Clock& clock,
                                     RandomSource& random, Wake wake)
    : client_(std::move(client)), clock_(clock), random_(random), wake_(std::move(wake)), worker_([this] {
          run();
      }) {}

AppointmentClient::~AppointmentClient() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    cv_.notify_all();
    worker_.join();
}

const AppointmentClient::Cached* AppointmentClient::fresh(const std::string& key) const {
    auto it = cache_.find(key);
    if (it == cache_.end()) return nullptr;
    const TimePoint now = clock_.now();
    if (now < it->second.at || now - it->second.at > kFreshFor) return nullptr;
    return &it->second;
}

void AppointmentClient::post(Job job) {
    call_ = job.call;
    state_ = State::Busy;
    {
        std::lock_guard lock(mutex_);
        job.generation = ++generation_;
        if (wanted_) wipeRequest(wanted_->request);
        wanted_ = std::move(job);
        done_.reset();
    }
    cv_.notify_all();
}

void AppointmentClient::loadOffers() {
    if (const Cached* c = fresh("offers")) {
        std::lock_guard lock(mutex_);
        ++generation_;  // a call under way is obsolete now
        wanted_.reset();
        call_ = Call::Offers;
        state_ = State::Done;
        offers_ = c->offers;
        return;
    }
    post(Job{Call::Offers});
}

void AppointmentClient::loadSlots(const std::string& contactPoint, const std::string& service) {
    if (const Cached* c = fresh(slotsKey(contactPoint, service))) {
        std::lock_guard lock(mutex_);
        ++generation_;
        wanted_.reset();
        call_ = Call::Slots;
        state_ = State::Done;
        slots_ = c->slots;
        return;
    }
    Job job{Call::Slots};
    job.contactPoint = contactPoint;
    job.service = service;
    post(std::move(job));
}

void AppointmentClient::book(const BookingDraft& draft) {
    uuid_ = makeUuid(random_);  // one per attempt: the worker's repeats send it again
    Job job{Call::Book};
    job.request.uuid = uuid_;
    job.request.contactPoint = draft.contactPoint;
    job.request.service = draft.service;
    job.request.start = draft.start;
    job.request.name = draft.name;
    job.request.phone = draft.phone;
    job.request.email = draft.email;
    job.request.language = draft.language;
    job.request.bookedBy = draft.bookedBy;
    post(std::move(job));
}

void AppointmentClient::lookUp(const std::string& code) {
    Job job{Call::Look};
    job.code = code;
    post(std::move(job));
}

void AppointmentClient::change(const std::string& code, TimePoint start) {
    Job job{Call::Change};
    job.code = code;
    job.start = start;
    post(std::move(job));
}

void AppointmentClient::cancel(const std::string& code) {
    Job job{Call::Cancel};
    job.code = code;
    post(std::move(job));
}

bool AppointmentClient::collect() {
    std::optional<Outcome> outcome;
    {
        std::lock_guard lock(mutex_);
        if (done_ && done_->generation == generation_) outcome = std::move(done_);
        done_.reset();
    }
    if (!outcome || state_ != State::Busy) return false;
    state_ = outcome->state;
    if (outcome->state == State::Done) {
        switch (outcome->call) {
            case Call::Offers:
                offers_ = outcome->offers;
                cache_["offers"] = Cached{clock_.now(), std::move(outcome->offers), {}};
                break;
            case Call::Slots:
                slots_ = outcome->slots;
                cache_[outcome->cacheKey] = Cached{clock_.now(), {}, std::move(outcome->slots)};
                break;
            default:
                wipeBooking(booking_);
                booking_ = std::move(outcome->booking);
                // A booking, change or cancel changed what is free there.
                cache_.erase(slotsKey(booking_.contactPoint, booking_.service));
                break;
        }
    } else if (outcome->state == State::SlotTaken) {
        cache_.clear();  // what was shown as free is not
    }
    return true;
}

void AppointmentClient::settle() {
    std::lock_guard lock(mutex_);
    ++generation_;
    wanted_.reset();
    done_.reset();
    call_ = Call::None;
    state_ = State::Idle;
}

void AppointmentClient::wipe() {
    {
        std::lock_guard lock(mutex_);
        ++generation_;
        if (wanted_) {
            wipeString(wanted_->code);
            wipeRequest(wanted_->request);
        }
        wanted_.reset();
        if (done_) wipeBooking(done_->booking);
        done_.reset();
    }
    call_ = Call::None;
    state_ = State::Idle;
    wipeBooking(booking_);
    wipeString(uuid_);
}

bool AppointmentClient::holdsNothing() const {
    std::lock_guard lock(mutex_);
    return state_ == State::Idle && booking_.code.empty() && uuid_.empty() && !wanted_ && !done_;
}

AppointmentClient::Outcome AppointmentClient::bookingAnswer(const HttpResult& result) {
    Outcome out;
    if (!result.answered() || result.status >= 500) {
        out.state = State::Unreachable;
    } else if (result.status == 200 || result.status == 201) {
        auto view = decodeBookingView(result.body);
        if (view.ok()) {
            out.state = State::Done;
            out.booking = std::move(view).value();
        } else {
            out.state = State::Unreachable;
        }
    } else if (result.status == 409) {
        out.state = State::SlotTaken;
    } else if (result.status == 429) {
        out.state = State::TooMany;
    } else if (result.status == 404 || result.status == 400) {
        out.state = State::NotFound;
    } else {
        out.state = State::Unreachable;
    }
    return out;
}

AppointmentClient::Outcome AppointmentClient::performBook(const BookingRequest& booking) {
    HttpRequest request;
    request.method = "POST";
    request.path = "/v1/appointments";
    request.body = encodeBookingRequest(booking);
    bool maybeMade = false;  // an earlier attempt may have reached the server
    Outcome out;
    for (int attempt = 1; attempt <= kBookAttempts; ++attempt) {
        HttpResult result = client_->send(request);
        if (lostOnTheWay(result)) {
            log::warning("appointment booking attempt {} lost its answer ({}, status {})", attempt,
                         toString(result.transport), result.status);
            maybeMade = true;
            continue;
        }
        if (nothingSent(result)) {
            if (!maybeMade) {
                out.state = State::NotMade;
                break;
            }
            continue;  // this attempt reached nobody; an earlier one may have
        }
        // The server answered this UUID: what it says is the truth, also about earlier attempts.
        if (result.status == 200 || result.status == 201) {
            out = bookingAnswer(result);
            if (out.state != State::Done) out.state = State::Unknown;  // made, but unreadable
        } else if (result.status == 409) {
            out.state = State::SlotTaken;
        } else {
            log::warning("appointment booking refused with status {}", result.status);
            out.state = State::NotMade;
        }
        break;
    }
    if (out.state == State::Idle) out.state = maybeMade ? State::Unknown : State::NotMade;
    for (char& c : request.body) c = '\0';
    return out;
}

AppointmentClient::Outcome AppointmentClient::perform(Job& job) {
    Outcome out;
    HttpRequest request;
    request.method = "GET";
    switch (job.call) {
        case Call::Offers: {
            request.path = "/v1/appointments/offers";
            HttpResult r = client_->send(request);
            out.state = State::Unreachable;
            if (r.answered() && r.status == 200)
                if (auto offers = decodeAgendaOffers(r.body); offers.ok()) {
                    out.state = State::Done;
                    out.offers = std::move(offers).value();
                }
            break;
        }
        case Call::Slots: {
            request.path =
                "/v1/appointments/slots?contact_point=" + job.contactPoint + "&service=" + job.service;
            HttpResult r = client_->send(request);
            out.state = State::Unreachable;
            out.cacheKey = slotsKey(job.contactPoint, job.service);
            if (r.answered() && r.status == 200)
                if (auto slots = decodeFreeSlots(r.body); slots.ok()) {
                    out.state = State::Done;
                    out.slots = std::move(slots).value().slots;
                    std::sort(out.slots.begin(), out.slots.end(),
                              [](const FreeSlot& a, const FreeSlot& b) { return a.start < b.start; });
                    std::erase_if(out.slots, [](const FreeSlot& s) { return s.free < 1; });
                }
            break;
        }
        case Call::Book:
            out = performBook(job.request);
            break;
        case Call::Look:
            request.path = "/v1/appointments/" + job.code;
            out = bookingAnswer(client_->send(request));
            break;
        case Call::Change:
            request.method = "POST";
            request.path = "/v1/appointments/" + job.code + "/change";
            request.body = encodeBookingChange(BookingChange{job.start});
            out = bookingAnswer(client_->send(request));
            break;
        case Call::Cancel:
            request.method = "POST";
            request.path = "/v1/appointments/" + job.code + "/cancel";
            request.body = "{}";
            out = bookingAnswer(client_->send(request));
            break;
        case Call::None:
            break;
    }
    out.call = job.call;
    out.generation = job.generation;
    for (char& c : request.path) c = '\0';  // it may hold the code
    return out;
}

void AppointmentClient::run() {
    std::unique_lock lock(mutex_);
    while (true) {
        cv_.wait(lock, [&] { return stopping_ || wanted_.has_value(); });
        if (stopping_) return;
        Job job = std::move(*wanted_);
        wanted_.reset();
        lock.unlock();
        Outcome outcome = perform(job);
        // This thread's copies of what the resident typed go as soon as the call is over.
        wipeString(job.code);
        wipeRequest(job.request);
        lock.lock();
        if (outcome.generation == generation_)
            done_ = std::move(outcome);
        else
            wipeBooking(outcome.booking);
        lock.unlock();
        if (wake_) wake_();
        lock.lock();
    }
}

}  // namespace wp
