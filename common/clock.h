// Clock: every timer in Wijkpunt (idle timeout, the start-screen clock, outbox backoff, PIN lockout,
// the host's idle lock, retention) reads time through this interface, so tests and scripts can move time.
//
// SystemClock is the real one. ScriptClock runs at real speed from a start point plus an offset that
// `advance` moves; with a clock file the offset lives in that file, so several processes of one test
// share one clock (DESIGN.md: Testing). Both are thread-safe.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace wp {

using TimePoint = std::chrono::system_clock::time_point;
using Millis = std::chrono::milliseconds;

class Clock {
  public:
    virtual ~Clock() = default;
    virtual TimePoint now() const = 0;
};

class SystemClock final : public Clock {
  public:
    TimePoint now() const override { return std::chrono::system_clock::now(); }
};

class ScriptClock final : public Clock {
  public:
    // clockFile may be empty: the offset is then kept in this process only.
    explicit ScriptClock(std::filesystem::path clockFile = {});
    TimePoint now() const override;
    // Moves this clock (and every process sharing the clock file) forward by d.
    void advance(Millis d);
    // Sets the clock to t now, unless a clock file already holds a time (another process set it first).
    void startAt(TimePoint t);

  private:
    Millis readOffset() const;
    std::filesystem::path file_;
    mutable std::mutex mutex_;
    Millis offset_{0};
};

// Formats a time as HH:MM in Europe/Amsterdam, the municipality's time zone.
std::string formatLocalHourMinute(TimePoint t);
// Reads "YYYY-MM-DD HH:MM" as local time in Europe/Amsterdam; nothing when it is not that.
std::optional<TimePoint> parseLocalDateTime(const std::string& text);

}  // namespace wp
