// Who may look up, keep or use what, against the real wijkpunt-central on loopback: reference codes cannot
// be enumerated (limits per address, per /24 and for everyone; misses cost more and raise an alert), new
// codes are longer, a public note may not hold contact details, a revoked kiosk is refused on its open
// keep-alive connection, personal tokens expire, are revoked and rotated, another kiosk's UUID is a
// conflict, refusals are logged without secrets, e-mail needs TLS by default and webhooks are signed.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <thread>

#include "central/webhook_signature.h"
#include "common/bundle.h"
#include "common/clock.h"
#include "common/reference_code.h"
#include "tests/integration/central_harness.h"
#include "tests/integration/raw_tls_client.h"
#include "tests/support/shipped_request_specs.h"
#include "tests/unit/central/central_test_requests.h"

namespace wp::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

constexpr std::string_view kK2 = "CN=kiosk-K2,O=Wijkpunt";

// A well-formed code (right check character) that no kiosk issued.
std::string unknownCode(RandomSource& random) {
    return makeReferenceCode("SGN", "K2", random);
}

// A code as kiosks made them before: six random characters.
std::string sixCharacterCode(RandomSource& random) {
    std::string part;
    for (int i = 0; i < 6; ++i)
        part += kCodeAlphabet[random.below(static_cast<std::uint32_t>(kCodeAlphabet.size()))];
    return "SGN-K2-" + part + "-" + *referenceCheckCharacter("SGNK2" + part);
}

class SecurityAccessTest : public ::testing::Test {
  protected:
    void start(CentralOptions options) {
        server_ = std::make_unique<CentralServerProcess>(dir_.path() / "central", std::move(options));
        ASSERT_TRUE(server_->start());
    }
    std::string token(const std::string& name, const std::string& role, const std::string& team = "",
                      std::vector<std::string> extra = {}) {
        std::vector<std::string> args = {"token", "create", "--name", name, "--role", role};
        if (!team.empty()) args.insert(args.end(), {"--team", team});
        args.insert(args.end(), extra.begin(), extra.end());
        auto [status, out] = runCentralCommand(server_->config(), args);
        EXPECT_EQ(status, 0) << out;
        return out.substr(0, out.find('\n'));
    }
    // Posts r as kiosk K2; the status.
    int post(const Request& r, const std::string& cert = "kiosk") {
        return ApiClient(cert.empty() ? server_->publicUrl() : server_->url(), {.cert = cert})
            .post("/v1/requests", encodeRequest(r, wp::testing::shippedRequestSpecs()))
            .status;
    }
    // Status lookups from a chosen loopback source address, each on its own connection.
    int lookUp(const std::string& source, const std::string& path) {
        RawTlsConnection c(server_->publicPort(), source);
        return c.request("GET", path).status;
    }
    std::string log() { return server_->process()->err(); }
    void advance(Millis d) { ScriptClock(server_->clockFile()).advance(d); }

    TempDir dir_;
    std::unique_ptr<CentralServerProcess> server_;
    SeededRandom random_{1212};
};

// Finding 3: twenty addresses of one /24 share the prefix's limit, and sixty networks the global one. At the
// old code every address had its own 30 a minute: all 100 and all 120 lookups were answered.
TEST_F(SecurityAccessTest, OneNetworkAndEveryoneTogetherShareALookupLimit) {
    start({.lookupPerMinute = 30,
           .lookupToml = "per_prefix_per_minute = 40\nglobal_per_minute = 100\nmisses_per_hour = 1000\n"
                         "prefix_misses_per_hour = 1000\nglobal_misses_per_hour = 1000\n"
                         "alert_misses_per_hour = 100000\n"});
    const std::string path = "/v1/requests/" + unknownCode(random_);
    int answered = 0, refused = 0;
    for (int host = 1; host <= 20; ++host)
        for (int i = 0; i < 5; ++i) {
            int status = lookUp("127.0.5." + std::to_string(host), path);
            answered += status == 404;
            refused += status == 429;
        }
    EXPECT_EQ(answered, 40) << "one /24: its 40 a minute, though each address asked only 5 times";
    EXPECT_EQ(refused, 60);

    advance(61s);
    answered = refused = 0;
    for (int net = 1; net <= 60; ++net)
        for (int i = 0; i < 2; ++i) {
            int status = lookUp("127.0." + std::to_string(100 + net) + ".1", path);
            answered += status == 404;
            refused += status == 429;
        }
    EXPECT_EQ(answered, 100) << "everyone together: 100 a minute";
    EXPECT_EQ(refused, 20);
}

// Finding 3: a few misses stop an address for an hour, also for a code that exists and on the HTML page;
// misses are logged without the code and raise an alert the health shows. At the old code the sixth lookup
// found the request and nothing was logged.
TEST_F(SecurityAccessTest, MissesCostMoreThanHitsAreLoggedAndRaiseAnAlert) {
    start(
        {.lookupPerMinute = 30,
         .extraToml = "[public_pages]\ncontent_dir = \"" + std::string(WIJKPUNT_SOURCE_DIR) + "/content\"\n",
         .lookupToml = "misses_per_hour = 5\nalert_misses_per_hour = 5\n"});
    Request r = makeTestRequest(random_);
    ASSERT_EQ(post(r), 201);
    const std::string unknown = unknownCode(random_);
    EXPECT_EQ(lookUp("127.0.9.1", "/v1/requests/" + r.reference), 200) << "a hit costs no miss";
    for (int i = 0; i < 3; ++i) EXPECT_EQ(lookUp("127.0.9.1", "/v1/requests/" + unknown), 404);
    for (int i = 0; i < 2; ++i) EXPECT_EQ(lookUp("127.0.9.1", "/status/" + unknown), 404);
    RawTlsConnection c(server_->publicPort(), "127.0.9.1");
    auto refused = c.request("GET", "/v1/requests/" + r.reference);
    EXPECT_EQ(refused.status, 429) << "five misses: the address waits, even for a code that exists";
    EXPECT_GE(std::stoi(refused.header("retry-after")), 3000);
    EXPECT_EQ(lookUp("127.0.9.1", "/status/" + r.reference), 429);
    EXPECT_EQ(lookUp("127.0.9.2", "/v1/requests/" + r.reference), 200) << "another address is not stopped";

    EXPECT_NE(log().find("status lookup missed"), std::string::npos) << log();
    EXPECT_NE(log().find("ALERT"), std::string::npos) << log();
    EXPECT_EQ(log().find(unknown), std::string::npos) << "no code in the log";
    EXPECT_EQ(log().find(r.reference), std::string::npos) << "no code in the log";
    auto health = json::parse(ApiClient(server_->publicUrl(), {.cert = ""}).get("/v1/health").body);
    EXPECT_EQ(health.value("lookup_miss_alerts", 0), 1) << health;
    EXPECT_EQ(health.value("lookup_misses", 0), 5) << health;
}

// Finding 3: new codes have eight random characters and old six-character ones stay valid. At the old code
// the eight-character code was refused (422) and could not be looked up (400).
TEST_F(SecurityAccessTest, EightCharacterCodesAreTakenAndSixCharacterCodesStayValid) {
    start({});
    Request fresh = makeTestRequest(random_);
    ASSERT_EQ(fresh.reference.size(), 17u);
    EXPECT_EQ(post(fresh), 201);
    Request old = makeTestRequest(random_);
    old.reference = sixCharacterCode(random_);
    EXPECT_EQ(post(old), 201);
    ApiClient resident(server_->publicUrl(), {.cert = ""});
    EXPECT_EQ(resident.get("/v1/requests/" + fresh.reference).status, 200);
    EXPECT_EQ(resident.get("/v1/requests/" + old.reference).status, 200);
    std::string typo = fresh.reference;
    typo[9] = typo[9] == 'A' ? 'B' : 'A';
    EXPECT_EQ(resident.get("/v1/requests/" + typo).status, 400);
}

// Finding 3: the public note refuses contact details, saying why. At the old code each was stored (200).
TEST_F(SecurityAccessTest, APublicNoteWithContactDetailsIsRefused) {
    start({});
    const std::string anna = token("Anna", "team", "huurloket");
    Request r = makeTestRequest(random_, "callback", "huur");
    ASSERT_EQ(post(r), 201);
    ApiClient office(server_->publicUrl(), {.cert = ""});
    const std::string path = "/v1/backoffice/requests/" + r.reference + "/status";
    for (auto [note, what] : {std::pair{"Bel Jan op 06-12345678.", "phone number"},
                              std::pair{"Mail naar jan@example.org", "e-mail address"},
                              std::pair{"Woont op 3112 AB", "postcode"}}) {
        HttpResult res =
            office.post(path, json{{"status", "in-progress"}, {"public_note", note}}.dump(), anna);
        EXPECT_EQ(res.status, 400) << note;
        auto error = json::parse(res.body)["error"];
        EXPECT_EQ(error["field"], "public_note");
        EXPECT_NE(error["message"].get<std::string>().find(what), std::string::npos) << error;
    }
    EXPECT_EQ(office
                  .post(path,
                        json{{"status", "in-progress"},
                             {"public_note", "We bellen u dinsdag 12-12-2026 om 10.30 uur."},
                             {"internal_note", "Jan: 06-12345678"}}
                            .dump(),
                        anna)
                  .status,
              200)
        << "contact details belong in the internal note";
}

// Finding 6: a kiosk revoked through the CLI is refused on the keep-alive connection it already has open.
// At the old code there was no `kiosk revoke` and the TOML list was read only at start.
TEST_F(SecurityAccessTest, ARevokedKioskIsRefusedOnItsOpenConnection) {
    start({.extraToml = "[revocation]\ncache_ms = 100\n"});
    RawTlsConnection kiosk(server_->port(), "127.0.0.1", "kiosk");
    const std::string heartbeat = encodeQueueStatBatch({"K2", {}});
    ASSERT_EQ(kiosk.request("POST", "/v1/statistics/queue-events", heartbeat).status, 200);

    auto [status, out] =
        runCentralCommand(server_->config(), {"kiosk", "revoke", "--subject", std::string(kK2)});
    ASSERT_EQ(status, 0) << out;
    std::this_thread::sleep_for(300ms);  // the revocation cache's 100 ms, with room
    auto refused = kiosk.request("POST", "/v1/statistics/queue-events", heartbeat);
    EXPECT_EQ(refused.status, 403) << refused.body;
    EXPECT_EQ(kiosk.connections(), 1) << "the same connection";
    EXPECT_EQ(post(makeTestRequest(random_)), 403) << "and on a new one";

    auto [listed, list] = runCentralCommand(server_->config(), {"kiosk", "list"});
    EXPECT_EQ(listed, 0) << list;
    EXPECT_NE(list.find("K2"), std::string::npos) << list;
    EXPECT_NE(list.find("revoked"), std::string::npos) << list;
    EXPECT_NE(list.find("CN=kiosk-K4,O=Wijkpunt (config"), std::string::npos) << "the config's list too";
}

// Finding 6: tokens expire, are listed without secrets, revoked and rotated with a grace period. At the old
// code there was no --expires-days, list, revoke or rotate.
TEST_F(SecurityAccessTest, PersonalTokensExpireAreRevokedAndRotated) {
    start({});
    ApiClient office(server_->publicUrl(), {.cert = ""});
    const std::string shortLived = token("Sanne", "team", "wijkteam", {"--expires-days", "1"});
    const std::string admin = token("Ada", "admin");
    EXPECT_EQ(office.get("/v1/backoffice/requests", shortLived).status, 200);

    auto [listed, list] = runCentralCommand(server_->config(), {"token", "list"});
    EXPECT_EQ(listed, 0) << list;
    EXPECT_NE(list.find("Sanne"), std::string::npos) << list;
    EXPECT_NE(list.find("Ada"), std::string::npos) << list;
    EXPECT_EQ(list.find("wpt_"), std::string::npos) << "no secret listed";

    advance(25h);
    EXPECT_EQ(office.get("/v1/backoffice/requests", shortLived).status, 401) << "expired";
    EXPECT_EQ(office.get("/v1/backoffice/requests", admin).status, 200) << "the default is 90 days";

    auto [rotated, fresh] =
        runCentralCommand(server_->config(), {"token", "rotate", "--name", "Ada", "--grace-hours", "1"});
    ASSERT_EQ(rotated, 0) << fresh;
    const std::string newAdmin = fresh.substr(0, fresh.find('\n'));
    ASSERT_EQ(newAdmin.rfind("wpt_", 0), 0u) << fresh;
    EXPECT_EQ(office.get("/v1/backoffice/requests", admin).status, 200) << "within the grace hour";
    EXPECT_EQ(office.get("/v1/backoffice/requests", newAdmin).status, 200);
    advance(2h);
    EXPECT_EQ(office.get("/v1/backoffice/requests", admin).status, 401) << "after the grace hour";
    EXPECT_EQ(office.get("/v1/backoffice/requests", newAdmin).status, 200);

    auto [revoked, msg] = runCentralCommand(server_->config(), {"token", "revoke", "--name", "Ada"});
    EXPECT_EQ(revoked, 0) << msg;
    EXPECT_EQ(office.get("/v1/backoffice/requests", newAdmin).status, 401);
}

// Finding 9: a UUID another kiosk sent first is a conflict, never that kiosk's reference. At the old code
// kiosk K3 got 201 with K2's reference.
TEST_F(SecurityAccessTest, AnotherKiosksUuidIsAConflict) {
    start({});
    Request first = makeTestRequest(random_);
    ASSERT_EQ(post(first), 201);
    Request other = makeTestRequest(random_);
    other.uuid = first.uuid;
    other.kioskCode = "K3";
    other.reference = makeReferenceCode("SGN", "K3", random_);
    HttpResult res = ApiClient(server_->url(), {.cert = "kiosk3"})
                         .post("/v1/requests", encodeRequest(other, wp::testing::shippedRequestSpecs()));
    EXPECT_EQ(res.status, 409) << res.body;
    EXPECT_EQ(res.body.find(first.reference), std::string::npos) << res.body;
    EXPECT_EQ(json::parse(res.body)["error"]["field"], "uuid");
    EXPECT_EQ(post(first), 201) << "the first kiosk's own retry still gets its answer";
}

// Finding 9: 401, 403 and 429 are logged with the route and who asked, never the token or the code. At the
// old code none of them was logged.
TEST_F(SecurityAccessTest, RefusalsAreLoggedWithoutTokensOrCodes) {
    start({.lookupPerMinute = 1});
    const std::string fakeToken = "wpt_" + std::string(64, 'a');
    ApiClient office(server_->publicUrl(), {.cert = ""});
    EXPECT_EQ(office.get("/v1/backoffice/requests", fakeToken).status, 401);
    EXPECT_EQ(post(makeTestRequest(random_), "revoked"), 403);  // revoked in the config
    const std::string code = unknownCode(random_);
    EXPECT_EQ(lookUp("127.0.3.3", "/v1/requests/" + code), 404);
    EXPECT_EQ(lookUp("127.0.3.3", "/v1/requests/" + code), 429);
    ASSERT_TRUE(waitUntil([&] { return log().find("refused 429") != std::string::npos; }, 5s)) << log();
    const std::string text = log();
    EXPECT_NE(text.find("refused 401 GET /v1/backoffice/requests for 127.0.0.1"), std::string::npos) << text;
    EXPECT_NE(text.find("refused 403 POST /v1/requests for kiosk K4"), std::string::npos) << text;
    EXPECT_NE(text.find("refused 429 GET /v1/requests/{reference} for 127.0.3.3"), std::string::npos) << text;
    EXPECT_EQ(text.find(fakeToken), std::string::npos);
    EXPECT_EQ(text.find(code), std::string::npos);
}

// Finding 9: without require_tls in the config, e-mail is not handed to a server that offers no TLS. At the
// old code the plain sink got the message.
TEST_F(SecurityAccessTest, EmailNeedsTlsByDefault) {
    SmtpSink smtp;
    start({.extraToml = "[notify.wijkteam]\nemail = [\"wijkteam@example.org\"]\n[smtp]\nurl = "
                        "\"smtp://127.0.0.1:" +
                        std::to_string(smtp.port()) + "\"\nfrom = \"wijkpunt@example.org\"\n"});
    ASSERT_EQ(post(makeTestRequest(random_, "home-visit")), 201);
    ASSERT_TRUE(waitUntil([&] { return log().find("email) failed, attempt 1") != std::string::npos; }, 15s))
        << log();
    EXPECT_TRUE(smtp.messages().empty()) << "nothing went over plain SMTP";
}

// Finding 9: webhooks carry a timestamp and an HMAC the receiver verifies; a changed body fails. At the old
// code the POST had neither header.
TEST_F(SecurityAccessTest, WebhooksAreSignedAndTheReceiverCanVerify) {
    WebhookSink hook(0);
    start({.extraToml = "[notify.huurloket]\nwebhook = \"" + hook.url() + "\"\n[webhook]\nca_file = \"" +
                        pkiFile("ca.crt").string() + "\"\nsecret_file = \"webhook.secret\"\n"});
    Request r = makeTestRequest(random_, "callback", "huur");
    ASSERT_EQ(post(r), 201);
    ASSERT_TRUE(waitUntil([&] { return !hook.deliveries().empty(); }, 15s)) << log();
    const WebhookSink::Delivery d = hook.deliveries()[0];
    const auto now =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    EXPECT_TRUE(verifyWebhookSignature(kTestWebhookSecret, d.timestamp, d.body, d.signature, now))
        << d.timestamp << " " << d.signature;
    std::string changed = d.body;
    changed.replace(changed.find(r.reference), r.reference.size(), unknownCode(random_));
    EXPECT_FALSE(verifyWebhookSignature(kTestWebhookSecret, d.timestamp, changed, d.signature, now));
    EXPECT_FALSE(verifyWebhookSignature("not-the-shared-secret", d.timestamp, d.body, d.signature, now));
}

}  // namespace
}  // namespace wp::testing
