// AppointmentSync: the walk-in role's background work for appointments, on a thread of its own:
// - today's bookings of this contact point are fetched from the central server
//   (GET /v1/appointments/today?day=...) into the AppointmentStore at once after start and then every
//   `refresh` of the injected clock, so check-in works while the network is down;
// - a booking still booked late_minutes after its start is marked no-show (injected clock);
// - arrivals and no-shows recorded here go to the central server (POST /v1/appointments/events), oldest
//   first, until it confirms them; each carries its uuid, so a batch sent twice is taken once;
// - bookings of earlier days are wiped (their names with them).
// A failed fetch or send is tried again after a backoff in real time (1 s doubling to 30 s), so a kiosk
// whose network comes back catches up without anyone advancing a clock.
//
// step() is the policy of one round without threads, for tests. Thread-safe: start/stop/wake.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "common/clock.h"
#include "common/random_source.h"
#include "kiosk/core/appointment_checkin.h"
#include "kiosk/core/appointment_store.h"
#include "kiosk/core/net/http_client.h"

namespace wp {

class AppointmentSync {
  public:
    struct Options {
        CheckinRules rules;                   // late: when a no-show is marked
        std::chrono::minutes refresh{5};      // injected clock: how often today's list is fetched again
        std::chrono::milliseconds poll{500};  // real time: how often the thread looks
        int batchSize = 100;
    };
    // What one round did.
    struct Step {
        int noShows = 0;       // bookings marked no-show
        bool fetched = false;  // today's list was fetched and kept
        int sent = 0;          // events the server confirmed
        bool failed = false;   // a fetch or a send failed (see error)
        std::string error;
    };

    // The store and clock must outlive it; client is used on the thread only.
    AppointmentSync(AppointmentStore& store, const Clock& clock, std::unique_ptr<HttpClient> client,
                    Options options);
    ~AppointmentSync();  // stops and joins
    AppointmentSync(const AppointmentSync&) = delete;
    AppointmentSync& operator=(const AppointmentSync&) = delete;

    void start();
    void stop();
    // Something was recorded (an arrival): send it now.
    void wake();

    // One round: no-shows, the list when `fetch` (or when it is due on the injected clock), the events.
    Step step(HttpClient& http, bool fetch = false);

  private:
    void run();
    Status fetchToday(HttpClient& http, const std::string& day);

    AppointmentStore& store_;
    const Clock& clock_;
    SystemRandom random_;  // the no-shows' event uuids
    std::unique_ptr<HttpClient> client_;
    Options options_;
    std::optional<TimePoint> fetchedAt_;  // injected clock; the last successful fetch
    std::mutex mutex_;
    std::condition_variable cv_;
    bool stopping_ = false;
    std::uint64_t wakeups_ = 0;
    std::thread thread_;
};

}  // namespace wp
