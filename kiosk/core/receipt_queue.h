// ReceiptQueue: where a flow hands its papers (request receipts, printed answers) to be printed off the UI
// thread, and where it collects their outcomes. SpoolerReceipts is one on the kiosk's PrintSpooler for one
// kind of job: each taker gets only the outcomes of its own kind, so no flow takes (and drops) another's.
#pragma once

#include <cstdint>
#include <vector>

#include "kiosk/core/print_spooler.h"
#include "kiosk/core/printer.h"

namespace wp {

// How a flow's paper is going, as its screen tells the resident.
enum class PaperState { None, Printing, Printed, Failed };

class ReceiptQueue {
  public:
    virtual ~ReceiptQueue() = default;
    // Queues the paper; returns its job number (never 0).
    virtual std::uint64_t submitReceipt(ReceiptPrintout receipt) = 0;
    // Outcomes of this queue's finished jobs since the last call.
    virtual std::vector<PrintSpooler::Done> takeResults() = 0;
};

class SpoolerReceipts final : public ReceiptQueue {
  public:
    // kind: JobKind::Receipt or JobKind::Answer.
    SpoolerReceipts(PrintSpooler& spooler, PrintSpooler::JobKind kind) : spooler_(spooler), kind_(kind) {}
    std::uint64_t submitReceipt(ReceiptPrintout receipt) override {
        return spooler_.submitReceipt(std::move(receipt), kind_);
    }
    std::vector<PrintSpooler::Done> takeResults() override { return spooler_.takeResults(kind_); }

  private:
    PrintSpooler& spooler_;
    PrintSpooler::JobKind kind_;
};

}  // namespace wp
