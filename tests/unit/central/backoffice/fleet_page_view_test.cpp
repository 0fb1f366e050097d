#include "central/backoffice/fleet_page_view.h"

#include <gtest/gtest.h>

#include "common/wire.h"

namespace wp {
namespace {

using namespace std::chrono_literals;

const TimePoint kNow = *parseRfc3339("2026-12-06T10:00:00Z");

FleetEntry entry(const std::string& cp, const std::string& code, std::vector<std::string> trouble) {
    FleetEntry e;
    e.contactPoint = cp;
    e.kioskCode = code;
    e.name = cp + "-" + code;
    e.subject = "CN=kiosk-" + e.name + ",O=Wijkpunt";
    e.trouble = std::move(trouble);
    return e;
}

TEST(FleetPageViewTest, SaysWhenAKioskWasLastHeardInDutch) {
    EXPECT_EQ(heardAgo(std::nullopt, kNow), "nog nooit");
    EXPECT_EQ(heardAgo(kNow - 2s, kNow), "zojuist");
    EXPECT_EQ(heardAgo(kNow - 45s, kNow), "45 sec geleden");
    EXPECT_EQ(heardAgo(kNow - 3min - 20s, kNow), "3 min geleden");
    EXPECT_EQ(heardAgo(kNow - 5h, kNow), "5 uur geleden");
    EXPECT_EQ(heardAgo(kNow - 72h, kNow), "3 dagen geleden");
}

TEST(FleetPageViewTest, NamesEveryTroubleInDutchAndKnowsThePrintersOwn) {
    for (const char* t : {"missing", "paper-out", "printer-offline", "printer-error", "outbox-stuck",
                          "outbox-rejected", "out-of-service", "revoked", "certificate-expiring"})
        EXPECT_NE(troubleLabel(t), t) << t;
    EXPECT_EQ(troubleLabel("paper-out"), "Papier op");
    EXPECT_EQ(troubleLabel("something-new"), "something-new");
    EXPECT_TRUE(isPrinterTrouble("paper-out"));
    EXPECT_TRUE(isPrinterTrouble("printer-offline"));
    EXPECT_FALSE(isPrinterTrouble("missing"));
}

TEST(FleetPageViewTest, ListsEachKioskWithItsHealthTroubleAndScreenshotLink) {
    FleetEntry k3 = entry("SGN", "K3", {"paper-out", "outbox-stuck"});
    k3.lastHeard = kNow - 3min;
    k3.health = KioskHealth{};
    k3.health->version = "1.4.0";
    k3.health->printerState = "paper-out";
    k3.health->outboxWaiting = 4;
    k3.health->outboxRejected = 1;
    k3.lastScreenshot = 12;
    FleetEntry k2 = entry("SGN", "K2", {});
    auto view = kiosksView({k3, k2}, kNow);
    EXPECT_EQ(view["count"], 2);
    EXPECT_EQ(view["withTrouble"], 1);
    const auto& row = view["kiosks"][0];
    EXPECT_EQ(row["name"], "SGN-K3");
    EXPECT_EQ(row["href"], "/backoffice/kiosks/SGN-K3");
    EXPECT_EQ(row["lastHeard"], "3 min geleden");
    EXPECT_EQ(row["printer"], "Papier op");
    EXPECT_EQ(row["outbox"], "4 wachten, 1 geweigerd");
    EXPECT_EQ(row["trouble"][1]["label"], "Aanvragen blijven hangen");
    EXPECT_EQ(row["screenshotHref"], "/backoffice/kiosks/commands/12/upload");
    EXPECT_EQ(view["kiosks"][1]["lastHeard"], "nog nooit");
    EXPECT_TRUE(view["kiosks"][1]["ok"]);
    EXPECT_FALSE(view["kiosks"][1].contains("screenshotHref"));
}

TEST(FleetPageViewTest, AKiosksPageListsItsCommandsWithTheirUploads) {
    FleetEntry k3 = entry("SGN", "K3", {});
    KioskCommand shot;
    shot.id = 7;
    shot.kind = "screenshot";
    shot.state = CommandState::Done;
    shot.uploadType = "image/png";
    shot.createdAt = kNow - 1h;
    KioskCommand off;
    off.id = 8;
    off.kind = "out-of-service";
    off.message = "Storing";
    off.state = CommandState::Queued;
    off.createdAt = kNow;
    auto view = kioskView(k3, {off, shot}, kNow);
    EXPECT_EQ(view["commandAction"], "/backoffice/kiosks/SGN-K3/command");
    EXPECT_EQ(view["revokeAction"], "/backoffice/kiosks/SGN-K3/revoke");
    EXPECT_EQ(view["commands"][0]["kind"], "Buiten dienst");
    EXPECT_EQ(view["commands"][0]["state"], "Wacht op de kiosk");
    EXPECT_FALSE(view["commands"][0].contains("uploadHref"));
    EXPECT_EQ(view["commands"][1]["uploadHref"], "/backoffice/kiosks/commands/7/upload");
    EXPECT_EQ(view["commands"][1]["uploadLabel"], "Schermafbeelding bekijken");
}

TEST(FleetPageViewTest, CountsTroubleAndPrinterTroublePerContactPoint) {
    auto view = contactPointTroubleView({entry("VLA", "22", {}), entry("SGN", "K3", {"paper-out", "missing"}),
                                         entry("SGN", "K2", {"outbox-stuck"}), entry("SGN", "K4", {})});
    ASSERT_EQ(view["contactPoints"].size(), 2u);
    EXPECT_EQ(view["troubled"], 1);
    const auto& sgn = view["contactPoints"][0];
    EXPECT_EQ(sgn["contactPoint"], "SGN");
    EXPECT_EQ(sgn["kiosks"], 3);
    EXPECT_EQ(sgn["withTrouble"], 2);
    EXPECT_EQ(sgn["printerTrouble"], 1);
    EXPECT_EQ(sgn["trouble"], "Geen contact, Papier op, Aanvragen blijven hangen");
    EXPECT_EQ(view["contactPoints"][1]["trouble"], "Geen");
    EXPECT_TRUE(view["contactPoints"][1]["ok"]);
}

}  // namespace
}  // namespace wp
