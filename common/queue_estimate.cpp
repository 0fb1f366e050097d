#include "common/queue_estimate.h"

#include <algorithm>
#include <cassert>

namespace wp {

Seconds movingAverageServiceTime(const std::vector<Seconds>& durations, std::chrono::minutes contentDefault,
                                 std::size_t window) {
    assert(window > 0);
    if (durations.empty()) return contentDefault;
    std::size_t n = std::min(window, durations.size());
    Seconds sum{0};
    for (std::size_t i = durations.size() - n; i < durations.size(); ++i) sum += durations[i];
    return Seconds((sum.count() + static_cast<long long>(n) - 1) / static_cast<long long>(n));
}

std::optional<Seconds> estimateWait(int peopleAhead, Seconds averageServiceTime, int countersServing) {
    if (countersServing <= 0) return std::nullopt;
    if (peopleAhead <= 0) return Seconds(0);
    long long total = static_cast<long long>(peopleAhead) * averageServiceTime.count();
    return Seconds((total + countersServing - 1) / countersServing);
}

std::chrono::minutes roundUpToMinutes(Seconds s) {
    return std::chrono::ceil<std::chrono::minutes>(std::max(s, Seconds(0)));
}

}  // namespace wp
