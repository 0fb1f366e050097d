#include "central/fleet_view.h"

#include <algorithm>

#include "central/kiosk_revocations.h"
#include "common/bundle.h"

namespace wp {

namespace {

bool inAlphabet(std::string_view s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return kCodeAlphabet.find(c) != std::string_view::npos; });
}

bool isRevoked(const FleetEntry& e, const std::vector<KioskRevocation>& revocations) {
    const std::string serial = e.enrollment ? normalizeSerial(e.enrollment->serial) : "";
    for (const KioskRevocation& r : revocations) {
        if (!r.subject.empty() && r.subject == e.subject) return true;
        if (!serial.empty() && !r.serial.empty() && normalizeSerial(r.serial) == serial) return true;
    }
    return e.enrollment && e.enrollment->revokedAt.has_value();
}

void judge(FleetEntry& e, const std::vector<KioskRevocation>& revocations, const FleetRules& rules,
           TimePoint now) {
    e.revoked = isRevoked(e, revocations);
    if (e.revoked) {
        e.trouble = {"revoked"};
        return;
    }
    const auto silence = rules.heartbeat * rules.missingAfter;
    if (e.health)
        e.missing = now - e.health->receivedAt >= silence;
    else
        e.missing = !e.enrollment || now - e.enrollment->enrolledAt >= silence;
    if (e.missing) e.trouble.push_back("missing");
    if (e.health) {
        const KioskHealth& h = *e.health;
        if (h.printerState == "paper-out") e.trouble.push_back("paper-out");
        if (h.printerState == "offline") e.trouble.push_back("printer-offline");
        if (h.printerState == "error") e.trouble.push_back("printer-error");
        const auto oldest = std::chrono::seconds(h.oldestWaitingSeconds) +
                            std::max<TimePoint::duration>(TimePoint::duration::zero(), now - h.receivedAt);
        if (h.outboxWaiting > 0 && oldest > rules.stuckOutbox) e.trouble.push_back("outbox-stuck");
        if (h.outboxRejected > 0) e.trouble.push_back("outbox-rejected");
        if (!h.inService) e.trouble.push_back("out-of-service");
    }
    if (e.enrollment && e.enrollment->notAfter - now < rules.renewBefore)
        e.trouble.push_back("certificate-expiring");
}

}  // namespace

FleetRules fleetRulesOf(const CentralConfig& config) {
    FleetRules r;
    r.heartbeat = std::chrono::seconds(config.fleet.heartbeatSeconds);
    r.missingAfter = config.fleet.missingAfter;
    r.stuckOutbox = std::chrono::minutes(config.fleet.stuckOutboxMinutes);
    r.renewBefore = std::chrono::hours(24 * config.enrollment.renewBeforeDays);
    return r;
}

std::string fleetKioskName(const std::string& contactPoint, const std::string& kioskCode) {
    return contactPoint + "-" + kioskCode;
}

std::optional<std::pair<std::string, std::string>> parseFleetKioskName(std::string_view name) {
    if (name.size() != 6 || name[3] != '-') return std::nullopt;
    std::string_view letters = name.substr(0, 3), code = name.substr(4);
    if (!inAlphabet(letters) || !inAlphabet(code)) return std::nullopt;
    return std::make_pair(std::string(letters), std::string(code));
}

std::vector<FleetEntry> fleetEntries(const std::vector<FleetKiosk>& stored,
                                     const std::vector<KioskIdentity>& configured,
                                     const std::vector<KioskRevocation>& revocations, const FleetRules& rules,
                                     TimePoint now) {
    std::vector<FleetEntry> out;
    auto fill = [](FleetEntry& e, const FleetKiosk& k) {
        if (k.enrollment) {
            e.enrollment = k.enrollment;
            if (e.subject.empty()) e.subject = k.enrollment->subject;
        }
        e.health = k.health;
        e.openCommands = k.openCommands;
        e.lastScreenshot = k.lastScreenshot;
    };
    std::vector<bool> used(stored.size(), false);
    for (const KioskIdentity& c : configured) {
        FleetEntry e;
        e.name = fleetKioskName(c.contactPoint, c.kioskCode);
        e.contactPoint = c.contactPoint;
        e.kioskCode = c.kioskCode;
        e.subject = c.subject;
        for (size_t i = 0; i < stored.size(); ++i)
            if (stored[i].contactPoint == c.contactPoint && stored[i].kioskCode == c.kioskCode &&
                !stored[i].enrollment) {
                fill(e, stored[i]);
                used[i] = true;
            }
        out.push_back(std::move(e));
    }
    for (size_t i = 0; i < stored.size(); ++i) {
        // Records of a kiosk that is neither enrolled nor in the config (any more) are left out.
        if (used[i] || !stored[i].enrollment) continue;
        FleetEntry e;
        e.name = fleetKioskName(stored[i].contactPoint, stored[i].kioskCode);
        e.contactPoint = stored[i].contactPoint;
        e.kioskCode = stored[i].kioskCode;
        fill(e, stored[i]);
        out.push_back(std::move(e));
    }
    for (FleetEntry& e : out) {
        if (e.health) e.lastHeard = e.health->receivedAt;
        judge(e, revocations, rules, now);
    }
    return out;
}

}  // namespace wp
