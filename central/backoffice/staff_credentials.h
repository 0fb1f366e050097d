// The secrets of staff accounts: passwords (argon2id, libargon2), session ids, set-up link tokens and CSRF
// tokens. Only hashes of passwords, session ids and set-up tokens are stored. Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

namespace wp {

// The shortest password a person may choose.
inline constexpr std::size_t kMinPasswordLength = 12;

// Why a person may not choose this password (Dutch, for beside the field), or "" when it is fine: shorter
// than kMinPasswordLength characters, or the person's name or e-mail address (or a part of it that long).
std::string passwordProblem(std::string_view password, std::string_view name, std::string_view email);

// An argon2id hash in PHC string form ("$argon2id$v=19$m=...,t=...,p=...$salt$hash"): the parameters and a
// random 16-byte salt live in the string, so verifyPassword reads hashes made with older parameters too.
Result<std::string> hashPassword(std::string_view password);
// True when password matches encoded (a hashPassword string); false for a mismatch or a malformed hash.
bool verifyPassword(std::string_view encoded, std::string_view password);
// Spends the time of one verifyPassword, so a sign-in with an unknown e-mail address takes as long as one
// with a known address.
void spendPasswordCheck(std::string_view password);

// 32 random bytes (OpenSSL), base64url without padding: session ids, set-up tokens, CSRF tokens.
std::string randomToken();
// Lower-case hex SHA-256 of a session id or set-up token: what the store keeps.
std::string hashSecretToken(std::string_view token);
// Compares in time that depends only on the lengths.
bool constantTimeEquals(std::string_view a, std::string_view b);

}  // namespace wp
