// SmsNotifierThread: runs an SmsNotifier (kiosk/core/sms_notifier.h) on a worker thread of its own, so a
// slow or absent gateway never holds up the resident's screen. It steps the notifier every `poll` of real
// time (the notifier itself reads the injected clock for backoff), and at once after wake(). A step that
// fails on the store is logged and tried again at the next poll.
// Thread-safe: start/stop/wake. The notifier is used on this thread only while it runs.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

#include "common/clock.h"
#include "kiosk/core/sms_notifier.h"

namespace wp {

class SmsNotifierThread {
  public:
    // notifier (and everything it uses) must outlive this.
    SmsNotifierThread(SmsNotifier& notifier, Millis poll = Millis{1000});
    ~SmsNotifierThread();  // stops and joins
    SmsNotifierThread(const SmsNotifierThread&) = delete;
    SmsNotifierThread& operator=(const SmsNotifierThread&) = delete;

    void start();
    void stop();
    // A ticket was opted in: step now.
    void wake();

  private:
    void run();
    SmsNotifier& notifier_;
    Millis poll_;
    std::mutex mutex_;
    std::condition_variable cv_;
    bool stopping_ = false;
    std::uint64_t wakeups_ = 0;
    std::thread thread_;
};

}  // namespace wp
