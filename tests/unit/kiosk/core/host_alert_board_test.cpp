// Host alerts: "ask the host" presses until acknowledged, printer trouble, a lost connection and
// rejected requests, most urgent first; and the board over the SQLite store shared by two "processes".
#include <gtest/gtest.h>

#include <algorithm>

#include "kiosk/core/host_alert_board.h"
#include "kiosk/store/sqlite_fleet_store.h"
#include "kiosk/store/sqlite_host_alert_store.h"
#include "tests/unit/fake_clock.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

using namespace std::chrono_literals;
using testing::FakeClock;
using testing::TempDir;

const TimePoint kNow = TimePoint(std::chrono::hours(24 * 20600));

std::vector<HostAlertKind> kinds(const std::vector<HostAlert>& alerts) {
    std::vector<HostAlertKind> out;
    for (const HostAlert& a : alerts) out.push_back(a.kind);
    return out;
}

PrinterReport printer(PrinterStatus::State state, std::vector<std::string> reasons, bool accepting = true) {
    PrinterReport r;
    r.status.state = state;
    r.status.reasons = std::move(reasons);
    r.status.acceptingJobs = accepting;
    r.statusAt = kNow - 10s;
    return r;
}

TEST(HostAlerts, NothingWrongMeansNoAlerts) {
    OutboxSnapshot ok;
    ok.delivered = 12;
    ok.lastDelivery = kNow - 1min;
    EXPECT_TRUE(hostAlerts({}, printer(PrinterStatus::State::Idle, {}), ok, kNow, {}).empty());
    EXPECT_TRUE(hostAlerts({}, std::nullopt, std::nullopt, kNow, {}).empty());
}

TEST(HostAlerts, ResidentsAskingComeFirstOldestFirst) {
    HelpRequest a{1, "ticket", kNow - 1min, kNow - 1min, 1, std::nullopt, ""};
    HelpRequest b{2, "start", kNow - 3min, kNow - 2min, 2, std::nullopt, ""};
    HelpRequest done{3, "start", kNow - 5min, kNow - 5min, 1, kNow - 4min, "Jan"};
    auto alerts = hostAlerts({a, b, done}, printer(PrinterStatus::State::Idle, {"media-empty"}), std::nullopt,
                             kNow, {});
    ASSERT_EQ(kinds(alerts), (std::vector<HostAlertKind>{HostAlertKind::ResidentAsksForHost,
                                                         HostAlertKind::ResidentAsksForHost,
                                                         HostAlertKind::PrinterPaperOut}));
    EXPECT_EQ(alerts[0].helpRequest->id, 2);
    EXPECT_EQ(alerts[0].detail, "start");
    EXPECT_EQ(alerts[0].since, kNow - 3min);
    EXPECT_EQ(alerts[1].helpRequest->id, 1);
}

TEST(HostAlerts, PrinterTrouble) {
    EXPECT_EQ(kinds(hostAlerts({}, printer(PrinterStatus::State::Stopped, {"media-needed"}), std::nullopt,
                               kNow, {})),
              std::vector<HostAlertKind>{HostAlertKind::PrinterPaperOut});
    for (const PrinterReport& off :
         {printer(PrinterStatus::State::Idle, {"offline"}),
          printer(PrinterStatus::State::Stopped, {"paused"}), printer(PrinterStatus::State::Unknown, {}),
          printer(PrinterStatus::State::Idle, {}, false)})
        EXPECT_EQ(kinds(hostAlerts({}, off, std::nullopt, kNow, {})),
                  std::vector<HostAlertKind>{HostAlertKind::PrinterOffline});

    PrinterReport failed = printer(PrinterStatus::State::Idle, {});
    failed.lastFailure = PrintOutcome::RetryLater;
    failed.lastFailureAt = kNow - 2min;
    auto alerts = hostAlerts({}, failed, std::nullopt, kNow, {});
    ASSERT_EQ(kinds(alerts), std::vector<HostAlertKind>{HostAlertKind::PrintFailed});
    EXPECT_EQ(alerts[0].since, kNow - 2min);
    EXPECT_NE(alerts[0].detail.find("retry-later"), std::string::npos);
    failed.lastSuccessAt = kNow - 1min;  // a ticket printed since
    EXPECT_TRUE(hostAlerts({}, failed, std::nullopt, kNow, {}).empty());
}

TEST(HostAlerts, ConnectionLostAfterTheGraceAndRejectedRequests) {
    OutboxSnapshot snap;
    snap.waiting = 3;
    snap.oldestWaiting = kNow - 119s;
    snap.lastError = "could not connect";
    EXPECT_TRUE(hostAlerts({}, std::nullopt, snap, kNow, {}).empty());  // within the 2-minute grace
    snap.oldestWaiting = kNow - 120s;
    auto alerts = hostAlerts({}, std::nullopt, snap, kNow, {});
    ASSERT_EQ(kinds(alerts), std::vector<HostAlertKind>{HostAlertKind::ConnectionLost});
    EXPECT_EQ(alerts[0].since, kNow - 120s);
    EXPECT_NE(alerts[0].detail.find("could not connect"), std::string::npos);

    RejectedRequest recent{
        7, "SGN-K2-7KQ4XD-3", "question", 422, {422, "invalid", "text too long", "text"}, kNow - 1h, false};
    RejectedRequest old = recent;
    old.reference = "SGN-K2-AAAAAA-2";
    old.rejectedAt = kNow - 25h;
    snap.rejected = {recent, old};
    alerts = hostAlerts({}, std::nullopt, snap, kNow, {});
    ASSERT_EQ(kinds(alerts),
              (std::vector<HostAlertKind>{HostAlertKind::ConnectionLost, HostAlertKind::RequestRejected}));
    EXPECT_EQ(alerts[1].reference, "SGN-K2-7KQ4XD-3");
    EXPECT_NE(alerts[1].detail.find("text too long"), std::string::npos);
}

// A waiting request keeps personal data on the kiosk: its age shows past 30 minutes, an alert past a day.
TEST(HostAlerts, TheOldestWaitingRequestsAgeShowsAndThenAlerts) {
    OutboxSnapshot snap;
    snap.waiting = 2;
    snap.oldestWaiting = kNow - 30min;
    EXPECT_EQ(outboxAgeToShow(snap, kNow, {}), std::nullopt);
    snap.oldestWaiting = kNow - 31min;
    EXPECT_EQ(outboxAgeToShow(snap, kNow, {}), 31min);
    snap.oldestWaiting = kNow - 23h;
    EXPECT_EQ(kinds(hostAlerts({}, std::nullopt, snap, kNow, {})),
              std::vector<HostAlertKind>{HostAlertKind::ConnectionLost});
    snap.oldestWaiting = kNow - 24h;
    auto alerts = hostAlerts({}, std::nullopt, snap, kNow, {});
    ASSERT_EQ(kinds(alerts),
              (std::vector<HostAlertKind>{HostAlertKind::ConnectionLost, HostAlertKind::OutboxTooOld}));
    EXPECT_EQ(alerts[1].since, kNow - 24h);
    HostAlertPolicy shorter;
    shorter.outboxAgeShown = 5min;
    shorter.outboxAgeAlert = 1h;
    snap.oldestWaiting = kNow - 61min;
    EXPECT_EQ(outboxAgeToShow(snap, kNow, shorter), 61min);
    EXPECT_EQ(kinds(hostAlerts({}, std::nullopt, snap, kNow, shorter)).back(), HostAlertKind::OutboxTooOld);
    snap.waiting = 0;
    EXPECT_EQ(outboxAgeToShow(snap, kNow, shorter), std::nullopt) << "nothing waits";
    EXPECT_TRUE(hostAlerts({}, std::nullopt, snap, kNow, shorter).empty());
}

TEST(HostAlertBoard, ShowsWhatTheWalkInRoleRecordsUntilAcknowledged) {
    TempDir dir;
    FakeClock clock(kNow);
    auto walkin = SqliteHostAlertStore::open(dir.path() / "kiosk.db");
    auto host = SqliteHostAlertStore::open(dir.path() / "kiosk.db");
    ASSERT_TRUE(walkin.isOk() && host.isOk());
    HostAlertBoard board(*host.value(), nullptr, clock);
    ASSERT_TRUE(board.refresh().isOk());
    EXPECT_TRUE(board.alerts().empty());
    EXPECT_FALSE(board.printer().has_value());
    EXPECT_FALSE(board.outbox().has_value());

    HostAlerts& alerts = *walkin.value();
    alerts.residentAsksForHost("ticket", clock.now());
    PrinterStatus empty;
    empty.state = PrinterStatus::State::Idle;
    empty.reasons = {"media-empty"};
    empty.acceptingJobs = true;
    ASSERT_TRUE(walkin.value()->reportPrinterStatus(empty, clock.now()).isOk());
    clock.advance(30s);
    ASSERT_TRUE(board.refresh().isOk());
    ASSERT_EQ(kinds(board.alerts()), (std::vector<HostAlertKind>{HostAlertKind::ResidentAsksForHost,
                                                                 HostAlertKind::PrinterPaperOut}));
    std::int64_t id = board.alerts()[0].helpRequest->id;
    ASSERT_TRUE(board.acknowledge(id, "Fatima").isOk());
    EXPECT_EQ(kinds(board.alerts()), std::vector<HostAlertKind>{HostAlertKind::PrinterPaperOut});
    EXPECT_EQ(board.acknowledge(id, "Jan").code(), Status::Code::Conflict);

    empty.reasons.clear();
    ASSERT_TRUE(walkin.value()->reportPrinterStatus(empty, clock.now()).isOk());
    ASSERT_TRUE(board.refresh().isOk());
    EXPECT_TRUE(board.alerts().empty());
}

TEST(HostAlertBoard, AKioskOutOfServiceIsSaidFirstAfterTheCallsForHelp) {
    TempDir dir;
    FakeClock clock(kNow);
    auto walkin = SqliteHostAlertStore::open(dir.path() / "kiosk.db");
    auto host = SqliteHostAlertStore::open(dir.path() / "kiosk.db");
    auto walkinFleet = SqliteFleetStore::open(dir.path() / "kiosk.db");
    auto hostFleet = SqliteFleetStore::open(dir.path() / "kiosk.db");
    ASSERT_TRUE(walkin.isOk() && host.isOk() && walkinFleet.isOk() && hostFleet.isOk());
    HostAlertBoard board(*host.value(), nullptr, clock);
    board.attachFleet(hostFleet.value().get());
    ASSERT_TRUE(board.refresh().isOk());
    EXPECT_TRUE(board.alerts().empty());

    ASSERT_TRUE(walkinFleet.value()->setOutOfService("Storing, kom morgen terug."));
    PrinterStatus empty;
    empty.state = PrinterStatus::State::Idle;
    empty.reasons = {"media-empty"};
    empty.acceptingJobs = true;
    ASSERT_TRUE(walkin.value()->reportPrinterStatus(empty, clock.now()).isOk());
    HostAlerts& alerts = *walkin.value();
    alerts.residentAsksForHost("out-of-service", clock.now());
    ASSERT_TRUE(board.refresh().isOk());
    ASSERT_EQ(kinds(board.alerts()),
              (std::vector<HostAlertKind>{HostAlertKind::ResidentAsksForHost, HostAlertKind::OutOfService,
                                          HostAlertKind::PrinterPaperOut}));
    EXPECT_EQ(board.alerts()[1].detail, "Storing, kom morgen terug");

    ASSERT_TRUE(walkinFleet.value()->setOutOfService(std::nullopt));
    ASSERT_TRUE(board.refresh().isOk());
    EXPECT_EQ(std::count_if(board.alerts().begin(), board.alerts().end(),
                            [](const HostAlert& a) { return a.kind == HostAlertKind::OutOfService; }),
              0);
}

TEST(HostAlertBoard, ACallForHelpRingsOnceWhenItComesAndAgainWhenPressedAgain) {
    TempDir dir;
    FakeClock clock(kNow);
    auto walkin = SqliteHostAlertStore::open(dir.path() / "kiosk.db");
    auto host = SqliteHostAlertStore::open(dir.path() / "kiosk.db");
    ASSERT_TRUE(walkin.isOk() && host.isOk());
    HostAlertBoard board(*host.value(), nullptr, clock);
    ASSERT_TRUE(board.refresh().isOk());
    EXPECT_FALSE(board.takeNewCallForHelp());

    walkin.value()->residentAsksForHost("start", clock.now());
    ASSERT_TRUE(board.refresh().isOk());
    EXPECT_TRUE(board.takeNewCallForHelp());
    EXPECT_FALSE(board.takeNewCallForHelp());
    ASSERT_TRUE(board.refresh().isOk());
    EXPECT_FALSE(board.takeNewCallForHelp());  // still open, nothing new

    clock.advance(20s);
    walkin.value()->residentAsksForHost("start", clock.now());  // the same screen, pressed again
    ASSERT_TRUE(board.refresh().isOk());
    EXPECT_TRUE(board.takeNewCallForHelp());

    ASSERT_TRUE(board.acknowledge(board.alerts()[0].helpRequest->id, "Fatima").isOk());
    EXPECT_FALSE(board.takeNewCallForHelp());
}

}  // namespace
}  // namespace wp
