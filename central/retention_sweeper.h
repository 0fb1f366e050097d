// RetentionSweeper: how long the central server keeps what residents handed in ([retention] in the config),
// worked off by the server's own background thread on the injected clock.
//
// One sweep, for every request type, wipes the personal data of requests received more than the type's days
// ago (RequestStore::wipePersonalData: personal fields, public note, internal note), then deletes the
// requests wiped more than delete_after_wipe_days ago, with their notifications and audit entries, and wipes
// name, phone and e-mail address of bookings ([appointments] wipe_after_days full local days after the
// booking's day: with 7, a booking of 1 December is wiped from 9 December 00:00). After a
// sweep that wiped or deleted anything the sweeper checkpoints with TRUNCATE, so the write-ahead log holds
// no page image of what was forgotten; a checkpoint that could not finish (the store busy past its timeout)
// is tried again by every later sweep until it does. Errors are logged, never thrown; not thread-safe (one
// sweeper thread calls sweep()).
#pragma once

#include "central/central_config.h"
#include "central/store/central_store.h"
#include "common/clock.h"

namespace wp {

class RetentionSweeper {
  public:
    // config, the stores and clock must outlive the sweeper.
    RetentionSweeper(const CentralConfig& config, RequestStore& requests, AppointmentStore& appointments,
                     StoreMaintenance& maintenance, const Clock& clock)
        : config_(config),
          requests_(requests),
          appointments_(appointments),
          maintenance_(maintenance),
          clock_(clock) {}

    void sweep();

  private:
    const CentralConfig& config_;
    RequestStore& requests_;
    AppointmentStore& appointments_;
    StoreMaintenance& maintenance_;
    const Clock& clock_;
    bool checkpointOwed_ = false;  // a wipe or delete whose TRUNCATE checkpoint has not finished
};

}  // namespace wp
