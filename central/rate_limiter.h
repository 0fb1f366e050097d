// RateLimiter: at most N events per key in any sliding minute, on the injected clock (DESIGN.md: Testing).
// The status lookups (central/lookup_guard.h) and the public queue pages use it.
// Memory stays bounded: keys whose events have all expired are dropped. Thread-safe.
#pragma once

#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

#include "common/clock.h"

namespace wp {

class RateLimiter {
  public:
    RateLimiter(const Clock& clock, int perWindow, Millis window = std::chrono::minutes(1))
        : clock_(clock), perWindow_(perWindow), window_(window) {}
    // Counts one event for key; false (and not counted) when key has used up its window.
    bool allow(const std::string& key);
    // When key may next be allowed, for Retry-After; 0 when it may now.
    Millis retryAfter(const std::string& key);
    // True when key has used up its window; counts nothing.
    bool exhausted(const std::string& key);
    // How many events key has in the window now; counts nothing.
    int count(const std::string& key);

  private:
    void prune(std::deque<TimePoint>& times, TimePoint now) const;
    const Clock& clock_;
    const int perWindow_;
    const Millis window_;
    std::mutex mutex_;
    std::unordered_map<std::string, std::deque<TimePoint>> events_;
    TimePoint lastSweep_{};
};

}  // namespace wp
