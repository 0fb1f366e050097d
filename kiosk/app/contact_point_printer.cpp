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

ContactPointPrinter::ContactPointPrinter(const Settings& settings, HostAlertStore& alerts, const Clock& clock,
                                         std::function<void()> wake)
    : alerts_(alerts), clock_(clock) {
    const auto& p = settings.printer;
    auto way = parsePrintWay(p.way);
    if (!way) return;
    CupsPrinterSettings cups;
    cups.way = *way;
    cups.queue = p.queue;
    cups.server = p.server;
    printer_ = std::make_unique<CupsPrinter>(cups);
    spooler_ = std::make_unique<PrintSpooler>(*printer_, std::move(wake));
}

ContactPointPrinter::~ContactPointPrinter() {
    spooler_.reset();  // joins the print worker before the printer goes
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
