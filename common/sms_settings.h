// SmsSettings: the kiosk's local [sms] table, the Kannel gateway that sends opt-in text messages to
// residents who gave a mobile number at the kiosk (kiosk/core/sms_notifier.h).
//
// SMS is on only when the table names all four of url, username, password and sender; a missing or
// incomplete table means SMS is off and the kiosk does not offer it. Values of the wrong type or out of
// range are load errors ("file:line:col: ..."), as everywhere in the settings.
#pragma once

#include <filesystem>
#include <string>

#include "common/status.h"

namespace wp {

struct SmsSettings {
    // Kannel's HTTP sendsms interface, "http://127.0.0.1:13013/cgi-bin/sendsms" (http:// or https://).
    std::string url;
    std::string username, password;  // the sendsms-user of Kannel's smsbox
    std::string sender;              // what the resident's phone shows as the sender ("Wijkpunt")
    // The "near" message goes when this many people or fewer wait before the ticket (0..20).
    int nearAhead = 2;
    bool enabled() const { return !url.empty() && !username.empty() && !password.empty() && !sender.empty(); }
};

// Reads the [sms] table of the kiosk's settings file (the one loadSettings reads): a default SmsSettings
// (off) when there is none; every problem as "file:line:col: ..." (and the file's own syntax errors).
Result<SmsSettings> loadSmsSettings(const std::filesystem::path& settingsFile);

}  // namespace wp
