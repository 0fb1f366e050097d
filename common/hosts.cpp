#include "common/hosts.h"

#include <fmt/format.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>
#include <cassert>
#include <charconv>
#include <set>

#include "common/toml_reader.h"

namespace wp {

using toml_reader::TomlReader;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kScheme = "pbkdf2-sha256";
constexpr std::string_view kBase64Alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr size_t kMinSaltBytes = 8;
// An upper bound that keeps a bad bundle from stalling the console for minutes on one PIN.
constexpr int kMaxIterations = 10'000'000;

bool isHostId(std::string_view s) {
    if (s.empty() || s.size() > 32 || s.front() == '-' || s.back() == '-') return false;
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

int base64Value(char c) {
    size_t at = kBase64Alphabet.find(c);
    return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

}  // namespace

bool HostAccount::serves(std::string_view serviceId) const {
    return std::find(services.begin(), services.end(), serviceId) != services.end();
}

bool isValidPin(std::string_view pin) {
    return (pin.size() == 5 || pin.size() == 6) &&
           std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// --- base64 (RFC 4648 section 4, with padding)

std::string base64Encode(std::span<const std::uint8_t> bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (size_t i = 0; i < bytes.size(); i += 3) {
        std::uint32_t chunk = std::uint32_t{bytes[i]} << 16;
        size_t n = std::min<size_t>(3, bytes.size() - i);
        if (n > 1) chunk |= std::uint32_t{bytes[i + 1]} << 8;
        if (n > 2) chunk |= bytes[i + 2];
        for (size_t k = 0; k < 4; ++k) out += k <= n ? kBase64Alphabet[(chunk >> (18 - 6 * k)) & 0x3f] : '=';
    }
    return out;
}

std::optional<std::vector<std::uint8_t>> base64Decode(std::string_view text) {
    if (text.size() % 4 != 0) return std::nullopt;
    std::vector<std::uint8_t> out;
    out.reserve(text.size() / 4 * 3);
    for (size_t i = 0; i < text.size(); i += 4) {
        bool last = i + 4 == text.size();
        int padding = 0;
        std::uint32_t chunk = 0;
        for (size_t k = 0; k < 4; ++k) {
            char c = text[i + k];
            if (c == '=') {
                // Padding only at the end of the last group, and at most two.
                if (!last || k < 2) return std::nullopt;
                ++padding;
                chunk <<= 6;
                continue;
            }
            if (padding > 0) return std::nullopt;
            int v = base64Value(c);
            if (v < 0) return std::nullopt;
            chunk = (chunk << 6) | static_cast<std::uint32_t>(v);
        }
        out.push_back(static_cast<std::uint8_t>(chunk >> 16));
        if (padding < 2) out.push_back(static_cast<std::uint8_t>(chunk >> 8));
        if (padding < 1) out.push_back(static_cast<std::uint8_t>(chunk));
    }
    return out;
}

// --- PBKDF2

std::vector<std::uint8_t> pbkdf2HmacSha256(std::string_view password, std::span<const std::uint8_t> salt,
                                           int iterations, size_t length) {
    assert(iterations > 0 && length > 0);
    std::vector<std::uint8_t> out(length);
    [[maybe_unused]] int ok = PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                                                salt.data(), static_cast<int>(salt.size()), iterations,
                                                EVP_sha256(), static_cast<int>(length), out.data());
    assert(ok == 1);  // fails only when OpenSSL cannot allocate: nothing sensible to return
    return out;
}

std::vector<std::uint8_t> randomPinSalt() {
    std::vector<std::uint8_t> salt(kPinSaltBytes);
    [[maybe_unused]] int ok = RAND_bytes(salt.data(), static_cast<int>(salt.size()));
    assert(ok == 1);  // the OS generator is always there on Linux
    return salt;
}

Result<std::string> hashPin(std::string_view pin, int iterations, std::span<const std::uint8_t> randomSalt) {
    if (!isValidPin(pin)) return Status::invalidInput("a PIN is 5 or 6 digits");
    if (iterations < 1 || iterations > kMaxIterations)
        return Status::invalidInput(fmt::format("iterations must be between 1 and {}", kMaxIterations));
    if (randomSalt.size() < kMinSaltBytes)
        return Status::invalidInput(fmt::format("the salt must be at least {} bytes", kMinSaltBytes));
    auto hash = pbkdf2HmacSha256(pin, randomSalt, iterations, kPinHashBytes);
    return fmt::format("{}${}${}${}", kScheme, iterations, base64Encode(randomSalt), base64Encode(hash));
}

Result<PinHash> parsePinHash(std::string_view text) {
    std::vector<std::string_view> parts;
    size_t start = 0;
    for (;;) {
        size_t end = text.find('$', start);
        parts.push_back(
            text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    if (parts.size() != 4 || parts[0] != kScheme)
        return Status::invalidInput(
            "a PIN hash looks like \"pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>\" "
            "(make one with `wijkpuntctl host-pin`)");
    PinHash h;
    auto [ptr, ec] = std::from_chars(parts[1].data(), parts[1].data() + parts[1].size(), h.iterations);
    if (ec != std::errc() || ptr != parts[1].data() + parts[1].size() || h.iterations < 1 ||
        h.iterations > kMaxIterations)
        return Status::invalidInput(fmt::format(
            "the PIN hash's iterations '{}' must be a number from 1 to {}", parts[1], kMaxIterations));
    auto salt = base64Decode(parts[2]);
    if (!salt || salt->size() < kMinSaltBytes)
        return Status::invalidInput(
            fmt::format("the PIN hash's salt must be base64 of at least {} bytes", kMinSaltBytes));
    auto hash = base64Decode(parts[3]);
    if (!hash || hash->size() != kPinHashBytes)
        return Status::invalidInput(
            fmt::format("the PIN hash's hash must be base64 of {} bytes", kPinHashBytes));
    h.salt = std::move(*salt);
    h.hash = std::move(*hash);
    return h;
}

bool verifyPin(const HostAccount& account, std::string_view pin) {
    auto parsed = parsePinHash(account.pinHash);
    if (!parsed) return false;
    // A malformed PIN still costs the full derivation, so timing says nothing about why it failed.
    auto derived = pbkdf2HmacSha256(pin, parsed->salt, parsed->iterations, kPinHashBytes);
    bool same = CRYPTO_memcmp(derived.data(), parsed->hash.data(), kPinHashBytes) == 0;
    OPENSSL_cleanse(derived.data(), derived.size());
    return same && isValidPin(pin);
}

// --- the loader

Result<std::vector<HostAccount>> loadHosts(const fs::path& file, const std::vector<Service>& services) {
    if (!fs::exists(file))
        return Status::notFound(
            fmt::format("{}: file not found (expected the host accounts)", file.string()));
    TomlReader r(file.string());
    if (!r.ok()) return r.status();
    std::set<std::string> known;
    for (const Service& s : services) known.insert(s.id);

    std::vector<HostAccount> hosts;
    if (const toml::array* list = r.requireArray(r.root(), "host", "[[host]] entries")) {
        std::set<std::string> ids;
        std::vector<const toml::node*> pinNodes;  // per host, for the salt check below
        for (const toml::node& n : *list) {
            const toml::table* t = n.as_table();
            if (t == nullptr) {
                r.error(&n, "each host must be a [[host]] table");
                continue;
            }
            HostAccount h;
            h.id = r.requireString(*t, "id", "the host's id, like \"fatima\"");
            if (!h.id.empty() && !isHostId(h.id))
                r.error(t->get("id"), fmt::format("id '{}' must be lowercase letters, digits and '-'", h.id));
            if (!h.id.empty() && !ids.insert(h.id).second)
                r.error(t->get("id"), fmt::format("host id '{}' appears twice", h.id));
            h.name = r.requireString(*t, "name", "the name shown on the host console, like \"Fatima\"");
            if (t->get("name") && t->get("name")->is_string() && h.name.empty())
                r.error(t->get("name"), "name must not be empty");

            if (const toml::array* list =
                    r.requireArray(*t, "services", "a list of service ids like [\"huurloket\"]")) {
                for (const toml::node& s : *list) {
                    if (!s.is_string()) {
                        r.error(&s, fmt::format("a service must be a service id string, found {}",
                                                TomlReader::typeName(s)));
                        continue;
                    }
                    std::string id(*s.value<std::string_view>());
                    if (!known.contains(id))
                        r.error(&s, fmt::format("'{}' is no service in services.toml", id));
                    else if (h.serves(id))
                        r.error(&s, fmt::format("service '{}' is listed twice", id));
                    else
                        h.services.push_back(std::move(id));
                }
                if (list->empty()) r.error(list, "a host needs at least one service");
            }

            h.pinHash = r.requireString(*t, "pin", "a PIN hash made with `wijkpuntctl host-pin`");
            if (const toml::node* pin = t->get("pin"); pin && pin->is_string()) {
                auto parsed = parsePinHash(h.pinHash);
                if (!parsed)
                    r.error(pin, parsed.status().message());
                else if (parsed->iterations < kMinPinIterations)
                    r.error(pin, fmt::format("the PIN hash uses {} iterations; at least {} are needed",
                                             parsed->iterations, kMinPinIterations));
                else if (parsed->salt.size() < kPinSaltBytes)
                    r.error(pin, fmt::format("the PIN hash's salt is {} bytes; at least {} are needed",
                                             parsed->salt.size(), kPinSaltBytes));
            }
            pinNodes.push_back(t->get("pin"));
            hosts.push_back(std::move(h));
        }
        // Two hosts with the same salt almost surely had one hash copied: each needs its own.
        std::set<std::string> salts;
        for (size_t i = 0; i < hosts.size(); ++i) {
            auto parsed = parsePinHash(hosts[i].pinHash);
            if (parsed && !salts.insert(base64Encode(parsed->salt)).second)
                r.error(pinNodes[i], "this PIN hash shares its salt with another host; make one per host");
        }
    }
    if (!r.ok()) return r.status();
    return hosts;
}

Result<std::vector<HostAccount>> loadContentHosts(const fs::path& contentDir,
                                                  const std::vector<Service>& services) {
    fs::path file = contentDir / "hosts.toml";
    if (!fs::exists(file)) return std::vector<HostAccount>{};
    return loadHosts(file, services);
}

}  // namespace wp
