#include "drivers/printer/fake_printer.h"

#include <fstream>

namespace wp {

PrintOutcome FakePrinter::trouble() {
    ++attempts_;
    if (offline_) return PrintOutcome::Offline;
    if (paperOut_) return PrintOutcome::PaperOut;
    if (failNext_) {
        PrintOutcome outcome = *failNext_;
        failNext_.reset();
        return outcome;
    }
    return PrintOutcome::Ok;
}

PrintOutcome FakePrinter::printReceipt(const ReceiptPrintout& receipt) {
    std::lock_guard lock(mutex_);
    if (PrintOutcome o = trouble(); o != PrintOutcome::Ok) return o;
    receipts_.push_back(receipt);
    if (!logFile_.empty()) {
        std::ofstream out(logFile_, std::ios::app);
        out << "receipt" << '\t' << receipt.reference << '\n';
    }
    return PrintOutcome::Ok;
}

PrintOutcome FakePrinter::printTicket(const TicketPrintout& ticket) {
    std::lock_guard lock(mutex_);
    if (PrintOutcome o = trouble(); o != PrintOutcome::Ok) return o;
    printed_.push_back(ticket);
    if (!logFile_.empty()) {
        std::ofstream out(logFile_, std::ios::app);
        out << ticket.number << '\t' << ticket.service << '\n';
    }
    return PrintOutcome::Ok;
}

PrinterStatus FakePrinter::status() {
    std::lock_guard lock(mutex_);
    PrinterStatus s;
    if (offline_) {
        s.state = PrinterStatus::State::Unknown;
        s.reasons.push_back("offline");
        s.message = "Fake printer is offline";
        return s;
    }
    s.acceptingJobs = true;
    s.state = paperOut_ ? PrinterStatus::State::Stopped : PrinterStatus::State::Idle;
    if (paperOut_) s.reasons.push_back("media-empty");
    if (paperLow_) s.reasons.push_back("media-low");
    s.message = paperOut_ ? "Fake printer is out of paper" : paperLow_ ? "Fake printer: paper low" : "";
    return s;
}

void FakePrinter::setPaperOut(bool on) {
    std::lock_guard lock(mutex_);
    paperOut_ = on;
}

void FakePrinter::setOffline(bool on) {
    std::lock_guard lock(mutex_);
    offline_ = on;
}

void FakePrinter::setPaperLow(bool on) {
    std::lock_guard lock(mutex_);
    paperLow_ = on;
}

void FakePrinter::failNext(PrintOutcome outcome) {
    std::lock_guard lock(mutex_);
    failNext_ = outcome;
}

std::vector<TicketPrintout> FakePrinter::printed() const {
    std::lock_guard lock(mutex_);
    return printed_;
}

std::vector<ReceiptPrintout> FakePrinter::printedReceipts() const {
    std::lock_guard lock(mutex_);
    return receipts_;
}

int FakePrinter::attempts() const {
    std::lock_guard lock(mutex_);
    return attempts_;
}

}  // namespace wp
