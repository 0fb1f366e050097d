// Teams hear of new requests: a signed webhook over HTTPS (retried with backoff on the injected clock) and
// e-mail over SMTP to a local sink. Neither carries personal data.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "central/webhook_signature.h"
#include "common/clock.h"
#include "common/reference_code.h"
#include "tests/integration/central_harness.h"
#include "tests/support/shipped_request_specs.h"
#include "tests/unit/central/central_test_requests.h"

namespace wp::testing {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

TEST(CentralNotifyTest, WebhookIsRetriedUntilItArrives) {
    TempDir dir;
    WebhookSink hook(/*failFirst=*/2);
    CentralServerProcess server(
        dir.path() / "central",
        {.extraToml = "[notify.huurloket]\nwebhook = \"" + hook.url() + "\"\n[webhook]\nca_file = \"" +
                      pkiFile("ca.crt").string() + "\"\nsecret_file = \"webhook.secret\"\n"});
    ASSERT_TRUE(server.start());
    SeededRandom random(8);
    Request r = makeTestRequest(random, "callback", "huur");
    ASSERT_EQ(ApiClient(server.url(), {})
                  .post("/v1/requests", encodeRequest(r, wp::testing::shippedRequestSpecs()))
                  .status,
              201);

    ASSERT_TRUE(waitUntil([&] { return hook.attempts() >= 1; }, 10s)) << server.process()->err();
    ScriptClock clock(server.clockFile());
    // Each failure pushes the next attempt out (2 s, then 4 s) on the server's injected clock.
    for (int i = 0; i < 2 && hook.bodies().empty(); ++i) {
        int before = hook.attempts();
        clock.advance(10s);
        ASSERT_TRUE(waitUntil([&] { return hook.attempts() > before; }, 10s)) << server.process()->err();
    }
    ASSERT_TRUE(waitUntil([&] { return !hook.bodies().empty(); }, 10s)) << server.process()->err();
    EXPECT_EQ(hook.attempts(), 3);
    json body = json::parse(hook.bodies()[0]);
    EXPECT_EQ(body["reference"], r.reference);
    EXPECT_EQ(body["team"], "huurloket");
    EXPECT_EQ(hook.bodies()[0].find("010 123"), std::string::npos);
    EXPECT_EQ(hook.bodies()[0].find("Jan de Vries"), std::string::npos);
    const std::string url = body["url"];
    EXPECT_EQ(url.rfind("https://", 0), 0u) << url;
    EXPECT_EQ(url.substr(url.find("/backoffice/")), "/backoffice/requests/" + r.reference) << url;
    // The server listens on public_port 0 without a public_url: the link names the port it bound.
    EXPECT_EQ(url, "https://127.0.0.1:" + std::to_string(server.publicPort()) + "/backoffice/requests/" +
                       r.reference);
    EXPECT_NE(server.process()->err().find("attempt 2"), std::string::npos);

    // Signed: the receiver verifies it with the shared secret, and a changed body fails.
    const WebhookSink::Delivery d = hook.deliveries()[0];
    const auto nowSeconds =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    EXPECT_TRUE(verifyWebhookSignature(kTestWebhookSecret, d.timestamp, d.body, d.signature, nowSeconds))
        << d.timestamp << " " << d.signature;
    std::string changed = d.body;
    changed.replace(changed.find(r.reference), r.reference.size(), makeReferenceCode("SGN", "K2", random));
    EXPECT_FALSE(verifyWebhookSignature(kTestWebhookSecret, d.timestamp, changed, d.signature, nowSeconds));
}

TEST(CentralNotifyTest, EmailGoesThroughSmtp) {
    TempDir dir;
    SmtpSink smtp;
    CentralServerProcess server(
        dir.path() / "central",
        {.extraToml = "[notify.wijkteam]\nemail = [\"wijkteam@example.org\", "
                      "\"coordinator@example.org\"]\n[smtp]\nurl = \"smtp://127.0.0.1:" +
                      std::to_string(smtp.port()) +
                      "\"\nfrom = \"wijkpunt@example.org\"\nrequire_tls = false  # a plain local sink\n"});
    ASSERT_TRUE(server.start());
    SeededRandom random(9);
    Request r = makeTestRequest(random, "home-visit");
    ASSERT_EQ(ApiClient(server.url(), {})
                  .post("/v1/requests", encodeRequest(r, wp::testing::shippedRequestSpecs()))
                  .status,
              201);
    ASSERT_TRUE(waitUntil([&] { return smtp.messages().size() >= 2; }, 15s)) << server.process()->err();
    for (const std::string& m : smtp.messages()) {
        EXPECT_NE(m.find("Subject: Nieuwe aanvraag " + r.reference + " (home-visit) voor wijkteam"),
                  std::string::npos)
            << m;
        EXPECT_EQ(m.find("010 123"), std::string::npos) << "no personal data in e-mail";
        EXPECT_EQ(m.find("Jan de Vries"), std::string::npos) << "no personal data in e-mail";
        EXPECT_NE(m.find("/backoffice/requests/" + r.reference), std::string::npos)
            << "a link to the request";
    }
}

}  // namespace
}  // namespace wp::testing
