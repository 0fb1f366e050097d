// The estimated wait of a queue ticket: one rule for the kiosk's ticket screen and printed ticket
// (kiosk/core/queue.h) and the central server's phone queue page (central/ticket_position.h), so a resident
// reads the same figure on the paper and on the phone. Pure functions, thread-safe.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <vector>

namespace wp {

using Seconds = std::chrono::seconds;

inline constexpr std::size_t kMovingAverageWindow = 5;
// The mean of the last `window` durations (rounded up to whole seconds), or the content's default when there
// are none yet today.
Seconds movingAverageServiceTime(const std::vector<Seconds>& durations, std::chrono::minutes contentDefault,
                                 std::size_t window = kMovingAverageWindow);

// peopleAhead x averageServiceTime / countersServing, rounded up to whole seconds.
// No counter serving the service now: std::nullopt ("unknown"; the screen says so and does not guess),
// also when nobody is ahead. Nobody ahead and a counter open: zero.
std::optional<Seconds> estimateWait(int peopleAhead, Seconds averageServiceTime, int countersServing);

// Rounds a wait up to whole minutes, for the screen and the ticket ("about 12 minutes").
std::chrono::minutes roundUpToMinutes(Seconds s);

}  // namespace wp
