// Signed webhooks: every webhook POST carries
//   X-Wijkpunt-Timestamp: <seconds since 1970, UTC>
//   X-Wijkpunt-Signature: sha256=<lower-case hex HMAC-SHA256 of "<timestamp>.<body>" with the secret>
// where the secret is [webhook] secret_file's, shared with the receiver. A receiver recomputes the HMAC over
// the timestamp header, a dot and the raw body, compares in constant time, and refuses a timestamp further
// than a few minutes from its own clock (a replayed old POST). Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace wp {

inline constexpr std::string_view kWebhookTimestampHeader = "X-Wijkpunt-Timestamp";
inline constexpr std::string_view kWebhookSignatureHeader = "X-Wijkpunt-Signature";

// "sha256=" and the hex HMAC-SHA256 of timestamp + "." + body.
std::string webhookSignature(std::string_view secret, std::int64_t timestamp, std::string_view body);

// What a receiver does: true when signature is webhookSignature(secret, timestamp, body) (compared in
// constant time) and timestamp is at most toleranceSeconds away from nowSeconds.
bool verifyWebhookSignature(std::string_view secret, std::string_view timestamp, std::string_view body,
                            std::string_view signature, std::int64_t nowSeconds,
                            std::int64_t toleranceSeconds = 300);

}  // namespace wp
