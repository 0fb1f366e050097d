// FakePrinter: a Printer without paper, for unit tests (STYLE.md #4). It remembers
// every ticket and receipt it "printed"; flags simulate trouble the way the real printer reports it:
//   paper out  -> printTicket() gives PaperOut, status() is Stopped with "media-empty"
//   offline    -> printTicket() gives Offline,  status() is Unknown with "offline"
//   paper low  -> prints fine, status() carries "media-low"
// failNext() makes only the next job (ticket or receipt) fail with the given outcome. With a log file, each
// printed ticket appends a line "number<TAB>service" and each receipt "receipt<TAB>reference", so a test in
// another process can see what came out. Thread-safe.
#pragma once

#include <filesystem>
#include <mutex>
#include <optional>
#include <vector>

#include "kiosk/core/printer.h"

namespace wp {

class FakePrinter final : public Printer {
  public:
    explicit FakePrinter(std::filesystem::path logFile = {}) : logFile_(std::move(logFile)) {}

    PrintOutcome printTicket(const TicketPrintout& ticket) override;
    PrintOutcome printReceipt(const ReceiptPrintout& receipt) override;
    PrinterStatus status() override;

    void setPaperOut(bool on);
    void setOffline(bool on);
    void setPaperLow(bool on);
    void failNext(PrintOutcome outcome);

    std::vector<TicketPrintout> printed() const;
    std::vector<ReceiptPrintout> printedReceipts() const;
    int attempts() const;  // tickets and receipts

  private:
    std::filesystem::path logFile_;
    mutable std::mutex mutex_;
    bool paperOut_ = false;
    bool offline_ = false;
    bool paperLow_ = false;
    std::optional<PrintOutcome> failNext_;
    PrintOutcome trouble();  // the outcome of a job now, before it prints; mutex_ held
    std::vector<TicketPrintout> printed_;
    std::vector<ReceiptPrintout> receipts_;
    int attempts_ = 0;
};

}  // namespace wp
