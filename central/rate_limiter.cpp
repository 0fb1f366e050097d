#include "central/rate_limiter.h"

namespace wp {

void RateLimiter::prune(std::deque<TimePoint>& times, TimePoint now) const {
    while (!times.empty() && now - times.front() >= window_) times.pop_front();
}

bool RateLimiter::allow(const std::string& key) {
    std::lock_guard lock(mutex_);
    TimePoint now = clock_.now();
    // Once a window, forget every key that has gone quiet.
    if (now - lastSweep_ >= window_) {
        for (auto it = events_.begin(); it != events_.end();) {
            prune(it->second, now);
            it = it->second.empty() ? events_.erase(it) : std::next(it);
        }
        lastSweep_ = now;
    }
    auto& times = events_[key];
    prune(times, now);
    if (static_cast<int>(times.size()) >= perWindow_) return false;
    times.push_back(now);
    return true;
}

Millis RateLimiter::retryAfter(const std::string& key) {
    std::lock_guard lock(mutex_);
    auto it = events_.find(key);
    if (it == events_.end()) return Millis(0);
    TimePoint now = clock_.now();
    prune(it->second, now);
    if (static_cast<int>(it->second.size()) < perWindow_) return Millis(0);
    return std::chrono::duration_cast<Millis>(it->second.front() + window_ - now);
}

bool RateLimiter::exhausted(const std::string& key) {
    std::lock_guard lock(mutex_);
    auto it = events_.find(key);
    if (it == events_.end()) return false;
    prune(it->second, clock_.now());
    return static_cast<int>(it->second.size()) >= perWindow_;
}

int RateLimiter::count(const std::string& key) {
    std::lock_guard lock(mutex_);
    auto it = events_.find(key);
    if (it == events_.end()) return 0;
    prune(it->second, clock_.now());
    return static_cast<int>(it->second.size());
}

}  // namespace wp
