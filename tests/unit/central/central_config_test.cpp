#include "central/central_config.h"

#include <gtest/gtest.h>

#include "central/request_router.h"
#include "tests/support/shipped_request_specs.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

constexpr const char* kFull = R"toml(
[server]
address = "127.0.0.1"
port = 0
port_file = "port"
threads = 32
max_body_bytes = 8192
database = "central.db"

[tls]
certificate = "pki/server.crt"
key = "pki/server.key"
client_ca = "pki/ca.crt"
revoked_subjects = ["CN=kiosk-K4,O=Wijkpunt"]
revoked_serials = ["0a1b"]

[[kiosk]]
subject = "CN=kiosk-K2,O=Wijkpunt"
code = "K2"
contact_point = "SGN"

[lookup]
per_minute = 5

[routing]
default_team = "gemeente"
[[routing.rule]]
type = "callback"
category = "huur"
team = "huurloket"
[[routing.rule]]
type = "initiative"
team = "initiatief"

[notify.huurloket]
webhook = "https://127.0.0.1:9/hook"
email = ["huurloket@example.org"]

[webhook]
secret_file = "webhook.secret"

[smtp]
url = "smtp://127.0.0.1:2525"
from = "wijkpunt@example.org"

[retention]
default_days = 90
callback = 30
)toml";

// A secret file as the server takes it: the owner's alone.
void ownerOnly(const std::filesystem::path& file) {
    std::filesystem::permissions(file,
                                 std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                                 std::filesystem::perm_options::replace);
}

TEST(CentralConfigTest, ReadsEverySection) {
    testing::TempDir dir;
    ownerOnly(dir.write("webhook.secret", "a-secret-of-more-than-16-bytes\n"));
    auto c = loadCentralConfig(dir.write("central.toml", kFull));
    ASSERT_TRUE(c) << c.status().message();
    EXPECT_EQ(c->server.port, 0);
    EXPECT_EQ(c->server.threads, 32);
    EXPECT_EQ(c->server.maxBodyBytes, 8192u);
    EXPECT_EQ(c->server.portFile, dir.path() / "port");
    EXPECT_EQ(c->database, dir.path() / "central.db");
    EXPECT_EQ(c->tls.clientCa, dir.path() / "pki/ca.crt");
    EXPECT_EQ(c->tls.revokedSerials, std::vector<std::string>{"0A1B"});
    ASSERT_EQ(c->kiosks.size(), 1u);
    EXPECT_EQ(c->kiosks[0].kioskCode, "K2");
    EXPECT_EQ(c->lookup.perMinute, 5);
    EXPECT_EQ(c->routing.rules.size(), 2u);
    EXPECT_EQ(c->routing.rules[1].category, "*");
    EXPECT_EQ(c->notifications.at("huurloket").emails, std::vector<std::string>{"huurloket@example.org"});
    EXPECT_EQ(c->retentionDays("callback"), 30);
    EXPECT_EQ(c->retentionDays("question"), 90);
    EXPECT_EQ(c->webhook.secret, "a-secret-of-more-than-16-bytes");
    EXPECT_TRUE(c->smtp.requireTls) << "TLS is the default";
    EXPECT_EQ(c->tokens.defaultExpiryDays, 90);
    EXPECT_EQ(c->lookup.missesPerHour, 10);
}

TEST(CentralConfigTest, ReadsTheLimitsTokensAndRevocationKeys) {
    testing::TempDir dir;
    auto c = loadCentralConfig(dir.write("central.toml", R"toml([server]
database = "c.db"
[tls]
certificate = "a"
key = "b"
client_ca = "c"
[lookup]
per_minute = 5
per_prefix_per_minute = 50
global_per_minute = 500
misses_per_hour = 4
prefix_misses_per_hour = 40
global_misses_per_hour = 400
alert_misses_per_hour = 44
[tokens]
default_expiry_days = 0
[revocation]
cache_ms = 250
[smtp]
url = "smtp://127.0.0.1:2525"
require_tls = false
)toml"));
    ASSERT_TRUE(c) << c.status().message();
    EXPECT_EQ(c->lookup.perPrefixPerMinute, 50);
    EXPECT_EQ(c->lookup.globalPerMinute, 500);
    EXPECT_EQ(c->lookup.missesPerHour, 4);
    EXPECT_EQ(c->lookup.prefixMissesPerHour, 40);
    EXPECT_EQ(c->lookup.globalMissesPerHour, 400);
    EXPECT_EQ(c->lookup.alertMissesPerHour, 44);
    EXPECT_EQ(c->tokens.defaultExpiryDays, 0);
    EXPECT_EQ(c->revocation.cacheMs, 250);
    EXPECT_FALSE(c->smtp.requireTls);
}

TEST(CentralConfigTest, ReadsTheAppointmentsKeysWithTheirDefaults) {
    testing::TempDir dir;
    const std::string base =
        "[server]\ndatabase = \"c.db\"\n[tls]\ncertificate = \"a\"\nkey = \"b\"\nclient_ca = \"c\"\n";
    auto defaults = loadCentralConfig(dir.write("defaults.toml", base));
    ASSERT_TRUE(defaults) << defaults.status().message();
    EXPECT_EQ(defaults->appointments.minLeadMinutes, 60);
    EXPECT_EQ(defaults->appointments.horizonDays, 14);
    EXPECT_EQ(defaults->appointments.reminderHour, 18);
    EXPECT_EQ(defaults->appointments.wrongCodesPerKiosk, 10);
    EXPECT_EQ(defaults->appointments.wrongCodesPerKioskMinutes, 10);
    EXPECT_EQ(defaults->appointments.wrongCodesPerSource, 30);
    EXPECT_EQ(defaults->appointments.wrongCodesPerSourceMinutes, 60);
    EXPECT_EQ(defaults->appointments.wipeAfterDays, 7);

    auto c = loadCentralConfig(dir.write("central.toml", base + R"toml([appointments]
min_lead_minutes = 0
horizon_days = 7
reminder_hour = 17
wrong_codes_per_kiosk = 3
wrong_codes_per_kiosk_minutes = 5
wrong_codes_per_source = 9
wrong_codes_per_source_minutes = 30
wipe_after_days = 2
)toml"));
    ASSERT_TRUE(c) << c.status().message();
    EXPECT_EQ(c->appointments.minLeadMinutes, 0);
    EXPECT_EQ(c->appointments.horizonDays, 7);
    EXPECT_EQ(c->appointments.reminderHour, 17);
    EXPECT_EQ(c->appointments.wrongCodesPerKiosk, 3);
    EXPECT_EQ(c->appointments.wrongCodesPerKioskMinutes, 5);
    EXPECT_EQ(c->appointments.wrongCodesPerSource, 9);
    EXPECT_EQ(c->appointments.wrongCodesPerSourceMinutes, 30);
    EXPECT_EQ(c->appointments.wipeAfterDays, 2);

    auto bad = loadCentralConfig(dir.write("bad.toml", base + "[appointments]\nreminder_hour = 24\n"));
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.status().message().find("bad.toml:8:"), std::string::npos) << bad.status().message();
}

TEST(CentralConfigTest, ReadsTheEnrollmentAndFleetKeysWithTheirDefaults) {
    testing::TempDir dir;
    const std::string base =
        "[server]\ndatabase = \"c.db\"\n[tls]\ncertificate = \"a\"\nkey = \"b\"\nclient_ca = \"c\"\n";
    auto defaults = loadCentralConfig(dir.write("defaults.toml", base));
    ASSERT_TRUE(defaults) << defaults.status().message();
    EXPECT_TRUE(defaults->enrollment.caKey.empty());
    EXPECT_EQ(defaults->enrollment.certificateDays, 90);
    EXPECT_EQ(defaults->enrollment.renewBeforeDays, 30);
    EXPECT_EQ(defaults->enrollment.tokenHours, 24);
    EXPECT_EQ(defaults->fleet.heartbeatSeconds, 60);
    EXPECT_EQ(defaults->fleet.missingAfter, 3);
    EXPECT_EQ(defaults->fleet.stuckOutboxMinutes, 30);

    ownerOnly(dir.write("pki/kiosk-ca.key", "key"));
    auto c = loadCentralConfig(dir.write("central.toml", base + R"toml([enrollment]
ca_key = "pki/kiosk-ca.key"
certificate_days = 30
renew_before_days = 10
token_hours = 2
[fleet]
heartbeat_seconds = 15
missing_after = 4
stuck_outbox_minutes = 5
)toml"));
    ASSERT_TRUE(c) << c.status().message();
    EXPECT_EQ(c->enrollment.caKey, dir.path() / "pki/kiosk-ca.key");
    EXPECT_EQ(c->enrollment.certificateDays, 30);
    EXPECT_EQ(c->enrollment.renewBeforeDays, 10);
    EXPECT_EQ(c->enrollment.tokenHours, 2);
    EXPECT_EQ(c->fleet.heartbeatSeconds, 15);
    EXPECT_EQ(c->fleet.missingAfter, 4);
    EXPECT_EQ(c->fleet.stuckOutboxMinutes, 5);

    // The CA's key is refused when others may read it.
    std::filesystem::permissions(dir.path() / "pki/kiosk-ca.key", std::filesystem::perms::others_read,
                                 std::filesystem::perm_options::add);
    auto open =
        loadCentralConfig(dir.write("open.toml", base + "[enrollment]\nca_key = \"pki/kiosk-ca.key\"\n"));
    ASSERT_FALSE(open);
    EXPECT_NE(open.status().message().find("open.toml:8:"), std::string::npos) << open.status().message();
    auto bad = loadCentralConfig(dir.write("bad.toml", base + "[fleet]\nmissing_after = 0\n"));
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.status().message().find("bad.toml:8:"), std::string::npos) << bad.status().message();
}

TEST(CentralConfigTest, AKioskCodeIsUniqueWithinItsContactPoint) {
    testing::TempDir dir;
    const std::string base =
        "[server]\ndatabase = \"c.db\"\n[tls]\ncertificate = \"a\"\nkey = \"b\"\nclient_ca = \"c\"\n"
        "[[kiosk]]\nsubject = \"CN=kiosk-K2,O=Wijkpunt\"\ncode = \"K2\"\ncontact_point = \"SGN\"\n";
    auto other = loadCentralConfig(dir.write(
        "other.toml",
        base +
            "[[kiosk]]\nsubject = \"CN=kiosk-VKA-K2,O=Wijkpunt\"\ncode = \"K2\"\ncontact_point = \"VKA\"\n"));
    ASSERT_TRUE(other) << other.status().message();
    EXPECT_EQ(other->kiosks.size(), 2u);
    auto same = loadCentralConfig(dir.write(
        "same.toml",
        base +
            "[[kiosk]]\nsubject = \"CN=kiosk-SGN-K2,O=Wijkpunt\"\ncode = \"K2\"\ncontact_point = \"SGN\"\n"));
    ASSERT_FALSE(same);
    EXPECT_NE(same.status().message().find("listed twice"), std::string::npos) << same.status().message();
}

TEST(CentralConfigTest, AWebhookNeedsASecretToSignWith) {
    testing::TempDir dir;
    const std::string base =
        "[server]\ndatabase = \"c.db\"\n[tls]\ncertificate = \"a\"\nkey = \"b\"\n"
        "client_ca = \"c\"\n[notify.huurloket]\nwebhook = \"https://127.0.0.1:9/h\"\n";
    auto none = loadCentralConfig(dir.write("none.toml", base));
    ASSERT_FALSE(none);
    EXPECT_NE(none.status().message().find("secret_file"), std::string::npos) << none.status().message();
    ownerOnly(dir.write("short.secret", "too-short\n"));
    auto shortSecret =
        loadCentralConfig(dir.write("short.toml", base + "[webhook]\nsecret_file = \"short.secret\"\n"));
    ASSERT_FALSE(shortSecret);
    EXPECT_NE(shortSecret.status().message().find("shorter than 16"), std::string::npos);
    auto missing = loadCentralConfig(dir.write("missing.toml", base + "[webhook]\nsecret_file = \"nope\"\n"));
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.status().message().find("cannot read the secret file"), std::string::npos);
    dir.write("open.secret", "a-secret-of-more-than-16-bytes\n");
    auto open =
        loadCentralConfig(dir.write("open.toml", base + "[webhook]\nsecret_file = \"open.secret\"\n"));
    ASSERT_FALSE(open) << "a secret others may read is refused";
    EXPECT_NE(open.status().message().find("chmod 600 " + (dir.path() / "open.secret").string()),
              std::string::npos)
        << open.status().message();
}

TEST(CentralConfigTest, ErrorsNameFileLineAndColumn) {
    testing::TempDir dir;
    auto file = dir.write("central.toml", R"toml([server]
database = "x.db"
port = 70000
[tls]
certificate = "a"
key = "b"
client_ca = "c"
[[kiosk]]
subject = "CN=x"
code = "K0"
contact_point = "SGN"
[routing]
default_team = "brandweer"
)toml");
    auto c = loadCentralConfig(file);
    ASSERT_FALSE(c);
    const std::string& m = c.status().message();
    EXPECT_NE(m.find("central.toml:3:8: 'port' must be a TCP port"), std::string::npos) << m;
    EXPECT_NE(m.find("central.toml:10:8: kiosk code 'K0'"), std::string::npos) << m;
    EXPECT_NE(m.find("central.toml:13:16: 'brandweer' is no team"), std::string::npos) << m;
}

TEST(CentralConfigTest, MissingSectionsAreNamed) {
    testing::TempDir dir;
    auto c = loadCentralConfig(dir.write("central.toml", "[server]\nport = 1\n"));
    ASSERT_FALSE(c);
    EXPECT_NE(c.status().message().find("database"), std::string::npos);
    EXPECT_NE(c.status().message().find("[tls]"), std::string::npos);
}

TEST(RequestRouterTest, FirstMatchingRuleWinsUnknownGoesToDefaultFlagged) {
    RequestRouter router({{"callback", "huur", "huurloket"},
                          {"callback", "*", "wijkteam"},
                          {"*", "zorg", "wijkteam"},
                          {"question", "", "gemeente"}},
                         "gemeente");
    EXPECT_EQ(router.route("callback", "huur").team, "huurloket");
    EXPECT_FALSE(router.route("callback", "huur").flagged);
    EXPECT_EQ(router.route("callback", "").team, "wijkteam");
    EXPECT_EQ(router.route("volunteer", "zorg").team, "wijkteam");
    EXPECT_EQ(router.route("question", "").team, "gemeente");
    EXPECT_FALSE(router.route("question", "").flagged);
    RouteDecision unknown = router.route("question", "parkeren");
    EXPECT_EQ(unknown.team, "gemeente");
    EXPECT_TRUE(unknown.flagged);
}

// A type's spec may name the team that gets it when no rule matches: that team, unflagged. Only a type
// without one falls to the default team, flagged.
TEST(RequestRouterTest, ASpecsFallbackTeamComesBeforeTheDefault) {
    RequestRouter router({{"*", "huur", "huurloket"}}, "gemeente",
                         RequestRouter::fallbackTeamsOf(wp::testing::shippedRequestSpecs()));
    EXPECT_EQ(router.route("home-visit", "huur").team, "huurloket");  // a rule still wins
    RouteDecision visit = router.route("home-visit", "zorg");
    EXPECT_EQ(visit.team, "wijkteam");
    EXPECT_FALSE(visit.flagged);
    EXPECT_EQ(router.route("volunteer", "").team, "wijkmanager");
    RouteDecision question = router.route("question", "parkeren");
    EXPECT_EQ(question.team, "gemeente");
    EXPECT_TRUE(question.flagged);
}

// A broken spec in the server's spec folder stops the server at start, naming the spec's file:line:col.
TEST(CentralConfigTest, ABrokenSpecFolderIsRefusedWithItsPosition) {
    testing::TempDir dir;
    dir.write("specs/tip.toml",
              "id = \"tip\"\nversion = \"one\"\n[[field]]\nname = \"text\"\nkind = \"text\"\n");
    auto c = loadCentralConfig(dir.write("central.toml", R"toml([server]
database = "x.db"
[tls]
certificate = "a"
key = "b"
client_ca = "c"
[requests]
spec_dir = "specs"
)toml"));
    ASSERT_FALSE(c);
    const std::string& m = c.status().message();
    EXPECT_NE(m.find("central.toml:8:12: the request specs do not load"), std::string::npos) << m;
    EXPECT_NE(m.find("specs/tip.toml:2:11: 'version' must be"), std::string::npos) << m;
}

// Routing rules and retention days name types the spec folder has.
TEST(CentralConfigTest, RulesAndRetentionNameKnownTypes) {
    testing::TempDir dir;
    auto c = loadCentralConfig(dir.write("central.toml", R"toml([server]
database = "x.db"
[tls]
certificate = "a"
key = "b"
client_ca = "c"
[routing]
[[routing.rule]]
type = "compliment"
team = "wijkteam"
[retention]
compliment = 30
)toml"));
    ASSERT_FALSE(c);
    EXPECT_NE(c.status().message().find("central.toml:9:8: 'compliment' is no request type"),
              std::string::npos)
        << c.status().message();
    EXPECT_NE(c.status().message().find("central.toml:12:14: 'compliment' is no request type"),
              std::string::npos)
        << c.status().message();
}

}  // namespace
}  // namespace wp
