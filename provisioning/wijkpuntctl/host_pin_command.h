// wijkpuntctl host-pin: reads a host's PIN (5 or 6 digits) from the first line of in and prints the line
// to put in content/hosts.toml:  pin = "pbkdf2-sha256$<iterations>$<salt>$<hash>". Each run draws a new
// random salt, so the same PIN gives a different line every time. Returns the exit code (command_line.h).
#pragma once

#include <istream>
#include <ostream>

namespace wp::ctl {

int runHostPin(int iterations, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace wp::ctl
