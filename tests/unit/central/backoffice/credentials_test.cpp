// Staff passwords (argon2id), the TOTP second factor against RFC 6238's test vectors, the QR code's SVG,
// tokens and the constant-time compare (central/backoffice/staff_credentials.h, totp.h, qr_svg.h).
#include <gtest/gtest.h>

#include "central/backoffice/qr_svg.h"
#include "central/backoffice/staff_credentials.h"
#include "central/backoffice/totp.h"

namespace wp {
namespace {

using namespace std::chrono_literals;

TEST(PasswordTest, AHashVerifiesItsPasswordOnlyAndCarriesItsParameters) {
    auto hash = hashPassword("een lange zin als wachtwoord");
    ASSERT_TRUE(hash) << hash.status().message();
    EXPECT_EQ(hash->rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0u) << *hash;
    EXPECT_TRUE(verifyPassword(*hash, "een lange zin als wachtwoord"));
    EXPECT_FALSE(verifyPassword(*hash, "een lange zin als wachtwoorD"));
    EXPECT_FALSE(verifyPassword(*hash, ""));
    EXPECT_FALSE(verifyPassword("", "een lange zin als wachtwoord"));
    EXPECT_FALSE(verifyPassword("$argon2i$nonsense", "x"));
    auto again = hashPassword("een lange zin als wachtwoord");
    EXPECT_NE(*again, *hash);  // a fresh salt each time
}

TEST(PasswordTest, AShortPasswordOrOneMadeOfTheNameOrAddressIsRefused) {
    EXPECT_NE(passwordProblem("elf tekens!", "Anna", "anna@example.org"), "");
    EXPECT_EQ(passwordProblem("twaalf tekens", "Anna", "anna@example.org"), "");
    EXPECT_NE(passwordProblem("anna@example.org", "Anna", "anna@example.org"), "");
    EXPECT_NE(passwordProblem("Anna de Vries 2026", "Anna de Vries", "a@example.org"), "");
    EXPECT_NE(passwordProblem("ANNADEVRIES123", "x", "annadevries@example.org"), "");
    EXPECT_EQ(passwordProblem("ijzersterke fiets", "Anna", "anna@example.org"), "");
    // Counted in characters, not bytes.
    EXPECT_NE(passwordProblem("ééééééééééé", "Anna", "anna@example.org"), "");
}

TEST(TotpTest, CodesMatchTheTestVectorsOfRfc6238) {
    // RFC 6238 appendix B, SHA-1: the secret is the ASCII "12345678901234567890".
    const std::string secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    EXPECT_EQ(totpCode(secret, 59, 8).value(), "94287082");
    EXPECT_EQ(totpCode(secret, 1111111109, 8).value(), "07081804");
    EXPECT_EQ(totpCode(secret, 1111111111, 8).value(), "14050471");
    EXPECT_EQ(totpCode(secret, 1234567890, 8).value(), "89005924");
    EXPECT_EQ(totpCode(secret, 2000000000, 8).value(), "69279037");
    EXPECT_EQ(totpCode(secret, 20000000000, 8).value(), "65353130");
    EXPECT_EQ(totpCode(secret, 59).value(), "287082");
    EXPECT_FALSE(totpCode("not base32!", 59));
}

TEST(TotpTest, ACodeMatchesOneStepEitherSideAndNoFurther) {
    EXPECT_EQ(newTotpSecret().size(), 32u);
    EXPECT_NE(newTotpSecret(), newTotpSecret());
    const std::string secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    const TimePoint now = TimePoint(std::chrono::seconds(1'800'000'015));
    const std::int64_t step = 1'800'000'015 / 30;
    auto codeAt = [&](std::int64_t s) { return totpCode(secret, s * 30).value(); };
    EXPECT_EQ(matchTotp(secret, codeAt(step), now), step);
    EXPECT_EQ(matchTotp(secret, codeAt(step - 1), now), step - 1);
    EXPECT_EQ(matchTotp(secret, codeAt(step + 1), now), step + 1);
    // With this secret and time the codes two steps away differ from the three accepted ones.
    for (std::int64_t far : {step - 2, step + 2}) {
        for (std::int64_t near : {step - 1, step, step + 1}) ASSERT_NE(codeAt(far), codeAt(near));
        EXPECT_FALSE(matchTotp(secret, codeAt(far), now));
    }
    EXPECT_EQ(matchTotp(secret, codeAt(step).substr(0, 3) + " " + codeAt(step).substr(3), now), step);
    EXPECT_FALSE(matchTotp(secret, "12345", now));
    EXPECT_FALSE(matchTotp(secret, "", now));
}

TEST(TotpTest, TheSecretIsShownInGroupsAndTheUriNamesIssuerAndAccount) {
    EXPECT_EQ(groupedTotpSecret("ABCDEFGHIJ"), "ABCD EFGH IJ");
    EXPECT_EQ(otpauthUri("Gemeente Schiedam", "anna@example.org", "ABCD"),
              "otpauth://totp/Gemeente%20Schiedam:anna%40example.org?secret=ABCD&issuer=Gemeente%20Schiedam"
              "&algorithm=SHA1&digits=6&period=30");
}

TEST(QrSvgTest, TheCodeIsOnePathWithAnEscapedLabelAndNoStyle) {
    auto svg = qrCodeSvg("otpauth://totp/x?secret=ABCD", "QR <code> & \"x\"");
    ASSERT_TRUE(svg);
    EXPECT_EQ(svg->rfind("<svg ", 0), 0u);
    EXPECT_NE(svg->find("aria-label=\"QR &lt;code&gt; &amp; &quot;x&quot;\""), std::string::npos) << *svg;
    EXPECT_NE(svg->find("<path fill=\"#000000\" d=\"M"), std::string::npos);
    EXPECT_EQ(svg->find("style"), std::string::npos);
    EXPECT_EQ(svg->find("<script"), std::string::npos);
}

TEST(TokenTest, TokensAreLongRandomAndUrlSafe) {
    const std::string a = randomToken(), b = randomToken();
    EXPECT_EQ(a.size(), 43u);
    EXPECT_NE(a, b);
    EXPECT_EQ(a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
              std::string::npos);
    EXPECT_EQ(hashSecretToken(a).size(), 64u);
    EXPECT_NE(hashSecretToken(a), a);
}

TEST(TokenTest, ConstantTimeEqualsComparesWholeStrings) {
    EXPECT_TRUE(constantTimeEquals("abc", "abc"));
    EXPECT_FALSE(constantTimeEquals("abc", "abd"));
    EXPECT_FALSE(constantTimeEquals("abc", "ab"));
    EXPECT_FALSE(constantTimeEquals("", "a"));
    EXPECT_TRUE(constantTimeEquals("", ""));
}

}  // namespace
}  // namespace wp
