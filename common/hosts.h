// Host accounts: the people who run the queue at a contact point (DESIGN.md: The people), read from
// the bundle's content/hosts.toml.
//
// A host has an id ("fatima"), a name shown on the console ("Fatima"), the services they may serve (ids from
// content/services.toml) and a 5- or 6-digit PIN. The PIN is never stored: the file holds
//   pin = "pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>"
// PBKDF2-HMAC-SHA256 (OpenSSL) with a random salt per host, at least kMinPinIterations iterations and a
// 32-byte hash; base64 is the standard alphabet with '=' padding. `wijkpuntctl host-pin` makes such a value.
//
// The loader lives in common/ so the central server validates bundles with the kiosk's own code. It returns
// every account, checked, or one InvalidInput Status listing each problem as "file:line:col: what was
// expected". A missing hosts.toml is not an error here: the bundle then has no host accounts (a walk-in-only
// kiosk); the host role refuses to start without any.
//
// verifyPin() takes as long as the PIN's iteration count asks (about 0.1 s at 200,000 on the kiosk PC) and
// compares in constant time. Everything here is plain data or a pure function: thread-safe.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/services.h"
#include "common/status.h"

namespace wp {

inline constexpr int kMinPinIterations = 200'000;  // what a bundle's hosts.toml must use at least
inline constexpr size_t kPinSaltBytes = 16;        // what hashPin's callers should draw
inline constexpr size_t kPinHashBytes = 32;        // SHA-256 output

struct HostAccount {
    std::string id;                     // "fatima": lowercase letters, digits and '-', unique
    std::string name;                   // "Fatima": shown on the console and in the audit of actions
    std::vector<std::string> services;  // service ids this host may serve, in file order, at least one
    std::string pinHash;                // "pbkdf2-sha256$...", see the header comment

    bool serves(std::string_view serviceId) const;
    bool operator==(const HostAccount&) const = default;
};

// A PIN is 5 or 6 ASCII digits.
bool isValidPin(std::string_view pin);

// PBKDF2-HMAC-SHA256 of password and salt, `length` bytes (exposed for the known-answer tests).
std::vector<std::uint8_t> pbkdf2HmacSha256(std::string_view password, std::span<const std::uint8_t> salt,
                                           int iterations, size_t length);

// kPinSaltBytes fresh random bytes from OpenSSL's generator (for hashPin).
std::vector<std::uint8_t> randomPinSalt();

// The pin= value for pin: "pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>". InvalidInput when the PIN is
// not 5 or 6 digits, the iterations are below 1 or the salt is shorter than 8 bytes. (Below kMinPinIterations
// is allowed here, for fast tests; the loader refuses it in a bundle.)
Result<std::string> hashPin(std::string_view pin, int iterations, std::span<const std::uint8_t> randomSalt);

// Whether pin matches the account's pinHash (constant-time comparison). False for a malformed hash or PIN.
bool verifyPin(const HostAccount& account, std::string_view pin);

// The parts of a pin= value; nullopt-like failure as InvalidInput naming what is wrong.
struct PinHash {
    int iterations = 0;
    std::vector<std::uint8_t> salt;
    std::vector<std::uint8_t> hash;
};
Result<PinHash> parsePinHash(std::string_view text);

// Reads hosts.toml: [[host]] tables with id, name, services (ids that must be among `services`) and pin.
// NotFound for a missing file (loadContentHosts treats that as "no hosts"); InvalidInput listing every
// problem.
Result<std::vector<HostAccount>> loadHosts(const std::filesystem::path& file,
                                           const std::vector<Service>& services);

// contentDir/hosts.toml, or an empty list when the file does not exist (what loadBundle calls).
Result<std::vector<HostAccount>> loadContentHosts(const std::filesystem::path& contentDir,
                                                  const std::vector<Service>& services);

// Standard base64 with padding (RFC 4648 section 4). decode: nullopt-like failure as an empty optional.
std::string base64Encode(std::span<const std::uint8_t> bytes);
std::optional<std::vector<std::uint8_t>> base64Decode(std::string_view text);

}  // namespace wp
