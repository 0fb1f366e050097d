// FakeClock: time that moves only when a test says so.
#pragma once

#include "common/clock.h"

namespace wp::testing {

class FakeClock final : public Clock {
  public:
    explicit FakeClock(TimePoint start = TimePoint(std::chrono::hours(24 * 20000))) : now_(start) {}
    TimePoint now() const override { return now_; }
    void advance(std::chrono::milliseconds d) { now_ += d; }

  private:
    TimePoint now_;
};

}  // namespace wp::testing
