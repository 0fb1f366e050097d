#include "kiosk/core/host_desk.h"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <initializer_list>

#include "kiosk/core/ticket_flow.h"

namespace wp {

namespace {

using std::chrono::seconds;

seconds since(TimePoint from, TimePoint to) {
    return std::max(seconds(0), std::chrono::duration_cast<seconds>(to - from));
}

bool inLineBefore(const Ticket& a, const Ticket& b) {
    if (a.issuedAt != b.issuedAt) return a.issuedAt < b.issuedAt;
    return a.number < b.number;
}

bool oneOf(TicketState s, std::initializer_list<TicketState> states) {
    return std::find(states.begin(), states.end(), s) != states.end();
}

// The wrong move for a ticket as the screen showed it: InvalidInput naming what is possible.
Status wrongMove(const Ticket& t, std::string_view action, std::string_view needs) {
    return Status::invalidInput(
        fmt::format("{} is {}; only {} ticket can be {}", t.display, toString(t.state), needs, action));
}

}  // namespace

// --- figures

std::vector<ServiceFigures> dayFigures(const std::vector<Service>& services,
                                       const std::vector<Ticket>& tickets, TimePoint now) {
    std::vector<ServiceFigures> out;
    for (const Service& service : services) {
        ServiceFigures f;
        f.serviceId = service.id;
        seconds waitSum{0}, serviceSum{0};
        int waitCount = 0;
        for (const Ticket& t : tickets) {
            if (t.transferredFrom == service.id && t.serviceId != service.id) ++f.transferredOut;
            if (t.serviceId != service.id) continue;
            ++f.tickets;
            if (!t.transferredFrom.empty()) ++f.transferredIn;
            switch (t.state) {
                case TicketState::Done:
                    ++f.served;
                    serviceSum += t.serviceTime;
                    if (t.outcome == TicketOutcome::Helped) ++f.helped;
                    if (t.outcome == TicketOutcome::Referred) ++f.referred;
                    if (t.outcome == TicketOutcome::FollowUp) ++f.followUp;
                    break;
                case TicketState::NoShow:
                    ++f.noShows;
                    break;
                case TicketState::Waiting:
                    ++f.waitingNow;
                    break;
                default:
                    break;
            }
            std::optional<seconds> wait;
            if (t.firstCalledAt) {
                wait = since(t.issuedAt, *t.firstCalledAt);
                waitSum += *wait;
                ++waitCount;
            } else if (t.state == TicketState::Waiting) {
                wait = since(t.issuedAt, now);
            }
            if (wait && (!f.longestWait || *wait > *f.longestWait)) f.longestWait = wait;
        }
        if (waitCount > 0) f.averageWait = waitSum / waitCount;
        if (f.served > 0) f.averageServiceTime = serviceSum / f.served;
        out.push_back(std::move(f));
    }
    return out;
}

// --- HostDesk

HostDesk::HostDesk(std::vector<Service> services, std::vector<HostAccount> hosts, HostDeskStores stores,
                   const Clock& clock, HostDeskOptions options)
    : services_(std::move(services)),
      hosts_(std::move(hosts)),
      stores_(stores),
      clock_(clock),
      options_(std::move(options)),
      queue_(services_, stores.tickets, stores.changes, clock) {}

const Service* HostDesk::findService(std::string_view id) const {
    for (const Service& s : services_)
        if (s.id == id) return &s;
    return nullptr;
}

HostDesk::State HostDesk::state() {
    if (state_ == State::SignedIn && options_.lockAfterIdle.count() > 0 &&
        clock_.now() >= lastActivity_ + options_.lockAfterIdle)
        state_ = State::IdleLocked;
    return state_;
}

void HostDesk::touch() {
    lastActivity_ = clock_.now();
}

void HostDesk::noteActivity() {
    if (state() == State::SignedIn) touch();
}

std::optional<TimePoint> HostDesk::idleLockAt() const {
    if (state_ != State::SignedIn || options_.lockAfterIdle.count() <= 0) return std::nullopt;
    return lastActivity_ + options_.lockAfterIdle;
}

Status HostDesk::openCounter() {
    return stores_.changes.openCounter(options_.counter, serving_, clock_.now());
}

Result<HostDesk::SignIn> HostDesk::signIn(const std::string& hostId, const std::string& pin) {
    const HostAccount* account = nullptr;
    for (const HostAccount& h : hosts_)
        if (h.id == hostId) account = &h;
    if (account == nullptr) return Status::notFound(fmt::format("no host '{}'", hostId));

    TimePoint now = clock_.now();
    auto stored = stores_.pinLocks.pinLock(options_.counter);
    if (!stored) return stored.status();
    PinLock lock = stored.value();
    SignIn out;
    if (lock.lockedUntil && now < *lock.lockedUntil) {
        out.outcome = SignIn::Outcome::LockedOut;
        out.lockedUntil = lock.lockedUntil;
        return out;
    }
    if (lock.lockedUntil) lock = PinLock{};  // the lockout is over: a fresh count

    if (!verifyPin(*account, pin)) {
        lock.failures += 1;
        if (lock.failures >= options_.maxPinFailures) {
            lock.lockedUntil = now + options_.pinLockout;
            out.outcome = SignIn::Outcome::LockedOut;
            out.lockedUntil = lock.lockedUntil;
        } else {
            out.outcome = SignIn::Outcome::WrongPin;
            out.attemptsLeft = options_.maxPinFailures - lock.failures;
        }
        if (Status s = stores_.pinLocks.savePinLock(options_.counter, lock); !s) return s;
        return out;
    }

    if (lock != stored.value() || lock.failures > 0)
        if (Status s = stores_.pinLocks.savePinLock(options_.counter, PinLock{}); !s) return s;
    bool sameHost = host_ == account;
    if (!sameHost) forgetLastAdded();
    host_ = account;
    if (!sameHost || serving_.empty()) {
        serving_.clear();
        nextFrom_ = NextFrom::SameService;
        for (const Service& s : services_)
            if (account->serves(s.id)) serving_.push_back(s.id);
        if (Status s = openCounter(); !s) {
            host_ = nullptr;
            serving_.clear();
            state_ = State::SignedOut;
            return s;
        }
    }
    state_ = State::SignedIn;
    touch();
    out.outcome = SignIn::Outcome::SignedIn;
    return out;
}

Status HostDesk::signOut() {
    if (host_ == nullptr) return Status::ok();
    // Signing out always happens here, also when the store cannot be told (the counter then stays open).
    host_ = nullptr;
    serving_.clear();
    state_ = State::SignedOut;
    forgetLastAdded();
    return stores_.changes.closeCounter(options_.counter, clock_.now());
}

Result<std::optional<TimePoint>> HostDesk::lockedOutUntil() {
    auto lock = stores_.pinLocks.pinLock(options_.counter);
    if (!lock) return lock.status();
    if (lock->lockedUntil && clock_.now() < *lock->lockedUntil) return lock->lockedUntil;
    return std::optional<TimePoint>();
}

Status HostDesk::chooseServices(const std::vector<std::string>& serviceIds) {
    if (Status s = requireActive(); !s) return s;
    if (serviceIds.empty()) return Status::invalidInput("a counter serves at least one service");
    for (const std::string& id : serviceIds)
        if (Status s = requireServes(id); !s) return s;
    std::vector<std::string> chosen;
    for (const Service& s : services_)
        if (std::find(serviceIds.begin(), serviceIds.end(), s.id) != serviceIds.end()) chosen.push_back(s.id);
    std::swap(serving_, chosen);
    if (Status s = openCounter(); !s) {
        std::swap(serving_, chosen);
        return s;
    }
    touch();
    return Status::ok();
}

Status HostDesk::requireActive() {
    switch (state()) {
        case State::SignedOut:
            return Status::unavailable(fmt::format("nobody is signed in at {}", options_.counter));
        case State::IdleLocked:
            return Status::unavailable(
                fmt::format("the console at {} is locked; type your PIN", options_.counter));
        case State::SignedIn:
            break;
    }
    return Status::ok();
}

Status HostDesk::requireServes(const std::string& serviceId) const {
    if (findService(serviceId) == nullptr) return Status::notFound(fmt::format("no service '{}'", serviceId));
    if (host_ == nullptr || !host_->serves(serviceId))
        return Status::invalidInput(
            fmt::format("{} does not serve '{}'", host_ != nullptr ? host_->name : "nobody", serviceId));
    return Status::ok();
}

// --- reading

Result<ServiceLine> HostDesk::line(const std::string& serviceId) {
    const Service* service = findService(serviceId);
    if (service == nullptr) return Status::notFound(fmt::format("no service '{}'", serviceId));
    TimePoint now = clock_.now();
    std::string today = localDay(now);
    ServiceLine out;
    out.service = service;
    auto paused = stores_.changes.isPaused(serviceId, today);
    if (!paused) return paused.status();
    out.paused = paused.value();
    out.walkIn = walkInStatus(*service, now, out.paused);
    out.servedHere =
        host_ != nullptr && std::find(serving_.begin(), serving_.end(), serviceId) != serving_.end();
    auto counters = stores_.changes.countersServing(serviceId, today);
    if (!counters) return counters.status();
    out.countersServing = counters.value();

    auto tickets = stores_.tickets.ticketsOfDay(serviceId, today);
    if (!tickets) return tickets.status();
    std::vector<Ticket> waiting;
    for (Ticket& t : tickets.value()) {
        switch (t.state) {
            case TicketState::Waiting:
                waiting.push_back(std::move(t));
                break;
            case TicketState::Called:
            case TicketState::Serving:
                out.called.push_back(std::move(t));
                break;
            case TicketState::Parked:
                out.parked.push_back(std::move(t));
                break;
            case TicketState::NoShow:
                out.noShows.push_back(std::move(t));
                break;
            default:
                break;
        }
    }
    std::sort(waiting.begin(), waiting.end(),
              [now](const Ticket& a, const Ticket& b) { return callsBefore(a, b, now); });
    for (size_t i = 0; i < waiting.size(); ++i)
        out.waiting.push_back({waiting[i], static_cast<int>(i) + 1, since(waiting[i].issuedAt, now)});
    std::sort(out.called.begin(), out.called.end(), [](const Ticket& a, const Ticket& b) {
        return a.lastCalledAt.value_or(a.issuedAt) < b.lastCalledAt.value_or(b.issuedAt);
    });
    std::sort(out.parked.begin(), out.parked.end(), inLineBefore);
    std::sort(out.noShows.begin(), out.noShows.end(), [](const Ticket& a, const Ticket& b) {
        if (a.firstCalledAt != b.firstCalledAt) return a.firstCalledAt > b.firstCalledAt;
        return a.number > b.number;
    });
    return out;
}

Result<std::vector<ServiceLine>> HostDesk::lines() {
    std::vector<ServiceLine> out;
    for (const Service& s : services_) {
        auto l = line(s.id);
        if (!l) return l.status();
        out.push_back(std::move(l).value());
    }
    return out;
}

Result<std::vector<Ticket>> HostDesk::atCounter() {
    auto tickets = stores_.tickets.allTicketsOfDay(localDay(clock_.now()));
    if (!tickets) return tickets.status();
    std::vector<Ticket> out;
    for (Ticket& t : tickets.value())
        if (t.counter == options_.counter && oneOf(t.state, {TicketState::Called, TicketState::Serving}))
            out.push_back(std::move(t));
    std::sort(out.begin(), out.end(), [](const Ticket& a, const Ticket& b) {
        return a.lastCalledAt.value_or(a.issuedAt) < b.lastCalledAt.value_or(b.issuedAt);
    });
    return out;
}

Result<std::vector<ServiceFigures>> HostDesk::figures() {
    TimePoint now = clock_.now();
    auto tickets = stores_.tickets.allTicketsOfDay(localDay(now));
    if (!tickets) return tickets.status();
    return dayFigures(services_, tickets.value(), now);
}

// --- actions

Result<Ticket> HostDesk::change(const Ticket& seen, TicketState to, QueueEventKind event,
                                TicketOutcome outcome, const std::string& toService) {
    if (Status s = requireActive(); !s) return s;
    if (Status s = requireServes(seen.serviceId); !s) return s;
    TicketChange c;
    c.ticketId = seen.id;
    c.expectedRevision = seen.revision;
    c.to = to;
    c.event = event;
    c.counter = options_.counter;
    c.outcome = outcome;
    c.toServiceId = toService;
    auto changed = stores_.changes.changeTicket(c, clock_.now());
    if (changed) touch();
    return changed;
}

Result<std::optional<Ticket>> HostDesk::callNext(const std::string& serviceId) {
    if (Status s = requireActive(); !s) return s;
    if (Status s = requireServes(serviceId); !s) return s;
    auto called = stores_.changes.callFirstWaiting({serviceId}, options_.counter, clock_.now());
    if (called) touch();
    return called;
}

Result<std::optional<Ticket>> HostDesk::callNext() {
    if (Status s = requireActive(); !s) return s;
    auto called = stores_.changes.callFirstWaiting(serving_, options_.counter, clock_.now());
    if (called) touch();
    return called;
}

Result<std::optional<Ticket>> HostDesk::callChosenNext(const std::string& after) {
    if (Status s = requireActive(); !s) return s;
    if (nextFrom_ == NextFrom::AllServices) return callNext();
    const bool servedHere = std::find(serving_.begin(), serving_.end(), after) != serving_.end();
    if (servedHere) return callNext(after);
    for (const std::string& id : serving_) {
        auto called = callNext(id);
        if (!called || called->has_value()) return called;
    }
    return std::optional<Ticket>();
}

Result<std::optional<Ticket>> HostDesk::finishAndCallNext(const Ticket& seen) {
    auto done = finish(seen, TicketOutcome::Helped);
    if (!done) return done.status();
    return callChosenNext(seen.serviceId);
}

Result<Ticket> HostDesk::call(const Ticket& seen) {
    if (seen.state != TicketState::Waiting) return wrongMove(seen, "called", "a waiting");
    return change(seen, TicketState::Called, QueueEventKind::Called);
}

Result<Ticket> HostDesk::recall(const Ticket& seen) {
    if (seen.state != TicketState::Called) return wrongMove(seen, "called again", "a called");
    return change(seen, TicketState::Called, QueueEventKind::Recalled);
}

Result<Ticket> HostDesk::startServing(const Ticket& seen) {
    if (seen.state != TicketState::Called) return wrongMove(seen, "served", "a called");
    return change(seen, TicketState::Serving, QueueEventKind::Serving);
}

Result<Ticket> HostDesk::putBack(const Ticket& seen) {
    if (seen.state != TicketState::Called) return wrongMove(seen, "put back in line", "a called");
    return change(seen, TicketState::Waiting, QueueEventKind::Returned);
}

Result<Ticket> HostDesk::park(const Ticket& seen) {
    if (!oneOf(seen.state, {TicketState::Called, TicketState::Serving}))
        return wrongMove(seen, "parked", "a called or served");
    return change(seen, TicketState::Parked, QueueEventKind::Parked);
}

Result<Ticket> HostDesk::resume(const Ticket& seen) {
    if (seen.state != TicketState::Parked) return wrongMove(seen, "resumed", "a parked");
    return change(seen, TicketState::Called, QueueEventKind::Called);
}

Result<Ticket> HostDesk::transfer(const Ticket& seen, const std::string& toServiceId) {
    if (findService(toServiceId) == nullptr)
        return Status::notFound(fmt::format("no service '{}'", toServiceId));
    if (toServiceId == seen.serviceId)
        return Status::invalidInput(
            fmt::format("{} is already in the line of '{}'", seen.display, toServiceId));
    if (!oneOf(seen.state,
               {TicketState::Waiting, TicketState::Called, TicketState::Serving, TicketState::Parked}))
        return wrongMove(seen, "transferred", "a waiting, called, served or parked");
    return change(seen, TicketState::Waiting, QueueEventKind::TransferredOut, TicketOutcome::None,
                  toServiceId);
}

Result<Ticket> HostDesk::markNoShow(const Ticket& seen) {
    if (seen.state != TicketState::Called) return wrongMove(seen, "marked as not come", "a called");
    return change(seen, TicketState::NoShow, QueueEventKind::NoShow);
}

Result<Ticket> HostDesk::undoNoShow(const Ticket& seen) {
    if (seen.state != TicketState::NoShow) return wrongMove(seen, "taken back", "a no-show");
    return change(seen, TicketState::Waiting, QueueEventKind::NoShowUndone);
}

Result<Ticket> HostDesk::finish(const Ticket& seen, TicketOutcome outcome) {
    if (outcome == TicketOutcome::None)
        return Status::invalidInput("finishing needs an outcome: helped, referred or follow-up needed");
    if (!oneOf(seen.state, {TicketState::Called, TicketState::Serving}))
        return wrongMove(seen, "finished", "a called or served");
    return change(seen, TicketState::Done, QueueEventKind::Done, outcome);
}

Result<Ticket> HostDesk::cancel(const Ticket& seen) {
    if (seen.state != TicketState::Waiting) return wrongMove(seen, "taken out of line", "a waiting");
    return change(seen, TicketState::Cancelled, QueueEventKind::Cancelled);
}

Result<HandTicket> HostDesk::addTicket(const std::string& serviceId, TicketOrigin origin, bool print) {
    if (Status s = requireActive(); !s) return s;
    if (findService(serviceId) == nullptr) return Status::notFound(fmt::format("no service '{}'", serviceId));
    if (origin == TicketOrigin::WalkIn)
        return Status::invalidInput("a ticket added by hand comes from the host or an appointment");
    auto ticket = stores_.tickets.issueTicketWithOrigin(serviceId, origin, clock_.now());
    if (!ticket) return ticket.status();
    touch();
    HandTicket out;
    out.print = print;
    if (auto view = queue_.view(ticket.value())) {
        out.view = std::move(view).value();
    } else {
        // The number is issued and stands; only its place and estimate could not be read.
        out.view.ticket = ticket.value();
        out.view.peopleAhead = -1;
    }
    AddedTicket added;
    added.view = out.view;
    added.paper = AddedTicket::Paper::NotAsked;
    if (print && spooler_ == nullptr) {
        added.paper = AddedTicket::Paper::NoPrinter;
    } else if (print) {
        // The console's language: the resident did not choose one on a screen.
        out.printJob = spooler_->submit(
            ticketPrintout(out.view, *findService(serviceId), *texts_, language_, *settings_));
        printJobs_.add(out.printJob, out.view.ticket);
        added.paper = AddedTicket::Paper::Printing;
    }
    lastAdded_ = std::move(added);
    lastAddedJob_ = out.printJob;
    return out;
}

// --- paper for tickets added by hand

void HostDesk::attachPrinter(PrintSpooler* spooler, const Settings* settings, const Texts* texts,
                             std::string language) {
    assert(spooler == nullptr || (settings != nullptr && texts != nullptr));
    spooler_ = spooler;
    settings_ = settings;
    texts_ = texts;
    language_ = std::move(language);
}

bool HostDesk::collectPrintResults() {
    if (spooler_ == nullptr) return false;
    bool changed = false;
    for (const PrintSpooler::Done& done :
         printJobs_.collect(*spooler_, stores_.tickets, clock_.now(), options_.counter)) {
        if (!lastAdded_ || done.job != lastAddedJob_) continue;
        lastAdded_->paper =
            done.outcome == PrintOutcome::Ok ? AddedTicket::Paper::Printed : AddedTicket::Paper::Failed;
        lastAdded_->outcome = done.outcome;
        changed = true;
    }
    return changed;
}

void HostDesk::forgetLastAdded() {
    lastAdded_.reset();
    lastAddedJob_ = 0;
}

Status HostDesk::pauseService(const std::string& serviceId) {
    if (Status s = requireActive(); !s) return s;
    if (Status s = requireServes(serviceId); !s) return s;
    Status s = stores_.changes.setPaused(serviceId, true, clock_.now());
    if (s) touch();
    return s;
}

Status HostDesk::resumeService(const std::string& serviceId) {
    if (Status s = requireActive(); !s) return s;
    if (Status s = requireServes(serviceId); !s) return s;
    Status s = stores_.changes.setPaused(serviceId, false, clock_.now());
    if (s) touch();
    return s;
}

}  // namespace wp
