#include "kiosk/core/call_board.h"

#include <algorithm>
#include <cctype>

namespace wp {

namespace {

constexpr int kPageSize = 256;

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

}  // namespace

std::string spokenCall(std::string_view ticket, std::string_view counter) {
    // "H-014": letters, then the number; the dash is optional.
    size_t digits = 0;
    while (digits < ticket.size() && !isDigit(ticket[digits])) ++digits;
    std::string out;
    for (size_t i = 0; i < digits; ++i) {
        char c = ticket[i];
        if (c == '-' || c == ' ') continue;
        if (!out.empty()) out += ' ';
        out += c;
    }
    std::string_view number = ticket.substr(digits);
    while (number.size() > 1 && number.front() == '0') number.remove_prefix(1);
    if (!number.empty()) {
        if (!out.empty()) out += ' ';
        out += number;
    }
    if (!counter.empty()) {
        out += ", ";
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(counter.front())));
        out += counter.substr(1);
    }
    return out;
}

CallBoard::CallBoard(std::vector<Service> services, QueueStore& store, const Clock& clock)
    : services_(std::move(services)), store_(store), clock_(clock) {}

void CallBoard::startDay(const std::string& day) {
    day_ = day;
    latest_.reset();
    previous_.clear();
    waiting_.clear();
    paused_.clear();
}

void CallBoard::apply(const QueueEvent& e, std::vector<BoardCall>* fresh) {
    auto& waiting = waiting_[e.serviceId];
    switch (e.kind) {
        case QueueEventKind::Issued:
        case QueueEventKind::Returned:
        case QueueEventKind::NoShowUndone:
        case QueueEventKind::TransferredIn:
            waiting.insert(e.number);
            break;
        case QueueEventKind::Serving:
        case QueueEventKind::Done:
        case QueueEventKind::NoShow:
        case QueueEventKind::Cancelled:
        case QueueEventKind::Parked:
        case QueueEventKind::TransferredOut:
            waiting.erase(e.number);
            break;
        case QueueEventKind::Paused:
            paused_.insert(e.serviceId);
            break;
        case QueueEventKind::Resumed:
            paused_.erase(e.serviceId);
            break;
        case QueueEventKind::Called:
        case QueueEventKind::Recalled: {
            waiting.erase(e.number);
            BoardCall call;
            call.ticket = e.display;
            if (call.ticket.empty()) {
                // An event stored before displays were recorded: prefix and number.
                for (const Service& s : services_)
                    if (s.id == e.serviceId) call.ticket = formatTicketNumber(s.prefix, e.number);
            }
            call.serviceId = e.serviceId;
            call.counter = e.counter;
            call.at = e.at;
            call.recall = e.kind == QueueEventKind::Recalled;
            call.seq = e.seq;
            // A ticket shows once: its newest call.
            std::erase_if(previous_, [&](const BoardCall& c) { return c.ticket == call.ticket; });
            if (latest_ && latest_->ticket != call.ticket) previous_.push_front(*latest_);
            while (previous_.size() > kPreviousCalls) previous_.pop_back();
            latest_ = call;
            if (fresh != nullptr) fresh->push_back(std::move(call));
            break;
        }
        default:
            break;
    }
}

Result<std::vector<BoardCall>> CallBoard::poll() {
    std::string today = localDay(clock_.now());
    if (today != day_) {
        // Catch up with the day so far without announcing anything: everything up to the newest event now.
        auto newest = store_.lastEventSeq();
        if (!newest) return newest.status();
        std::vector<QueueEvent> events;
        for (const Service& s : services_) {
            auto of = store_.eventsOfDay(s.id, today);
            if (!of) return of.status();
            for (QueueEvent& e : of.value())
                if (e.seq <= newest.value()) events.push_back(std::move(e));
        }
        std::sort(events.begin(), events.end(),
                  [](const QueueEvent& a, const QueueEvent& b) { return a.seq < b.seq; });
        startDay(today);
        for (const QueueEvent& e : events) apply(e, nullptr);
        lastSeq_ = newest.value();
    }

    std::vector<BoardCall> fresh;
    for (;;) {
        auto events = store_.eventsAfter(lastSeq_, kPageSize);
        if (!events) return events.status();
        for (const QueueEvent& e : events.value()) {
            lastSeq_ = std::max(lastSeq_, e.seq);
            if (e.day == day_) apply(e, &fresh);
        }
        if (events->size() < static_cast<size_t>(kPageSize)) break;
    }
    return fresh;
}

std::vector<BoardServiceCount> CallBoard::counts() const {
    std::vector<BoardServiceCount> out;
    const TimePoint now = clock_.now();
    for (const Service& s : services_) {
        const bool paused = paused_.contains(s.id);
        const bool closed = walkInStatus(s, now, paused).state == WalkInState::Closed;
        out.push_back({s.id, waiting(s.id), paused, closed});
    }
    return out;
}

int CallBoard::waiting(const std::string& serviceId) const {
    auto it = waiting_.find(serviceId);
    return it == waiting_.end() ? 0 : static_cast<int>(it->second.size());
}

}  // namespace wp
