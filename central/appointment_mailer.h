// AppointmentMailer: the e-mails a resident gets about a booking that has an e-mail address
// (central/appointment_mail.h): a confirmation when it is booked or moved, a reminder the day before, a
// cancellation when it is cancelled.
//
// The jobs are the store's (AppointmentStore: queued, moved and dropped in the transaction that books,
// changes, cancels or wipes the booking). The mailer's thread (JobWakeLoop) sends the due ones and
// reschedules failures with exponential backoff on the injected clock (RetryPolicy: 2 s, 4 s, 8 s ... at most
// 15 minutes; given up after 12 attempts, left visible in the store), like TeamNotifier. At send time it
// reads the booking as it is now: a reminder or confirmation of a booking that is cancelled, wiped, checked
// in, without an address or already begun is not sent (the job is closed with the reason), so no reminder
// ever reaches a cancelled or deleted booking. Each confirmation and reminder carries a fresh cancel link
// ([backoffice] public_url + /afspraak/annuleren/TOKEN): the token is random and only its hash is stored with
// the booking. An e-mail may be sent twice after a crash between sending and recording (at-least-once).
#pragma once

#include <optional>
#include <string>

#include "central/central_config.h"
#include "central/durable_job_runner.h"
#include "central/store/appointment_store.h"
#include "common/clock.h"
#include "common/status.h"

namespace wp {

class MailSender {
  public:
    virtual ~MailSender() = default;
    // Sends one whole message (RFC 5322, CRLF) to one address; an error Status says why it did not go.
    virtual Status send(const std::string& to, const std::string& message) = 0;
};

// The real one: SMTP through libcurl with [smtp]'s URL, sender, credentials and TLS rule (sendSmtpMessage,
// central/team_notifier.h).
class CurlMailSender final : public MailSender {
  public:
    explicit CurlMailSender(const CentralConfig& config) : config_(config) {}
    Status send(const std::string& to, const std::string& message) override;

  private:
    const CentralConfig& config_;
};

// When the reminder of an appointment starting at start is due: reminderHour (0..23) o'clock local time on
// the day before; at now when that moment has passed but the appointment's own day has not begun; nullopt
// (no reminder) for a booking made on the appointment's day or later.
std::optional<TimePoint> reminderDueAt(TimePoint start, TimePoint now, int reminderHour);

class AppointmentMailer {
  public:
    struct Options {
        Millis poll{200};  // how often (real time) the injected clock is compared with due times
        Millis firstRetry{2000};
        Millis maxRetry{15 * 60 * 1000};
        int maxAttempts = 12;
    };
    AppointmentMailer(const CentralConfig& config, AppointmentStore& store, MailSender& sender,
                      const Clock& clock, Options options);
    // Starts the thread; without [smtp] url it starts none and the jobs stay queued.
    void start();
    // Asks the thread to look now (after a booking or a cancellation).
    void wake();
    // Works off every job due at the clock's now; returns how many e-mails were sent. For tests and the
    // thread.
    int runOnce();

  private:
    // The message of job, or why it is not to be sent (closed without sending).
    Result<std::string> messageOf(const BookingEmailJob& job, TimePoint now);

    const CentralConfig& config_;
    AppointmentStore& store_;
    MailSender& sender_;
    const Clock& clock_;
    RetryPolicy retry_;
    JobWakeLoop loop_;  // last: it stops (and joins) before the rest goes
};

}  // namespace wp
