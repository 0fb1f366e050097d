#include "central/appointment_slots.h"

#include <algorithm>

#include "common/local_time.h"

namespace wp {

namespace {

// Calls f(start, end) for every slot of the agenda on one local day, in order, without the horizon.
template <typename F>
void forEachSlotOfDay(const Agenda& agenda, const LocalTime& day, F&& f) {
    if (agenda.slotMinutes <= 0) return;
    std::vector<const AgendaClosure*> closures;
    for (const AgendaClosure& c : agenda.closures)
        if (c.day == day.day) closures.push_back(&c);
    for (const AgendaWindow& w : agenda.weekly[static_cast<std::size_t>(day.weekday)]) {
        for (int m = w.fromMinute; m + agenda.slotMinutes <= w.toMinute; m += agenda.slotMinutes) {
            int end = m + agenda.slotMinutes;
            bool closed = std::any_of(closures.begin(), closures.end(), [&](const AgendaClosure* c) {
                return m < c->toMinute && end > c->fromMinute;
            });
            if (closed) continue;
            TimePoint start = fromLocalTime(day.day, m);
            // A wall time in the skipped spring hour maps to after the gap: not a slot of this day.
            LocalTime back = toLocalTime(start);
            if (back.day != day.day || back.minuteOfDay != m) continue;
            f(start, start + std::chrono::minutes(agenda.slotMinutes));
        }
    }
}

}  // namespace

TimePoint SlotHorizon::to() const {
    std::string day = localDay(now);
    for (int i = 0; i < days; ++i) day = nextDay(day);
    return fromLocalTime(day, 0);
}

std::vector<FreeSlot> freeSlots(const Agenda& agenda, const std::vector<SeatCount>& taken,
                                const SlotHorizon& horizon) {
    std::vector<FreeSlot> out;
    if (!agenda.active) return out;
    const TimePoint from = horizon.from();
    const TimePoint to = horizon.to();
    LocalTime day = toLocalTime(horizon.now);
    day.minuteOfDay = 0;
    for (int i = 0; i < horizon.days; ++i) {
        forEachSlotOfDay(agenda, day, [&](TimePoint start, TimePoint end) {
            if (start < from || start >= to) return;
            auto it = std::lower_bound(taken.begin(), taken.end(), start,
                                       [](const SeatCount& s, TimePoint t) { return s.start < t; });
            int used = it != taken.end() && it->start == start ? it->taken : 0;
            if (agenda.parallel - used >= 1) out.push_back({start, end, agenda.parallel - used});
        });
        day.day = nextDay(day.day);
        day.weekday = (day.weekday + 1) % 7;
    }
    // Windows of a day are sorted, so slots come soonest first; sorting keeps that true for any agenda.
    std::stable_sort(out.begin(), out.end(),
                     [](const FreeSlot& a, const FreeSlot& b) { return a.start < b.start; });
    return out;
}

std::optional<FreeSlot> slotStartingAt(const Agenda& agenda, TimePoint start, const SlotHorizon& horizon) {
    if (!agenda.active || start < horizon.from() || start >= horizon.to()) return std::nullopt;
    LocalTime day = toLocalTime(start);
    std::optional<FreeSlot> found;
    forEachSlotOfDay(agenda, day, [&](TimePoint s, TimePoint e) {
        if (s == start) found = FreeSlot{s, e, agenda.parallel};
    });
    return found;
}

std::pair<TimePoint, TimePoint> localDayBounds(const std::string& day) {
    return {fromLocalTime(day, 0), fromLocalTime(nextDay(day), 0)};
}

}  // namespace wp
