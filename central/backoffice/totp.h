// The second factor of staff accounts: TOTP (RFC 6238) with liboath: HMAC-SHA1, 30-second steps from the
// Unix epoch, 6 digits, a code accepted one step either side of now. The secret is 20 random bytes, kept
// and shown in base32 (RFC 4648, as authenticator apps read it). Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/clock.h"
#include "common/status.h"

namespace wp {

inline constexpr int kTotpStepSeconds = 30;

// 20 random bytes in base32 (32 characters, no padding).
std::string newTotpSecret();
// The secret in groups of four characters ("ABCD EFGH ..."), for a person to type.
std::string groupedTotpSecret(std::string_view secretBase32);
// The code of the step that holds unixSeconds, with digits digits (6 for sign-in; the RFC's test vectors use
// 8). InvalidInput for a secret that is not base32.
Result<std::string> totpCode(std::string_view secretBase32, std::int64_t unixSeconds, int digits = 6);
// The time step (unixSeconds / 30) whose code is code, looking one step either side of now; nullopt when
// none matches. Spaces in code are ignored. The caller refuses a step it has already seen (replay).
std::optional<std::int64_t> matchTotp(std::string_view secretBase32, std::string_view code, TimePoint now);
// The otpauth:// URI an authenticator app reads from a QR code.
std::string otpauthUri(std::string_view issuer, std::string_view account, std::string_view secretBase32);

}  // namespace wp
