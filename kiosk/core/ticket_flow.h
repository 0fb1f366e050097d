// TicketFlow: "Wachtnummer" as the resident goes through it — choose a service, get a number on screen and
// on paper, walk away. Screens read it and call its actions; it owns no window, database or printer.
//
// take() issues the ticket synchronously (one durable SQLite commit, a few milliseconds) and hands the
// printout to the PrintSpooler, so the number is on screen at once whether or not paper comes out. Print
// outcomes come back through collectPrintResults() on the UI thread, which records them as queue events
// (Printed, PrintFailed) for the host. A closed or paused service issues nothing. It is a personal-data
// holder: wipe() (the session's wipe) forgets the resident's ticket and its print state; a print result
// that arrives later is still recorded for the host (a ticket's number and service are not personal).
// Not thread-safe: the UI thread owns it.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/bundle.h"
#include "common/clock.h"
#include "kiosk/core/personal_data.h"
#include "kiosk/core/print_spooler.h"
#include "kiosk/core/queue.h"
#include "kiosk/core/texts.h"

namespace wp {

// Tickets on their way to paper, and what becomes of them: each finished job is recorded as a queue event
// of its ticket (Printed or PrintFailed, at `counter` for a ticket added at a counter) and told to the
// observer, which reports it for the host console's alerts. The resident's tickets (TicketFlow) and the
// host's tickets added by hand (HostDesk) go through one of these each. Not thread-safe.
class TicketPrintJobs {
  public:
    void add(std::uint64_t job, const Ticket& ticket) { pending_[job] = ticket; }
    void onOutcome(std::function<void(PrintOutcome)> observer) { observer_ = std::move(observer); }
    // Takes the spooler's finished ticket jobs and records those added here (the number stands whatever the
    // store says; a lost event only weakens the statistics). Returns them, in order, for the caller's screen.
    std::vector<PrintSpooler::Done> collect(PrintSpooler& spooler, QueueStore& store, TimePoint now,
                                            const std::string& counter = {});

  private:
    std::map<std::uint64_t, Ticket> pending_;  // every job not yet finished, for its queue event
    std::function<void(PrintOutcome)> observer_;
};

class TicketFlow final : public PersonalDataHolder {
  public:
    // spooler may be null: a kiosk without a printer shows the number on screen only.
    TicketFlow(ServiceQueue& queue, QueueStore& store, PrintSpooler* spooler, const Settings& settings,
               const Clock& clock);

    struct Choice {
        const Service* service = nullptr;
        WalkInStatus status;
    };
    // Reads every service's walk-in state (when the choice screen opens, and when the minute changes).
    void refreshChoices();
    const std::vector<Choice>& choices() const { return choices_; }
    const Choice* choice(const std::string& serviceId) const;

    enum class Outcome { Issued, Closed, Failed };
    // Issues a ticket of serviceId for the resident, in their language (for the printed words).
    Outcome take(const std::string& serviceId, const Texts& texts, const std::string& language);

    // Shows and prints a ticket issued by check-in for an appointment (kiosk/core/appointment_checkin.h) as
    // the resident's ticket, like one taken here: ticket(), its print state and refreshTicket() follow it.
    void adopt(const TicketView& view, const Texts& texts, const std::string& language);

    enum class PrintState { None, Printing, Printed, Failed };
    const std::optional<TicketView>& ticket() const { return ticket_; }
    PrintState printState() const { return printState_; }
    PrintOutcome printOutcome() const { return printOutcome_; }
    // Why the last take() failed (for the log; the screen shows a plain sentence).
    const std::string& failure() const { return failure_; }

    // Called with every print outcome (the walk-in role reports them for the host console).
    void onPrintOutcome(std::function<void(PrintOutcome)> observer) { jobs_.onOutcome(std::move(observer)); }
    // Re-reads the resident's ticket: its place in line, and whether a host has called it (the ticket screen
    // then says where to go). Returns true when that changed. Cheap; the walk-in role calls it every second.
    bool refreshTicket();
    // The resident's place in line and wait as the ticket screen shows them, in language: the printed
    // ticket's lines (kiosk/core/ticket_words.h) at the clock's now. Empty without a waiting ticket.
    std::vector<std::string> queueLines(const Texts& texts, const std::string& language) const;
    // Collects finished print jobs; returns true when what the screen shows changed.
    bool collectPrintResults();
    // Whether tickets can be expected to print now (false with no printer or printer trouble).
    bool canPrint() const;
    // A printer is configured and reports that it cannot print (the start screen warns residents).
    bool printerTrouble() const { return spooler_ != nullptr && !canPrint(); }
    // Asks the printer for its state now (the app's ContactPointPrinter asks on the injected clock's
    // schedule).
    void requestPrinterStatus();

    // --- PersonalDataHolder: the resident's ticket and its print state.
    std::string_view holderName() const override { return "ticket flow"; }
    void wipe() override;
    bool holdsNothing() const override;

    // The central server's public page for this ticket (its QR code): position and estimated wait.
    std::string queuePageUrl(const Ticket& ticket) const;

  private:
    ServiceQueue& queue_;
    QueueStore& store_;
    PrintSpooler* spooler_;
    const Settings& settings_;
    const Clock& clock_;
    std::vector<Choice> choices_;
    std::optional<TicketView> ticket_;
    PrintState printState_ = PrintState::None;
    PrintOutcome printOutcome_ = PrintOutcome::Ok;
    std::uint64_t job_ = 0;  // the resident's print job, 0 when none
    TicketPrintJobs jobs_;   // every job not yet finished, the resident's and earlier ones
    std::string failure_;
};

// The paper ticket of `view`, its words in `language`: one builder for a resident's ticket (TicketFlow::take)
// and one a host adds by hand (HostDesk), so both print the same. service: the ticket's service. No personal
// data. Its queue lines are those of the walk-in state when the ticket was issued.
TicketPrintout ticketPrintout(const TicketView& view, const Service& service, const Texts& texts,
                              const std::string& language, const Settings& settings);

// The central server's public page for a ticket (its QR code); empty when the settings name no public URL.
std::string queuePageUrl(const Settings& settings, const Ticket& ticket);

}  // namespace wp
