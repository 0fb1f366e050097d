// HostConsole: what every panel of the host console (kiosk/ui/host/) shares — the desk and the alert board
// they act on, the snapshot they draw from, the texts in the console's language, and the one message line at
// the top where an action's error shows.
//
// refresh() reads the snapshot from HostDesk and HostAlertBoard (the role calls it every second, and the
// shell after a frame in which an action ran), so no frame touches the database. A panel reports each
// action's result with report(); the lists being drawn stay as they are until the frame is done. UI thread
// only.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/bundle.h"
#include "kiosk/core/appointment_board.h"
#include "kiosk/core/host_alert_board.h"
#include "kiosk/core/host_desk.h"
#include "kiosk/core/texts.h"

namespace wp::ui {

// What the console shows, as read by HostConsole::refresh().
struct HostSnapshot {
    HostDesk::State state = HostDesk::State::SignedOut;
    std::optional<TimePoint> lockedUntil;
    std::vector<ServiceLine> lines;
    std::vector<Ticket> atCounter;
    std::vector<ServiceFigures> figures;
    std::vector<TodayAppointment> appointments;  // today's, with an appointment board attached
};

class HostConsole {
  public:
    HostConsole(const Bundle& bundle, const Texts& texts, HostDesk& desk, HostAlertBoard& alerts,
                const Clock& clock)
        : bundle_(bundle), texts_(texts), desk_(desk), alerts_(alerts), clock_(clock) {}

    // Re-reads the desk and the alerts. Returns true when something shown changed.
    bool refresh();
    // Re-reads once when an action ran in the frame just drawn.
    void refreshIfActedOn();

    const Bundle& bundle() const { return bundle_; }
    const Texts& texts() const { return texts_; }
    HostDesk& desk() { return desk_; }
    HostAlertBoard& alerts() { return alerts_; }
    // Today's appointments and the host's no-show corrections; null when this console shows none.
    void attachAppointments(AppointmentBoard* board) { appointments_ = board; }
    AppointmentBoard* appointments() { return appointments_; }
    const Clock& clock() const { return clock_; }
    const HostSnapshot& snapshot() const { return snapshot_; }
    bool signedIn() const { return snapshot_.state == HostDesk::State::SignedIn; }

    // A text in the console's language (the settings' default language).
    const std::string& tr(std::string_view key) const {
        return texts_.get(bundle_.settings.session.defaultLanguage, key);
    }
    // A service's name in the console's language, or its id when the desk does not know it.
    std::string serviceName(const std::string& id) const;
    // A service's ticket prefix ("H"), or its id when the desk does not know it.
    std::string prefixOf(const std::string& id) const;

    // An action ran: an error shows on the message line (success clears it), and the snapshot is read again
    // once the frame is drawn.
    void report(const Status& s);
    // The message line: the last error or PIN message; empty shows none.
    const std::string& message() const { return message_; }
    void setMessage(std::string message) { message_ = std::move(message); }
    // Something changed without an error to report (a sign-in): read the snapshot again after this frame.
    void refreshAfterFrame() { refreshPending_ = true; }

    // Shortcut keys ("Enter", "F2"): the role hands a key press over with pressKey(); the panel whose action
    // it is takes it with takeKey() while drawing the next frame, and a key nobody took is dropped when the
    // frame ends (endFrame). Keys act while a host is signed in; signed out, Enter signs in from the PIN pad.
    void pressKey(std::string key) { pressedKey_ = std::move(key); }
    bool takeKey(std::string_view key);
    void endFrame() { pressedKey_.clear(); }
    // A button's label with its shortcut: "Klaar en volgende [Enter]".
    static std::string withKey(std::string_view label, std::string_view key);

  private:
    const Bundle& bundle_;
    const Texts& texts_;
    HostDesk& desk_;
    HostAlertBoard& alerts_;
    AppointmentBoard* appointments_ = nullptr;
    const Clock& clock_;
    HostSnapshot snapshot_;
    std::string fingerprint_;  // of the snapshot, to tell whether it changed
    std::string message_;
    bool refreshPending_ = false;
    std::string pressedKey_;
};

// Whole minutes, rounded down: "0" for someone who just arrived.
std::string wholeMinutes(std::chrono::seconds s);

}  // namespace wp::ui
