// The kiosk's identity before its role starts: with [central] enroll_url in the settings, the walk-in role
// enrolls once with the one-time token of enroll_token_file (drivers/net/kiosk_identity.h) and every role
// then takes its kiosk code and contact-point letters from DATA_DIR/identity/enrollment.toml, which win
// over the settings. The host and display roles never enroll: they wait for the walk-in role's enrollment.
#pragma once

#include <string>

#include "common/bundle.h"
#include "common/status.h"

namespace wp {

// Without enroll_url: nothing. Enrolled: applies enrollment.toml to settings. Not yet enrolled: the walk-in
// role enrolls, trying again every few seconds while the server cannot be reached; other roles wait for
// it. Fails when the server refuses the token or the token file cannot be read.
Status prepareIdentity(Settings& settings, const std::string& role);

}  // namespace wp
