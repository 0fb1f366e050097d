// wijkpunt-kiosk: the touch-screen kiosk of a neighbourhood contact point.
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "common/clock.h"
#include "common/log.h"
#include "kiosk/app/kiosk_app.h"

int main(int argc, char** argv) {
    wp::KioskOptions o;
    CLI::App app{"Wijkpunt kiosk: the touch screen of a neighbourhood contact point", "wijkpunt-kiosk"};
    app.add_option("--config", o.config, "The kiosk's settings file (settings.toml of its bundle)")
        ->required();
    app.add_option("--role", o.role, "Which screen this process runs")
        ->check(CLI::IsMember({"walkin", "host", "display"}))
        ->description(
            "Which screen this process runs: walkin (the touch screen), host (the host console) or "
            "display (the now-serving TV)");
    app.add_flag("--windowed", o.windowed, "Run in a window instead of full screen");
    app.add_option("--script", o.script, "Drive the kiosk from a script file and exit with its result");
    app.add_option("--screenshot-dir", o.screenshotDir, "Folder for the script's screenshots");
    app.add_option("--script-log", o.scriptLog,
                   "Append a timestamped line for every script step to this file");
    app.add_option("--speech-log", o.speechLog, "Append what the kiosk says aloud to this file");
    app.add_option("--clock-file", o.clockFile, "Share a test clock with other processes through this file");
    std::string clockStart;
    app.add_option("--clock-start", clockStart,
                   "Start the script clock at this local time, \"YYYY-MM-DD HH:MM\" (Europe/Amsterdam)");
    app.add_option("--counter", o.counter,
                   "Role host: the counter this console serves (overrides the settings)");
    app.add_option("--data-dir", o.dataDir, "Folder of the kiosk database (overrides the settings)");
    app.add_option("--exit-after-frames", o.exitAfterFrames, "Leave after this many frames (measurements)");
    CLI11_PARSE(app, argc, argv);
    wp::log::setUp("wijkpunt-kiosk");
    if (!clockStart.empty()) {
        o.clockStart = wp::parseLocalDateTime(clockStart);
        if (!o.clockStart) {
            std::fprintf(stderr, "wijkpunt-kiosk: --clock-start \"%s\" is not \"YYYY-MM-DD HH:MM\"\n",
                         clockStart.c_str());
            return 2;
        }
    }
    const int rc = wp::runKiosk(o);
    if (rc == wp::kRestartExitCode) {
        // An admin's restart: the same program with the same arguments, everything of this run ended.
        wp::log::info("starting again");
        execv("/proc/self/exe", argv);
        std::fprintf(stderr, "wijkpunt-kiosk: cannot start again: %s\n", std::strerror(errno));
        return 1;
    }
    return rc;
}
