// Team notifications: how a team hears of a new request, by webhook (HTTPS POST) and/or e-mail
// (SMTP through libcurl).
//
// Notifications are queued in the store in the same transaction as their request, so none is lost in a crash.
// TeamNotifier's thread (JobWakeLoop) sends the due ones and reschedules failures with exponential backoff on
// the injected clock (RetryPolicy: 2 s, 4 s, 8 s ... at most 15 minutes; given up after 12 attempts, left
// visible in the store).
// Nothing personal is sent: reference, type, team, flag, time and a link to the request's back office page
// ([backoffice] public_url + /backoffice/requests/REF); the team reads the rest there, where the read is
// audited. A notification may be sent twice after a crash between sending and recording
// (at-least-once); receivers key on the reference. Webhooks are signed (central/webhook_signature.h); e-mail
// goes over TLS unless [smtp] require_tls = false.
#pragma once

#include <string_view>

#include "central/central_config.h"
#include "central/durable_job_runner.h"
#include "central/store/central_store.h"
#include "common/clock.h"

namespace wp {

class NotificationSender {
  public:
    virtual ~NotificationSender() = default;
    // Sends one notification; an error Status says why it did not arrive.
    virtual Status send(const PendingNotification& n) = 0;
};

// The real one: libcurl for webhooks (server certificate always verified, body signed with [webhook]'s
// secret) and SMTP (smtps://, or STARTTLS required on smtp:// unless [smtp] require_tls = false).
class CurlNotificationSender final : public NotificationSender {
  public:
    explicit CurlNotificationSender(const CentralConfig& config) : config_(config) {}
    Status send(const PendingNotification& n) override;

  private:
    Status sendWebhook(const PendingNotification& n);
    Status sendEmail(const PendingNotification& n);
    const CentralConfig& config_;
};

// Sends one whole message (RFC 5322, CRLF line ends) to one address through libcurl SMTP with [smtp]'s URL,
// sender, credentials and TLS rule (smtps://, or STARTTLS required on smtp:// unless require_tls = false).
// Also used for the residents' appointment e-mails (central/appointment_mailer.h).
Status sendSmtpMessage(const CentralConfig& config, const std::string& to, const std::string& message);

// The back office page of a request: publicUrl (its trailing '/' dropped) + "/backoffice/requests/" + REF.
std::string requestLink(std::string_view publicUrl, std::string_view reference);

// The webhook body and the e-mail text, with link (requestLink) to the request; exposed for tests.
std::string webhookBody(const PendingNotification& n, const std::string& link);
std::string emailMessage(const PendingNotification& n, const std::string& from, const std::string& to,
                         TimePoint now, const std::string& link);

class TeamNotifier {
  public:
    struct Options {
        Millis poll{200};  // how often (real time) the injected clock is compared with due times
        Millis firstRetry{2000};
        Millis maxRetry{15 * 60 * 1000};
        int maxAttempts = 12;
    };
    TeamNotifier(NotificationStore& store, NotificationSender& sender, const Clock& clock, Options options);
    void start();
    // Asks the thread to look now (after an intake).
    void wake();
    // Sends everything due at the clock's now; returns how many were sent. For tests and the thread.
    int runOnce();

  private:
    NotificationStore& store_;
    NotificationSender& sender_;
    const Clock& clock_;
    RetryPolicy retry_;
    JobWakeLoop loop_;  // last: it stops (and joins) before the rest goes
};

}  // namespace wp
