#include "central/retention_sweeper.h"

#include "common/local_time.h"
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
    // Bookings: the cutoff is local midnight wipe_after_days days before today.
    std::string cutoffDay = localDay(now);
    for (int i = 0; i < config_.appointments.wipeAfterDays; ++i) cutoffDay = previousDay(cutoffDay);
    TimePoint cutoff = fromLocalTime(cutoffDay, 0);
    auto bookings = appointments_.wipeBookingPersonalData(cutoff, now);
    if (!bookings) {
        log::error("retention: {}", bookings.status().message());
    } else if (bookings.value() > 0) {
        log::info("retention: wiped personal data of {} booking(s)", bookings.value());
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
