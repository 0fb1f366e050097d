#include "kiosk/core/host_alert_texts.h"

#include <chrono>

namespace wp {

namespace {

// The outbox's last error starts with how the attempt failed: "HTTP 503" when the server answered,
// "tls: ..." when the handshake failed, "connect: ...", "timeout: ..." when nothing answered.
AlertTopic connectionTopic(std::string_view lastError) {
    if (lastError.starts_with("HTTP ")) return AlertTopic::ServerError;
    if (lastError.starts_with("tls")) return AlertTopic::CertificateRefused;
    return AlertTopic::NetworkDown;
}

}  // namespace

AlertTopic alertTopic(const HostAlert& alert) {
    switch (alert.kind) {
        case HostAlertKind::ResidentAsksForHost:
            return AlertTopic::HelpAsked;
        case HostAlertKind::PrinterPaperOut:
            return AlertTopic::PaperOut;
        case HostAlertKind::PrinterOffline:
            return AlertTopic::PrinterOffline;
        case HostAlertKind::PrintFailed:
            return AlertTopic::PrintFailed;
        case HostAlertKind::ConnectionLost:
            return connectionTopic(alert.lastError);
        case HostAlertKind::RequestRejected:
            return AlertTopic::RequestRejected;
        case HostAlertKind::SmsGatewayFailing:
            return AlertTopic::SmsGatewayDown;
        case HostAlertKind::OutboxTooOld:
            return AlertTopic::OutboxTooOld;
        case HostAlertKind::OutOfService:
            return AlertTopic::OutOfService;
    }
    return AlertTopic::NetworkDown;
}

std::string_view alertTextKey(AlertTopic topic) {
    switch (topic) {
        case AlertTopic::HelpAsked:
            return "console.alert_help";
        case AlertTopic::PaperOut:
            return "console.alert_paper_out";
        case AlertTopic::PrinterOffline:
            return "console.alert_printer_offline";
        case AlertTopic::PrintFailed:
            return "console.alert_print_failed";
        case AlertTopic::NetworkDown:
            return "console.alert_network_down";
        case AlertTopic::ServerError:
            return "console.alert_server_error";
        case AlertTopic::CertificateRefused:
            return "console.alert_certificate";
        case AlertTopic::RequestRejected:
            return "console.alert_rejected";
        case AlertTopic::SmsGatewayDown:
            return "sms.console_gateway";
        case AlertTopic::OutboxTooOld:
            return "console.alert_outbox_old";
        case AlertTopic::OutOfService:
            return "console.alert_out_of_service";
    }
    return "console.alert_network_down";
}

std::string alertText(const HostAlert& alert, const Texts& texts, std::string_view language, TimePoint now) {
    const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(now - alert.since).count();
    const auto hours = std::chrono::duration_cast<std::chrono::hours>(now - alert.since).count();
    return fillIn(texts.get(language, alertTextKey(alertTopic(alert))),
                  {{"screen", alert.detail},
                   {"minutes", std::to_string(minutes)},
                   {"hours", std::to_string(hours)},
                   {"time", formatLocalHourMinute(alert.since)},
                   {"reference", alert.reference},
                   {"detail", alert.detail}});
}

}  // namespace wp
