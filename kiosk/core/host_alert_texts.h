// What the host console says about each alert: one table from the kind of trouble to a text key of
// content/texts ([console] alert_*). A technical message names what is wrong and says what to do, in the
// console's language ("Printer: geen papier. Leg een nieuwe rol in."); a resident's call for help has its
// own key and is drawn apart from them (a coloured banner and a chime), so the two are never confused.
// Pure; core only.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "common/clock.h"
#include "kiosk/core/host_alert_board.h"
#include "kiosk/core/texts.h"

namespace wp {

// The trouble an alert is about. A lost connection is told apart by the outbox's last error: the network
// (nothing answered), the central server (it answered with an error) or this kiosk's certificate (TLS).
enum class AlertTopic {
    HelpAsked,
    PaperOut,
    PrinterOffline,
    PrintFailed,
    NetworkDown,
    ServerError,
    CertificateRefused,
    RequestRejected,
    SmsGatewayDown,
    OutboxTooOld,
    OutOfService,
};
inline constexpr std::array kAlertTopics = {
    AlertTopic::HelpAsked,          AlertTopic::PaperOut,        AlertTopic::PrinterOffline,
    AlertTopic::PrintFailed,        AlertTopic::NetworkDown,     AlertTopic::ServerError,
    AlertTopic::CertificateRefused, AlertTopic::RequestRejected, AlertTopic::SmsGatewayDown,
    AlertTopic::OutboxTooOld,       AlertTopic::OutOfService,
};

AlertTopic alertTopic(const HostAlert& alert);
// The text key of a topic ("console.alert_paper_out"). Its placeholders: {screen} and {minutes} (help asked),
// {time} (since when: connection, outbox and SMS topics), {hours} (how long: the outbox), {reference} (a
// refused request), {detail} (the SMS gateway's last error; the admin's message of an out-of-service kiosk).
std::string_view alertTextKey(AlertTopic topic);
// The alert's sentence in language, filled in; now gives the minutes since a call for help.
std::string alertText(const HostAlert& alert, const Texts& texts, std::string_view language, TimePoint now);

}  // namespace wp
