// HostAlerts: how the resident side tells the host that someone needs a person. The walk-in role's
// implementation is SqliteHostAlertStore (kiosk/store): each press goes to the kiosk database, where the host
// console shows it until a host acknowledges it (kiosk/core/host_alert_board.h).
#pragma once

#include <string>

#include "common/clock.h"

namespace wp {

class HostAlerts {
  public:
    virtual ~HostAlerts() = default;
    // A resident pressed "Vraag het de gastvrouw of gastheer" on the named screen.
    virtual void residentAsksForHost(const std::string& screen, TimePoint when) = 0;
};

}  // namespace wp
