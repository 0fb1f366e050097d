#include "kiosk/core/idle_timer.h"

namespace wp {

IdleTimer::Phase IdleTimer::phase(TimePoint now) const {
    auto idle = now - last_;
    if (idle >= timeout_) return Phase::Expired;
    if (idle >= timeout_ - warning_) return Phase::Warning;
    return Phase::Active;
}

int IdleTimer::secondsLeft(TimePoint now) const {
    auto left = (last_ + timeout_) - now;
    if (left <= std::chrono::milliseconds(0)) return 0;
    return static_cast<int>(std::chrono::ceil<std::chrono::seconds>(left).count());
}

TimePoint IdleTimer::nextChange(TimePoint now) const {
    TimePoint warnAt = last_ + timeout_ - warning_;
    if (now < warnAt) return warnAt;
    // In the warning the count changes every whole second towards expiry.
    auto left = (last_ + timeout_) - now;
    if (left <= std::chrono::milliseconds(0)) return now;
    auto sub = left % std::chrono::seconds(1);
    return now + (sub.count() == 0 ? std::chrono::duration_cast<TimePoint::duration>(std::chrono::seconds(1))
                                   : sub);
}

}  // namespace wp
