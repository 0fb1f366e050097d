// CallBoard: the now-serving display's model (`wijkpunt-kiosk --role display`). UI-free.
//
// It follows the queue events (QueueStore::eventsAfter from the last seq it saw) and keeps, for the
// current local day: the latest call ("H-014" to "Balie 2"), up to five calls before it, and how many
// tickets wait per service (and whether a service is paused). Called and Recalled events are calls (a
// parked ticket that is resumed is called again). A ticket shows once on the board: a new call of a ticket
// already shown (a recall, or a call at another counter) moves it to the top as the latest call.
//
// poll() returns each call that is new since the previous poll exactly once, in order, so the display
// chimes and speaks each (spokenCall) once. The first poll (and the first after the local day changes)
// catches up silently: restarting the display does not announce old calls. Polling is cheap (one indexed
// query when nothing happened): call it twice a second.
//
// Not thread-safe: the display role's UI thread owns it. The store and clock must outlive it.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/services.h"
#include "common/status.h"
#include "kiosk/core/queue.h"

namespace wp {

struct BoardCall {
    std::string ticket;     // "H-014", as printed
    std::string serviceId;  // the service that called it
    std::string counter;    // "Balie 2"
    TimePoint at;
    bool recall = false;   // called again (the same words are spoken)
    std::int64_t seq = 0;  // the queue event's seq
    bool operator==(const BoardCall&) const = default;
};

struct BoardServiceCount {
    std::string serviceId;
    int waiting = 0;
    bool paused = false;
    bool closed = false;  // outside its walk-in hours now (the board's clock); paused is not closed
};

// The words the display speaks for a call, in Dutch: "H 14, balie 2". The ticket's letters are spaced, its
// leading zeros dropped ("AB-007" -> "A B 7"); the counter's first letter is lowercased ("Balie 2" ->
// "balie 2"), the rest kept.
std::string spokenCall(std::string_view ticket, std::string_view counter);

class CallBoard {
  public:
    static constexpr size_t kPreviousCalls = 5;

    CallBoard(std::vector<Service> services, QueueStore& store, const Clock& clock);

    // Reads the events since the last poll; returns the calls that are new (oldest first; usually none).
    Result<std::vector<BoardCall>> poll();

    // The latest call of today; nullopt before the first call of the day.
    const std::optional<BoardCall>& latest() const { return latest_; }
    // Up to kPreviousCalls calls before the latest, newest first.
    const std::deque<BoardCall>& previous() const { return previous_; }
    // Every service in content order, with its waiting count, pause and walk-in hours now.
    std::vector<BoardServiceCount> counts() const;
    int waiting(const std::string& serviceId) const;
    // The seq of the last event read (for tests and the bench).
    std::int64_t lastSeq() const { return lastSeq_; }

  private:
    void startDay(const std::string& day);
    void apply(const QueueEvent& e, std::vector<BoardCall>* fresh);

    std::vector<Service> services_;
    QueueStore& store_;
    const Clock& clock_;
    std::string day_;  // the local day followed; empty before the first poll
    std::int64_t lastSeq_ = 0;
    std::optional<BoardCall> latest_;
    std::deque<BoardCall> previous_;
    std::map<std::string, std::set<int>> waiting_;  // service -> numbers waiting
    std::set<std::string> paused_;
};

}  // namespace wp
