// ResidentSession: the core state of the walk-in role — which screen the resident is on, in which
// language and theme, and the idle timer that forgets them. Screens read it and call its actions; it knows
// nothing of SDL, ImGui or storage.
//
// Everything a resident enters or chooses lives here, or outside it in a holder that registered a wipe
// listener (typed text, flow answers, a status lookup), so that wipe() forgets all of it at once: at "Begin
// opnieuw", at the idle timeout, and at the end of a flow. Not thread-safe: the UI thread owns it.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "common/bundle.h"
#include "common/clock.h"
#include "kiosk/core/host_alerts.h"
#include "kiosk/core/idle_timer.h"
#include "kiosk/core/speaker.h"
#include "kiosk/core/texts.h"
#include "kiosk/core/ticket_flow.h"

namespace wp {

class StatusLookup;  // kiosk/core/status_lookup.h
class RequestFlow;   // kiosk/core/request_flow.h

// Which screen is shown, with an optional argument (the tile a "coming soon" screen is about).
struct ScreenRef {
    std::string id;
    std::string arg;
    bool operator==(const ScreenRef&) const = default;
};

inline constexpr const char* kStartScreen = "start";
inline constexpr int kDefaultVolume = 70;

class ResidentSession {
  public:
    ResidentSession(const Bundle& bundle, const Clock& clock, Speaker& speaker, HostAlerts& alerts);

    // The queue-number flow, when this kiosk has a queue (it is wiped with the session). May be null.
    void attachTicketFlow(TicketFlow* flow) { ticketFlow_ = flow; }
    TicketFlow* ticketFlow() const { return ticketFlow_; }
    // The reference-code lookup at the central server ("Status van mijn vraag"), when this kiosk has a
    // central server. May be null: the status screen then says the data cannot be fetched now.
    void attachStatusLookup(StatusLookup* lookup) { statusLookup_ = lookup; }
    StatusLookup* statusLookup() const { return statusLookup_; }
    // The request flows (question, callback, home visit, initiative: kiosk/core/request_flow.h) that the
    // "request" screen walks. May be null. Its owner wipes it through a wipe listener.
    void attachRequestFlow(RequestFlow* flow) { requestFlow_ = flow; }
    RequestFlow* requestFlow() const { return requestFlow_; }

    // Wipe listeners: what screens and flows hold outside the session (typed TextEntry values, lookups,
    // choices) registers here and is forgotten in the same wipe — "Begin opnieuw", the idle timeout, the end
    // of a flow. Each listener runs on the UI thread inside the wipe, after the session itself is back on
    // the start screen, in the order added. The id removes it again; whoever adds a listener removes it
    // before the things it touches go (the session may outlive them). Listeners must not add or remove
    // listeners while running.
    using WipeListenerId = std::uint64_t;
    WipeListenerId addWipeListener(std::function<void()> onWipe);
    void removeWipeListener(WipeListenerId id);

    // --- what screens read
    const ScreenRef& screen() const { return stack_.back(); }
    bool canGoBack() const { return stack_.size() > 1; }
    const std::string& language() const { return language_; }
    const std::string& tr(std::string_view key) const { return texts_.get(language_, key); }
    const Texts& texts() const { return texts_; }
    const Bundle& bundle() const { return bundle_; }
    const Theme& theme() const;
    bool highContrast() const { return highContrast_; }
    bool hostNoticeShown() const { return hostNotice_; }
    int volume() const { return volume_; }
    IdleTimer::Phase idlePhase() const;
    int idleSecondsLeft() const;
    // True while nothing has been entered or chosen: the start screen in the default language.
    bool isPristine() const;
    TimePoint now() const { return clock_.now(); }
    // When something time-dependent on screen next changes, or max() when nothing is pending.
    TimePoint nextTimedChange() const;

    // --- actions (each counts as activity and restarts the idle timer)
    void open(ScreenRef screen);
    void openTile(const std::string& tileId);
    void back();
    void setLanguage(const std::string& code);
    void setHighContrast(bool on);
    void setVolume(int percent);
    void askForHost();
    void dismissHostNotice();
    void stillHere();
    // "Begin opnieuw": forget everything, back to the start screen in the default language.
    void startAgain() { wipe(); }
    // Speaks the given texts in the session's language, interrupting anything being said.
    void readAloud(const std::string& text);
    // Any tap or key counts as activity.
    void noteActivity();
    // Applies the idle timeout; returns true when it wiped the session.
    bool tick();

  private:
    void wipe();

    const Bundle& bundle_;
    const Clock& clock_;
    Speaker& speaker_;
    HostAlerts& alerts_;
    Texts texts_;
    IdleTimer idle_;

    std::vector<ScreenRef> stack_;
    std::string language_;
    bool highContrast_ = false;
    bool hostNotice_ = false;
    int volume_ = kDefaultVolume;
    TicketFlow* ticketFlow_ = nullptr;
    StatusLookup* statusLookup_ = nullptr;
    RequestFlow* requestFlow_ = nullptr;
    std::vector<std::pair<WipeListenerId, std::function<void()>>> wipeListeners_;
    WipeListenerId nextWipeListener_ = 1;
};

}  // namespace wp
