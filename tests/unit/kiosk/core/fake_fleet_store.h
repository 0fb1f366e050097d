// FakeFleetStore: FleetStateStore in memory, with a flag that makes every write fail.
#pragma once

#include <map>
#include <mutex>

#include "kiosk/core/fleet.h"

namespace wp::testing {

class FakeFleetStore final : public FleetStateStore {
  public:
    Result<std::optional<std::string>> outOfService() override {
        std::lock_guard lock(mutex_);
        return outOfService_;
    }
    Status setOutOfService(const std::optional<std::string>& message) override {
        std::lock_guard lock(mutex_);
        if (failWrites) return Status::ioError("disk full");
        outOfService_ = message;
        return Status::ok();
    }
    Result<bool> commandDone(std::int64_t id) override {
        std::lock_guard lock(mutex_);
        return results_.contains(id);
    }
    Status saveResult(const FleetCommandResult& result, bool reported) override {
        std::lock_guard lock(mutex_);
        if (failWrites) return Status::ioError("disk full");
        results_[result.id] = {result,
                               reported || (results_.contains(result.id) && results_[result.id].second)};
        return Status::ok();
    }
    Result<std::vector<FleetCommandResult>> unreportedResults() override {
        std::lock_guard lock(mutex_);
        std::vector<FleetCommandResult> out;
        for (const auto& [id, r] : results_)
            if (!r.second) out.push_back(r.first);
        return out;
    }
    Status markReported(const std::vector<std::int64_t>& ids) override {
        std::lock_guard lock(mutex_);
        for (std::int64_t id : ids) results_[id].second = true;
        return Status::ok();
    }
    // The result of id and whether it counts as reported; nullopt when there is none.
    std::optional<std::pair<FleetCommandResult, bool>> result(std::int64_t id) {
        std::lock_guard lock(mutex_);
        auto it = results_.find(id);
        if (it == results_.end()) return std::nullopt;
        return it->second;
    }
    bool failWrites = false;

  private:
    std::mutex mutex_;
    std::optional<std::string> outOfService_;
    std::map<std::int64_t, std::pair<FleetCommandResult, bool>> results_;
};

}  // namespace wp::testing
