// wijkpuntctl's subcommands that talk to the central server, each run to its exit code (command_line.h):
// what people read goes to out, why something failed goes to err. Waiting for a kiosk (command --wait,
// screenshot, logs) polls the command every pollInterval on clock until it is done or failed, or the wait
// is over; tests give a fake clock and a sleep that advances it.
#pragma once

#include <chrono>
#include <functional>
#include <ostream>

#include "common/clock.h"
#include "provisioning/wijkpuntctl/command_line.h"
#include "provisioning/wijkpuntctl/fleet_client.h"

namespace wp::ctl {

struct CtlContext {
    FleetClient& client;
    std::ostream& out;
    std::ostream& err;
    const Clock& clock;
    std::function<void(std::chrono::milliseconds)> sleep;
    std::chrono::milliseconds pollInterval{1000};
};

// Runs c (any verb but host-pin).
int runFleetCommand(const CtlCommand& c, CtlContext& ctx);

// The kiosk-side commands (kiosk_commands.cpp): command, screenshot, logs.
int runKioskCommand(const CtlCommand& c, CtlContext& ctx);
int runScreenshot(const CtlCommand& c, CtlContext& ctx);
int runLogs(const CtlCommand& c, CtlContext& ctx);

// Prints "wijkpuntctl <verb>: <why>" to err; returns kExitRefused.
int failed(CtlContext& ctx, const char* verb, const Status& why);

}  // namespace wp::ctl
