#include "central/backoffice/totp.h"

#include <liboath/oath.h>
#include <openssl/rand.h>

#include <array>
#include <cctype>
#include <cstdlib>
#include <mutex>

#include "central/backoffice/staff_credentials.h"

namespace wp {

namespace {

void initOath() {
    static std::once_flag once;
    std::call_once(once, [] { oath_init(); });
}

std::optional<std::string> decodeBase32(std::string_view text) {
    initOath();
    char* out = nullptr;
    size_t outLength = 0;
    if (oath_base32_decode(text.data(), text.size(), &out, &outLength) != OATH_OK) return std::nullopt;
    std::string bytes(out, outLength);
    std::free(out);
    return bytes;
}

std::string percentEncode(std::string_view s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

}  // namespace

std::string newTotpSecret() {
    initOath();
    std::array<unsigned char, 20> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) std::abort();
    char* out = nullptr;
    size_t outLength = 0;
    if (oath_base32_encode(reinterpret_cast<const char*>(bytes.data()), bytes.size(), &out, &outLength) !=
        OATH_OK)
        std::abort();
    std::string text(out, outLength);
    std::free(out);
    while (!text.empty() && text.back() == '=') text.pop_back();
    return text;
}

std::string groupedTotpSecret(std::string_view secret) {
    std::string out;
    for (size_t i = 0; i < secret.size(); i += 4) {
        if (!out.empty()) out += ' ';
        out += secret.substr(i, 4);
    }
    return out;
}

Result<std::string> totpCode(std::string_view secretBase32, std::int64_t unixSeconds, int digits) {
    auto secret = decodeBase32(secretBase32);
    if (!secret) return Status::invalidInput("the TOTP secret is not base32");
    std::array<char, 16> code{};
    int rc = oath_totp_generate(secret->data(), secret->size(), static_cast<time_t>(unixSeconds),
                                kTotpStepSeconds, 0, static_cast<unsigned>(digits), code.data());
    if (rc != OATH_OK) return Status::internal(std::string("TOTP: ") + oath_strerror(rc));
    return std::string(code.data());
}

std::optional<std::int64_t> matchTotp(std::string_view secretBase32, std::string_view code, TimePoint now) {
    std::string typed;
    for (char c : code)
        if (c != ' ') typed += c;
    if (typed.size() != 6) return std::nullopt;
    const std::int64_t seconds =
        std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    const std::int64_t step = seconds / kTotpStepSeconds;
    std::optional<std::int64_t> found;
    for (std::int64_t s = step - 1; s <= step + 1; ++s) {
        auto expected = totpCode(secretBase32, s * kTotpStepSeconds);
        if (expected && constantTimeEquals(*expected, typed)) found = s;
    }
    return found;
}

std::string otpauthUri(std::string_view issuer, std::string_view account, std::string_view secretBase32) {
    return "otpauth://totp/" + percentEncode(issuer) + ":" + percentEncode(account) +
           "?secret=" + std::string(secretBase32) + "&issuer=" + percentEncode(issuer) +
           "&algorithm=SHA1&digits=6&period=30";
}

}  // namespace wp
