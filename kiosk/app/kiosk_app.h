// runKiosk: one kiosk process — the bundle, the window and its event loop, and the role it runs (walk-in,
// host console or now-serving display: kiosk/app/role.h), optionally driven by a script (script_runner.h).
//
// Rendering is driven by events: with nothing happening the loop sleeps in SDL_WaitEventTimeout and draws
// only when what is shown changes (a tap, a key, a worker thread's wake-up, the role's timed state such as
// the clock's minute or the idle countdown). Under a script it draws every turn so steps can count frames.
// The process owns the bundle, the clock, SDL, the window, the renderer, the ImGui context and the role, in
// that order, and they end in reverse: the role (and its worker threads) first, SDL last.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "common/clock.h"

namespace wp {

struct KioskOptions {
    std::filesystem::path config;
    std::string role = "walkin";
    bool windowed = false;
    std::filesystem::path script;
    std::filesystem::path screenshotDir = ".";
    std::filesystem::path speechLog;
    std::filesystem::path scriptLog;  // timestamps of every script step (benches)
    std::filesystem::path clockFile;
    // The script clock's first moment, as local time in Europe/Amsterdam (a test's fixed day and hour).
    std::optional<TimePoint> clockStart;
    // Overrides the settings' data_dir (the kiosk database), for tests and the demo.
    std::filesystem::path dataDir;
    // Overrides the settings' host counter (several host consoles at one contact point).
    std::string counter;
    // Leave after this many presented frames (start-up measurements); 0 = run until closed.
    int exitAfterFrames = 0;
};

// What runKiosk returns when an admin's restart command ended it: main() then starts the program again.
inline constexpr int kRestartExitCode = 75;

// Runs the kiosk until its window is closed or its script ends. Returns the process exit code:
// 0 on success, 1 when the script failed, 2 when the bundle, the identity or the window could not be set
// up, kRestartExitCode when it is to start again.
int runKiosk(const KioskOptions& options);

}  // namespace wp
