// A fake central server for "Status van mijn vraag" in UI tests: answers GET /v1/requests/{code} from a
// table, or holds every request until released (to show the busy state). StatusLookups made on it release
// and join before they go.
#pragma once

#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "common/reference_code.h"
#include "kiosk/core/status_lookup.h"

namespace wp::testing {

class FakeStatusServer {
  public:
    explicit FakeStatusServer(bool hold = false) : hold_(hold) {
        lookup_ = std::make_unique<StatusLookup>(std::make_unique<Client>(*this), nullptr);
    }
    ~FakeStatusServer() {
        {
            std::lock_guard lock(mutex_);
            hold_ = false;
        }
        cv_.notify_all();
        lookup_.reset();
    }
    StatusLookup& lookup() { return *lookup_; }
    // The answer for a code; codes not set get a 404.
    void answer(const std::string& code, HttpResult result) {
        std::lock_guard lock(mutex_);
        answers_["/v1/requests/" + code] = std::move(result);
    }

  private:
    class Client final : public HttpClient {
      public:
        explicit Client(FakeStatusServer& s) : s_(s) {}
        HttpResult send(const HttpRequest& request) override {
            std::unique_lock lock(s_.mutex_);
            s_.cv_.wait(lock, [&] { return !s_.hold_; });
            if (auto it = s_.answers_.find(request.path); it != s_.answers_.end()) return it->second;
            HttpResult r;
            r.status = 404;
            r.body = R"({"error":{"code":"not-found","message":"unknown reference"}})";
            return r;
        }

      private:
        FakeStatusServer& s_;
    };
    std::mutex mutex_;
    std::condition_variable cv_;
    bool hold_;
    std::map<std::string, HttpResult> answers_;
    std::unique_ptr<StatusLookup> lookup_;  // last: its worker uses everything above
};

}  // namespace wp::testing
