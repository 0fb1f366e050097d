#include "central/appointment_slots.h"

#include <gtest/gtest.h>

namespace wp {
namespace {

using namespace std::chrono_literals;

TimePoint at(const char* rfc3339) {
    return *parseRfc3339(rfc3339);
}

std::vector<std::string> starts(const std::vector<FreeSlot>& slots) {
    std::vector<std::string> out;
    for (const auto& s : slots) out.push_back(formatRfc3339(s.start));
    return out;
}

// Weekdays 09:00-12:00 and Thursday afternoon 13:00-16:00, 15 minutes, 2 seats.
Agenda weekdays() {
    Agenda a;
    a.contactPoint = "SGN";
    a.service = "gemeente";
    for (int d = 0; d < 5; ++d) a.weekly[static_cast<std::size_t>(d)] = {{540, 720}};
    a.weekly[3].push_back({780, 960});
    a.slotMinutes = 15;
    a.parallel = 2;
    return a;
}

// Monday 7 December 2026, 07:00 local: the first slot that is 60 minutes away is 09:00 local (08:00Z).
SlotHorizon mondayMorning() {
    return {at("2026-12-07T06:00:00Z"), 60min, 14};
}

TEST(AppointmentSlotsTest, SlotsFollowTheWindowsSoonestFirstWithTheirFreeSeats) {
    auto slots = freeSlots(weekdays(), {}, mondayMorning());
    ASSERT_FALSE(slots.empty());
    EXPECT_EQ(slots.front().start, at("2026-12-07T08:00:00Z"));
    EXPECT_EQ(slots.front().end, at("2026-12-07T08:15:00Z"));
    EXPECT_EQ(slots.front().free, 2);
    // Ten weekdays in 14 days (7..20 December), 12 slots a morning, 12 more on the two Thursday afternoons.
    EXPECT_EQ(slots.size(), 10u * 12u + 2u * 12u);
    EXPECT_TRUE(std::is_sorted(slots.begin(), slots.end(),
                               [](const FreeSlot& a, const FreeSlot& b) { return a.start < b.start; }));
}

TEST(AppointmentSlotsTest, TakenSeatsAreSubtractedAndAFullSlotIsLeftOut) {
    std::vector<SeatCount> taken = {{at("2026-12-07T08:00:00Z"), 2}, {at("2026-12-07T08:15:00Z"), 1}};
    auto slots = freeSlots(weekdays(), taken, mondayMorning());
    ASSERT_GE(slots.size(), 2u);
    EXPECT_EQ(slots[0].start, at("2026-12-07T08:15:00Z"));
    EXPECT_EQ(slots[0].free, 1);
    EXPECT_EQ(slots[1].start, at("2026-12-07T08:30:00Z"));
    EXPECT_EQ(slots[1].free, 2);
}

TEST(AppointmentSlotsTest, ASlotLengthThatDoesNotDivideTheWindowLeavesItsEndUnused) {
    Agenda a = weekdays();
    for (auto& day : a.weekly) day.clear();
    a.weekly[0] = {{540, 600}};  // Monday 09:00-10:00
    a.slotMinutes = 25;
    auto slots = freeSlots(a, {}, {at("2026-12-07T06:00:00Z"), 60min, 1});
    EXPECT_EQ(starts(slots),
              (std::vector<std::string>{"2026-12-07T08:00:00.000Z", "2026-12-07T08:25:00.000Z"}));
    EXPECT_EQ(slots.back().end, at("2026-12-07T08:50:00Z"));
}

TEST(AppointmentSlotsTest, ClosuresTakeAWholeDayOrEverySlotTheyTouch) {
    Agenda a = weekdays();
    a.closures = {{"2026-12-10", 780, 1020},  // Thursday afternoon closed: 13:00-17:00
                  {"2026-12-11", 0, 1440},    // Friday closed all day
                  {"2026-12-14", 610, 620}};  // Monday 10:10-10:20: the 10:00 and 10:15 slots overlap it
    auto slots = freeSlots(a, {}, mondayMorning());
    auto has = [&](const char* t) {
        return std::any_of(slots.begin(), slots.end(), [&](const FreeSlot& s) { return s.start == at(t); });
    };
    EXPECT_TRUE(has("2026-12-10T10:45:00Z"));   // Thursday 11:45, the morning stays
    EXPECT_FALSE(has("2026-12-10T12:00:00Z"));  // Thursday 13:00, closed
    EXPECT_FALSE(has("2026-12-10T14:45:00Z"));  // Thursday 15:45, closed
    EXPECT_TRUE(has("2026-12-17T12:00:00Z"));   // next Thursday's afternoon is open
    EXPECT_FALSE(has("2026-12-11T08:00:00Z"));  // Friday
    EXPECT_TRUE(has("2026-12-14T08:45:00Z"));   // Monday 09:45 ends at 10:00
    EXPECT_FALSE(has("2026-12-14T09:00:00Z"));  // 10:00-10:15 touches 10:10
    EXPECT_FALSE(has("2026-12-14T09:15:00Z"));  // 10:15-10:30 touches 10:10-10:20
    EXPECT_TRUE(has("2026-12-14T09:30:00Z"));   // 10:30
    EXPECT_EQ(slots.size(), 10u * 12u + 2u * 12u - 12u - 12u - 2u);
}

TEST(AppointmentSlotsTest, TheLeadTimeAndTheFourteenthDayBoundTheSlots) {
    // Monday 09:20 local: with 60 minutes lead the first slot is 10:30 (10:15 starts before 10:20).
    auto slots = freeSlots(weekdays(), {}, {at("2026-12-07T08:20:00Z"), 60min, 14});
    ASSERT_FALSE(slots.empty());
    EXPECT_EQ(slots.front().start, at("2026-12-07T09:30:00Z"));
    // The 14th local day is Sunday 20 December: Monday 21 December is past the horizon.
    EXPECT_LT(slots.back().start, at("2026-12-20T23:00:00Z"));
    EXPECT_EQ(slots.back().start, at("2026-12-18T10:45:00Z"));
    SlotHorizon h{at("2026-12-07T08:20:00Z"), 60min, 14};
    EXPECT_EQ(h.to(), at("2026-12-20T23:00:00Z"));
    // No lead: the 09:30 slot is offered at 09:20.
    EXPECT_EQ(freeSlots(weekdays(), {}, {at("2026-12-07T08:20:00Z"), 0min, 14}).front().start,
              at("2026-12-07T08:30:00Z"));
}

// Sunday 01:30-03:30 local, 15 minutes: around the changes of daylight saving time.
Agenda sundayNight() {
    Agenda a = weekdays();
    for (auto& day : a.weekly) day.clear();
    a.weekly[6] = {{90, 210}};
    return a;
}

TEST(AppointmentSlotsTest, TheSkippedSpringHourHasNoSlots) {
    // 29 March 2026: 02:00 CET jumps to 03:00 CEST. 01:30 and 01:45 are CET (UTC+1), 03:00 and 03:15 CEST.
    auto slots = freeSlots(sundayNight(), {}, {at("2026-03-27T12:00:00Z"), 60min, 3});
    EXPECT_EQ(starts(slots),
              (std::vector<std::string>{"2026-03-29T00:30:00.000Z", "2026-03-29T00:45:00.000Z",
                                        "2026-03-29T01:00:00.000Z", "2026-03-29T01:15:00.000Z"}));
    // 01:45 lasts 15 real minutes and ends when 03:00 starts.
    EXPECT_EQ(slots[1].end, slots[2].start);
}

TEST(AppointmentSlotsTest, TheRepeatedAutumnHourHasItsSlotsOnceInItsFirstPass) {
    // 25 October 2026: 03:00 CEST falls back to 02:00 CET. 02:00-02:45 are offered once, in summer time.
    auto slots = freeSlots(sundayNight(), {}, {at("2026-10-23T12:00:00Z"), 60min, 3});
    EXPECT_EQ(starts(slots),
              (std::vector<std::string>{"2026-10-24T23:30:00.000Z", "2026-10-24T23:45:00.000Z",
                                        "2026-10-25T00:00:00.000Z", "2026-10-25T00:15:00.000Z",
                                        "2026-10-25T00:30:00.000Z", "2026-10-25T00:45:00.000Z",
                                        "2026-10-25T02:00:00.000Z", "2026-10-25T02:15:00.000Z"}));
    SlotHorizon h{at("2026-10-23T12:00:00Z"), 60min, 3};
    // 02:00 CET, the second pass of 02:00, is no slot.
    EXPECT_FALSE(slotStartingAt(sundayNight(), at("2026-10-25T01:00:00Z"), h));
    EXPECT_TRUE(slotStartingAt(sundayNight(), at("2026-10-25T00:00:00Z"), h));
}

TEST(AppointmentSlotsTest, ASlotStartIsFoundOnlyOnTheGridInsideTheHorizon) {
    SlotHorizon h = mondayMorning();
    auto slot = slotStartingAt(weekdays(), at("2026-12-07T08:15:00Z"), h);
    ASSERT_TRUE(slot);
    EXPECT_EQ(slot->end, at("2026-12-07T08:30:00Z"));
    EXPECT_FALSE(slotStartingAt(weekdays(), at("2026-12-07T08:05:00Z"), h));  // off the grid
    EXPECT_FALSE(slotStartingAt(weekdays(), at("2026-12-07T06:30:00Z"), h));  // too soon
    EXPECT_FALSE(slotStartingAt(weekdays(), at("2026-12-07T12:00:00Z"), h));  // Monday afternoon: no hours
    EXPECT_FALSE(slotStartingAt(weekdays(), at("2026-12-21T08:00:00Z"), h));  // past the 14th day
    Agenda closed = weekdays();
    closed.active = false;
    EXPECT_FALSE(slotStartingAt(closed, at("2026-12-07T08:15:00Z"), h));
    EXPECT_TRUE(freeSlots(closed, {}, h).empty());
}

TEST(AppointmentSlotsTest, LocalDaysHaveTheirRealLength) {
    auto [from, to] = localDayBounds("2026-03-29");
    EXPECT_EQ(from, at("2026-03-28T23:00:00Z"));
    EXPECT_EQ(to - from, 23h);
    auto [from2, to2] = localDayBounds("2026-10-25");
    EXPECT_EQ(to2 - from2, 25h);
}

}  // namespace
}  // namespace wp
