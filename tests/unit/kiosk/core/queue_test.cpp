// The walk-in queue's domain: numbering, ordering, estimates, walk-in hours, and the local day across
// midnight and both daylight-saving changes of 2026 (29 March, 25 October), all on a fake clock.
#include "kiosk/core/queue.h"

#include <date/date.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "kiosk/core/host_queue_store.h"
#include "tests/unit/queue_fixtures.h"

namespace wp {
namespace {

using namespace std::chrono_literals;
using testing::utc;

// A moment in UTC.
class FakeClock final : public Clock {
  public:
    explicit FakeClock(TimePoint t) : t_(t) {}
    TimePoint now() const override { return t_; }
    void set(TimePoint t) { t_ = t; }
    void advance(std::chrono::seconds d) { t_ += d; }

  private:
    TimePoint t_;
};

// The QueueStore and HostQueueStore contracts in memory, for the domain tests (the SQLite ones have their own
// tests).
class MemoryQueueStore final : public QueueStore, public HostQueueStore {
  public:
    explicit MemoryQueueStore(std::vector<Service> services) {
        for (const auto& s : services) prefixes_[s.id] = s.prefix;
    }

    Result<Ticket> issueTicket(const std::string& serviceId, TimePoint now) override {
        return issueTicketWithOrigin(serviceId, TicketOrigin::WalkIn, now);
    }
    Result<Ticket> issueTicketWithOrigin(const std::string& serviceId, TicketOrigin origin,
                                         TimePoint now) override {
        if (!prefixes_.contains(serviceId)) return Status::notFound("no such service");
        Ticket t;
        t.id = static_cast<std::int64_t>(tickets_.size()) + 1;
        t.serviceId = serviceId;
        t.day = localDay(now);
        t.number = ++counters_[{serviceId, t.day}];
        t.display = formatTicketNumber(prefixes_[serviceId], t.number);
        t.issuedAt = now;
        t.origin = origin;
        tickets_.push_back(t);
        add({0, QueueEventKind::Issued, serviceId, t.day, t.number, "", now});
        return t;
    }
    Result<Ticket> issueAppointmentTicket(const std::string& serviceId, TimePoint bookedStart,
                                          TimePoint now) override {
        auto t = issueTicketWithOrigin(serviceId, TicketOrigin::Appointment, now);
        if (t) tickets_.back().bookedStart = t->bookedStart = bookedStart;
        return t;
    }
    Result<std::vector<Ticket>> waitingTickets(const std::string& serviceId,
                                               const std::string& day) override {
        std::vector<Ticket> out;
        for (const auto& t : tickets_)
            if (t.serviceId == serviceId && t.day == day && t.state == TicketState::Waiting) out.push_back(t);
        std::sort(out.begin(), out.end(),
                  [](const Ticket& a, const Ticket& b) { return a.number < b.number; });
        return out;
    }
    Result<std::vector<Ticket>> ticketsOfDay(const std::string& serviceId, const std::string& day) override {
        std::vector<Ticket> out;
        for (const auto& t : tickets_)
            if (t.serviceId == serviceId && t.day == day) out.push_back(t);
        return out;
    }
    Result<std::vector<Ticket>> allTicketsOfDay(const std::string& day) override {
        std::vector<Ticket> out;
        for (const auto& t : tickets_)
            if (t.day == day) out.push_back(t);
        return out;
    }
    Result<Ticket> ticket(std::int64_t id) override {
        if (id < 1 || id > static_cast<std::int64_t>(tickets_.size())) return Status::notFound("no ticket");
        return tickets_[static_cast<size_t>(id - 1)];
    }
    Result<int> countAhead(const Ticket& ticket) override {
        auto waiting = waitingTickets(ticket.serviceId, ticket.day);
        return static_cast<int>(std::count_if(waiting->begin(), waiting->end(),
                                              [&](const Ticket& t) { return t.number < ticket.number; }));
    }
    Status changeTicketState(std::int64_t id, TicketState to, const std::string& counter,
                             TimePoint now) override {
        if (id < 1 || id > static_cast<std::int64_t>(tickets_.size())) return Status::notFound("no ticket");
        Ticket& t = tickets_[static_cast<size_t>(id - 1)];
        if (!isAllowedTransition(t.state, to)) return Status::conflict("not allowed");
        t.state = to;
        t.counter = to == TicketState::Waiting ? "" : counter;
        add({0, eventForTransition(to), t.serviceId, t.day, t.number, counter, now});
        return Status::ok();
    }
    // A revision-checked state change; transfers are the SQLite store's (see its tests).
    Result<Ticket> changeTicket(const TicketChange& c, TimePoint now) override {
        if (c.ticketId < 1 || c.ticketId > static_cast<std::int64_t>(tickets_.size()))
            return Status::notFound("no ticket");
        if (!c.toServiceId.empty()) return Status::invalidInput("no transfers in memory");
        Ticket& t = tickets_[static_cast<size_t>(c.ticketId - 1)];
        if (t.revision != c.expectedRevision) return Status::conflict("stale revision");
        t.state = c.to;
        t.counter = c.to == TicketState::Waiting ? "" : c.counter;
        if (c.to == TicketState::Done) t.outcome = c.outcome;
        t.revision += 1;
        add({0, c.event, t.serviceId, t.day, t.number, c.counter, now});
        return t;
    }
    Result<std::optional<Ticket>> callFirstWaiting(const std::vector<std::string>& serviceIds,
                                                   const std::string& counter, TimePoint now) override {
        const Ticket* first = nullptr;
        for (const auto& t : tickets_)
            if (t.day == localDay(now) && t.state == TicketState::Waiting && isDueAt(t, now) &&
                std::find(serviceIds.begin(), serviceIds.end(), t.serviceId) != serviceIds.end() &&
                (first == nullptr || callsBefore(t, *first, now)))
                first = &t;
        if (first == nullptr) return std::optional<Ticket>();
        auto called = changeTicket(
            {first->id, first->revision, TicketState::Called, QueueEventKind::Called, counter}, now);
        if (!called) return called.status();
        return std::optional<Ticket>(called.value());
    }
    Status openCounter(const std::string& counter, const std::vector<std::string>& ids,
                       TimePoint now) override {
        for (const auto& id : ids) counterServices_[counter][id] = localDay(now);
        return Status::ok();
    }
    Status closeCounter(const std::string& counter, TimePoint) override {
        counterServices_.erase(counter);
        return Status::ok();
    }
    Result<int> countersServing(const std::string& serviceId, const std::string& day) override {
        int n = 0;
        for (const auto& [counter, services] : counterServices_)
            if (auto it = services.find(serviceId); it != services.end() && it->second == day) ++n;
        return n;
    }
    Status setPaused(const std::string& serviceId, bool paused, TimePoint now) override {
        if (paused)
            pausedOn_[serviceId] = localDay(now);
        else
            pausedOn_.erase(serviceId);
        return Status::ok();
    }
    Result<bool> isPaused(const std::string& serviceId, const std::string& day) override {
        auto it = pausedOn_.find(serviceId);
        return it != pausedOn_.end() && it->second == day;
    }
    Status appendEvent(const QueueEvent& e) override {
        if (!isInformational(e.kind)) return Status::invalidInput("not informational");
        add(e);
        return Status::ok();
    }
    Result<std::vector<QueueEvent>> eventsAfter(std::int64_t afterSeq, int limit) override {
        std::vector<QueueEvent> out;
        for (const auto& e : events_)
            if (e.seq > afterSeq && static_cast<int>(out.size()) < limit) out.push_back(e);
        return out;
    }
    Result<std::vector<QueueEvent>> eventsOfDay(const std::string& serviceId,
                                                const std::string& day) override {
        std::vector<QueueEvent> out;
        for (const auto& e : events_)
            if (e.serviceId == serviceId && e.day == day) out.push_back(e);
        return out;
    }
    Result<std::int64_t> lastEventSeq() override { return static_cast<std::int64_t>(events_.size()); }

  private:
    void add(QueueEvent e) {
        e.seq = static_cast<std::int64_t>(events_.size()) + 1;
        events_.push_back(std::move(e));
    }
    std::map<std::string, std::string> prefixes_;
    std::map<std::pair<std::string, std::string>, int> counters_;
    std::vector<Ticket> tickets_;
    std::vector<QueueEvent> events_;
    std::map<std::string, std::map<std::string, std::string>> counterServices_;
    std::map<std::string, std::string> pausedOn_;
};

// Huurloket as in the demo content: Monday 09:00-12:00, Wednesday 13:00-16:00, Thursday 09:00-12:00 and
// 13:00-16:00; closed on King's Day.
Service huurloket() {
    Service s;
    s.id = "huurloket";
    s.prefix = "H";
    s.nameKey = "service.huurloket";
    s.hintKey = "service.huurloket_hint";
    s.defaultServiceMinutes = 15;
    s.walkIn[0] = {{9 * 60, 12 * 60}};
    s.walkIn[2] = {{13 * 60, 16 * 60}};
    s.walkIn[3] = {{9 * 60, 12 * 60}, {13 * 60, 16 * 60}};
    s.closedDates = {"2026-04-27"};
    return s;
}

// Open around the clock, every day: for the numbering tests, which must not depend on walk-in hours.
Service allDay(std::string id, std::string prefix) {
    Service s;
    s.id = std::move(id);
    s.prefix = std::move(prefix);
    s.defaultServiceMinutes = 10;
    for (auto& day : s.walkIn) day = {{0, 24 * 60}};
    return s;
}

// --- numbering and display

TEST(QueueNumbering, DisplayIsPrefixDashThreeDigits) {
    EXPECT_EQ(formatTicketNumber("H", 1), "H-001");
    EXPECT_EQ(formatTicketNumber("H", 14), "H-014");
    EXPECT_EQ(formatTicketNumber("W", 999), "W-999");
    EXPECT_EQ(formatTicketNumber("G", 1000), "G-1000");
    EXPECT_EQ(formatTicketNumber("AB", 7), "AB-007");
}

TEST(QueueNumbering, NumbersCountPerServiceAndDay) {
    FakeClock clock(utc(2026, 6, 10, 8));  // 10:00 CEST
    MemoryQueueStore store({allDay("huurloket", "H"), allDay("wijkteam", "W")});
    ServiceQueue queue({allDay("huurloket", "H"), allDay("wijkteam", "W")}, store, store, clock);
    EXPECT_EQ(queue.takeTicket("huurloket")->ticket.display, "H-001");
    EXPECT_EQ(queue.takeTicket("huurloket")->ticket.display, "H-002");
    EXPECT_EQ(queue.takeTicket("wijkteam")->ticket.display, "W-001");
    auto third = queue.takeTicket("huurloket");
    ASSERT_TRUE(third.isOk());
    EXPECT_EQ(third->ticket.number, 3);
    EXPECT_EQ(third->ticket.day, "2026-06-10");
    EXPECT_EQ(third->ticket.state, TicketState::Waiting);
    EXPECT_EQ(third->peopleAhead, 2);
}

TEST(QueueNumbering, UnknownServiceIsNotFound) {
    FakeClock clock(utc(2026, 6, 10, 8));
    MemoryQueueStore store({allDay("huurloket", "H")});
    ServiceQueue queue({allDay("huurloket", "H")}, store, store, clock);
    auto t = queue.takeTicket("bakker");
    ASSERT_FALSE(t.isOk());
    EXPECT_EQ(t.status().code(), Status::Code::NotFound);
}

// --- the local day

TEST(QueueLocalDay, RollsOverAtLocalMidnightNotUtc) {
    // Winter (CET, UTC+1): local midnight is 23:00 UTC.
    EXPECT_EQ(localDay(utc(2026, 1, 14, 22, 59, 59)), "2026-01-14");
    EXPECT_EQ(localDay(utc(2026, 1, 14, 23, 0, 0)), "2026-01-15");
    // Summer (CEST, UTC+2): local midnight is 22:00 UTC.
    EXPECT_EQ(localDay(utc(2026, 7, 1, 21, 59, 59)), "2026-07-01");
    EXPECT_EQ(localDay(utc(2026, 7, 1, 22, 0, 0)), "2026-07-02");
    // New year.
    EXPECT_EQ(localDay(utc(2026, 12, 31, 23, 0, 0)), "2027-01-01");
    EXPECT_EQ(nextDay("2026-12-31"), "2027-01-01");
    EXPECT_EQ(nextDay("2028-02-28"), "2028-02-29");
}

TEST(QueueLocalDay, SpringForwardOn29March2026IsA23HourDay) {
    // 29 March starts at 23:00 UTC the day before (CET) and ends at 22:00 UTC (CEST).
    EXPECT_EQ(localDay(utc(2026, 3, 28, 22, 59, 59)), "2026-03-28");
    EXPECT_EQ(localDay(utc(2026, 3, 28, 23, 0, 0)), "2026-03-29");
    EXPECT_EQ(localDay(utc(2026, 3, 29, 21, 59, 59)), "2026-03-29");
    EXPECT_EQ(localDay(utc(2026, 3, 29, 22, 0, 0)), "2026-03-30");
    EXPECT_EQ(fromLocalTime("2026-03-30", 0) - fromLocalTime("2026-03-29", 0), 23h);

    // At 01:00 UTC the clocks jump from 02:00 to 03:00.
    EXPECT_EQ(toLocalTime(utc(2026, 3, 29, 0, 59)).minuteOfDay, 1 * 60 + 59);
    EXPECT_EQ(toLocalTime(utc(2026, 3, 29, 1, 0)).minuteOfDay, 3 * 60);
    // 02:30 does not exist that night: it means the first moment after the gap.
    EXPECT_EQ(fromLocalTime("2026-03-29", 2 * 60 + 30), utc(2026, 3, 29, 1, 0));
    EXPECT_EQ(fromLocalTime("2026-03-29", 9 * 60), utc(2026, 3, 29, 7, 0));
    EXPECT_EQ(toLocalTime(utc(2026, 3, 29, 12)).weekday, 6);  // Sunday
}

TEST(QueueLocalDay, FallBackOn25October2026IsA25HourDay) {
    // 25 October starts at 22:00 UTC the day before (CEST) and ends at 23:00 UTC (CET).
    EXPECT_EQ(localDay(utc(2026, 10, 24, 21, 59, 59)), "2026-10-24");
    EXPECT_EQ(localDay(utc(2026, 10, 24, 22, 0, 0)), "2026-10-25");
    EXPECT_EQ(localDay(utc(2026, 10, 25, 22, 59, 59)), "2026-10-25");
    EXPECT_EQ(localDay(utc(2026, 10, 25, 23, 0, 0)), "2026-10-26");
    EXPECT_EQ(fromLocalTime("2026-10-26", 0) - fromLocalTime("2026-10-25", 0), 25h);

    // 02:30 happens twice: at 00:30 UTC (CEST) and at 01:30 UTC (CET). Both belong to the 25th.
    EXPECT_EQ(toLocalTime(utc(2026, 10, 25, 0, 30)).minuteOfDay, 2 * 60 + 30);
    EXPECT_EQ(toLocalTime(utc(2026, 10, 25, 1, 30)).minuteOfDay, 2 * 60 + 30);
    EXPECT_EQ(fromLocalTime("2026-10-25", 2 * 60 + 30), utc(2026, 10, 25, 0, 30));  // the first one
    EXPECT_EQ(fromLocalTime("2026-10-26", 9 * 60), utc(2026, 10, 26, 8, 0));        // 09:00 CET
}

// Issues a ticket just before and just after local midnight and expects the count to start again.
void expectRolloverAt(TimePoint lastSecondOfDay, const std::string& dayBefore, const std::string& dayAfter) {
    FakeClock clock(lastSecondOfDay - 1h);
    MemoryQueueStore store({allDay("gemeente", "G")});
    ServiceQueue queue({allDay("gemeente", "G")}, store, store, clock);
    ASSERT_TRUE(queue.takeTicket("gemeente").isOk());
    clock.set(lastSecondOfDay);
    auto before = queue.takeTicket("gemeente");
    ASSERT_TRUE(before.isOk());
    EXPECT_EQ(before->ticket.day, dayBefore);
    EXPECT_EQ(before->ticket.display, "G-002");
    clock.advance(1s);
    auto after = queue.takeTicket("gemeente");
    ASSERT_TRUE(after.isOk());
    EXPECT_EQ(after->ticket.day, dayAfter);
    EXPECT_EQ(after->ticket.display, "G-001");
    EXPECT_EQ(after->peopleAhead, 0);  // yesterday's waiting tickets are not ahead of today's
}

TEST(QueueLocalDay, NumberingStartsAgainAtLocalMidnight) {
    expectRolloverAt(utc(2026, 1, 14, 22, 59, 59), "2026-01-14", "2026-01-15");
}

TEST(QueueLocalDay, NumberingStartsAgainAroundSpringForward) {
    expectRolloverAt(utc(2026, 3, 28, 22, 59, 59), "2026-03-28", "2026-03-29");  // into the short day
    expectRolloverAt(utc(2026, 3, 29, 21, 59, 59), "2026-03-29", "2026-03-30");  // out of it
}

TEST(QueueLocalDay, NumberingStartsAgainAroundFallBack) {
    expectRolloverAt(utc(2026, 10, 24, 21, 59, 59), "2026-10-24", "2026-10-25");  // into the long day
    expectRolloverAt(utc(2026, 10, 25, 22, 59, 59), "2026-10-25", "2026-10-26");  // out of it
}

TEST(QueueLocalDay, TheRepeatedHourInOctoberKeepsCounting) {
    // 02:30 CEST and 02:30 CET are the same wall time on the same day: numbers go on, never repeat.
    FakeClock clock(utc(2026, 10, 25, 0, 30));
    MemoryQueueStore store({allDay("gemeente", "G")});
    ServiceQueue queue({allDay("gemeente", "G")}, store, store, clock);
    EXPECT_EQ(queue.takeTicket("gemeente")->ticket.number, 1);
    clock.set(utc(2026, 10, 25, 1, 30));
    EXPECT_EQ(queue.takeTicket("gemeente")->ticket.number, 2);
}

// --- ordering

TEST(QueueOrdering, WaitingTicketsInNumberOrderAndAheadShrinks) {
    FakeClock clock(utc(2026, 6, 10, 8));
    MemoryQueueStore store({allDay("huurloket", "H")});
    ServiceQueue queue({allDay("huurloket", "H")}, store, store, clock);
    std::vector<Ticket> issued;
    for (int i = 0; i < 4; ++i) {
        clock.advance(1min);
        issued.push_back(queue.takeTicket("huurloket")->ticket);
    }
    auto waiting = store.waitingTickets("huurloket", "2026-06-10");
    ASSERT_EQ(waiting->size(), 4u);
    for (size_t i = 0; i < 4; ++i) EXPECT_EQ(waiting.value()[i].number, static_cast<int>(i) + 1);
    EXPECT_EQ(queue.view(issued[3])->peopleAhead, 3);

    ASSERT_TRUE(store.changeTicketState(issued[0].id, TicketState::Called, "Balie 1", clock.now()).isOk());
    EXPECT_EQ(queue.view(issued[3])->peopleAhead, 2);
    // Put back in line, the ticket takes its old place (its number) again.
    ASSERT_TRUE(store.changeTicketState(issued[0].id, TicketState::Waiting, "Balie 1", clock.now()).isOk());
    EXPECT_EQ(queue.view(issued[3])->peopleAhead, 3);
    EXPECT_EQ(queue.view(issued[0])->peopleAhead, 0);
}

TEST(QueueOrdering, AllowedTransitions) {
    using S = TicketState;
    EXPECT_TRUE(isAllowedTransition(S::Waiting, S::Called));
    EXPECT_TRUE(isAllowedTransition(S::Waiting, S::Cancelled));
    EXPECT_TRUE(isAllowedTransition(S::Called, S::Serving));
    EXPECT_TRUE(isAllowedTransition(S::Called, S::NoShow));
    EXPECT_TRUE(isAllowedTransition(S::Called, S::Waiting));
    EXPECT_TRUE(isAllowedTransition(S::Called, S::Done));
    EXPECT_TRUE(isAllowedTransition(S::Serving, S::Done));
    EXPECT_FALSE(isAllowedTransition(S::Waiting, S::Done));
    EXPECT_FALSE(isAllowedTransition(S::Done, S::Waiting));
    EXPECT_FALSE(isAllowedTransition(S::NoShow, S::Called));
    EXPECT_FALSE(isAllowedTransition(S::Cancelled, S::Called));
    EXPECT_FALSE(isAllowedTransition(S::Serving, S::Waiting));
}

TEST(QueueOrdering, StateAndEventNamesRoundTrip) {
    for (auto s : {TicketState::Waiting, TicketState::Called, TicketState::Serving, TicketState::Done,
                   TicketState::NoShow, TicketState::Cancelled})
        EXPECT_EQ(ticketStateFromString(toString(s)), s);
    EXPECT_EQ(toString(TicketState::NoShow), "no-show");
    EXPECT_FALSE(ticketStateFromString("lost").has_value());
    for (int k = 0; k <= static_cast<int>(QueueEventKind::PrintFailed); ++k) {
        auto kind = static_cast<QueueEventKind>(k);
        EXPECT_EQ(queueEventKindFromString(toString(kind)), kind);
    }
    EXPECT_EQ(toString(QueueEventKind::PrintFailed), "print-failed");
    EXPECT_TRUE(isInformational(QueueEventKind::Printed));
    EXPECT_FALSE(isInformational(QueueEventKind::Issued));
}

// --- estimates

TEST(QueueEstimate, ServiceDurationsRunFromCalledToDone) {
    TimePoint t0 = utc(2026, 6, 10, 8);
    auto ev = [&](QueueEventKind k, int number, std::chrono::seconds at) {
        return QueueEvent{0, k, "huurloket", "2026-06-10", number, "Balie 1", t0 + at};
    };
    std::vector<QueueEvent> events = {
        ev(QueueEventKind::Issued, 1, 0s),   ev(QueueEventKind::Issued, 2, 10s),
        ev(QueueEventKind::Issued, 3, 20s),  ev(QueueEventKind::Called, 1, 60s),
        ev(QueueEventKind::Serving, 1, 90s), ev(QueueEventKind::Done, 1, 660s),    // 600 s
        ev(QueueEventKind::Called, 2, 700s), ev(QueueEventKind::NoShow, 2, 820s),  // not counted
        ev(QueueEventKind::Called, 3, 830s), ev(QueueEventKind::Returned, 3, 840s),
        ev(QueueEventKind::Called, 3, 900s), ev(QueueEventKind::Done, 3, 1200s),  // 300 s from the 2nd call
        ev(QueueEventKind::Done, 9, 1300s),                                       // never called: ignored
    };
    EXPECT_EQ(serviceDurations(events), (std::vector<std::chrono::seconds>{600s, 300s}));
}

TEST(QueueEstimate, ServiceQueueUsesCountersHistoryAndDefault) {
    FakeClock clock(utc(2026, 6, 10, 8));
    Service g = allDay("gemeente", "G");
    g.defaultServiceMinutes = 10;
    MemoryQueueStore store({g});
    ServiceQueue queue({g}, store, store, clock);
    std::vector<Ticket> t;
    for (int i = 0; i < 5; ++i) t.push_back(queue.takeTicket("gemeente")->ticket);

    // No counter open: unknown, whatever the line.
    auto v = queue.view(t[4]);
    ASSERT_TRUE(v.isOk());
    EXPECT_EQ(v->peopleAhead, 4);
    EXPECT_EQ(v->estimatedWait, std::nullopt);

    // One counter, no history: 4 x the content's 10 minutes.
    ASSERT_TRUE(store.openCounter("Balie 1", {"gemeente"}, clock.now()).isOk());
    EXPECT_EQ(queue.view(t[4])->estimatedWait, 2400s);

    // Serve one in 4 minutes: 3 ahead x 240 s.
    ASSERT_TRUE(store.changeTicketState(t[0].id, TicketState::Called, "Balie 1", clock.now()).isOk());
    clock.advance(240s);
    ASSERT_TRUE(store.changeTicketState(t[0].id, TicketState::Done, "Balie 1", clock.now()).isOk());
    EXPECT_EQ(queue.view(t[4])->estimatedWait, 720s);

    // A second counter halves it.
    ASSERT_TRUE(store.openCounter("Balie 2", {"gemeente", "huurloket"}, clock.now()).isOk());
    EXPECT_EQ(queue.view(t[4])->estimatedWait, 360s);
    EXPECT_EQ(roundUpToMinutes(360s), 6min);
    EXPECT_EQ(roundUpToMinutes(361s), 7min);

    // A called ticket waits no more; a finished one has no estimate.
    ASSERT_TRUE(store.changeTicketState(t[1].id, TicketState::Called, "Balie 2", clock.now()).isOk());
    EXPECT_EQ(queue.view(store.ticket(t[1].id).value())->estimatedWait, 0s);
    EXPECT_EQ(queue.view(store.ticket(t[0].id).value())->estimatedWait, std::nullopt);

    // Both counters close: unknown again.
    ASSERT_TRUE(store.closeCounter("Balie 1", clock.now()).isOk());
    ASSERT_TRUE(store.closeCounter("Balie 2", clock.now()).isOk());
    EXPECT_EQ(queue.view(t[4])->estimatedWait, std::nullopt);
}

// --- walk-in hours

TEST(QueueWalkIn, OpenInsideAWindowWithItsEnd) {
    // Monday 8 June 2026, 10:00 CEST.
    auto s = walkInStatus(huurloket(), utc(2026, 6, 8, 8), false);
    EXPECT_EQ(s.state, WalkInState::Open);
    EXPECT_EQ(s.closesAt, utc(2026, 6, 8, 10));  // 12:00 CEST
    EXPECT_EQ(s.nextOpening, std::nullopt);
    // The window's first minute is open, its end is not.
    EXPECT_EQ(walkInStatus(huurloket(), utc(2026, 6, 8, 7), false).state, WalkInState::Open);
    EXPECT_EQ(walkInStatus(huurloket(), utc(2026, 6, 8, 10), false).state, WalkInState::Closed);
}

TEST(QueueWalkIn, ClosedShowsTheNextOpening) {
    // Monday 12:30 CEST -> Wednesday 13:00 CEST.
    auto s = walkInStatus(huurloket(), utc(2026, 6, 8, 10, 30), false);
    EXPECT_EQ(s.state, WalkInState::Closed);
    EXPECT_EQ(s.nextOpening, utc(2026, 6, 10, 11));
    // Thursday between the two windows -> the afternoon.
    EXPECT_EQ(walkInStatus(huurloket(), utc(2026, 6, 11, 10, 30), false).nextOpening, utc(2026, 6, 11, 11));
    // Before opening on Monday -> that morning.
    EXPECT_EQ(walkInStatus(huurloket(), utc(2026, 6, 8, 5), false).nextOpening, utc(2026, 6, 8, 7));
}

TEST(QueueWalkIn, PausedInsideAWindowPointsToTheNextWindow) {
    // Thursday 10:00 CEST, paused -> the afternoon window at 13:00.
    auto s = walkInStatus(huurloket(), utc(2026, 6, 11, 8), true);
    EXPECT_EQ(s.state, WalkInState::Paused);
    EXPECT_EQ(s.nextOpening, utc(2026, 6, 11, 11));
    // A pause outside walk-in hours is just closed.
    EXPECT_EQ(walkInStatus(huurloket(), utc(2026, 6, 9, 8), true).state, WalkInState::Closed);
}

TEST(QueueWalkIn, ClosedDatesAreSkipped) {
    // King's Day, Monday 27 April 2026, 10:00 CEST: closed; next is Wednesday 29 April 13:00 CEST.
    auto s = walkInStatus(huurloket(), utc(2026, 4, 27, 8), false);
    EXPECT_EQ(s.state, WalkInState::Closed);
    EXPECT_EQ(s.nextOpening, utc(2026, 4, 29, 11));
}

TEST(QueueWalkIn, NextOpeningAcrossBothDaylightSavingChanges) {
    // Saturday 28 March 18:00 CET -> Monday 30 March 09:00 CEST = 07:00 UTC.
    EXPECT_EQ(walkInStatus(huurloket(), utc(2026, 3, 28, 17), false).nextOpening, utc(2026, 3, 30, 7));
    // Thursday 26 March 09:00 CET = 08:00 UTC is open; the Monday after is 09:00 CEST = 07:00 UTC.
    EXPECT_EQ(walkInStatus(huurloket(), utc(2026, 3, 26, 8), false).state, WalkInState::Open);
    EXPECT_EQ(walkInStatus(huurloket(), utc(2026, 3, 26, 7, 59), false).state, WalkInState::Closed);
    // Saturday 24 October 18:00 CEST -> Monday 26 October 09:00 CET = 08:00 UTC.
    EXPECT_EQ(walkInStatus(huurloket(), utc(2026, 10, 24, 16), false).nextOpening, utc(2026, 10, 26, 8));
    EXPECT_EQ(walkInStatus(huurloket(), utc(2026, 10, 26, 7, 59), false).state, WalkInState::Closed);
    EXPECT_EQ(walkInStatus(huurloket(), utc(2026, 10, 26, 8), false).state, WalkInState::Open);
}

TEST(QueueWalkIn, NoHoursWithinTwoWeeksHasNoNextOpening) {
    Service s = huurloket();
    for (auto& day : s.walkIn) day.clear();
    auto st = walkInStatus(s, utc(2026, 6, 8, 8), false);
    EXPECT_EQ(st.state, WalkInState::Closed);
    EXPECT_EQ(st.nextOpening, std::nullopt);
}

TEST(QueueWalkIn, ServiceQueueRefusesClosedAndPausedServices) {
    FakeClock clock(utc(2026, 6, 9, 8));  // Tuesday: no Huurloket walk-in
    MemoryQueueStore store({huurloket()});
    ServiceQueue queue({huurloket()}, store, store, clock);
    auto closed = queue.takeTicket("huurloket");
    ASSERT_FALSE(closed.isOk());
    EXPECT_EQ(closed.status().code(), Status::Code::Unavailable);
    EXPECT_EQ(queue.walkInStatus("huurloket")->nextOpening, utc(2026, 6, 10, 11));

    clock.set(utc(2026, 6, 10, 11, 30));  // Wednesday 13:30: open
    ASSERT_TRUE(queue.takeTicket("huurloket").isOk());
    ASSERT_TRUE(store.setPaused("huurloket", true, clock.now()).isOk());
    EXPECT_EQ(queue.walkInStatus("huurloket")->state, WalkInState::Paused);
    auto paused = queue.takeTicket("huurloket");
    ASSERT_FALSE(paused.isOk());
    EXPECT_EQ(paused.status().code(), Status::Code::Unavailable);

    ASSERT_TRUE(store.setPaused("huurloket", false, clock.now()).isOk());
    auto again = queue.takeTicket("huurloket");
    ASSERT_TRUE(again.isOk());
    EXPECT_EQ(again->ticket.display, "H-002");
}

}  // namespace
}  // namespace wp
