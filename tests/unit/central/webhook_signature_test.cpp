// Signed webhooks (central/webhook_signature.h): what the receiver computes matches what the server sends,
// and a changed body, a wrong secret or an old timestamp fails.
#include "central/webhook_signature.h"

#include <gtest/gtest.h>

namespace wp {
namespace {

constexpr std::string_view kSecret = "a-webhook-secret-of-some-length";
constexpr std::string_view kBody = R"({"event":"request.received","reference":"SGN-K2-7KQ4XD9M-3"})";

TEST(WebhookSignatureTest, IsHexHmacSha256OfTimestampDotBody) {
    // The known answer from another implementation:
    //   printf '1733450000.{"a":1}' | openssl dgst -sha256 -hmac 'secret-of-16-bytes'
    EXPECT_EQ(webhookSignature("secret-of-16-bytes", 1733450000, R"({"a":1})"),
              "sha256=acfc4dab8fbe32ef172f54b19419e923fdcbc41539fbac0e359d1e413b0b9481");
    EXPECT_NE(webhookSignature("key", 1, "x"), webhookSignature("key", 2, "x"));
    EXPECT_NE(webhookSignature("key", 1, "x"), webhookSignature("yek", 1, "x"));
}

TEST(WebhookSignatureTest, TheReceiverVerifiesAndAChangedBodyFails) {
    const std::int64_t t = 1733450000;
    const std::string sig = webhookSignature(kSecret, t, kBody);
    EXPECT_TRUE(verifyWebhookSignature(kSecret, "1733450000", kBody, sig, t + 10));
    std::string changed(kBody);
    changed[changed.size() - 3] = '4';
    EXPECT_FALSE(verifyWebhookSignature(kSecret, "1733450000", changed, sig, t + 10));
    EXPECT_FALSE(verifyWebhookSignature("another-secret-entirely", "1733450000", kBody, sig, t + 10));
    EXPECT_FALSE(verifyWebhookSignature(kSecret, "1733450001", kBody, sig, t + 10)) << "another timestamp";
    EXPECT_FALSE(verifyWebhookSignature(kSecret, "1733450000", kBody, sig, t + 301)) << "too old";
    EXPECT_FALSE(verifyWebhookSignature(kSecret, "1733450000", kBody, sig, t - 301)) << "from the future";
    EXPECT_FALSE(verifyWebhookSignature(kSecret, "17334x0000", kBody, sig, t));
    EXPECT_FALSE(verifyWebhookSignature(kSecret, "1733450000", kBody, sig.substr(0, sig.size() - 1), t));
}

}  // namespace
}  // namespace wp
