// A fake central server for the appointment screens in UI tests: answers the appointment API from a table
// by method and path (anything not set gets a 404), or holds every request until released (to show the busy
// states). It owns the AppointmentClient and AppointmentBooking made on it, which a test attaches to the
// resident session; they release and join before they go.
#pragma once

#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "common/random_source.h"
#include "kiosk/core/appointment_booking.h"
#include "kiosk/core/appointment_client.h"

namespace wp::testing {

class FakeAppointmentServer {
  public:
    FakeAppointmentServer(const Clock& clock, ReceiptQueue* slips = nullptr) {
        client_ =
            std::make_unique<AppointmentClient>(std::make_unique<Client>(*this), clock, random_, nullptr);
        booking_ = std::make_unique<AppointmentBooking>(*client_, "SGN", slips);
    }
    ~FakeAppointmentServer() {
        hold(false);
        booking_.reset();
        client_.reset();
    }
    AppointmentBooking& booking() { return *booking_; }
    AppointmentClient& client() { return *client_; }
    // The answer to method and path ("GET /v1/appointments/offers").
    void answer(const std::string& request, HttpResult result) {
        std::lock_guard lock(mutex_);
        answers_[request] = std::move(result);
    }
    void hold(bool on) {
        {
            std::lock_guard lock(mutex_);
            hold_ = on;
        }
        cv_.notify_all();
    }

  private:
    class Client final : public HttpClient {
      public:
        explicit Client(FakeAppointmentServer& s) : s_(s) {}
        HttpResult send(const HttpRequest& request) override {
            std::unique_lock lock(s_.mutex_);
            s_.cv_.wait(lock, [&] { return !s_.hold_; });
            if (auto it = s_.answers_.find(request.method + " " + request.path); it != s_.answers_.end())
                return it->second;
            HttpResult r;
            r.status = 404;
            r.body = R"({"error":{"code":"not_found","message":"unknown booking code"}})";
            return r;
        }

      private:
        FakeAppointmentServer& s_;
    };
    std::mutex mutex_;
    std::condition_variable cv_;
    bool hold_ = false;
    std::map<std::string, HttpResult> answers_;
    SeededRandom random_{5};
    std::unique_ptr<AppointmentClient> client_;  // last: its worker uses everything above
    std::unique_ptr<AppointmentBooking> booking_;
};

}  // namespace wp::testing
