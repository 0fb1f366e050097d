// HostAlerts: how the resident side tells the host that someone needs a person.
// The host console issue stores these where the host role can see them; until then the app logs them.
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
