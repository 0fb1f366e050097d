// HostShell: the host console (role host) on the host's own screen, with a mouse. Sign in by name and PIN;
// then, per service, who waits and how long, the tickets at this counter with what can be done to them
// (a waiting ticket chosen in the list can be called, removed or sent to another service), the alerts that
// must not be missed (a resident asking for help, printer trouble, the connection to the central server),
// adding a ticket by hand with or without a printed slip (the number then shows big, to write down when no
// slip came out), and today's figures. A service's list longer than its column pages ("Vorige H", "Meer H"
// under it); a ticket chosen near the bottom moves up so its actions show.
//
// It draws from a snapshot that refresh() reads from HostDesk and HostAlertBoard (the role calls it every
// second and the shell after each action), so no frame touches the database. Actions go straight to
// HostDesk; their errors show in one line at the top. The PIN being typed is wiped after every attempt.
// UI thread only.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/bundle.h"
#include "kiosk/core/host_alert_board.h"
#include "kiosk/core/host_desk.h"
#include "kiosk/core/texts.h"
#include "kiosk/ui/ui.h"

namespace wp::ui {

class HostShell {
  public:
    HostShell(const Bundle& bundle, const Texts& texts, HostDesk& desk, HostAlertBoard& alerts,
              const Clock& clock)
        : bundle_(bundle), texts_(texts), desk_(desk), alerts_(alerts), clock_(clock) {}

    // Re-reads the desk and the alerts. Returns true when something shown changed.
    bool refresh();
    // Call between ImGui::NewFrame and ImGui::Render.
    void drawFrame(Ui& ui, float width, float height);

  private:
    const std::string& tr(std::string_view key) const {
        return texts_.get(bundle_.settings.session.defaultLanguage, key);
    }
    std::string serviceName(const std::string& id) const;
    std::string prefixOf(const std::string& id) const;
    void report(const Status& s);
    void drawSignIn(Ui& ui, Rect area);
    void drawPinPad(Ui& ui, Rect area);
    // Returns where the counter's box ends.
    float drawCounter(Ui& ui, Rect area);
    void drawLines(Ui& ui, Rect area);
    void drawAlerts(Ui& ui, Rect area);
    // Adding a ticket by hand, per service with or without a slip, and the latest number added, big; at the
    // bottom of area. Returns the height it takes (draw = false only measures).
    float drawHandTickets(Ui& ui, Rect area, bool draw);
    void drawFigures(Ui& ui, Rect area);

    const Bundle& bundle_;
    const Texts& texts_;
    HostDesk& desk_;
    HostAlertBoard& alerts_;
    const Clock& clock_;

    // The snapshot drawn.
    HostDesk::State state_ = HostDesk::State::SignedOut;
    std::optional<TimePoint> lockedUntil_;
    std::vector<ServiceLine> lines_;
    std::vector<Ticket> atCounter_;
    std::vector<ServiceFigures> figures_;
    std::string fingerprint_;  // of the snapshot, to tell whether it changed

    // What the host is doing on screen.
    std::string chosenHost_;       // sign-in: the host whose PIN is being typed
    std::string pin_;              // digits typed so far; wiped after each attempt
    std::string message_;          // the last error or PIN message
    std::int64_t selected_ = 0;    // a waiting or parked ticket chosen in a list
    bool revealSelected_ = false;  // just chosen: page its list so the ticket and its actions show
    // Per service, the first row its list shows: a list longer than its column pages with "Vorige" and
    // "Meer" under it (rows: the waiting tickets with the chosen one's actions, then parked and no-shows).
    std::map<std::string, int> firstRow_;
    bool refreshPending_ = false;  // an action ran: re-read once the frame is drawn
};

}  // namespace wp::ui
