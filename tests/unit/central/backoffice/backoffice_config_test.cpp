// The [backoffice] keys of the central server's config (central/central_config.h): defaults, values, and
// refusals at file:line:col.
#include <gtest/gtest.h>

#include "central/central_config.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

constexpr const char* kBase = R"toml([server]
database = "c.db"
[tls]
certificate = "a"
key = "b"
client_ca = "c"
)toml";

TEST(BackOfficeConfigTest, DefaultsHoldWithoutTheSection) {
    testing::TempDir dir;
    auto c = loadCentralConfig(dir.write("central.toml", kBase));
    ASSERT_TRUE(c) << c.status().message();
    EXPECT_EQ(c->backOffice.publicUrl, "");
    EXPECT_EQ(c->backOffice.setupLinkHours, 72);
    EXPECT_EQ(c->backOffice.sessionIdleMinutes, 30);
    EXPECT_EQ(c->backOffice.sessionAbsoluteHours, 10);
    EXPECT_EQ(c->backOffice.accountFailures, 5);
    EXPECT_EQ(c->backOffice.sourceFailures, 20);
    EXPECT_EQ(c->backOffice.failureWindowMinutes, 15);
    EXPECT_EQ(c->backOffice.lockMinutes, 15);
}

TEST(BackOfficeConfigTest, ReadsEveryKey) {
    testing::TempDir dir;
    auto c = loadCentralConfig(dir.write("central.toml", std::string(kBase) + R"toml([backoffice]
public_url = "https://wijkpunt.example.org"
municipality = "Gemeente Schiedam"
setup_link_hours = 24
session_idle_minutes = 10
session_absolute_hours = 8
account_failures = 3
source_failures = 30
failure_window_minutes = 20
lock_minutes = 60
)toml"));
    ASSERT_TRUE(c) << c.status().message();
    const auto& b = c->backOffice;
    EXPECT_EQ(b.publicUrl, "https://wijkpunt.example.org");
    EXPECT_EQ(b.municipality, "Gemeente Schiedam");
    EXPECT_EQ(b.setupLinkHours, 24);
    EXPECT_EQ(b.sessionIdleMinutes, 10);
    EXPECT_EQ(b.sessionAbsoluteHours, 8);
    EXPECT_EQ(b.accountFailures, 3);
    EXPECT_EQ(b.sourceFailures, 30);
    EXPECT_EQ(b.failureWindowMinutes, 20);
    EXPECT_EQ(b.lockMinutes, 60);
}

TEST(BackOfficeConfigTest, APublicUrlWithAPathOrWithoutHttpsIsRefusedAtItsLine) {
    testing::TempDir dir;
    for (const char* url : {"http://wijkpunt.example.org", "https://wijkpunt.example.org/backoffice"}) {
        auto c = loadCentralConfig(
            dir.write("central.toml", std::string(kBase) + "[backoffice]\npublic_url = \"" + url + "\"\n"));
        ASSERT_FALSE(c) << url;
        EXPECT_NE(c.status().message().find("central.toml:8:"), std::string::npos) << c.status().message();
        EXPECT_NE(c.status().message().find("public_url"), std::string::npos);
    }
    auto zero =
        loadCentralConfig(dir.write("central.toml", std::string(kBase) + "[backoffice]\nlock_minutes = 0\n"));
    EXPECT_FALSE(zero);
}

}  // namespace
}  // namespace wp
