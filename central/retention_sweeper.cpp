#include "central/retention_sweeper.h"

#include "common/log.h"

namespace wp {

void RetentionSweeper::sweep() {
    constexpr auto kDay = std::chrono::hours(24);
    TimePoint now = clock_.now();
    for (const std::string& type : config_.requests.specs.typeNames()) {
        auto wiped = requests_.wipePersonalData(type, now - kDay * config_.retentionDays(type), now);
        if (!wiped) {
            log::error("retention: {}", wiped.status().message());
        } else if (wiped.value() > 0) {
            log::info("retention: wiped personal data of {} {} request(s)", wiped.value(), type);
            checkpointOwed_ = true;
        }
    }
    auto deleted = requests_.deleteWipedBefore(now - kDay * config_.retention.deleteAfterWipeDays);
    if (!deleted) {
        log::error("retention: {}", deleted.status().message());
    } else if (deleted.value() > 0) {
        log::info("retention: deleted {} wiped request(s) with their audit entries", deleted.value());
        checkpointOwed_ = true;
    }
    if (!checkpointOwed_) return;
    if (Status s = maintenance_.checkpointTruncate(); !s) {
        log::warning("retention: the write-ahead log still holds wiped data, tried again next sweep: {}",
                     s.message());
        return;
    }
    checkpointOwed_ = false;
}

}  // namespace wp
