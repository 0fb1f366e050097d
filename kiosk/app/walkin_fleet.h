// WalkinFleet: fleet care in the walk-in role — the heartbeat sender (drivers/net/heartbeat_sender.h) with
// the health it reports, and the runner of the admin's commands (kiosk/core/fleet_commands.h) with what
// they do in this process: a screenshot of the frame on screen, the log's last lines, a restart.
//
// The members are declared in dependency order: the sender's thread stops first, before the stores,
// the mailbox and the health it uses. The health reads its own store connections and the printer's spooler
// (thread-safe), which must outlive this. The runner and its store connection are the UI thread's.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>

#include "common/bundle.h"
#include "common/clock.h"
#include "drivers/net/heartbeat_sender.h"
#include "kiosk/core/fleet_commands.h"
#include "kiosk/core/print_spooler.h"
#include "kiosk/store/outbox_store.h"
#include "kiosk/store/sqlite_fleet_store.h"

namespace wp {

// The health as this kiosk knows it: the printer's last state from its spooler, the outbox, the free
// space of the data folder, the last error logged. Thread-safe.
class KioskHealthProbe final : public HealthSource {
  public:
    KioskHealthProbe(const Settings& settings, const Clock& clock, PrintSpooler* spooler,
                     std::unique_ptr<SqliteOutboxStore> outbox, FleetStateStore& fleet);
    KioskHealth health() override;

  private:
    const Settings& settings_;
    const Clock& clock_;
    PrintSpooler* spooler_;  // null: no printer
    std::unique_ptr<SqliteOutboxStore> outbox_;
    FleetStateStore& fleet_;
    std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

// The heartbeat's printer state from a spooler's last status ("ready", "paper-out", "offline", "error");
// "none" without a spooler.
std::string printerStateForHeartbeat(const PrintSpooler* spooler);

struct WalkinFleet {
    FleetMailbox mailbox;
    std::unique_ptr<SqliteFleetStore> store;        // UI thread: the runner's
    std::unique_ptr<SqliteFleetStore> senderStore;  // the heartbeat thread's
    std::unique_ptr<KioskHealthProbe> health;
    std::unique_ptr<FleetCommandRunner> runner;
    std::unique_ptr<HeartbeatSender> sender;  // last: stops first
};

// Starts fleet care for a walk-in role on the kiosk database dbFile, with the central server of the
// settings (api_url; without one nothing is sent, but the out-of-service state is still read). The heartbeat
// renews the certificate when the server says so or fewer than kRenewBefore remain.
inline constexpr std::chrono::hours kRenewBefore{30 * 24};
Result<std::unique_ptr<WalkinFleet>> startWalkinFleet(const Bundle& bundle, const Clock& clock,
                                                      const std::filesystem::path& dbFile,
                                                      PrintSpooler* spooler,
                                                      FleetCommandRunner::Actions actions);

}  // namespace wp
