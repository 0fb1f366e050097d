#include "kiosk/core/appointment_sync.h"

#include <fmt/format.h>

#include <algorithm>

#include "common/log.h"
#include "common/wire.h"
#include "kiosk/core/queue.h"

namespace wp {

AppointmentSync::AppointmentSync(AppointmentStore& store, const Clock& clock,
                                 std::unique_ptr<HttpClient> client, Options options)
    : store_(store), clock_(clock), client_(std::move(client)), options_(options) {}

AppointmentSync::~AppointmentSync() {
    stop();
}

void AppointmentSync::start() {
    std::lock_guard lock(mutex_);
    stopping_ = false;
    if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
}

void AppointmentSync::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void AppointmentSync::wake() {
    {
        std::lock_guard lock(mutex_);
        ++wakeups_;
    }
    cv_.notify_all();
}

Status AppointmentSync::fetchToday(HttpClient& http, const std::string& day) {
    HttpRequest request;
    request.method = "GET";
    request.path = "/v1/appointments/today?day=" + day;
    HttpResult r = http.send(request);
    if (!r.answered())
        return Status::unavailable(fmt::format("{}: {}", toString(r.transport), r.transportMessage));
    if (r.status != 200)
        return Status::unavailable(fmt::format("HTTP {}: {}", r.status, r.body.substr(0, 300)));
    auto listed = decodeTodayBookings(r.body);
    if (!listed) return Status::invalidInput(listed.error().message);
    std::vector<TodayAppointment> kept;
    for (const TodayBooking& b : listed.value().bookings) {
        TodayAppointment a;
        a.code = b.code;
        a.day = day;
        a.serviceId = b.service;
        a.start = b.start;
        a.end = b.end;
        a.name = b.name;
        switch (b.state) {
            case BookingState::Booked:
                a.state = AppointmentState::Booked;
                break;
            case BookingState::Arrived:
                a.state = AppointmentState::Arrived;
                break;
            case BookingState::NoShow:
                a.state = AppointmentState::NoShow;
                break;
            case BookingState::Cancelled:
                continue;  // nothing to check in
        }
        kept.push_back(std::move(a));
    }
    return store_.replaceDay(day, kept, clock_.now());
}

AppointmentSync::Step AppointmentSync::step(HttpClient& http, bool fetch) {
    Step out;
    const TimePoint now = clock_.now();
    const std::string today = localDay(now);
    auto fail = [&out](const Status& s) {
        out.failed = true;
        if (out.error.empty()) out.error = s.message();
    };

    if (!fetchedAt_ || now - *fetchedAt_ >= options_.refresh || now < *fetchedAt_ ||
        localDay(*fetchedAt_) != today)
        fetch = true;
    if (fetch) {
        if (Status s = fetchToday(http, today); s) {
            fetchedAt_ = now;
            out.fetched = true;
        } else {
            fail(s);
        }
        if (Status s = store_.wipeBefore(today); !s) fail(s);
    }

    if (auto day = store_.appointmentsOfDay(today)) {
        for (const TodayAppointment& a : day.value())
            if (noShowDue(a, now, options_.rules)) {
                if (Status s = store_.recordNoShow(a.code, now, makeUuid(random_)); s)
                    ++out.noShows;
                else
                    fail(s);
            }
    } else {
        fail(day.status());
    }

    auto events = store_.unsentEvents(options_.batchSize);
    if (!events) {
        fail(events.status());
    } else if (!events->empty()) {
        HttpRequest request;
        request.path = "/v1/appointments/events";
        request.body = encodeAppointmentEvents(events.value());
        HttpResult r = http.send(request);
        if (r.answered() && r.status >= 200 && r.status <= 299) {
            std::vector<std::string> uuids;
            for (const AppointmentEvent& e : events.value()) uuids.push_back(e.uuid);
            if (Status s = store_.markSent(uuids, clock_.now()); s)
                out.sent = static_cast<int>(uuids.size());
            else
                fail(s);
        } else {
            fail(Status::unavailable(r.answered()
                                         ? fmt::format("HTTP {}: {}", r.status, r.body.substr(0, 300))
                                         : fmt::format("{}: {}", toString(r.transport), r.transportMessage)));
        }
    }
    return out;
}

void AppointmentSync::run() {
    using Steady = std::chrono::steady_clock;
    std::string lastError;
    std::chrono::milliseconds backoff{0};
    Steady::time_point retryAt = Steady::now();
    bool fetch = true;  // at once after start
    for (;;) {
        if (Steady::now() >= retryAt) {
            Step s = step(*client_, fetch);
            fetch = false;
            if (s.failed) {
                if (s.error != lastError) log::warning("appointments: {}", s.error);
                lastError = s.error;
                backoff = std::clamp(backoff * 2, std::chrono::milliseconds(1000),
                                     std::chrono::milliseconds(30000));
                retryAt = Steady::now() + backoff;
                fetch = !s.fetched;
            } else {
                lastError.clear();
                backoff = std::chrono::milliseconds(0);
            }
        }
        std::unique_lock lock(mutex_);
        if (stopping_) return;
        std::uint64_t seen = wakeups_;
        cv_.wait_for(lock, options_.poll, [&] { return stopping_ || wakeups_ != seen; });
        if (stopping_) return;
        if (wakeups_ != seen) retryAt = Steady::now();  // an arrival: send it now
    }
}

}  // namespace wp
