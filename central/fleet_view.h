// The fleet as admins see it (GET /v1/fleet/kiosks, `wijkpuntctl kiosks`, the back office's fleet pages):
// every kiosk of the config and of the store, each with its latest heartbeat and the trouble the rules find.
//
// Trouble, in this order: "missing" (not heard for missingAfter x heartbeat; a kiosk never heard counts from
// its enrollment, a kiosk of the config that was never heard is missing at once), "paper-out",
// "printer-offline", "printer-error" (the printer state of its heartbeat), "outbox-stuck" (the oldest waiting
// item, aged since the heartbeat, is older than stuckOutbox), "outbox-rejected" (the server refused items),
// "out-of-service", "revoked" (a revoked kiosk shows this alone: it is expected to be silent) and
// "certificate-expiring" (an enrolled kiosk whose certificate has less than renewBefore left). Every time is
// on the injected clock. Plain functions of their inputs.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "central/central_config.h"
#include "central/store/central_store.h"

namespace wp {

struct FleetRules {
    std::chrono::seconds heartbeat{60};
    int missingAfter = 3;
    std::chrono::minutes stuckOutbox{30};
    std::chrono::hours renewBefore{30 * 24};
};

// [fleet] and [enrollment] renew_before_days.
FleetRules fleetRulesOf(const CentralConfig& config);

// "SGN-K3".
std::string fleetKioskName(const std::string& contactPoint, const std::string& kioskCode);
// "SGN-K3" -> ("SGN", "K3"); nullopt when it is not three letters, '-', two characters of kCodeAlphabet.
std::optional<std::pair<std::string, std::string>> parseFleetKioskName(std::string_view name);

struct FleetEntry {
    std::string name;  // "SGN-K3"
    std::string contactPoint, kioskCode;
    std::string subject;                      // its certificate's subject
    std::optional<EnrolledKiosk> enrollment;  // nullopt: a kiosk of the config
    std::optional<KioskHealth> health;        // the latest heartbeat; nullopt: never heard
    std::optional<TimePoint> lastHeard;
    bool missing = false;
    bool revoked = false;
    std::vector<std::string> trouble;
    std::vector<KioskCommand> openCommands;
    std::optional<std::int64_t> lastScreenshot;  // the newest screenshot command with its upload
};

// The config's kiosks first, in config order, then the store's by contact point and code. A kiosk of the
// config with records in the store gets them; revoked: by subject (any kiosk) or by serial (enrolled ones).
std::vector<FleetEntry> fleetEntries(const std::vector<FleetKiosk>& stored,
                                     const std::vector<KioskIdentity>& configured,
                                     const std::vector<KioskRevocation>& revocations, const FleetRules& rules,
                                     TimePoint now);

}  // namespace wp
