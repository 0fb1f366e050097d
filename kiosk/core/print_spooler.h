// PrintSpooler: prints tickets and receipts on a worker thread, so the resident's screen never waits for
// paper.
//
// The UI thread submits a TicketPrintout (submit) or a ReceiptPrintout (submitReceipt) and carries on; the
// worker calls Printer::printTicket / printReceipt (which block until the job is done or given up) and
// leaves the outcome for the UI thread to collect with takeResults(). Tickets and receipts share one job
// numbering and one queue, in the order submitted; each Done says which kind of job it was. Two flows that
// share a spooler collect with takeResults(kind), so one never takes (and drops) the other's results.
// After every job, and whenever the UI thread asks (requestStatus, on the injected clock's
// schedule), the worker also asks the printer for its state, which lastStatus() then returns for the start
// screen ("tickets cannot be printed") and the host console. `wake` is called from the worker after each
// result or status, so an event-driven UI loop can redraw. All methods are thread-safe.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <variant>
#include <vector>

#include "kiosk/core/printer.h"

namespace wp {

class PrintSpooler {
  public:
    using Wake = std::function<void()>;
    enum class JobKind { Ticket, Receipt };
    struct Done {
        std::uint64_t job = 0;
        PrintOutcome outcome = PrintOutcome::Ok;
        JobKind kind = JobKind::Ticket;
    };

    PrintSpooler(Printer& printer, Wake wake);
    ~PrintSpooler();  // finishes the job in hand, drops the rest, joins the worker
    PrintSpooler(const PrintSpooler&) = delete;
    PrintSpooler& operator=(const PrintSpooler&) = delete;

    // Queues a ticket; returns its job number (1, 2, ...).
    std::uint64_t submit(TicketPrintout ticket);
    // Queues a receipt; returns its job number (same numbering as tickets).
    std::uint64_t submitReceipt(ReceiptPrintout receipt);
    // Outcomes of finished jobs since the last call, in order.
    std::vector<Done> takeResults();
    // Outcomes of finished jobs of one kind only, in order; results of the other kind stay for their taker.
    std::vector<Done> takeResults(JobKind kind);
    // Asks the worker to read the printer's state soon.
    void requestStatus();
    // The printer's state as last read; State::Unknown with no reasons before the first reading.
    PrinterStatus lastStatus() const;
    bool hasStatus() const;

  private:
    using Job = std::variant<TicketPrintout, ReceiptPrintout>;
    std::uint64_t enqueue(Job job);
    void run();

    Printer& printer_;
    Wake wake_;
    mutable std::mutex mutex_;
    std::condition_variable cv_;
    std::deque<std::pair<std::uint64_t, Job>> jobs_;
    std::vector<Done> done_;
    PrinterStatus status_;
    bool haveStatus_ = false;
    bool statusWanted_ = true;  // read the state once at start-up
    bool stopping_ = false;
    std::uint64_t nextJob_ = 1;
    std::thread worker_;  // last: starts after everything above exists
};

}  // namespace wp
