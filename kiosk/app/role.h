// Role: what one kiosk process shows — the walk-in touch screen, the host console or the now-serving
// display (DESIGN.md: Deployment; each role is its own process sharing the kiosk database).
//
// The window and its event loop (kiosk_app.cpp) are the same for every role; a role draws the frames,
// does its periodic work on the UI thread, and says what on its screen changes with time so the loop can
// sleep in between. A role owns everything it is made of, declared in dependency order (the walk-in role's
// parts: kiosk/app/walkin_parts.h), so destroying it stops its worker threads before what they use goes,
// with no teardown written by hand. The bundle and clock of its RoleContext outlive it. UI thread only.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/bundle.h"
#include "common/clock.h"
#include "kiosk/ui/ui.h"

namespace wp {

struct KioskOptions;

class Role {
  public:
    virtual ~Role() = default;

    // The screen this role runs on: its size and millimetres per pixel.
    virtual const Settings::Screen& screen() const = 0;
    // The themes this role draws with (their fonts go into the atlas, no others).
    virtual std::vector<std::string> themeIds() const = 0;
    // Draws one whole frame (between ImGui::NewFrame and ImGui::Render).
    virtual void drawFrame(ui::Ui& ui, float width, float height) = 0;
    // Periodic work: timeouts, results from worker threads, reading the shared database. Returns true when
    // what the screen shows has changed.
    virtual bool update() = 0;
    // What the screen shows that changes with time (the clock's minute, a countdown): a new value redraws.
    virtual std::string timedStateKey() const = 0;
    // The longest the loop may sleep before update() runs again.
    virtual std::chrono::milliseconds updateInterval() const { return std::chrono::milliseconds(1000); }
    // Any tap, click or key.
    virtual void noteActivity() {}
    // The keypad's back key.
    virtual void back() {}
    // A shortcut key of a physical keyboard: "Enter" (only while the keypad focus is on no control) or "F1"
    // to "F12", without modifiers. Returns true when the role used it (the key then does nothing else).
    virtual bool shortcut(std::string_view /*key*/) { return false; }
    // Everything this role has said aloud, for the script runner's expect-spoken.
    virtual std::vector<std::string> spoken() const = 0;
};

// What every role is made from.
struct RoleContext {
    const KioskOptions& options;
    Bundle& bundle;
    const Clock& clock;
    // Wakes the event loop from another thread (a print result, a sound finished).
    std::function<void()> wake;
    // The frame on screen now as PNG bytes (UI thread; draws it again). Empty where there is no window.
    std::function<Result<std::string>()> framePng;
    // Ends the event loop so that the process starts itself again (runKiosk returns kRestartExitCode).
    std::function<void()> restart;
};

// The kiosk database every role of a contact point shares: DATA_DIR/kiosk.sqlite (the folder is made).
std::filesystem::path kioskDatabase(const Settings& settings);
// Wraps a database error as "cannot open the kiosk database FILE: why".
Status databaseError(const std::filesystem::path& file, const Status& why);

Result<std::unique_ptr<Role>> makeWalkinRole(RoleContext& context);
Result<std::unique_ptr<Role>> makeDisplayRole(RoleContext& context);
Result<std::unique_ptr<Role>> makeHostRole(RoleContext& context);

}  // namespace wp
