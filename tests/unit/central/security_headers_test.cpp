#include "central/security_headers.h"

#include <gtest/gtest.h>

namespace wp {
namespace {

TEST(SecurityHeadersTest, APageMayRunOnlyItsOwnInlineStyleAndScript) {
    // SHA-256 of "p{}" and of "x()", base64.
    std::string csp = contentSecurityPolicy("<style>p{}</style><body><script>x()</script>");
    EXPECT_EQ(csp,
              "default-src 'none'; style-src 'sha256-gG2yISYereRMiG2lMXrbiUgi0Ubw9p7QCeWcroOvy9Y='; "
              "script-src 'sha256-D6IGS8VMvCoyaR/l0h9tERrBTATY01CoPS7l6xDv0kI='; base-uri 'none'; "
              "form-action 'none'; frame-ancestors 'none'");
}

TEST(SecurityHeadersTest, APageWithScriptFilesRunsOnlyThisServersFilesAndReadsOnlyFromIt) {
    std::string csp = contentSecurityPolicy("<style>p{}</style><script src=\"/a.js\"></script>", true);
    EXPECT_EQ(csp,
              "default-src 'none'; style-src 'sha256-gG2yISYereRMiG2lMXrbiUgi0Ubw9p7QCeWcroOvy9Y='; "
              "script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; "
              "frame-ancestors 'none'");
}

TEST(SecurityHeadersTest, APageWithoutScriptMayRunNone) {
    std::string csp = contentSecurityPolicy("<p>no style</p><styles></styles>");
    EXPECT_NE(csp.find("style-src 'none'"), std::string::npos) << csp;
    EXPECT_NE(csp.find("script-src 'none'"), std::string::npos) << csp;
}

TEST(SecurityHeadersTest, HtmlGetsThePageHeadersAndJsonOnlyNosniff) {
    HttpResponse page;
    page.set_content("<style>p{}</style>", "text/html; charset=utf-8");
    addSecurityHeaders(page);
    EXPECT_EQ(page.get_header_value("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(page.get_header_value("Referrer-Policy"), "no-referrer");
    EXPECT_EQ(page.get_header_value("Strict-Transport-Security"), "max-age=31536000");
    EXPECT_NE(page.get_header_value("Content-Security-Policy").find("frame-ancestors 'none'"),
              std::string::npos);

    HttpResponse json;
    json.set_content("{}", kJson);
    addSecurityHeaders(json);
    EXPECT_EQ(json.get_header_value("X-Content-Type-Options"), "nosniff");
    EXPECT_FALSE(json.has_header("Content-Security-Policy"));
    EXPECT_FALSE(json.has_header("Strict-Transport-Security"));
    EXPECT_FALSE(json.has_header("Referrer-Policy"));
}

}  // namespace
}  // namespace wp
