// HostDesk: the host console's model and actions (`wijkpunt-kiosk --role host`). UI-free: the
// screens in kiosk/ui read it and call it; a test or the script runner can drive it the same way.
//
// One HostDesk per console. A console sits at one counter ("Balie 2", from the options). A host signs in by
// choosing their name and typing their PIN; the counter then opens for the host's services (HostQueueStore::
// openCounter, which the wait estimate reads) and closes again on signOut().
//
// Locks:
// - PIN lockout: maxPinFailures (5) wrong PINs in a row at this console lock it for pinLockout (5 minutes),
//   whoever typed them and for whichever host. The count is kept per console in the PinLockStore, so
//   restarting the process does not reset it. Time is the injected Clock.
// - Idle lock: with nobody signed out, lockAfterIdle (settings) without noteActivity() or an action puts the
//   desk in IdleLocked: the host stays signed in and the counter stays open (they may be talking to a
//   resident), but every action is refused until a PIN is typed again. Another host may sign in instead,
//   which replaces the first. Zero minutes: never.
//
// Actions on a ticket take the Ticket as the screen showed it: when its revision has changed since (another
// console acted, the resident's ticket was transferred...) the answer is Conflict and the screen should
// re-read. Other errors: Unavailable (nobody signed in, idle-locked, database busy), NotFound (unknown ticket
// or service), InvalidInput (the host does not serve that service; a wrong move such as finishing a waiting
// ticket), IoError. Every successful action counts as activity.
//
// Reading (lines(), atCounter(), figures()) works in every state: it shows numbers and times only, no
// personal data. Not thread-safe: the host role's UI thread owns it. verifyPin takes ~0.1 s (PBKDF2).
//
// Tickets added by hand can go on paper: attachPrinter() gives the desk the contact point's ticket printer
// (through a PrintSpooler, so the console never waits for paper). addTicket(..., print = true) sends the
// same printout a resident gets (ticketPrintout in ticket_flow.h); collectPrintResults() records the
// outcome as a queue event (Printed, PrintFailed), tells onPrintOutcome's observer (the host role reports it
// for the alerts) and updates lastAdded(), which the console shows big so the host can write the number down
// when no paper came out.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/hosts.h"
#include "common/services.h"
#include "common/status.h"
#include "kiosk/core/host_queue_store.h"
#include "kiosk/core/pin_lock_store.h"
#include "kiosk/core/print_spooler.h"
#include "kiosk/core/queue.h"
#include "kiosk/core/texts.h"
#include "kiosk/core/ticket_flow.h"

namespace wp {

// The stores a desk works on; each must outlive the desk.
struct HostDeskStores {
    QueueStore& tickets;      // tickets added by hand, the lines, today's figures, print events
    HostQueueStore& changes;  // calls, transfers, outcomes, the counter, pauses
    PinLockStore& pinLocks;   // wrong PINs at this console
};

struct HostDeskOptions {
    std::string counter = "Balie 1";        // this console's counter, as the display calls it
    std::chrono::minutes lockAfterIdle{5};  // settings [host] lock_after_minutes; 0 = never
    int maxPinFailures = 5;                 // wrong PINs in a row before the lockout
    std::chrono::minutes pinLockout{5};     // how long the console then refuses PINs
};

// A ticket in a service's line, as the console lists it.
struct WaitingTicket {
    Ticket ticket;                   // origin, display, issuedAt, revision...
    int position = 0;                // 1 = next to be called
    std::chrono::seconds waited{0};  // since issuedAt (a transferred ticket counts from its original issue)
};

// One service as the console shows it.
struct ServiceLine {
    const Service* service = nullptr;  // points into HostDesk::services()
    WalkInStatus walkIn;               // open, closed or paused now
    bool paused = false;               // paused by a host today
    bool servedHere = false;           // the signed-in host serves it at this counter
    int countersServing = 0;
    // In the order callNext calls them (callsBefore): due appointments first; appointments not due yet last.
    std::vector<WaitingTicket> waiting;
    std::vector<Ticket> called;   // called or being served, at any counter, oldest call first
    std::vector<Ticket> parked;   // set aside, oldest first
    std::vector<Ticket> noShows;  // today's no-shows, the latest first called first (for undo)
};

// Today's figures of one service (computed from the day's tickets; see dayFigures()).
struct ServiceFigures {
    std::string serviceId;
    int tickets = 0;  // in this service's line today: issued, added by hand or transferred in
    int served = 0;   // finished (Done), whatever the outcome
    int noShows = 0;
    int waitingNow = 0;
    int transferredIn = 0;   // of `tickets`, how many came from another service
    int transferredOut = 0;  // tickets that left this service for another (counted there in `tickets`)
    int helped = 0, referred = 0, followUp = 0;  // the outcomes of `served`
    // Wait: from issue to the first call. The average is over tickets called today; the longest includes
    // tickets still waiting now. Empty when there is nothing to measure.
    std::optional<std::chrono::seconds> averageWait;
    std::optional<std::chrono::seconds> longestWait;
    // Time at a counter per served ticket (calls to done, parked time excluded). Empty when none served.
    std::optional<std::chrono::seconds> averageServiceTime;
};

// Figures per service (in `services` order) from all tickets of one day (QueueStore::allTicketsOfDay).
// Pure: now is only used for the waits of tickets still waiting.
std::vector<ServiceFigures> dayFigures(const std::vector<Service>& services,
                                       const std::vector<Ticket>& tickets, TimePoint now);

// A ticket added by hand: its place and estimate, and whether the host asked for it to be printed.
struct HandTicket {
    TicketView view;
    bool print = false;
    std::uint64_t printJob = 0;  // the spooler's job; 0 when nothing was sent (not asked, or no printer)
};

// The latest ticket added by hand at this console, as the console shows it (big, with what came of the
// paper).
struct AddedTicket {
    enum class Paper {
        NotAsked,   // added without printing: the host tells or writes down the number
        NoPrinter,  // printing was asked, but this console has no printer
        Printing,   // sent to the printer, no outcome yet
        Printed,
        Failed,  // see outcome; the number stands, the host writes it down
    };
    TicketView view;
    Paper paper = Paper::NotAsked;
    PrintOutcome outcome = PrintOutcome::Ok;  // Failed: why
};

class HostDesk {
  public:
    // The stores and clock must outlive the desk. hosts: Bundle::hosts.
    HostDesk(std::vector<Service> services, std::vector<HostAccount> hosts, HostDeskStores stores,
             const Clock& clock, HostDeskOptions options);

    const std::vector<Service>& services() const { return services_; }
    const Service* findService(std::string_view id) const;
    const std::vector<HostAccount>& hosts() const { return hosts_; }  // the sign-in list, in file order
    const std::string& counter() const { return options_.counter; }
    const HostDeskOptions& options() const { return options_; }

    // --- signing in

    enum class State { SignedOut, SignedIn, IdleLocked };
    // The state now; applies the idle lock when its time has come (hence not const).
    State state();

    struct SignIn {
        enum class Outcome { SignedIn, WrongPin, LockedOut };
        Outcome outcome = Outcome::WrongPin;
        int attemptsLeft = 0;                  // WrongPin: wrong PINs left before the lockout
        std::optional<TimePoint> lockedUntil;  // LockedOut: when PINs are taken again
    };
    // Checks the PIN of hostId (when the console is not locked out) and signs that host in at this counter,
    // opening it for all of the host's services. Also unlocks an idle-locked desk (the same host or another,
    // who then replaces the first). NotFound for an unknown host id; store errors as they come.
    Result<SignIn> signIn(const std::string& hostId, const std::string& pin);
    // Closes the counter and forgets the host. Ok when nobody was signed in.
    Status signOut();
    // The PIN lockout now, if any (reads the store: another process may share the console name).
    Result<std::optional<TimePoint>> lockedOutUntil();

    // The signed-in host (also while idle-locked); null when signed out.
    const HostAccount* host() const { return host_; }
    // The services this counter serves now (the host's, or the subset chosen), in content order.
    const std::vector<std::string>& servingServices() const { return serving_; }
    // Narrows (or widens, within the host's services) what this counter serves; reopens the counter.
    // InvalidInput for a service the host may not serve or an empty list.
    Status chooseServices(const std::vector<std::string>& serviceIds);

    // Mouse or keyboard input at the console: postpones the idle lock. Ignored unless signed in.
    void noteActivity();
    // When the idle lock will fall if nothing happens; nullopt when not signed in or never.
    std::optional<TimePoint> idleLockAt() const;

    // --- what the console shows (any state)

    Result<std::vector<ServiceLine>> lines();  // every service, content order
    Result<ServiceLine> line(const std::string& serviceId);
    Result<std::vector<Ticket>> atCounter();        // called, serving at this counter, oldest call first
    Result<std::vector<ServiceFigures>> figures();  // today's, every service

    // --- actions (signed in and not idle-locked)

    // Calls the first ticket in line of one service this counter serves, or of any of them (the one that
    // has waited longest). Ok with nullopt when nobody waits.
    Result<std::optional<Ticket>> callNext(const std::string& serviceId);
    Result<std::optional<Ticket>> callNext();

    // Where the next ticket comes from when the host asks for "the next one" (callChosenNext,
    // finishAndCallNext): the line of the service just served, or whoever has waited longest across every
    // service this counter serves. The host chooses; signing in starts with SameService.
    enum class NextFrom { SameService, AllServices };
    NextFrom nextFrom() const { return nextFrom_; }
    void setNextFrom(NextFrom from) { nextFrom_ = from; }
    // Calls the next ticket as nextFrom() says. SameService takes the line of `after` (a service this counter
    // serves); with `after` empty or not served here, the first service in content order this counter serves
    // in which someone waits. Ok with nullopt when nobody waits.
    Result<std::optional<Ticket>> callChosenNext(const std::string& after = {});
    // "Klaar en volgende": finishes a called or served ticket as helped, then calls the next one as
    // callChosenNext(seen's service) does. When finishing fails nothing is called; when calling fails the
    // ticket stays finished and the error is returned. Ok with nullopt when nobody waits.
    Result<std::optional<Ticket>> finishAndCallNext(const Ticket& seen);
    // Calls a chosen waiting ticket out of turn.
    Result<Ticket> call(const Ticket& seen);
    // Calls a called ticket again at this counter (the display announces it again). Not a new wait.
    Result<Ticket> recall(const Ticket& seen);
    // The resident has arrived at the counter: called -> serving (optional; finish works from called too).
    Result<Ticket> startServing(const Ticket& seen);
    // Puts a called ticket back in line at its original place (called by mistake).
    Result<Ticket> putBack(const Ticket& seen);
    // Sets a called or served ticket aside, and takes it up again: resume() calls it to this counter (the
    // display announces it).
    Result<Ticket> park(const Ticket& seen);
    Result<Ticket> resume(const Ticket& seen);
    // Moves a waiting, called, serving or parked ticket into another service's line, keeping its place by
    // its original issue time and its number as printed. Any service may be the target; InvalidInput for the
    // same service.
    Result<Ticket> transfer(const Ticket& seen, const std::string& toServiceId);
    // The resident did not come when called; and its correction: the ticket goes back in line at its original
    // place (so usually first), to be called again.
    Result<Ticket> markNoShow(const Ticket& seen);
    Result<Ticket> undoNoShow(const Ticket& seen);
    // Finishes a called or served ticket. InvalidInput for TicketOutcome::None.
    Result<Ticket> finish(const Ticket& seen, TicketOutcome outcome);
    // Removes a waiting ticket from the line (the resident left before being called).
    Result<Ticket> cancel(const Ticket& seen);
    // Adds a ticket by hand for someone who does not use the screen; works outside walk-in hours and while
    // paused. origin: Host or Appointment (InvalidInput for WalkIn). print: send it to the attached printer
    // (see attachPrinter; without one the number is only shown). It becomes lastAdded().
    Result<HandTicket> addTicket(const std::string& serviceId, TicketOrigin origin, bool print);
    // Stops and restarts issuing tickets on the touch screen for a service at this contact point (for the
    // rest of the day). The host must serve the service.
    Status pauseService(const std::string& serviceId);
    Status resumeService(const std::string& serviceId);

    // --- paper for tickets added by hand

    // The printer for tickets added by hand; null detaches it. The spooler must be this desk's own (its
    // results are taken here) and, with settings and texts, outlive the desk. language: the ticket's words.
    void attachPrinter(PrintSpooler* spooler, const Settings* settings, const Texts* texts,
                       std::string language);
    // Whether a ticket added here can be sent to a printer at all (one is attached).
    bool hasPrinter() const { return spooler_ != nullptr; }
    // Called with every print outcome of a ticket added here (the host role reports them for the alerts).
    void onPrintOutcome(std::function<void(PrintOutcome)> observer) {
        printJobs_.onOutcome(std::move(observer));
    }
    // Collects finished print jobs: records each as a queue event, tells the observer. Returns true when
    // lastAdded() changed. A result that arrives after signOut() is still recorded.
    bool collectPrintResults();
    // The latest ticket added by hand at this console since the host signed in; nullopt when none.
    const std::optional<AddedTicket>& lastAdded() const { return lastAdded_; }

  private:
    Status requireActive();
    Status requireServes(const std::string& serviceId) const;
    Result<Ticket> change(const Ticket& seen, TicketState to, QueueEventKind event,
                          TicketOutcome outcome = TicketOutcome::None, const std::string& toService = {});
    void touch();
    Status openCounter();
    void forgetLastAdded();

    std::vector<Service> services_;
    std::vector<HostAccount> hosts_;
    HostDeskStores stores_;
    const Clock& clock_;
    HostDeskOptions options_;
    const HostAccount* host_ = nullptr;
    std::vector<std::string> serving_;
    NextFrom nextFrom_ = NextFrom::SameService;
    State state_ = State::SignedOut;
    TimePoint lastActivity_{};
    ServiceQueue queue_;  // for the place and estimate of a ticket added by hand

    PrintSpooler* spooler_ = nullptr;
    const Settings* settings_ = nullptr;
    const Texts* texts_ = nullptr;
    std::string language_;
    TicketPrintJobs printJobs_;  // every job not yet finished, for its queue event
    std::optional<AddedTicket> lastAdded_;
    std::uint64_t lastAddedJob_ = 0;  // lastAdded_'s print job, 0 when none
};

}  // namespace wp
