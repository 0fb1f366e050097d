// The fleet view's rules: missing after missed heartbeats on the injected clock, printer and outbox trouble,
// revoked and expiring kiosks, config kiosks beside enrolled ones, and kiosk names.
#include "central/fleet_view.h"

#include <gtest/gtest.h>

namespace wp {
namespace {

using namespace std::chrono_literals;

const TimePoint kNow = *parseRfc3339("2026-12-07T09:00:00Z");

KioskHealth healthAt(TimePoint at) {
    KioskHealth h;
    h.receivedAt = at;
    h.printerState = "ready";
    return h;
}

FleetKiosk enrolled(const std::string& code, TimePoint enrolledAt, TimePoint notAfter) {
    FleetKiosk k;
    k.contactPoint = "SGN";
    k.kioskCode = code;
    k.enrollment = EnrolledKiosk{1,      "SGN",    code,       "CN=kiosk-SGN-" + code + ",O=Wijkpunt",
                                 "0A1B", notAfter, enrolledAt, std::nullopt};
    return k;
}

TEST(FleetViewTest, AKioskIsMissingAfterThreeMissedHeartbeats) {
    FleetRules rules;  // 60 s, 3 missed
    FleetKiosk k = enrolled("23", kNow - 1h, kNow + 60 * 24h);
    k.health = healthAt(kNow - 179s);
    auto entries = fleetEntries({k}, {}, {}, rules, kNow);
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].name, "SGN-23");
    EXPECT_FALSE(entries[0].missing);
    EXPECT_TRUE(entries[0].trouble.empty());
    EXPECT_EQ(entries[0].lastHeard, kNow - 179s);

    entries = fleetEntries({k}, {}, {}, rules, kNow + 1s);
    EXPECT_TRUE(entries[0].missing);
    EXPECT_EQ(entries[0].trouble, std::vector<std::string>{"missing"});

    // Never heard: counted from the enrollment.
    FleetKiosk fresh = enrolled("24", kNow - 2min, kNow + 60 * 24h);
    EXPECT_FALSE(fleetEntries({fresh}, {}, {}, rules, kNow)[0].missing);
    EXPECT_TRUE(fleetEntries({fresh}, {}, {}, rules, kNow + 1min)[0].missing);
}

TEST(FleetViewTest, PrinterOutboxServiceAndCertificateTroubleAreFlagged) {
    FleetRules rules;
    FleetKiosk k = enrolled("23", kNow - 100 * 24h, kNow + 29 * 24h);
    k.health = healthAt(kNow - 10s);
    k.health->printerState = "paper-out";
    k.health->outboxWaiting = 3;
    k.health->oldestWaitingSeconds = 30 * 60 - 5;  // 30 min - 5 s, plus 10 s since the heartbeat
    k.health->outboxRejected = 1;
    k.health->inService = false;
    EXPECT_EQ(fleetEntries({k}, {}, {}, rules, kNow)[0].trouble,
              (std::vector<std::string>{"paper-out", "outbox-stuck", "outbox-rejected", "out-of-service",
                                        "certificate-expiring"}));
    k.health->printerState = "offline";
    k.health->outboxWaiting = 0;
    EXPECT_EQ(fleetEntries({k}, {}, {}, rules, kNow)[0].trouble,
              (std::vector<std::string>{"printer-offline", "outbox-rejected", "out-of-service",
                                        "certificate-expiring"}));
    k.health->printerState = "error";
    EXPECT_EQ(fleetEntries({k}, {}, {}, rules, kNow)[0].trouble[0], "printer-error");
}

TEST(FleetViewTest, ConfigKiosksComeFirstAndRevokedKiosksShowOnlyThat) {
    FleetRules rules;
    FleetKiosk heard;
    heard.contactPoint = "SGN";
    heard.kioskCode = "K2";
    heard.health = healthAt(kNow - 5s);
    FleetKiosk stale;  // a kiosk that left the config: not shown
    stale.contactPoint = "SGN";
    stale.kioskCode = "K9";
    stale.health = healthAt(kNow - 5s);
    FleetKiosk mine = enrolled("23", kNow - 1h, kNow + 80 * 24h);
    mine.health = healthAt(kNow - 5s);
    std::vector<KioskIdentity> config = {{"CN=kiosk-K2,O=Wijkpunt", "K2", "SGN"},
                                         {"CN=kiosk-K4,O=Wijkpunt", "K4", "VKA"}};
    std::vector<KioskRevocation> revoked = {{1, "", "0a:1b", kNow}};
    auto entries = fleetEntries({heard, mine, stale}, config, revoked, rules, kNow);
    ASSERT_EQ(entries.size(), 3u);
    EXPECT_EQ(entries[0].name, "SGN-K2");
    EXPECT_FALSE(entries[0].enrollment);
    EXPECT_TRUE(entries[0].trouble.empty());
    EXPECT_EQ(entries[1].name, "VKA-K4");
    EXPECT_EQ(entries[1].trouble, std::vector<std::string>{"missing"});  // never heard
    EXPECT_EQ(entries[2].name, "SGN-23");
    EXPECT_TRUE(entries[2].revoked);  // by its serial
    EXPECT_EQ(entries[2].trouble, std::vector<std::string>{"revoked"});

    revoked = {{1, "CN=kiosk-K4,O=Wijkpunt", "", kNow}};
    EXPECT_TRUE(fleetEntries({}, config, revoked, rules, kNow)[1].revoked);
}

TEST(FleetViewTest, KioskNamesAreLettersDashCode) {
    EXPECT_EQ(fleetKioskName("SGN", "K3"), "SGN-K3");
    auto name = parseFleetKioskName("SGN-K3");
    ASSERT_TRUE(name);
    EXPECT_EQ(name->first, "SGN");
    EXPECT_EQ(name->second, "K3");
    EXPECT_FALSE(parseFleetKioskName("SGN-K"));
    EXPECT_FALSE(parseFleetKioskName("SGNK3"));
    EXPECT_FALSE(parseFleetKioskName("SGN-K0"));  // 0 is not in the alphabet
    EXPECT_FALSE(parseFleetKioskName("sgn-k3"));
}

}  // namespace
}  // namespace wp
