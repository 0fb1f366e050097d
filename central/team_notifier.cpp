#include "central/team_notifier.h"

#include <curl/curl.h>
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <cstring>

#include "central/backoffice/account_commands.h"
#include "central/webhook_signature.h"
#include "common/log.h"

namespace wp {

std::string requestLink(std::string_view publicUrl, std::string_view reference) {
    while (!publicUrl.empty() && publicUrl.back() == '/') publicUrl.remove_suffix(1);
    return fmt::format("{}/backoffice/requests/{}", publicUrl, reference);
}

std::string webhookBody(const PendingNotification& n, const std::string& link) {
    return nlohmann::json{{"event", "request.received"},
                          {"reference", n.reference},
                          {"url", link},
                          {"type", n.type},
                          {"team", n.team},
                          {"flagged", n.flagged},
                          {"received_at", formatRfc3339(n.receivedAt)}}
        .dump();
}

std::string emailMessage(const PendingNotification& n, const std::string& from, const std::string& to,
                         TimePoint now, const std::string& link) {
    std::time_t t = std::chrono::system_clock::to_time_t(now);
    char date[64];
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
    std::string flag = n.flagged ? "\r\nLet op: geen routeringsregel paste; deze aanvraag kwam bij het "
                                   "standaardteam. Controleer de routeringstabel.\r\n"
                                 : "";
    return fmt::format(
        "Date: {}\r\nFrom: <{}>\r\nTo: <{}>\r\nSubject: Nieuwe aanvraag {} ({}) voor {}\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        "Er is een nieuwe aanvraag binnengekomen.\r\n\r\nReferentie: {}\r\nSoort: {}\r\nTeam: {}\r\n"
        "Ontvangen: {}\r\n{}\r\nBekijk de aanvraag in de backoffice:\r\n{}\r\n",
        date, from, to, n.reference, n.type, n.team, n.reference, n.type, n.team, formatRfc3339(n.receivedAt),
        flag, link);
}

namespace {

struct CurlGlobal {
    CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
};

void ensureCurl() {
    static CurlGlobal once;
}

size_t discard(char*, size_t size, size_t n, void*) {
    return size * n;
}

struct Upload {
    const std::string* text;
    size_t pos = 0;
};

size_t readUpload(char* buffer, size_t size, size_t n, void* user) {
    auto* u = static_cast<Upload*>(user);
    size_t len = std::min(size * n, u->text->size() - u->pos);
    std::memcpy(buffer, u->text->data() + u->pos, len);
    u->pos += len;
    return len;
}

}  // namespace

Status CurlNotificationSender::send(const PendingNotification& n) {
    if (n.channel == "webhook") return sendWebhook(n);
    if (n.channel == "email") return sendEmail(n);
    return Status::invalidInput(fmt::format("unknown channel '{}'", n.channel));
}

Status CurlNotificationSender::sendWebhook(const PendingNotification& n) {
    ensureCurl();
    CURL* curl = curl_easy_init();
    if (curl == nullptr) return Status::internal("curl_easy_init failed");
    std::string body = webhookBody(n, requestLink(backOfficeBase(config_), n.reference));
    const std::int64_t now =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    const std::string timestamp = fmt::format("{}: {}", kWebhookTimestampHeader, now);
    const std::string signature =
        fmt::format("{}: {}", kWebhookSignatureHeader, webhookSignature(config_.webhook.secret, now, body));
    curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
    headers = curl_slist_append(headers, timestamp.c_str());
    headers = curl_slist_append(headers, signature.c_str());
    curl_easy_setopt(curl, CURLOPT_URL, n.target.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "https");
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_2);
    if (!config_.webhook.caFile.empty())
        curl_easy_setopt(curl, CURLOPT_CAINFO, config_.webhook.caFile.c_str());
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(config_.webhook.timeoutSeconds));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 5L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard);
    CURLcode rc = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    if (rc != CURLE_OK)
        return Status::unavailable(fmt::format("webhook {}: {}", n.target, curl_easy_strerror(rc)));
    if (status < 200 || status > 299)
        return Status::unavailable(fmt::format("webhook {}: HTTP {}", n.target, status));
    return Status::ok();
}

Status CurlNotificationSender::sendEmail(const PendingNotification& n) {
    if (config_.smtp.url.empty()) return Status::invalidInput("no [smtp] in the config");
    return sendSmtpMessage(config_, n.target,
                           emailMessage(n, config_.smtp.from, n.target, std::chrono::system_clock::now(),
                                        requestLink(backOfficeBase(config_), n.reference)));
}

Status sendSmtpMessage(const CentralConfig& config, const std::string& to, const std::string& message) {
    if (config.smtp.url.empty()) return Status::invalidInput("no [smtp] in the config");
    ensureCurl();
    CURL* curl = curl_easy_init();
    if (curl == nullptr) return Status::internal("curl_easy_init failed");
    Upload upload{&message};
    std::string from = "<" + config.smtp.from + ">";
    std::string rcptTo = "<" + to + ">";
    curl_slist* rcpt = curl_slist_append(nullptr, rcptTo.c_str());
    curl_easy_setopt(curl, CURLOPT_URL, config.smtp.url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, readUpload);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    if (config.smtp.requireTls) curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    if (!config.smtp.username.empty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, config.smtp.username.c_str());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, config.smtp.password.c_str());
    }
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 5L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    CURLcode rc = curl_easy_perform(curl);
    curl_slist_free_all(rcpt);
    curl_easy_cleanup(curl);
    if (rc != CURLE_OK) return Status::unavailable(fmt::format("e-mail: {}", curl_easy_strerror(rc)));
    return Status::ok();
}

TeamNotifier::TeamNotifier(NotificationStore& store, NotificationSender& sender, const Clock& clock,
                           Options options)
    : store_(store),
      sender_(sender),
      clock_(clock),
      retry_{options.firstRetry, options.maxRetry, options.maxAttempts},
      loop_(options.poll, [this] { runOnce(); }) {}

void TeamNotifier::start() {
    loop_.start();
}

void TeamNotifier::wake() {
    loop_.wake();
}

int TeamNotifier::runOnce() {
    int sent = 0;
    for (;;) {
        auto due = store_.dueNotifications(clock_.now(), 32);
        if (!due) {
            log::error("notifications: {}", due.status().message());
            return sent;
        }
        if (due->empty()) return sent;
        for (const auto& n : *due) {
            Status s = sender_.send(n);
            TimePoint now = clock_.now();
            if (s) {
                (void)store_.notificationDelivered(n.id, now);
                ++sent;
                continue;
            }
            const int attempts = n.attempts + 1;
            const bool gaveUp = retry_.givesUpAfter(attempts);
            const Millis delay = retry_.delayAfter(attempts);
            log::write(gaveUp ? log::Level::Error : log::Level::Warning,
                       fmt::format("notification {} ({}, {}) failed, attempt {}{}: {}", n.id, n.reference,
                                   n.channel, attempts, gaveUp ? ", giving up" : "", s.message()));
            (void)store_.notificationFailed(n.id, s.message(), now + delay, gaveUp);
        }
        if (loop_.stopping()) return sent;
    }
}

}  // namespace wp
