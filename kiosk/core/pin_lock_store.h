// PinLockStore: the wrong PINs typed at each host console, kept so that restarting the process does not
// reset a lockout. The policy (how many failures lock a console, for how long) is HostDesk's
// (kiosk/core/host_desk.h); the store only keeps the record. Implemented by SqlitePinLockStore
// (kiosk/store). Errors are the world's: Unavailable (busy beyond the timeout), IoError.
#pragma once

#include <optional>
#include <string>

#include "common/clock.h"
#include "common/status.h"

namespace wp {

// Wrong PINs entered at one console (counter).
struct PinLock {
    int failures = 0;                      // consecutive wrong PINs since the last good one or lockout end
    std::optional<TimePoint> lockedUntil;  // set while (and after) a lockout; the policy reads the time
    bool operator==(const PinLock&) const = default;
};

class PinLockStore {
  public:
    virtual ~PinLockStore() = default;

    // A console's wrong-PIN record; a console never seen has failures 0 and no lock.
    virtual Result<PinLock> pinLock(const std::string& console) = 0;
    // Replaces the console's record, durably.
    virtual Status savePinLock(const std::string& console, const PinLock& lock) = 0;
};

}  // namespace wp
