#include "central/appointment_mailer.h"

#include <date/date.h>
#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <climits>

#include "central/appointment_mail.h"
#include "central/backoffice/account_commands.h"
#include "central/backoffice/staff_credentials.h"
#include "central/team_notifier.h"
#include "common/log.h"

namespace wp {

namespace {

const date::time_zone* amsterdam() {
    static const date::time_zone* zone = date::locate_zone("Europe/Amsterdam");
    return zone;
}

AppointmentMailKind mailKindOf(BookingEmailKind kind) {
    switch (kind) {
        case BookingEmailKind::Confirmation:
            return AppointmentMailKind::Confirmation;
        case BookingEmailKind::Reminder:
            return AppointmentMailKind::Reminder;
        case BookingEmailKind::Cancelled:
            return AppointmentMailKind::Cancellation;
    }
    return AppointmentMailKind::Confirmation;
}

// The invitation's SEQUENCE: the seconds between the booking's making and its last change, so every change
// of its time raises it; a cancellation one more than that.
int sequenceOf(const Booking& b, BookingEmailKind kind) {
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(b.updatedAt - b.createdAt).count();
    const int base = static_cast<int>(std::clamp<long long>(seconds, 0, INT_MAX / 2));
    return kind == BookingEmailKind::Cancelled ? base + 1 : base;
}

}  // namespace

Status CurlMailSender::send(const std::string& to, const std::string& message) {
    return sendSmtpMessage(config_, to, message);
}

std::optional<TimePoint> reminderDueAt(TimePoint start, TimePoint now, int reminderHour) {
    const auto localStart =
        date::make_zoned(amsterdam(), std::chrono::floor<std::chrono::seconds>(start)).get_local_time();
    const date::local_days day = std::chrono::floor<date::days>(localStart);
    const TimePoint dayBegins = date::make_zoned(amsterdam(), day, date::choose::earliest).get_sys_time();
    if (now >= dayBegins) return std::nullopt;
    const TimePoint due =
        date::make_zoned(amsterdam(), day - date::days(1) + std::chrono::hours(reminderHour),
                         date::choose::earliest)
            .get_sys_time();
    return std::max(due, now);
}

AppointmentMailer::AppointmentMailer(const CentralConfig& config, AppointmentStore& store, MailSender& sender,
                                     const Clock& clock, Options options)
    : config_(config),
      store_(store),
      sender_(sender),
      clock_(clock),
      retry_{options.firstRetry, options.maxRetry, options.maxAttempts},
      loop_(options.poll, [this] { runOnce(); }) {}

void AppointmentMailer::start() {
    if (config_.smtp.url.empty()) {
        log::info("appointment e-mails: no [smtp] in the config, so none are sent");
        return;
    }
    loop_.start();
}

void AppointmentMailer::wake() {
    loop_.wake();
}

Result<std::string> AppointmentMailer::messageOf(const BookingEmailJob& job, TimePoint now) {
    const Booking& b = job.booking;
    if (b.personalDataWiped || b.email.empty()) return Status::notFound("the booking has no e-mail address");
    if (job.kind != BookingEmailKind::Cancelled) {
        if (b.state == BookingState::Cancelled) return Status::notFound("the booking is cancelled");
        if (b.state != BookingState::Booked) return Status::notFound("the resident has come or not come");
        if (b.start <= now) return Status::notFound("the appointment has begun");
    }
    AppointmentMail mail;
    mail.kind = mailKindOf(job.kind);
    mail.code = b.code;
    mail.service = b.service;
    mail.place = b.place;
    mail.address = b.address;
    mail.start = b.start;
    mail.end = b.end;
    mail.language = b.language;
    mail.to = b.email;
    mail.sequence = sequenceOf(b, job.kind);
    if (job.kind != BookingEmailKind::Cancelled) {
        const std::string token = randomToken();
        if (Status s = store_.addCancelToken(b.id, hashSecretToken(token), now); !s) return s;
        std::string base = backOfficeBase(config_);
        while (!base.empty() && base.back() == '/') base.pop_back();
        mail.cancelLink = base + "/afspraak/annuleren/" + token;
    }
    return appointmentMailMessage(mail, config_.smtp.from, now,
                                  mailDomain(backOfficeBase(config_), config_.smtp.from));
}

int AppointmentMailer::runOnce() {
    int sent = 0;
    for (;;) {
        auto due = store_.dueBookingEmails(clock_.now(), 32);
        if (!due) {
            log::error("appointment e-mails: {}", due.status().message());
            return sent;
        }
        if (due->empty()) return sent;
        for (const BookingEmailJob& job : *due) {
            const TimePoint now = clock_.now();
            auto message = messageOf(job, now);
            if (!message && message.status().code() == Status::Code::NotFound) {
                log::info("appointment e-mail {} ({}, {}) not sent: {}", job.id, job.booking.code,
                          toString(job.kind), message.status().message());
                (void)store_.bookingEmailFailed(job.id, "not sent: " + message.status().message(), now, true);
                continue;
            }
            Status s = message ? sender_.send(job.booking.email, message.value()) : message.status();
            if (s) {
                (void)store_.bookingEmailSent(job.id, clock_.now());
                ++sent;
                continue;
            }
            const int attempts = job.attempts + 1;
            const bool gaveUp = retry_.givesUpAfter(attempts);
            const Millis delay = retry_.delayAfter(attempts);
            log::write(gaveUp ? log::Level::Error : log::Level::Warning,
                       fmt::format("appointment e-mail {} ({}, {}) failed, attempt {}{}: {}", job.id,
                                   job.booking.code, toString(job.kind), attempts,
                                   gaveUp ? ", giving up" : "", s.message()));
            (void)store_.bookingEmailFailed(job.id, s.message(), now + delay, gaveUp);
        }
        if (loop_.stopping()) return sent;
    }
}

}  // namespace wp
