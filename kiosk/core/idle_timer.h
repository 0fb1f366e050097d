// IdleTimer: when a resident walks away, warn, then wipe (ACCESSIBILITY.md #11, #12).
//
// The timer runs from the last activity. It is Warning for the final `warning` of `timeout`, then Expired.
// Time comes from the caller (read from the injected Clock), so tests move it freely.
#pragma once

#include <chrono>

#include "common/clock.h"

namespace wp {

class IdleTimer {
  public:
    enum class Phase { Active, Warning, Expired };

    IdleTimer(std::chrono::seconds timeout, std::chrono::seconds warning)
        : timeout_(timeout), warning_(warning) {}

    void restart(TimePoint now) { last_ = now; }
    Phase phase(TimePoint now) const;
    // Whole seconds until expiry, rounded up; 0 once expired.
    int secondsLeft(TimePoint now) const;
    // When the phase or the seconds-left count next changes (for the event loop's wake-up).
    TimePoint nextChange(TimePoint now) const;

  private:
    std::chrono::seconds timeout_, warning_;
    TimePoint last_{};
};

}  // namespace wp
