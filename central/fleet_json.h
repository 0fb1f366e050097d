// The fleet API's JSON (central/openapi.yaml: /v1/enroll, /v1/kiosk/*, /v1/fleet/*): a kiosk's heartbeat read
// as a tolerant reader (unknown members ignored, wrong types of known ones refused with their field), and
// commands and fleet entries as the staff API sends them. Times are RFC 3339 UTC.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "central/fleet_view.h"
#include "central/store/fleet_store.h"
#include "common/wire.h"

namespace wp {

namespace error_code {
inline constexpr std::string_view kEnrollTokenUnknown = "enroll-token-unknown";  // 403
inline constexpr std::string_view kEnrollTokenSpent = "enroll-token-spent";      // 403
inline constexpr std::string_view kEnrollTokenExpired = "enroll-token-expired";  // 403
}  // namespace error_code

struct Heartbeat {
    KioskHealth health;  // receivedAt as given to decodeHeartbeat
    std::vector<CommandResult> results;
};

// The heartbeat body; printer.state must be ready, paper-out, offline, error or none; every member is
// optional (a kiosk that leaves one out reports its zero value).
Parsed<Heartbeat> decodeHeartbeat(std::string_view body, TimePoint receivedAt);

// {"interval_s","renew","commands":[{"id","kind","message"}]}
std::string encodeHeartbeatAnswer(int intervalSeconds, bool renew, const std::vector<KioskCommand>& commands);

// {"id","kiosk","kind","message","state","detail","created","done_at","upload"}
std::string encodeCommand(const KioskCommand& command);

// One entry of GET /v1/fleet/kiosks (an object), and the whole answer {"kiosks":[...]}.
std::string encodeFleetEntry(const FleetEntry& entry);
std::string encodeFleet(const std::vector<FleetEntry>& entries);

}  // namespace wp
