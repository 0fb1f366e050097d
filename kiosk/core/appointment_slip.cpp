#include "kiosk/core/appointment_slip.h"

#include <fmt/format.h>

#include "kiosk/core/opening_hours.h"
#include "kiosk/core/queue.h"

namespace wp {

namespace {

constexpr const char* kWeekdays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                     "friday", "saturday", "sunday"};

}  // namespace

std::string appointmentDay(const std::string& day, const Texts& texts, const std::string& language) {
    // Noon of that day: the weekday and date whatever the clock change does to midnight.
    const LocalTime local = toLocalTime(fromLocalTime(day, 12 * 60));
    if (local.day.size() != 10) return day;
    const int month = std::stoi(local.day.substr(5, 2));
    const int date = std::stoi(local.day.substr(8, 2));
    return fillIn(texts.get(language, "appointment.date"),
                  {{"weekday", texts.get(language, std::string("appointment.") + kWeekdays[local.weekday])},
                   {"day", std::to_string(date)},
                   {"month", texts.get(language, fmt::format("appointment.month_{}", month))}});
}

std::string appointmentDate(TimePoint t, const Texts& texts, const std::string& language) {
    return appointmentDay(localDay(t), texts, language);
}

std::string serviceNameKey(const Bundle& content, const std::string& serviceId) {
    if (const Service* s = findService(content.services, serviceId)) return s->nameKey;
    return serviceId;
}

ReceiptPrintout appointmentSlip(const BookingView& booking, const Bundle& content, const Texts& texts,
                                const std::string& language, TimePoint now) {
    auto tr = [&](const std::string& key) -> std::string { return texts.get(language, key); };
    ReceiptPrintout p;
    p.contactPoint = booking.place;
    p.title = tr("appointment.slip_title");
    p.referenceLabel = tr("appointment.code_label");
    p.reference = groupedBookingCode(booking.code);
    const Service* service = findService(content.services, booking.service);
    p.about = fillIn(tr("appointment.slip_service"),
                     {{"service", service ? tr(service->nameKey) : booking.service}});
    p.lines.push_back(
        fillIn(tr("appointment.slip_when"), {{"date", appointmentDate(booking.start, texts, language)},
                                             {"time", formatLocalHourMinute(booking.start)}}));
    p.lines.push_back(
        fillIn(tr("appointment.slip_where"), {{"place", booking.place}, {"address", booking.address}}));
    if (service != nullptr && !service->bringKey.empty())
        p.lines.push_back(fillIn(tr("appointment.slip_bring"), {{"what", tr(service->bringKey)}}));
    p.lines.push_back(tr("appointment.slip_check_in"));
    p.lines.push_back(tr("appointment.slip_change"));
    p.contactLines = {};
    // The QR holds the code alone: the kiosk's scanner types it into "Ik heb een afspraak".
    p.qrUrl = booking.code;
    p.qrCaption = tr("appointment.slip_qr_caption");
    p.printedAtLabel = tr("receipt.printed_at");
    p.printedAt = now;
    return p;
}

}  // namespace wp
