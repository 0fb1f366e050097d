#include "kiosk/core/queue.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <map>
#include <utility>

#include "kiosk/core/host_queue_store.h"

namespace wp {

namespace {

constexpr std::array<std::pair<TicketState, std::string_view>, 7> kStateNames = {{
    {TicketState::Waiting, "waiting"},
    {TicketState::Called, "called"},
    {TicketState::Serving, "serving"},
    {TicketState::Done, "done"},
    {TicketState::NoShow, "no-show"},
    {TicketState::Cancelled, "cancelled"},
    {TicketState::Parked, "parked"},
}};

constexpr std::array<std::pair<TicketOrigin, std::string_view>, 3> kOriginNames = {{
    {TicketOrigin::WalkIn, "walk-in"},
    {TicketOrigin::Appointment, "appointment"},
    {TicketOrigin::Host, "host"},
}};

constexpr std::array<std::pair<TicketOutcome, std::string_view>, 4> kOutcomeNames = {{
    {TicketOutcome::None, ""},
    {TicketOutcome::Helped, "helped"},
    {TicketOutcome::Referred, "referred"},
    {TicketOutcome::FollowUp, "follow-up"},
}};

constexpr std::array<std::pair<QueueEventKind, std::string_view>, 18> kEventNames = {{
    {QueueEventKind::Issued, "issued"},
    {QueueEventKind::Called, "called"},
    {QueueEventKind::Serving, "serving"},
    {QueueEventKind::Done, "done"},
    {QueueEventKind::NoShow, "no-show"},
    {QueueEventKind::Cancelled, "cancelled"},
    {QueueEventKind::Returned, "returned"},
    {QueueEventKind::CounterOpened, "counter-opened"},
    {QueueEventKind::CounterClosed, "counter-closed"},
    {QueueEventKind::Paused, "paused"},
    {QueueEventKind::Resumed, "resumed"},
    {QueueEventKind::Printed, "printed"},
    {QueueEventKind::PrintFailed, "print-failed"},
    {QueueEventKind::Recalled, "recalled"},
    {QueueEventKind::Parked, "parked"},
    {QueueEventKind::NoShowUndone, "no-show-undone"},
    {QueueEventKind::TransferredOut, "transferred-out"},
    {QueueEventKind::TransferredIn, "transferred-in"},
}};

constexpr int kLookAheadDays = 14;

}  // namespace

// --- tickets

std::string_view toString(TicketState s) {
    for (const auto& [state, name] : kStateNames)
        if (state == s) return name;
    assert(false);
    return "?";
}

std::optional<TicketState> ticketStateFromString(std::string_view s) {
    for (const auto& [state, name] : kStateNames)
        if (name == s) return state;
    return std::nullopt;
}

std::string_view toString(TicketOrigin o) {
    for (const auto& [origin, name] : kOriginNames)
        if (origin == o) return name;
    assert(false);
    return "?";
}

std::optional<TicketOrigin> ticketOriginFromString(std::string_view s) {
    for (const auto& [origin, name] : kOriginNames)
        if (name == s) return origin;
    return std::nullopt;
}

std::string_view toString(TicketOutcome o) {
    for (const auto& [outcome, name] : kOutcomeNames)
        if (outcome == o) return name;
    assert(false);
    return "?";
}

std::optional<TicketOutcome> ticketOutcomeFromString(std::string_view s) {
    for (const auto& [outcome, name] : kOutcomeNames)
        if (name == s) return outcome;
    return std::nullopt;
}

bool isFinal(TicketState s) {
    return s == TicketState::Done || s == TicketState::NoShow || s == TicketState::Cancelled;
}

bool isAllowedTransition(TicketState from, TicketState to) {
    using S = TicketState;
    switch (from) {
        case S::Waiting:
            return to == S::Called || to == S::Cancelled;
        case S::Called:
            return to == S::Serving || to == S::NoShow || to == S::Waiting || to == S::Done ||
                   to == S::Parked;
        case S::Serving:
            return to == S::Done || to == S::Parked;
        case S::Parked:
            return to == S::Called;
        default:
            return false;
    }
}

bool isDueAt(const Ticket& t, TimePoint now) {
    return !t.bookedStart || *t.bookedStart <= now;
}

bool callsBefore(const Ticket& a, const Ticket& b, TimePoint now) {
    // 0: an appointment due now, 1: any other ticket, 2: an appointment not due yet.
    auto rank = [now](const Ticket& t) { return !t.bookedStart ? 1 : *t.bookedStart <= now ? 0 : 2; };
    const int ra = rank(a), rb = rank(b);
    if (ra != rb) return ra < rb;
    if (a.bookedStart != b.bookedStart) return a.bookedStart < b.bookedStart;
    if (a.issuedAt != b.issuedAt) return a.issuedAt < b.issuedAt;
    if (a.number != b.number) return a.number < b.number;
    return a.serviceId < b.serviceId;
}

std::string formatTicketNumber(std::string_view prefix, int number) {
    return fmt::format("{}-{:03}", prefix, number);
}

// --- events

std::string_view toString(QueueEventKind k) {
    for (const auto& [kind, name] : kEventNames)
        if (kind == k) return name;
    assert(false);
    return "?";
}

std::optional<QueueEventKind> queueEventKindFromString(std::string_view s) {
    for (const auto& [kind, name] : kEventNames)
        if (name == s) return kind;
    return std::nullopt;
}

QueueEventKind eventForTransition(TicketState to) {
    switch (to) {
        case TicketState::Waiting:
            return QueueEventKind::Returned;
        case TicketState::Called:
            return QueueEventKind::Called;
        case TicketState::Serving:
            return QueueEventKind::Serving;
        case TicketState::Done:
            return QueueEventKind::Done;
        case TicketState::NoShow:
            return QueueEventKind::NoShow;
        case TicketState::Cancelled:
            return QueueEventKind::Cancelled;
        case TicketState::Parked:
            return QueueEventKind::Parked;
    }
    assert(false);
    return QueueEventKind::Issued;
}

bool isInformational(QueueEventKind k) {
    return k == QueueEventKind::Printed || k == QueueEventKind::PrintFailed;
}

// --- walk-in hours

std::optional<TimePoint> nextWalkInStart(const Service& service, TimePoint after) {
    LocalTime lt = toLocalTime(after);
    std::string day = lt.day;
    int weekday = lt.weekday;
    for (int i = 0; i <= kLookAheadDays; ++i) {
        if (!std::binary_search(service.closedDates.begin(), service.closedDates.end(), day)) {
            for (const WalkInWindow& w : service.walkIn[static_cast<size_t>(weekday)]) {
                TimePoint start = fromLocalTime(day, w.fromMinute);
                if (start > after) return start;
            }
        }
        day = nextDay(day);
        weekday = (weekday + 1) % 7;
    }
    return std::nullopt;
}

WalkInStatus walkInStatus(const Service& service, TimePoint now, bool paused) {
    LocalTime lt = toLocalTime(now);
    const WalkInWindow* current = nullptr;
    if (!std::binary_search(service.closedDates.begin(), service.closedDates.end(), lt.day)) {
        for (const WalkInWindow& w : service.walkIn[static_cast<size_t>(lt.weekday)])
            if (w.fromMinute <= lt.minuteOfDay && lt.minuteOfDay < w.toMinute) current = &w;
    }
    WalkInStatus status;
    if (current == nullptr) {
        status.state = WalkInState::Closed;
        status.nextOpening = nextWalkInStart(service, now);
    } else if (paused) {
        status.state = WalkInState::Paused;
        status.nextOpening = nextWalkInStart(service, now);
    } else {
        status.state = WalkInState::Open;
        status.closesAt = fromLocalTime(lt.day, current->toMinute);
    }
    return status;
}

// --- the estimated wait

std::vector<Seconds> serviceDurations(const std::vector<QueueEvent>& eventsOfDay) {
    std::vector<Seconds> out;
    std::map<std::pair<std::string, int>, TimePoint> calledAt;  // (service, number) -> last Called
    for (const QueueEvent& e : eventsOfDay) {
        auto key = std::make_pair(e.serviceId, e.number);
        switch (e.kind) {
            case QueueEventKind::Called:
                calledAt[key] = e.at;
                break;
            case QueueEventKind::Done:
                if (auto it = calledAt.find(key); it != calledAt.end()) {
                    out.push_back(
                        std::max(Seconds(0), std::chrono::duration_cast<Seconds>(e.at - it->second)));
                    calledAt.erase(it);
                }
                break;
            case QueueEventKind::NoShow:
            case QueueEventKind::Cancelled:
            case QueueEventKind::Returned:
                calledAt.erase(key);
                break;
            default:
                break;
        }
    }
    return out;
}

// --- ServiceQueue

ServiceQueue::ServiceQueue(std::vector<Service> services, QueueStore& tickets, HostQueueStore& host,
                           const Clock& clock)
    : services_(std::move(services)), store_(tickets), host_(host), clock_(clock) {}

const Service* ServiceQueue::findService(std::string_view id) const {
    for (const Service& s : services_)
        if (s.id == id) return &s;
    return nullptr;
}

Result<WalkInStatus> ServiceQueue::walkInStatus(const std::string& serviceId) {
    const Service* service = findService(serviceId);
    if (service == nullptr) return Status::notFound(fmt::format("no service '{}'", serviceId));
    TimePoint now = clock_.now();
    auto paused = host_.isPaused(serviceId, localDay(now));
    if (!paused) return paused.status();
    return wp::walkInStatus(*service, now, paused.value());
}

Result<TicketView> ServiceQueue::takeTicket(const std::string& serviceId) {
    auto status = walkInStatus(serviceId);
    if (!status) return status.status();
    if (status->state == WalkInState::Closed)
        return Status::unavailable(fmt::format("service '{}' has no walk-in hours now", serviceId));
    if (status->state == WalkInState::Paused)
        return Status::unavailable(fmt::format("service '{}' is paused by the host", serviceId));
    auto ticket = store_.issueTicket(serviceId, clock_.now());
    if (!ticket) return ticket.status();
    return view(ticket.value());
}

Result<TicketView> ServiceQueue::view(const Ticket& ticket) {
    const Service* service = findService(ticket.serviceId);
    if (service == nullptr) return Status::notFound(fmt::format("no service '{}'", ticket.serviceId));
    TicketView v;
    v.ticket = ticket;
    if (ticket.state != TicketState::Waiting) {
        if (!isFinal(ticket.state)) v.estimatedWait = Seconds(0);
        return v;
    }
    auto ahead = store_.countAhead(ticket);
    if (!ahead) return ahead.status();
    v.peopleAhead = ahead.value();

    std::string today = localDay(clock_.now());
    auto counters = host_.countersServing(ticket.serviceId, today);
    if (!counters) return counters.status();
    auto events = store_.eventsOfDay(ticket.serviceId, today);
    if (!events) return events.status();
    Seconds average = movingAverageServiceTime(serviceDurations(events.value()),
                                               std::chrono::minutes(service->defaultServiceMinutes));
    v.estimatedWait = estimateWait(v.peopleAhead, average, counters.value());
    return v;
}

}  // namespace wp
