#include "kiosk/app/contact_point_printer.h"

#include <chrono>

#include "drivers/printer/cups_printer.h"

namespace wp {

namespace {

constexpr std::chrono::seconds kStatusEvery{30};

bool sameState(const PrinterStatus& a, const PrinterStatus& b) {
    return a.state == b.state && a.reasons == b.reasons && a.acceptingJobs == b.acceptingJobs;
}

}  // namespace

std::unique_ptr<Printer> settingsPrinter(const Settings& settings) {
    const auto& p = settings.printer;
    auto way = parsePrintWay(p.way);
    if (!way) return nullptr;
    CupsPrinterSettings cups;
    cups.way = *way;
    cups.queue = p.queue;
    cups.server = p.server;
    return std::make_unique<CupsPrinter>(cups);
}

ContactPointPrinter::ContactPointPrinter(std::unique_ptr<Printer> printer, HostAlertStore& alerts,
                                         const Clock& clock, std::function<void()> wake)
    : alerts_(alerts), clock_(clock), printer_(std::move(printer)) {
    if (printer_) spooler_ = std::make_unique<PrintSpooler>(*printer_, std::move(wake));
}

void ContactPointPrinter::reportOutcome(PrintOutcome outcome) {
    // A lost report only delays the host's alert until the next one.
    (void)alerts_.reportPrintOutcome(outcome, clock_.now());
}

void ContactPointPrinter::update() {
    if (!spooler_) return;
    if (TimePoint now = clock_.now(); now >= nextStatusCheck_) {
        spooler_->requestStatus();
        nextStatusCheck_ = now + kStatusEvery;
    }
    if (!spooler_->hasStatus()) return;
    const PrinterStatus status = spooler_->lastStatus();
    if (reported_ && sameState(status, *reported_)) return;
    if (alerts_.reportPrinterStatus(status, clock_.now())) reported_ = status;
}

}  // namespace wp
