// ContactPointPrinter: the contact point's ticket printer as one role process uses it — the CUPS printer
// named in the settings ([printer]) behind this process's own PrintSpooler, and what the host console must
// know about it. The walk-in role and the host role (tickets added by hand) each open one.
//
// It reports to the shared HostAlertStore (the kiosk database, where every console's alerts read it):
// every print outcome it is told of (reportOutcome), and the printer's state, which update() asks the
// spooler for every half minute of the injected clock and writes whenever it changed (paper out, offline,
// back again). Without a printer way in the settings there is no printer: spooler() is null and nothing is
// reported. Owns the printer and the spooler, declared so that the spooler's worker stops before the printer
// goes. UI thread only (the spooler itself is thread-safe).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <utility>

#include "common/bundle.h"
#include "common/clock.h"
#include "kiosk/core/host_alert_board.h"
#include "kiosk/core/print_spooler.h"
#include "kiosk/core/printer.h"

namespace wp {

// The CUPS printer the settings name ([printer]), or null when they name none.
std::unique_ptr<Printer> settingsPrinter(const Settings& settings);

class ContactPointPrinter {
  public:
    // alerts and clock must outlive this. wake: called from the print worker after each result or status.
    // printer may be null (no printer).
    ContactPointPrinter(std::unique_ptr<Printer> printer, HostAlertStore& alerts, const Clock& clock,
                        std::function<void()> wake);
    // The printer of the settings (settingsPrinter).
    ContactPointPrinter(const Settings& settings, HostAlertStore& alerts, const Clock& clock,
                        std::function<void()> wake)
        : ContactPointPrinter(settingsPrinter(settings), alerts, clock, std::move(wake)) {}
    ContactPointPrinter(const ContactPointPrinter&) = delete;
    ContactPointPrinter& operator=(const ContactPointPrinter&) = delete;

    // The spooler to print through; null when the settings name no printer.
    PrintSpooler* spooler() const { return spooler_.get(); }

    // Writes a print outcome for the host console (hand this to a flow's onPrintOutcome).
    void reportOutcome(PrintOutcome outcome);
    // Asks for the printer's state on schedule and writes it when it changed. Call it from the role's
    // update().
    void update();

  private:
    HostAlertStore& alerts_;
    const Clock& clock_;
    std::unique_ptr<Printer> printer_;
    std::unique_ptr<PrintSpooler> spooler_;  // after the printer: goes first
    TimePoint nextStatusCheck_{};            // the first update() asks at once
    std::optional<PrinterStatus> reported_;  // the state last written
};

}  // namespace wp
