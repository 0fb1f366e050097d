#include "central/backoffice/staff_credentials.h"

#include <argon2.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "central/person_tokens.h"

namespace wp {

namespace {

// OWASP's argon2id minimum (19 MiB, 2 passes, 1 lane): about 30 ms on the reference server.
constexpr std::uint32_t kTimeCost = 2;
constexpr std::uint32_t kMemoryKiB = 19 * 1024;
constexpr std::uint32_t kLanes = 1;
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

// The characters of s, counted as code points.
std::size_t characters(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

std::string passwordProblem(std::string_view password, std::string_view name, std::string_view email) {
    if (characters(password) < kMinPasswordLength) return "Kies een wachtwoord van minstens 12 tekens.";
    const std::string p = lower(password);
    const std::string localPart = lower(email.substr(0, email.find('@')));
    for (const std::string& own : {lower(name), lower(email), localPart})
        if (!own.empty() && (p.find(own) != std::string::npos || own.find(p) != std::string::npos) &&
            std::min(own.size(), p.size()) >= 4)
            return "Gebruik niet uw naam of e-mailadres in het wachtwoord.";
    return "";
}

Result<std::string> hashPassword(std::string_view password) {
    std::array<unsigned char, kSaltBytes> salt{};
    if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1)
        return Status::internal("no random bytes for a password salt");
    std::string encoded(argon2_encodedlen(kTimeCost, kMemoryKiB, kLanes, kSaltBytes, kHashBytes, Argon2_id),
                        '\0');
    int rc = argon2id_hash_encoded(kTimeCost, kMemoryKiB, kLanes, password.data(), password.size(),
                                   salt.data(), salt.size(), kHashBytes, encoded.data(), encoded.size());
    if (rc != ARGON2_OK) return Status::internal(std::string("argon2id: ") + argon2_error_message(rc));
    encoded.resize(encoded.find('\0'));
    return encoded;
}

bool verifyPassword(std::string_view encoded, std::string_view password) {
    if (encoded.rfind("$argon2id$", 0) != 0) return false;
    const std::string e(encoded);
    return argon2id_verify(e.c_str(), password.data(), password.size()) == ARGON2_OK;
}

void spendPasswordCheck(std::string_view password) {
    static const std::string dummy = [] {
        auto h = hashPassword("not a password of anyone");
        return h ? h.value() : std::string();
    }();
    (void)verifyPassword(dummy, password);
}

std::string randomToken() {
    std::array<unsigned char, 32> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) std::abort();
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    std::uint32_t acc = 0;
    int bits = 0;
    for (unsigned char b : bytes) {
        acc = (acc << 8) | b;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out += kAlphabet[(acc >> bits) & 0x3F];
        }
    }
    if (bits > 0) out += kAlphabet[(acc << (6 - bits)) & 0x3F];
    return out;
}

std::string hashSecretToken(std::string_view token) {
    return sha256Hex(token);
}

bool constantTimeEquals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace wp
