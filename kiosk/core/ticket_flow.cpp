#include "kiosk/core/ticket_flow.h"

#include <fmt/format.h>

#include "kiosk/core/ticket_words.h"

namespace wp {

TicketFlow::TicketFlow(ServiceQueue& queue, QueueStore& store, PrintSpooler* spooler,
                       const Settings& settings, const Clock& clock)
    : queue_(queue), store_(store), spooler_(spooler), settings_(settings), clock_(clock) {}

void TicketFlow::refreshChoices() {
    choices_.clear();
    for (const Service& s : queue_.services()) {
        auto status = queue_.walkInStatus(s.id);
        // A store that cannot answer is treated as closed: no ticket is promised that cannot be issued.
        choices_.push_back({&s, status ? status.value() : WalkInStatus{}});
    }
}

const TicketFlow::Choice* TicketFlow::choice(const std::string& serviceId) const {
    for (const Choice& c : choices_)
        if (c.service->id == serviceId) return &c;
    return nullptr;
}

TicketFlow::Outcome TicketFlow::take(const std::string& serviceId, const Texts& texts,
                                     const std::string& language) {
    wipe();
    auto taken = queue_.takeTicket(serviceId);
    if (!taken) {
        failure_ = taken.status().message();
        refreshChoices();
        return taken.status().code() == Status::Code::Unavailable ? Outcome::Closed : Outcome::Failed;
    }
    ticket_ = std::move(taken).value();
    const Ticket& t = ticket_->ticket;
    if (spooler_ == nullptr) return Outcome::Issued;

    job_ = spooler_->submit(
        ticketPrintout(*ticket_, *queue_.findService(serviceId), texts, language, settings_));
    jobs_.add(job_, t);
    printState_ = PrintState::Printing;
    return Outcome::Issued;
}

void TicketFlow::adopt(const TicketView& view, const Texts& texts, const std::string& language) {
    wipe();
    ticket_ = view;
    const Service* service = queue_.findService(view.ticket.serviceId);
    if (spooler_ == nullptr || service == nullptr) return;
    TicketPrintout printout = ticketPrintout(*ticket_, *service, texts, language, settings_);
    // An appointment ticket is called at its booked time, not by its place in line.
    if (view.ticket.bookedStart)
        printout.queueLines = {fillIn(texts.get(language, "checkin.called_at"),
                                      {{"time", formatLocalHourMinute(*view.ticket.bookedStart)}})};
    job_ = spooler_->submit(std::move(printout));
    jobs_.add(job_, view.ticket);
    printState_ = PrintState::Printing;
}

std::vector<PrintSpooler::Done> TicketPrintJobs::collect(PrintSpooler& spooler, QueueStore& store,
                                                         TimePoint now, const std::string& counter) {
    std::vector<PrintSpooler::Done> collected;
    for (const PrintSpooler::Done& done : spooler.takeResults(PrintSpooler::JobKind::Ticket)) {
        auto it = pending_.find(done.job);
        if (it == pending_.end()) continue;
        const Ticket& t = it->second;
        QueueEvent e;
        e.kind = done.outcome == PrintOutcome::Ok ? QueueEventKind::Printed : QueueEventKind::PrintFailed;
        e.serviceId = t.serviceId;
        e.day = t.day;
        e.number = t.number;
        e.counter = counter;
        e.at = now;
        (void)store.appendEvent(e);
        if (observer_) observer_(done.outcome);
        collected.push_back(done);
        pending_.erase(it);
    }
    return collected;
}

bool TicketFlow::collectPrintResults() {
    if (spooler_ == nullptr) return false;
    bool changed = false;
    for (const PrintSpooler::Done& done : jobs_.collect(*spooler_, store_, clock_.now())) {
        if (done.job != job_) continue;
        printOutcome_ = done.outcome;
        printState_ = done.outcome == PrintOutcome::Ok ? PrintState::Printed : PrintState::Failed;
        changed = true;
    }
    return changed;
}

bool TicketFlow::refreshTicket() {
    if (!ticket_) return false;
    auto current = store_.ticket(ticket_->ticket.id);
    if (!current) return false;  // a busy database: the screen keeps what it showed
    auto view = queue_.view(current.value());
    if (!view) return false;
    const bool changed =
        view->ticket.state != ticket_->ticket.state || view->ticket.counter != ticket_->ticket.counter ||
        view->peopleAhead != ticket_->peopleAhead || view->estimatedWait != ticket_->estimatedWait;
    ticket_ = std::move(view).value();
    return changed;
}

bool TicketFlow::canPrint() const {
    if (spooler_ == nullptr) return false;
    if (!spooler_->hasStatus()) return true;  // not known yet: do not alarm anyone
    return spooler_->lastStatus().canPrint();
}

void TicketFlow::requestPrinterStatus() {
    if (spooler_) spooler_->requestStatus();
}

void TicketFlow::wipe() {
    ticket_.reset();
    printState_ = PrintState::None;
    printOutcome_ = PrintOutcome::Ok;
    job_ = 0;
    failure_.clear();
}

bool TicketFlow::holdsNothing() const {
    return !ticket_ && printState_ == PrintState::None && job_ == 0 && failure_.empty();
}

std::string TicketFlow::queuePageUrl(const Ticket& t) const {
    return wp::queuePageUrl(settings_, t);
}

std::string queuePageUrl(const Settings& settings, const Ticket& t) {
    if (settings.central.publicUrl.empty()) return {};
    return fmt::format("{}/queue/{}/{}/{}", settings.central.publicUrl, settings.contactPoint.letters, t.day,
                       t.display);
}

std::vector<std::string> TicketFlow::queueLines(const Texts& texts, const std::string& language) const {
    if (!ticket_) return {};
    const Service* service = queue_.findService(ticket_->ticket.serviceId);
    if (service == nullptr) return {};
    const TimePoint now = clock_.now();
    return ticketQueueLines(*ticket_, walkInStatus(*service, now, false), now, texts, language);
}

TicketPrintout ticketPrintout(const TicketView& view, const Service& service, const Texts& texts,
                              const std::string& language, const Settings& settings) {
    const Ticket& t = view.ticket;
    TicketPrintout p;
    p.number = t.display;
    p.service = texts.get(language, service.nameKey);
    // Printed when issued: the walk-in state at that moment (a host's pause is not on paper).
    p.queueLines =
        ticketQueueLines(view, walkInStatus(service, t.issuedAt, false), t.issuedAt, texts, language);
    const LocalTime issued = toLocalTime(t.issuedAt);
    p.issuedDate =
        fmt::format("{}-{}-{}", issued.day.substr(8, 2), issued.day.substr(5, 2), issued.day.substr(0, 4));
    p.issuedAt = formatLocalHourMinute(t.issuedAt);
    p.contactPoint = settings.contactPoint.name;
    p.residentLine = texts.get(language, "ticket.resident_line");
    p.missedCall = texts.get(language, "ticket.missed_call");
    p.qrUrl = queuePageUrl(settings, t);
    p.qrAddress = addressInLetters(p.qrUrl);
    p.labels.issuedAt = texts.get(language, "ticket.print_time");
    p.labels.qrCaption = texts.get(language, "ticket.qr_caption");
    return p;
}

}  // namespace wp
