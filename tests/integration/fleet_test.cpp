// The fleet against the real wijkpunt-central over real mutual TLS: a kiosk enrolls with a one-time token
// and a CSR made here with OpenSSL, then calls the kiosk listener with its new certificate; spent, expired
// (the injected clock) and unknown tokens are refused; a revoked kiosk is refused on its open keep-alive
// connection; a renewed certificate has a new serial and works; commands ride on heartbeat answers until
// the kiosk reports them or uploads what they asked for; a kiosk is missing after three missed heartbeats.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fstream>

#include "common/clock.h"
#include "tests/integration/central_harness.h"
#include "tests/integration/raw_tls_client.h"
#include "tests/support/test_csr.h"

namespace wp::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

// A kiosk's identity on disk: NAME.key (0600) and, once enrolled, NAME.crt; a PKI-style name for the
// clients (an absolute path: the PKI folder is not prepended to it).
struct KioskFiles {
    fs::path base;
    std::string keyPem;
    std::string name() const { return base.string(); }
    void writeCertificate(const std::string& pem) const { std::ofstream(base.string() + ".crt") << pem; }
};

class FleetTest : public ::testing::Test {
  protected:
    void start(const std::string& extraToml = "") {
        CentralOptions o;
        o.extraToml = "[enrollment]\nca_key = \"" + pkiFile("ca.key").string() +
                      "\"\ncertificate_days = 90\nrenew_before_days = 30\n[revocation]\ncache_ms = 60000\n" +
                      extraToml;
        server_ = std::make_unique<CentralServerProcess>(dir_.path() / "central", std::move(o));
        ASSERT_TRUE(server_->start());
        admin_ = token("Ada", "admin");
    }
    std::string token(const std::string& name, const std::string& role, const std::string& team = "") {
        std::vector<std::string> args = {"token", "create", "--name", name, "--role", role};
        if (!team.empty()) args.insert(args.end(), {"--team", team});
        auto [status, out] = runCentralCommand(server_->config(), args);
        EXPECT_EQ(status, 0) << out;
        return out.substr(0, out.find('\n'));
    }
    ApiClient staff() { return ApiClient(server_->publicUrl(), {.cert = ""}); }
    std::string enrollToken(const std::string& contactPoint = "SGN", int hours = 24) {
        HttpResult r = staff().post("/v1/fleet/enroll-tokens",
                                    json{{"contact_point", contactPoint}, {"hours", hours}}.dump(), admin_);
        EXPECT_EQ(r.status, 201) << r.body;
        return json::parse(r.body).value("token", "");
    }
    KioskFiles newKiosk(const std::string& name) {
        KioskFiles k{dir_.path() / name, makeTestKey(TestKeyKind::EcP256)};
        std::ofstream(k.base.string() + ".key") << k.keyPem;
        fs::permissions(k.base.string() + ".key", fs::perms::owner_read | fs::perms::owner_write,
                        fs::perm_options::replace);
        return k;
    }
    HttpResult enroll(const std::string& token, const KioskFiles& k) {
        return staff().post("/v1/enroll", json{{"token", token}, {"csr", makeTestCsr(k.keyPem)}}.dump());
    }
    // Enrolls k with a fresh token; the answer.
    json enrolled(const KioskFiles& k) {
        HttpResult r = enroll(enrollToken(), k);
        EXPECT_EQ(r.status, 201) << r.body;
        json j = json::parse(r.body, nullptr, false);
        k.writeCertificate(j.value("certificate", ""));
        return j;
    }
    json fleetEntry(const std::string& kiosk) {
        HttpResult r = staff().get("/v1/fleet/kiosks", admin_);
        EXPECT_EQ(r.status, 200) << r.body;
        const json fleet = json::parse(r.body);
        for (const json& e : fleet["kiosks"])
            if (e["kiosk"] == kiosk) return e;
        ADD_FAILURE() << kiosk << " is not in the fleet: " << r.body;
        return json();
    }
    std::string errorCode(const HttpResult& r) {
        return json::parse(r.body, nullptr, false)["error"].value("code", "");
    }
    void advance(Millis d) { ScriptClock(server_->clockFile()).advance(d); }

    TempDir dir_;
    std::unique_ptr<CentralServerProcess> server_;
    std::string admin_;
};

const std::string kHeartbeat = R"({"version":"1.4.0","bundle_version":"","uptime_s":3600,
  "printer":{"state":"ready","reasons":[]},"outbox":{"waiting":0,"rejected":0,"oldest_waiting_s":0},
  "disk_free_mb":5120,"last_error":"","in_service":true,"results":[]})";

TEST_F(FleetTest, AKioskEnrollsWithATokenAndThenTalksMutualTls) {
    start();
    KioskFiles k = newKiosk("kiosk-a");
    json answer = enrolled(k);
    EXPECT_EQ(answer["kiosk"], "SGN-22");  // K2, K3 and K4 of the config keep their codes
    EXPECT_EQ(answer["contact_point"], "SGN");
    EXPECT_EQ(answer["kiosk_code"], "22");
    EXPECT_NE(answer.value("ca", "").find("BEGIN CERTIFICATE"), std::string::npos);

    ApiClient kiosk(server_->url(), {.cert = k.name()});
    HttpResult beat = kiosk.post("/v1/kiosk/heartbeat", kHeartbeat);
    ASSERT_EQ(beat.status, 200) << beat.body;
    EXPECT_EQ(json::parse(beat.body)["interval_s"], 60);
    EXPECT_EQ(json::parse(beat.body)["renew"], false);
    // Its queue events are taken under its own code.
    HttpResult events = kiosk.post("/v1/statistics/queue-events", R"({"kiosk":"22","events":[]})");
    EXPECT_EQ(events.status, 200) << events.body;

    json entry = fleetEntry("SGN-22");
    ASSERT_TRUE(entry.is_object());
    EXPECT_EQ(entry["enrolled"], true);
    EXPECT_EQ(entry["subject"], "CN=kiosk-SGN-22,O=Wijkpunt");
    EXPECT_EQ(entry["health"]["version"], "1.4.0");
    EXPECT_EQ(entry["trouble"], json::array());

    // The next kiosk of the contact point gets the next code, and `kiosk list` shows the enrolled kiosks.
    KioskFiles other = newKiosk("kiosk-b");
    EXPECT_EQ(enrolled(other)["kiosk"], "SGN-23");
    auto [listed, list] = runCentralCommand(server_->config(), {"kiosk", "list"});
    EXPECT_EQ(listed, 0) << list;
    EXPECT_NE(list.find("CN=kiosk-SGN-23,O=Wijkpunt"), std::string::npos) << list;
}

TEST_F(FleetTest, SpentExpiredAndUnknownTokensAndBadCsrsAreRefused) {
    start();
    KioskFiles k = newKiosk("kiosk-a");
    std::string first = enrollToken();
    HttpResult bad = staff().post("/v1/enroll", json{{"token", first}, {"csr", "nonsense"}}.dump());
    EXPECT_EQ(bad.status, 422) << bad.body;
    HttpResult weak = staff().post(
        "/v1/enroll", json{{"token", first}, {"csr", makeTestCsr(makeTestKey(TestKeyKind::Rsa1024))}}.dump());
    EXPECT_EQ(weak.status, 422) << weak.body;
    ASSERT_EQ(enroll(first, k).status, 201) << "a refused CSR spends no token";
    HttpResult spent = enroll(first, newKiosk("kiosk-b"));
    EXPECT_EQ(spent.status, 403);
    EXPECT_EQ(errorCode(spent), "enroll-token-spent");
    HttpResult unknown = enroll("no-such-token", newKiosk("kiosk-c"));
    EXPECT_EQ(unknown.status, 403);
    EXPECT_EQ(errorCode(unknown), "enroll-token-unknown");

    std::string shortLived = enrollToken("SGN", 1);
    advance(61min);
    HttpResult expired = enroll(shortLived, newKiosk("kiosk-d"));
    EXPECT_EQ(expired.status, 403);
    EXPECT_EQ(errorCode(expired), "enroll-token-expired");

    // Only admins make tokens.
    std::string team = token("Tom", "team", "gemeente");
    EXPECT_EQ(staff().post("/v1/fleet/enroll-tokens", R"({"contact_point":"SGN"})", team).status, 403);
}

TEST_F(FleetTest, ARevokedKioskIsRefusedOnItsOpenKeepAliveConnection) {
    start();
    KioskFiles k = newKiosk("kiosk-a");
    enrolled(k);
    RawTlsConnection kiosk(server_->port(), "127.0.0.1", k.name());
    ASSERT_EQ(kiosk.request("POST", "/v1/kiosk/heartbeat", kHeartbeat).status, 200);

    HttpResult revoked = staff().post("/v1/fleet/kiosks/SGN-22/revoke", "", admin_);
    ASSERT_EQ(revoked.status, 200) << revoked.body;
    EXPECT_EQ(json::parse(revoked.body)["revoked"], true);
    EXPECT_EQ(json::parse(revoked.body)["trouble"], json::array({"revoked"}));
    // The revocation cache holds for a minute, but the server that revoked reads it again at once.
    auto refused = kiosk.request("POST", "/v1/kiosk/heartbeat", kHeartbeat);
    EXPECT_EQ(refused.status, 403) << refused.body;
    EXPECT_EQ(kiosk.connections(), 1) << "the same connection";
    EXPECT_EQ(ApiClient(server_->url(), {.cert = k.name()}).post("/v1/kiosk/heartbeat", kHeartbeat).status,
              403)
        << "and a new one";

    HttpResult audit = staff().get("/v1/backoffice/audit", admin_);
    EXPECT_NE(audit.body.find("revoke-kiosk"), std::string::npos) << audit.body;
    EXPECT_NE(audit.body.find("enroll-token"), std::string::npos) << audit.body;
}

TEST_F(FleetTest, ARenewedCertificateHasANewSerialAndWorks) {
    start();
    KioskFiles k = newKiosk("kiosk-a");
    enrolled(k);
    const std::string firstSerial = fleetEntry("SGN-22").value("serial", "");
    ApiClient kiosk(server_->url(), {.cert = k.name()});
    // 61 days on, fewer than 30 remain: the heartbeat answer asks for renewal.
    advance(61 * 24h);
    HttpResult beat = kiosk.post("/v1/kiosk/heartbeat", kHeartbeat);
    ASSERT_EQ(beat.status, 200) << beat.body;
    EXPECT_EQ(json::parse(beat.body)["renew"], true);
    EXPECT_NE(fleetEntry("SGN-22")["trouble"].dump().find("certificate-expiring"), std::string::npos);

    KioskFiles renewed = newKiosk("kiosk-a-renewed");
    HttpResult r = kiosk.post("/v1/kiosk/certificate", json{{"csr", makeTestCsr(renewed.keyPem)}}.dump());
    ASSERT_EQ(r.status, 200) << r.body;
    renewed.writeCertificate(json::parse(r.body)["certificate"].get<std::string>());
    json entry = fleetEntry("SGN-22");
    EXPECT_NE(entry.value("serial", ""), firstSerial);
    EXPECT_EQ(entry.value("serial", "").size(), 32u);

    ApiClient next(server_->url(), {.cert = renewed.name()});
    HttpResult after = next.post("/v1/kiosk/heartbeat", kHeartbeat);
    ASSERT_EQ(after.status, 200) << after.body;
    EXPECT_EQ(json::parse(after.body)["renew"], false);
    // A kiosk of the config renews by hand.
    ApiClient k2(server_->url(), {.cert = "kiosk"});
    EXPECT_EQ(k2.post("/v1/kiosk/certificate", json{{"csr", makeTestCsr(renewed.keyPem)}}.dump()).status,
              403);
}

TEST_F(FleetTest, CommandsRideOnHeartbeatsUntilReportedAndUploadsFinishThem) {
    start();
    KioskFiles k = newKiosk("kiosk-a");
    enrolled(k);
    ApiClient kiosk(server_->url(), {.cert = k.name()});
    HttpResult made =
        staff().post("/v1/fleet/kiosks/SGN-22/commands",
                     R"({"kind":"out-of-service","message":"Storing, kom morgen terug"})", admin_);
    ASSERT_EQ(made.status, 201) << made.body;
    const int away = json::parse(made.body)["id"];
    HttpResult shot = staff().post("/v1/fleet/kiosks/SGN-22/commands", R"({"kind":"screenshot"})", admin_);
    ASSERT_EQ(shot.status, 201) << shot.body;
    const int screenshot = json::parse(shot.body)["id"];
    EXPECT_EQ(staff().post("/v1/fleet/kiosks/SGN-22/commands", R"({"kind":"reboot"})", admin_).status, 400);
    EXPECT_EQ(staff().post("/v1/fleet/kiosks/SGN-99/commands", R"({"kind":"restart"})", admin_).status, 404);

    // The answer is lost: the next heartbeat carries both again.
    for (int i = 0; i < 2; ++i) {
        json answer = json::parse(kiosk.post("/v1/kiosk/heartbeat", kHeartbeat).body);
        ASSERT_EQ(answer["commands"].size(), 2u) << answer.dump();
        EXPECT_EQ(answer["commands"][0]["id"], away);
        EXPECT_EQ(answer["commands"][0]["message"], "Storing, kom morgen terug");
    }
    json withResult = json::parse(kHeartbeat);
    withResult["in_service"] = false;
    withResult["results"] = json::array({json{{"command", away}, {"ok", true}, {"detail", ""}}});
    json answer = json::parse(kiosk.post("/v1/kiosk/heartbeat", withResult.dump()).body);
    ASSERT_EQ(answer["commands"].size(), 1u);
    EXPECT_EQ(answer["commands"][0]["id"], screenshot);
    EXPECT_EQ(json::parse(staff().get("/v1/fleet/commands/" + std::to_string(away), admin_).body)["state"],
              "done");
    EXPECT_NE(fleetEntry("SGN-22")["trouble"].dump().find("out-of-service"), std::string::npos);

    EXPECT_EQ(staff().get("/v1/fleet/commands/" + std::to_string(screenshot) + "/upload", admin_).status,
              404);
    const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(300000, 'x');
    HttpRequest put;
    put.method = "PUT";
    put.path = "/v1/kiosk/commands/" + std::to_string(screenshot) + "/screenshot";
    put.body = png;
    put.contentType = "image/png";
    HttpResult uploaded = kiosk.send(put);
    EXPECT_EQ(uploaded.status, 204) << uploaded.body;
    put.contentType = "text/plain";
    put.path = "/v1/kiosk/commands/" + std::to_string(screenshot) + "/log";
    put.body = "not a logs command";
    EXPECT_EQ(kiosk.send(put).status, 409);
    EXPECT_TRUE(json::parse(kiosk.post("/v1/kiosk/heartbeat", kHeartbeat).body)["commands"].empty());

    HttpResult got = staff().get("/v1/fleet/commands/" + std::to_string(screenshot) + "/upload", admin_);
    ASSERT_EQ(got.status, 200);
    EXPECT_EQ(got.body, png);
    EXPECT_EQ(fleetEntry("SGN-22")["screenshot_command"], screenshot);
    HttpResult audit = staff().get("/v1/backoffice/audit", admin_);
    EXPECT_NE(audit.body.find("read-screenshot"), std::string::npos) << audit.body;

    // Another kiosk cannot upload for this one's command; the server takes up to 8 MiB here only.
    ApiClient k2(server_->url(), {.cert = "kiosk"});
    put.path = "/v1/kiosk/commands/" + std::to_string(screenshot) + "/screenshot";
    put.contentType = "image/png";
    put.body = png;
    EXPECT_EQ(k2.send(put).status, 404);
    put.body = std::string(9u << 20, 'x');
    EXPECT_EQ(kiosk.send(put).status, 413);
}

TEST_F(FleetTest, AKioskIsMissingAfterThreeMissedHeartbeats) {
    start();
    ApiClient k2(server_->url(), {.cert = "kiosk"});  // a kiosk of the config
    ASSERT_EQ(k2.post("/v1/kiosk/heartbeat", kHeartbeat).status, 200);
    EXPECT_EQ(fleetEntry("SGN-K2")["missing"], false);
    EXPECT_EQ(fleetEntry("SGN-K3")["missing"], true) << "never heard";
    advance(179s);
    EXPECT_EQ(fleetEntry("SGN-K2")["missing"], false);
    advance(2s);
    json entry = fleetEntry("SGN-K2");
    EXPECT_EQ(entry["missing"], true);
    EXPECT_EQ(entry["trouble"], json::array({"missing"}));
    ASSERT_EQ(k2.post("/v1/kiosk/heartbeat", kHeartbeat).status, 200);
    EXPECT_EQ(fleetEntry("SGN-K2")["missing"], false);

    // Team members do not see the fleet.
    EXPECT_EQ(staff().get("/v1/fleet/kiosks", token("Tom", "team", "gemeente")).status, 403);
}

}  // namespace
}  // namespace wp::testing
