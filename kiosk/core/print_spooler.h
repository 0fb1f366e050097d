// PrintSpooler: prints tickets and receipts on a worker thread, so the resident's screen never waits for
// paper.
//
// The UI thread submits a TicketPrintout (submit) or a ReceiptPrintout (submitReceipt: a request's receipt or
// a printed answer, which print alike) and carries on; the worker calls Printer::printTicket / printReceipt
// (which block until the job is done or given up) and leaves the outcome for the UI thread to collect with
// takeResults(). All jobs share one numbering and one queue, in the order submitted; each Done says which
// kind of job it was. Flows that share a spooler collect with takeResults(kind), so one never takes (and
// drops) another's results.
// After every job, and whenever the UI thread asks (requestStatus, on the injected clock's
// schedule), the worker also asks the printer for its state, which lastStatus() then returns for the start
// screen ("tickets cannot be printed") and the host console. `wake` is called from the worker after each
// result or status, so an event-driven UI loop can redraw. All methods are thread-safe.
//
// Personal data: a receipt carries the resident's reference code, the next step of their request and the
// desk's hours until it is printed (never a phone number, e-mail or address). The spooler is a
// personal-data holder (the walk-in role registers it with the resident session):
//   - every receipt's copy is overwritten as soon as its job ends, printed or given up;
//   - wipe() (the session's wipe: "Begin opnieuw", the idle timeout, "Klaar") drops every receipt still
//     waiting in the queue, overwritten and without an outcome: the resident it was for has gone, and paper
//     coming out later would hand their code to the next person. The job the printer has in hand finishes
//     (it cannot be called back; its copy goes when the printer returns);
//   - tickets (a number and a service, no personal data) are never dropped by wipe().
// holdsNothing() is true when no receipt waits in the queue.
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

#include "kiosk/core/personal_data.h"
#include "kiosk/core/printer.h"

namespace wp {

class PrintSpooler final : public PersonalDataHolder {
  public:
    using Wake = std::function<void()>;
    enum class JobKind { Ticket, Receipt, Answer, Appointment };
    struct Done {
        std::uint64_t job = 0;
        PrintOutcome outcome = PrintOutcome::Ok;
        JobKind kind = JobKind::Ticket;
    };

    PrintSpooler(Printer& printer, Wake wake);
    ~PrintSpooler() override;  // finishes the job in hand, drops the rest, joins the worker
    PrintSpooler(const PrintSpooler&) = delete;
    PrintSpooler& operator=(const PrintSpooler&) = delete;

    // Queues a ticket; returns its job number (1, 2, ...).
    std::uint64_t submit(TicketPrintout ticket);
    // Queues a receipt (kind Receipt or Answer; Ticket is taken as Receipt); returns its job number (same
    // numbering as tickets).
    std::uint64_t submitReceipt(ReceiptPrintout receipt, JobKind kind = JobKind::Receipt);
    // Outcomes of finished jobs since the last call, in order.
    std::vector<Done> takeResults();
    // Outcomes of finished jobs of one kind only, in order; results of the other kind stay for their taker.
    std::vector<Done> takeResults(JobKind kind);
    // Asks the worker to read the printer's state soon.
    void requestStatus();
    // The printer's state as last read; State::Unknown with no reasons before the first reading.
    PrinterStatus lastStatus() const;
    bool hasStatus() const;

    // --- PersonalDataHolder: receipts waiting for the printer (see above).
    std::string_view holderName() const override { return "print spooler"; }
    void wipe() override;
    bool holdsNothing() const override;

  private:
    using Printout = std::variant<TicketPrintout, ReceiptPrintout>;
    struct Job {
        std::uint64_t number = 0;
        JobKind kind = JobKind::Ticket;
        Printout printout;
    };
    std::uint64_t enqueue(JobKind kind, Printout printout);
    void run();

    Printer& printer_;
    Wake wake_;
    mutable std::mutex mutex_;
    std::condition_variable cv_;
    std::deque<Job> jobs_;
    std::vector<Done> done_;
    PrinterStatus status_;
    bool haveStatus_ = false;
    bool statusWanted_ = true;  // read the state once at start-up
    bool stopping_ = false;
    std::uint64_t nextJob_ = 1;
    std::thread worker_;  // last: starts after everything above exists
};

}  // namespace wp
