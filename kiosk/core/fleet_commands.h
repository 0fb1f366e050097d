// The admin's commands at the kiosk: FleetMailbox carries them from the heartbeat thread to the UI thread
// and carries uploads back; FleetCommandRunner runs each one when the contract allows it.
//
// Timing (never a resident's input in a picture, never a resident cut off):
// - in-service and logs run at once (the log holds no personal data: common/log.h);
// - out-of-service, screenshot and restart wait until the kiosk is between residents: the start screen with
//   nothing entered or chosen, which is also where the idle wipe leaves it (ResidentSession::isPristine).
// Each command id runs once: the mailbox drops an id it has seen, and the runner skips one whose result the
// store has (a restart's result is saved before the process goes, and reported by the next one).
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "kiosk/core/fleet.h"

namespace wp {

// Thread-safe.
class FleetMailbox {
  public:
    // Heartbeat thread: the commands of an answer. Ids seen before are dropped. Returns how many were new.
    int deliver(const std::vector<FleetCommand>& commands);
    // UI thread: the commands delivered and not yet taken.
    std::vector<FleetCommand> take();
    // UI thread: an upload to send; the heartbeat thread sends it (nextUpload) and drops it (uploaded).
    void addUpload(FleetUpload upload);
    std::optional<FleetUpload> nextUpload() const;
    void uploaded(std::int64_t id);
    // Called when something is ready to go (an upload or a result): the heartbeat sender's wake().
    void onReady(std::function<void()> ready);
    void ready();

  private:
    mutable std::mutex mutex_;
    std::set<std::int64_t> seen_;
    std::vector<FleetCommand> inbox_;
    std::deque<FleetUpload> uploads_;
    std::function<void()> ready_;
};

class FleetCommandRunner {
  public:
    // What the commands do outside core. Each may be empty: that command then fails saying so.
    struct Actions {
        std::function<Result<std::string>()> screenshotPng;  // the frame on screen now, as PNG bytes
        std::function<std::vector<std::string>()> logLines;  // the process's last log lines
        std::function<void()> restart;                       // ends the process and starts it again
    };
    FleetCommandRunner(FleetMailbox& mailbox, FleetStateStore& store, Actions actions);

    // UI thread. Takes newly delivered commands and runs those whose time has come; betweenResidents as
    // in the header comment. Returns true when the out-of-service state changed (read it with
    // outOfService()).
    bool update(bool betweenResidents);
    // The admin's message while out of service, as the store has it (read at construction and on change).
    const std::optional<std::string>& outOfService() const { return outOfService_; }
    // Commands taken and waiting for their time.
    std::size_t waiting() const { return waiting_.size(); }
    // Whether a restart was asked (then the restart action has been called).
    bool restarting() const { return restarting_; }

  private:
    // Runs one command; false when it must wait for betweenResidents.
    bool run(const FleetCommand& command, bool betweenResidents, bool& changed);
    void finish(std::int64_t id, bool ok, std::string detail);
    FleetMailbox& mailbox_;
    FleetStateStore& store_;
    Actions actions_;
    std::vector<FleetCommand> waiting_;
    std::optional<std::string> outOfService_;
    bool restarting_ = false;
};

// The last `count` lines joined with newlines (what the logs command uploads).
std::string joinLogLines(const std::vector<std::string>& lines, std::size_t count = 500);

}  // namespace wp
