// The handlers of the kiosk API's appointments (/v1/appointments...): the agendas on offer, free slots, a
// booking (idempotent by its uuid), a booking by code with its cancel and change, the contact point's
// bookings of a day and the kiosks' arrivals and no-shows. The contact point is the calling kiosk's, from
// its certificate.
//
// Booking codes are guarded: a wrong code (malformed, unknown or cancelled) gets the same 404 every time and
// counts against the kiosk and the source address ([appointments] wrong_codes_*); once either has used up
// its window every code lookup of it gets 429 until the window moves on (the injected clock).
#include <fmt/format.h>

#include <algorithm>

#include "central/appointment_slots.h"
#include "central/central_server_impl.h"
#include "central/http_exchange.h"
#include "common/appointment.h"
#include "common/local_time.h"
#include "common/log.h"

namespace wp {

namespace {

constexpr int kCodeDraws =
    8;  // fresh codes tried before a booking gives up (a clash is 1 in 31^8 per booking)

void sendJson(HttpResponse& res, int status, std::string body) {
    res.status = status;
    res.set_content(std::move(body), kJson);
}

void storeUnavailable(HttpResponse& res, const std::string& what) {
    log::error("appointments: {}", what);
    res.set_header("Retry-After", "5");
    sendError(res, 503, error_code::kUnavailable, "the store is unavailable; try again");
}

void slotTaken(HttpResponse& res) {
    sendError(res, 409, error_code::kSlotTaken, "every seat of this time is taken; choose another", "start");
}

}  // namespace

SlotHorizon CentralServer::Impl::slotHorizon() const {
    return {clock.now(), std::chrono::minutes(config.appointments.minLeadMinutes),
            config.appointments.horizonDays};
}

std::optional<TimePoint> CentralServer::Impl::reminderDue(TimePoint start) const {
    return reminderDueAt(start, clock.now(), config.appointments.reminderHour);
}

std::optional<Agenda> CentralServer::Impl::bookableAgenda(const std::string& contactPoint,
                                                          const std::string& service, HttpResponse& res) {
    auto agenda = store.agendaOf(contactPoint, service);
    if (!agenda) {
        storeUnavailable(res, agenda.status().message());
        return std::nullopt;
    }
    if (!agenda->has_value() || !(*agenda)->active) {
        sendError(res, 422, error_code::kInvalidValue,
                  fmt::format("no agenda of '{}' at {} takes bookings", service, contactPoint), "service");
        return std::nullopt;
    }
    return std::move(**agenda);
}

void CentralServer::Impl::getAppointmentOffers(const HttpRequest& req, HttpResponse& res) {
    auto kiosk = kioskOf(req, res);
    if (!kiosk) return;
    auto agendas = store.agendas();
    if (!agendas) return storeUnavailable(res, agendas.status().message());
    std::vector<AgendaOffer> offers;
    for (int ownFirst = 1; ownFirst >= 0; --ownFirst)
        for (const Agenda& a : agendas.value())
            if (a.active && (a.contactPoint == kiosk->contactPoint) == (ownFirst == 1))
                offers.push_back({a.contactPoint, a.service, a.place, a.address, a.slotMinutes});
    sendJson(res, 200, encodeAgendaOffers(offers));
}

void CentralServer::Impl::getAppointmentSlots(const HttpRequest& req, HttpResponse& res) {
    auto kiosk = kioskOf(req, res);
    if (!kiosk) return;
    for (const char* name : {"contact_point", "service"})
        if (!req.has_param(name))
            return sendError(res, 400, error_code::kMissingField, fmt::format("'{}' is required", name),
                             name);
    std::string contactPoint = req.get_param_value("contact_point"), service = req.get_param_value("service");
    if (!isContactPointLetters(contactPoint))
        return sendError(res, 400, error_code::kInvalidValue,
                         "'contact_point' must be three characters of the code alphabet", "contact_point");
    if (!isServiceId(service))
        return sendError(res, 400, error_code::kInvalidValue, "'service' must be a service id", "service");
    auto agenda = bookableAgenda(contactPoint, service, res);
    if (!agenda) return;
    SlotHorizon horizon = slotHorizon();
    auto taken = store.takenSeats(contactPoint, service, horizon.from(), horizon.to());
    if (!taken) return storeUnavailable(res, taken.status().message());
    sendJson(res, 200, encodeFreeSlots({contactPoint, service, freeSlots(*agenda, taken.value(), horizon)}));
}

void CentralServer::Impl::postAppointment(const HttpRequest& req, HttpResponse& res) {
    auto kiosk = kioskOf(req, res);
    if (!kiosk) return;
    auto decoded = decodeBookingRequest(req.body);
    if (!decoded) return sendError(res, decoded.error());
    const BookingRequest& r = decoded.value();
    // A repeat is answered before anything else is checked: the first answer may have been lost after the
    // slot stopped being bookable.
    auto known = store.bookingByUuid(r.uuid);
    if (!known) return storeUnavailable(res, known.status().message());
    if (known->has_value()) {
        if ((*known)->kioskCode == kiosk->kioskCode)
            return sendJson(res, 200, encodeBookingView((*known)->view()));
        log::error("KIOSK FAULT: kiosk {} sent booking UUID {}, which another kiosk sent before",
                   kiosk->kioskCode, r.uuid);
        return sendError(res, 409, error_code::kConflict, "this UUID belongs to another kiosk's booking",
                         "uuid");
    }
    auto agenda = bookableAgenda(r.contactPoint, r.service, res);
    if (!agenda) return;
    auto slot = slotStartingAt(*agenda, r.start, slotHorizon());
    if (!slot)
        return sendError(res, 422, error_code::kInvalidValue,
                         "'start' is not a time of this agenda that can be booked now", "start");
    NewBooking nb;
    nb.request = r;
    nb.kioskCode = kiosk->kioskCode;
    nb.end = slot->end;
    nb.now = clock.now();
    nb.reminderDueAt = reminderDue(r.start);
    for (int draw = 0; draw < kCodeDraws; ++draw) {
        nb.code = makeBookingCode(random);
        BookingOutcome out = store.book(nb);
        switch (out.kind) {
            case BookingOutcome::Kind::Booked:
                mailer.wake();
                return sendJson(res, 201, encodeBookingView(out.booking.view()));
            case BookingOutcome::Kind::Repeat:
                return sendJson(res, 200, encodeBookingView(out.booking.view()));
            case BookingOutcome::Kind::SlotTaken:
                return slotTaken(res);
            case BookingOutcome::Kind::UuidConflict:
                log::error("KIOSK FAULT: kiosk {} sent booking UUID {}, which another kiosk sent before",
                           kiosk->kioskCode, r.uuid);
                return sendError(res, 409, error_code::kConflict,
                                 "this UUID belongs to another kiosk's booking", "uuid");
            case BookingOutcome::Kind::NoAgenda:
                return sendError(res, 422, error_code::kInvalidValue, out.message, "service");
            case BookingOutcome::Kind::CodeTaken:
                continue;
            case BookingOutcome::Kind::Changed:
            case BookingOutcome::Kind::NotFound:
            case BookingOutcome::Kind::Failed:
                return storeUnavailable(res, out.message);
        }
    }
    storeUnavailable(res, "no free booking code after several draws");
}

bool CentralServer::Impl::codeLookupAdmitted(const KioskIdentity& kiosk, const HttpRequest& req,
                                             HttpResponse& res) {
    bool kioskOut = wrongCodesByKiosk.exhausted(kiosk.kioskCode);
    bool sourceOut = wrongCodesBySource.exhausted(req.remote_addr);
    if (!kioskOut && !sourceOut) return true;
    Millis wait = std::max(kioskOut ? wrongCodesByKiosk.retryAfter(kiosk.kioskCode) : Millis(0),
                           sourceOut ? wrongCodesBySource.retryAfter(req.remote_addr) : Millis(0));
    res.set_header("Retry-After", std::to_string(std::max<long long>(
                                      1, std::chrono::ceil<std::chrono::seconds>(wait).count())));
    sendError(res, 429, error_code::kRateLimited, "too many wrong booking codes; try again later", "code");
    return false;
}

void CentralServer::Impl::wrongCode(const KioskIdentity& kiosk, const HttpRequest& req, HttpResponse& res) {
    (void)wrongCodesByKiosk.allow(kiosk.kioskCode);
    (void)wrongCodesBySource.allow(req.remote_addr);
    sendError(res, 404, error_code::kNotFound, "no booking with this code", "code");
}

std::optional<Booking> CentralServer::Impl::liveBookingOf(const KioskIdentity& kiosk, const HttpRequest& req,
                                                          HttpResponse& res) {
    if (!codeLookupAdmitted(kiosk, req, res)) return std::nullopt;
    auto code = normalizeBookingCode(req.matches[1].str());
    if (!code) {
        wrongCode(kiosk, req, res);
        return std::nullopt;
    }
    auto booking = store.bookingByCode(*code);
    if (!booking) {
        storeUnavailable(res, booking.status().message());
        return std::nullopt;
    }
    if (!booking->has_value() || (*booking)->state == BookingState::Cancelled) {
        wrongCode(kiosk, req, res);
        return std::nullopt;
    }
    return std::move(**booking);
}

void CentralServer::Impl::getAppointment(const HttpRequest& req, HttpResponse& res) {
    auto kiosk = kioskOf(req, res);
    if (!kiosk) return;
    auto booking = liveBookingOf(*kiosk, req, res);
    if (!booking) return;
    sendJson(res, 200, encodeBookingView(booking->view()));
}

void CentralServer::Impl::cancelAppointment(const HttpRequest& req, HttpResponse& res) {
    auto kiosk = kioskOf(req, res);
    if (!kiosk) return;
    auto booking = liveBookingOf(*kiosk, req, res);
    if (!booking) return;
    auto cancelled = store.cancelBooking(booking->code, clock.now());
    if (!cancelled) {
        // Cancelled by someone else in between: the same answer as for any code that is not live.
        if (cancelled.status().code() == Status::Code::NotFound) return wrongCode(*kiosk, req, res);
        return storeUnavailable(res, cancelled.status().message());
    }
    mailer.wake();
    sendJson(res, 200, encodeBookingView(cancelled->view()));
}

void CentralServer::Impl::changeAppointment(const HttpRequest& req, HttpResponse& res) {
    auto kiosk = kioskOf(req, res);
    if (!kiosk) return;
    auto booking = liveBookingOf(*kiosk, req, res);
    if (!booking) return;
    auto change = decodeBookingChange(req.body);
    if (!change) return sendError(res, change.error());
    auto agenda = bookableAgenda(booking->contactPoint, booking->service, res);
    if (!agenda) return;
    TimePoint start = change.value().start;
    auto slot = slotStartingAt(*agenda, start, slotHorizon());
    if (!slot)
        return sendError(res, 422, error_code::kInvalidValue,
                         "'start' is not a time of this agenda that can be booked now", "start");
    BookingOutcome out =
        store.changeBooking(booking->code, start, slot->end, clock.now(), reminderDue(start));
    switch (out.kind) {
        case BookingOutcome::Kind::Changed:
            mailer.wake();
            return sendJson(res, 200, encodeBookingView(out.booking.view()));
        case BookingOutcome::Kind::SlotTaken:
            return slotTaken(res);
        case BookingOutcome::Kind::NotFound:
            return wrongCode(*kiosk, req, res);
        case BookingOutcome::Kind::NoAgenda:
            return sendError(res, 422, error_code::kInvalidValue, out.message, "service");
        default:
            return storeUnavailable(res, out.message);
    }
}

void CentralServer::Impl::getAppointmentsToday(const HttpRequest& req, HttpResponse& res) {
    auto kiosk = kioskOf(req, res);
    if (!kiosk) return;
    if (!req.has_param("day"))
        return sendError(res, 400, error_code::kMissingField, "'day' is required", "day");
    std::string day = req.get_param_value("day");
    if (!isLocalDay(day))
        return sendError(res, 400, error_code::kInvalidValue, "'day' must be a date like 2026-12-07", "day");
    auto [from, to] = localDayBounds(day);
    auto bookings = store.bookingsOf(kiosk->contactPoint, from, to);
    if (!bookings) return storeUnavailable(res, bookings.status().message());
    TodayBookings today{day, {}};
    for (const Booking& b : bookings.value())
        today.bookings.push_back({b.code, b.service, b.start, b.end, b.state, b.name});
    sendJson(res, 200, encodeTodayBookings(today));
}

void CentralServer::Impl::postAppointmentEvents(const HttpRequest& req, HttpResponse& res) {
    auto kiosk = kioskOf(req, res);
    if (!kiosk) return;
    auto events = decodeAppointmentEvents(req.body);
    if (!events) return sendError(res, events.error());
    auto accepted =
        store.recordAppointmentEvents(events.value(), kiosk->contactPoint, kiosk->kioskCode, clock.now());
    if (!accepted) return storeUnavailable(res, accepted.status().message());
    sendJson(res, 200, encodeAcceptedCount(accepted.value()));
}

}  // namespace wp
