#include "central/webhook_signature.h"

#include <fmt/format.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <charconv>

namespace wp {

std::string webhookSignature(std::string_view secret, std::int64_t timestamp, std::string_view body) {
    std::string message = std::to_string(timestamp);
    message += '.';
    message += body;
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
         reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac, &len);
    std::string out = "sha256=";
    for (unsigned int i = 0; i < len; ++i) out += fmt::format("{:02x}", mac[i]);
    return out;
}

bool verifyWebhookSignature(std::string_view secret, std::string_view timestamp, std::string_view body,
                            std::string_view signature, std::int64_t nowSeconds,
                            std::int64_t toleranceSeconds) {
    std::int64_t ts = 0;
    auto [end, ec] = std::from_chars(timestamp.data(), timestamp.data() + timestamp.size(), ts);
    if (ec != std::errc() || end != timestamp.data() + timestamp.size() || timestamp.empty()) return false;
    if (ts > nowSeconds + toleranceSeconds || ts < nowSeconds - toleranceSeconds) return false;
    const std::string expected = webhookSignature(secret, ts, body);
    return signature.size() == expected.size() &&
           CRYPTO_memcmp(signature.data(), expected.data(), expected.size()) == 0;
}

}  // namespace wp
