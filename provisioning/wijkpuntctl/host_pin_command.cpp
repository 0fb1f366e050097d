#include "provisioning/wijkpuntctl/host_pin_command.h"

#include <string>

#include "common/hosts.h"
#include "provisioning/wijkpuntctl/command_line.h"

namespace wp::ctl {

int runHostPin(int iterations, std::istream& in, std::ostream& out, std::ostream& err) {
    std::string pin;
    std::getline(in, pin);
    if (!pin.empty() && pin.back() == '\r') pin.pop_back();
    if (!isValidPin(pin)) {
        err << "wijkpuntctl host-pin: a PIN is 5 or 6 digits (read from the first line of stdin)\n";
        return kExitRefused;
    }
    auto hash = hashPin(pin, iterations, randomPinSalt());
    pin.assign(pin.size(), '\0');
    if (!hash) {
        err << "wijkpuntctl host-pin: " << hash.status().message() << "\n";
        return kExitRefused;
    }
    out << "pin = \"" << hash.value() << "\"\n";
    return kExitDone;
}

}  // namespace wp::ctl
