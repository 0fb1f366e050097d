// HostShell: the host console (role host) on the host's own screen, with a mouse. It draws the frame — the
// top bar (contact point, counter and host, the clock, sign out), a resident's call for help under it
// (HelpBanner), the message line where an action's error shows — and lays out the panels of kiosk/ui/host/,
// one file pair each:
//   signed out or locked: SignInPanel (the hosts and the PIN pad) on the left;
//   signed in: CounterPanel (the ticket at this counter) over WaitingListsPanel (a column per service) over
//              FiguresPanel (today's figures) on the left;
//   always: AlertsPanel (printer, connection, outbox) on the right, and while signed in, under it,
//           AppointmentsPanel (today's appointments, with an appointment board attached), "Afspraak maken"
//           (BookingPanel, which opens in the place of the left's panels) and HandTicketsPanel (adding a
//           ticket by hand), the latter's buttons kept in one place.
//
// The panels draw from the snapshot that refresh() reads (HostConsole), so no frame touches the database;
// their actions go straight to HostDesk. UI thread only.
#pragma once

#include "common/bundle.h"
#include "kiosk/core/host_alert_board.h"
#include "kiosk/core/host_desk.h"
#include "kiosk/core/texts.h"
#include "kiosk/ui/host/alerts_panel.h"
#include "kiosk/ui/host/appointments_panel.h"
#include "kiosk/ui/host/booking_panel.h"
#include "kiosk/ui/host/counter_panel.h"
#include "kiosk/ui/host/figures_panel.h"
#include "kiosk/ui/host/hand_tickets_panel.h"
#include "kiosk/ui/host/help_banner.h"
#include "kiosk/ui/host/host_console.h"
#include "kiosk/ui/host/sign_in_panel.h"
#include "kiosk/ui/host/waiting_lists_panel.h"
#include "kiosk/ui/ui.h"

namespace wp::ui {

class HostShell {
  public:
    HostShell(const Bundle& bundle, const Texts& texts, HostDesk& desk, HostAlertBoard& alerts,
              const Clock& clock)
        : console_(bundle, texts, desk, alerts, clock) {}

    // Re-reads the desk and the alerts. Returns true when something shown changed.
    bool refresh() { return console_.refresh(); }
    // Appointments made by the host (null: this console has no central server to book at).
    void attachBooking(AppointmentBooking* booking) { booking_.attach(booking); }
    // Today's appointments on the console (see HostConsole::attachAppointments).
    void attachAppointments(AppointmentBoard* board) { console_.attachAppointments(board); }
    // A shortcut key pressed ("Enter", "F2"): true when the console has an action for it now (a host is
    // signed in); the action runs in the next frame.
    bool shortcut(std::string_view key);
    // Call between ImGui::NewFrame and ImGui::Render.
    void drawFrame(Ui& ui, float width, float height);

  private:
    // Returns where the bar ends.
    float drawTopBar(Ui& ui, float width);

    HostConsole console_;
    SignInPanel signIn_;
    CounterPanel counter_;
    WaitingListsPanel waitingLists_;
    FiguresPanel figures_;
    AlertsPanel alerts_;
    AppointmentsPanel appointments_;
    HandTicketsPanel handTickets_;
    BookingPanel booking_;
    HelpBanner helpBanner_;
};

}  // namespace wp::ui
