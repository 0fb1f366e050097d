// The phone pages on the real wijkpunt-central (the queue page and the status page): public
// without a client certificate, in the resident's language, stale data said plainly, plain 404/400 pages,
// rate-limited; and the queue page in headless Chromium at a phone's size, with a screenshot kept in the
// build tree (tests/integration/screenshots).
#include <gtest/gtest.h>
#include <httplib.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <sys/wait.h>

#include <cstdio>
#include <memory>

#include "common/clock.h"
#include "common/request.h"
#include "tests/integration/central_harness.h"
#include "tests/support/shipped_request_specs.h"
#include "tests/unit/central/central_test_requests.h"

namespace wp::testing {
namespace {

using namespace std::chrono_literals;

constexpr const char* kDay = "2026-11-26";

// A phone: no client certificate, the test CA trusted.
struct Page {
    int status = 0;
    std::string body, contentType, retryAfter, csp;
};

Page fetch(int port, const std::string& path, const std::string& acceptLanguage = "") {
    httplib::SSLClient cli("127.0.0.1", port);
    cli.set_ca_cert_path(pkiFile("ca.crt").c_str());
    cli.enable_server_certificate_verification(true);
    cli.set_connection_timeout(5);
    httplib::Headers headers;
    if (!acceptLanguage.empty()) headers.emplace("Accept-Language", acceptLanguage);
    auto res = cli.Get(path.c_str(), headers);
    if (!res) return {};
    return {res->status, res->body, res->get_header_value("Content-Type"),
            res->get_header_value("Retry-After"), res->get_header_value("Content-Security-Policy")};
}

class PhonePagesTest : public ::testing::Test {
  protected:
    void SetUp() override {
        CentralOptions o;
        o.lookupPerMinute = 6;
        o.extraToml = "[public_pages]\ncontent_dir = \"" + std::string(WIJKPUNT_SOURCE_DIR) +
                      "/content\"\ntheme = \"" + std::string(WIJKPUNT_SOURCE_DIR) +
                      "/themes/gemeente.toml\"\n";
        server_ = std::make_unique<CentralServerProcess>(dir_.path() / "central", o);
        clock_ = std::make_unique<ScriptClock>(server_->clockFile());
        clock_->startAt(*parseLocalDateTime("2026-11-26 10:00"));
        ASSERT_TRUE(server_->start());
        kiosk_ = std::make_unique<ApiClient>(server_->url(), ApiClient::Identity{});
    }

    // The kiosk's events, as the queue-statistics sender posts them.
    void post(std::vector<QueueStatEvent> events) {
        HttpResult r =
            kiosk_->post("/v1/statistics/queue-events", encodeQueueStatBatch({"K2", std::move(events)}));
        ASSERT_EQ(r.status, 200) << r.body;
    }
    QueueStatEvent event(std::int64_t seq, const char* kind, const char* service, int number,
                         const char* ticket, Millis after, const char* counter = "") {
        return {seq, kind, service, kDay, number, counter, clock_->now() + after, ticket};
    }
    std::string queuePath(const std::string& ticket) {
        return std::string("/queue/SGN/") + kDay + "/" + ticket;
    }

    TempDir dir_;
    std::unique_ptr<CentralServerProcess> server_;
    std::unique_ptr<ScriptClock> clock_;
    std::unique_ptr<ApiClient> kiosk_;
};

TEST_F(PhonePagesTest, TheQueuePageIsPublicAndFollowsTheForwardedEvents) {
    // A host signs in at Balie 2 for the Huurloket: with a counter open the page gives an estimate.
    post({event(1, "counter-opened", "huurloket", 0, "", 0s, "Balie 2"),
          event(2, "issued", "huurloket", 13, "H-013", 0s), event(3, "issued", "huurloket", 14, "H-014", 1s),
          event(4, "issued", "wijkteam", 1, "W-001", 2s)});
    Page p = fetch(server_->publicPort(), queuePath("H-014"));
    ASSERT_EQ(p.status, 200) << p.body;
    EXPECT_EQ(p.contentType, "text/html; charset=utf-8");
    EXPECT_NE(p.body.find("Huurloket"), std::string::npos);
    EXPECT_NE(p.body.find("Voor u in de rij: 1"), std::string::npos) << p.body;
    EXPECT_NE(p.body.find("Wachttijd: ongeveer 15 minuten"), std::string::npos);
    // It refreshes through the server's script file, which its policy allows, and no inline script.
    EXPECT_NE(p.body.find("<script src=\"/backoffice/static/phone_queue.js\" defer>"), std::string::npos);
    EXPECT_EQ(p.body.find("http-equiv"), std::string::npos);
    EXPECT_NE(p.csp.find("script-src 'self'; connect-src 'self';"), std::string::npos) << p.csp;
    Page script = fetch(server_->publicPort(), "/backoffice/static/phone_queue.js");
    EXPECT_EQ(script.status, 200);
    EXPECT_EQ(script.contentType.rfind("text/javascript", 0), 0u) << script.contentType;
    EXPECT_NE(script.body.find("queue-live"), std::string::npos);
    // The municipality's name and colours from the theme; the title is the ticket's while it waits.
    EXPECT_NE(p.body.find("<p class=\"brand\">Gemeente Schiedam</p>"), std::string::npos) << p.body;
    EXPECT_NE(p.body.find("background:#0B3A66"), std::string::npos);  // the theme's bar
    EXPECT_NE(p.body.find("<title>H-014 Uw plek in de rij</title>"), std::string::npos);
    EXPECT_EQ(p.body.find("data-called"), std::string::npos);

    // H-013 is called to Balie 2: H-014 is next, and H-013's page says where to go.
    post({event(5, "called", "huurloket", 13, "H-013", 30s, "Balie 2")});
    EXPECT_NE(fetch(server_->publicPort(), queuePath("H-014")).body.find("U bent de volgende."),
              std::string::npos);
    Page called = fetch(server_->publicPort(), queuePath("H-013"));
    EXPECT_NE(called.body.find("U bent aan de beurt: ga naar Balie 2"), std::string::npos);
    // Called: the title changes, and the live region names the ticket (the script vibrates once for it).
    EXPECT_NE(called.body.find("<title>Aan de beurt: H-013 naar Balie 2</title>"), std::string::npos)
        << called.body;
    EXPECT_NE(called.body.find("data-called=\"H-013\""), std::string::npos);
    // The language: ?lang= first, then Accept-Language.
    EXPECT_NE(fetch(server_->publicPort(), queuePath("H-013") + "?lang=en")
                  .body.find("It is your turn: go to Balie 2"),
              std::string::npos);
    EXPECT_NE(fetch(server_->publicPort(), queuePath("H-013"), "tr-TR,tr;q=0.9").body.find("Sıra sizde"),
              std::string::npos);

    // Unknown ticket: a plain 404 page, not the API's JSON error.
    Page unknown = fetch(server_->publicPort(), queuePath("H-099"));
    EXPECT_EQ(unknown.status, 404);
    EXPECT_NE(unknown.body.find("Nummer niet gevonden"), std::string::npos);
    EXPECT_EQ(unknown.contentType, "text/html; charset=utf-8");
}

TEST_F(PhonePagesTest, TheQueuePageSaysPlainlyWhenTheContactPointWentQuiet) {
    post({event(1, "issued", "huurloket", 14, "H-014", 0s)});
    EXPECT_EQ(fetch(server_->publicPort(), queuePath("H-014")).body.find("geen nieuws"), std::string::npos);
    clock_->advance(3min);  // no batch and no heartbeat for three minutes
    Page stale = fetch(server_->publicPort(), queuePath("H-014"));
    EXPECT_EQ(stale.status, 200);
    EXPECT_NE(
        stale.body.find("Wij hebben sinds 10:00 geen nieuws van het wijkpunt. De wachttijd kan anders zijn."),
        std::string::npos)
        << stale.body;
    // A heartbeat (an empty batch) and it is fresh again.
    post({});
    EXPECT_EQ(fetch(server_->publicPort(), queuePath("H-014")).body.find("geen nieuws"), std::string::npos);
}

TEST_F(PhonePagesTest, TheStatusPageShowsTheRequestAndSharesTheLookupLimit) {
    SeededRandom random(21);
    Request r = makeTestRequest(random);
    HttpResult stored = kiosk_->post("/v1/requests", encodeRequest(r, wp::testing::shippedRequestSpecs()));
    ASSERT_EQ(stored.status, 201) << stored.body;

    Page en = fetch(server_->publicPort(), "/status/" + r.reference + "?lang=en");
    ASSERT_EQ(en.status, 200) << en.body;
    EXPECT_EQ(en.contentType, "text/html; charset=utf-8");
    EXPECT_NE(en.body.find("We have received your request."), std::string::npos);
    EXPECT_NE(en.body.find(r.reference), std::string::npos);
    EXPECT_EQ(en.body.find("010 123 4567"), std::string::npos);  // no personal data

    std::string wrong = r.reference;
    wrong.back() = wrong.back() == 'A' ? 'B' : 'A';
    Page invalid = fetch(server_->publicPort(), "/status/" + wrong);
    EXPECT_EQ(invalid.status, 400);
    EXPECT_NE(invalid.body.find("Deze code klopt niet"), std::string::npos);
    Page unknown = fetch(server_->publicPort(), "/status/" + makeReferenceCode("SGN", "K2", random), "pl");
    EXPECT_EQ(unknown.status, 404);
    EXPECT_NE(unknown.body.find("Nie znaleziono kodu"), std::string::npos);

    // Six lookups a minute per address, JSON and HTML together: three pages so far, three more allowed.
    ApiClient phone(server_->publicUrl(), {""});
    EXPECT_EQ(phone.get("/v1/requests/" + r.reference).status, 200);
    EXPECT_EQ(fetch(server_->publicPort(), "/status/" + r.reference).status, 200);
    EXPECT_EQ(phone.get("/v1/requests/" + r.reference).status, 200);
    Page busy = fetch(server_->publicPort(), "/status/" + r.reference);
    EXPECT_EQ(busy.status, 429);
    EXPECT_FALSE(busy.retryAfter.empty());
    EXPECT_NE(busy.body.find("Probeer het over een minuut opnieuw"), std::string::npos);
    clock_->advance(61s);
    EXPECT_EQ(fetch(server_->publicPort(), "/status/" + r.reference).status, 200);
}

// --- headless Chromium

std::string findChromium() {
    for (const char* p : {"/usr/bin/chromium", "/usr/bin/chromium-browser"})
        if (fs::exists(p)) return p;
    return {};
}

// base64(sha256(SubjectPublicKeyInfo)) of a PEM certificate: what --ignore-certificate-errors-spki-list
// takes.
std::string spkiHash(const fs::path& certificate) {
    FILE* f = std::fopen(certificate.c_str(), "r");
    if (f == nullptr) return {};
    X509* cert = PEM_read_X509(f, nullptr, nullptr, nullptr);
    std::fclose(f);
    if (cert == nullptr) return {};
    unsigned char* der = nullptr;
    int len = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(cert), &der);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digestLen = 0;
    EVP_Digest(der, static_cast<size_t>(len), digest, &digestLen, EVP_sha256(), nullptr);
    OPENSSL_free(der);
    X509_free(cert);
    unsigned char b64[128] = {};
    EVP_EncodeBlock(b64, digest, static_cast<int>(digestLen));
    return reinterpret_cast<char*>(b64);
}

// Runs chromium headless at a phone's size (412 x 915 CSS pixels) with one extra argument; returns stdout.
std::string runChromium(const std::string& chromium, const fs::path& work, const std::string& url,
                        const std::string& what, const std::string& name) {
    std::vector<std::string> argv = {
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--hide-scrollbars",
        "--user-data-dir=" + (work / "profile").string(),
        "--ignore-certificate-errors-spki-list=" + spkiHash(pkiFile("server.crt")),
        "--window-size=412,915",
        what,
        url};
    ChildProcess p(argv, {{"HOME", work.string()}}, work / name);
    int status = p.wait(90s);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "chromium " << what << " failed:\n"
                                                               << p.err();
    return p.out();
}

TEST_F(PhonePagesTest, HeadlessChromiumShowsTheQueuePageOnAPhone) {
    std::string chromium = findChromium();
    if (chromium.empty())
        GTEST_SKIP()
            << "chromium is not installed (apt-get install chromium; provisioning/debian-packages.txt)";
    post({event(1, "counter-opened", "huurloket", 0, "", 0s, "Balie 1"),
          event(2, "issued", "huurloket", 12, "H-012", 0s), event(3, "issued", "huurloket", 13, "H-013", 1s),
          event(4, "issued", "huurloket", 14, "H-014", 2s),
          event(5, "called", "huurloket", 12, "H-012", 5s, "Balie 1"),
          event(6, "done", "huurloket", 12, "H-012", 12min, "Balie 1")});
    fs::path shots = WIJKPUNT_INTEGRATION_OUTPUT_DIR;
    fs::create_directories(shots);
    fs::path work = dir_.path() / "chromium";
    fs::create_directories(work);
    std::string url = server_->publicUrl() + queuePath("H-014");

    // Chromium asks for English (Accept-Language); ?lang= wins.
    std::string en = runChromium(chromium, work, url, "--dump-dom", "dump-en");
    EXPECT_NE(en.find("Your place in the queue"), std::string::npos) << en;
    std::string dom = runChromium(chromium, work, url + "?lang=nl", "--dump-dom", "dump");
    EXPECT_NE(dom.find("Uw plek in de rij"), std::string::npos) << dom;
    EXPECT_NE(dom.find("H-014"), std::string::npos);
    EXPECT_NE(dom.find("Voor u in de rij: 1"), std::string::npos) << dom;
    EXPECT_NE(dom.find("Wachttijd: ongeveer 12 minuten"), std::string::npos) << dom;  // H-012 took 11:55

    fs::path shot = shots / "phone-queue-nl.png";
    fs::remove(shot);
    runChromium(chromium, work, url + "?lang=nl", "--screenshot=" + shot.string(), "shot");
    ASSERT_TRUE(fs::exists(shot));
    EXPECT_GT(fs::file_size(shot), 5000u);

    EXPECT_NE(dom.find("Gemeente Schiedam"), std::string::npos) << dom;
    EXPECT_NE(dom.find("<title>H-014 Uw plek in de rij</title>"), std::string::npos) << dom;

    // H-013 is called: its page, as the phone shows it, has the new title and says where to go.
    post({event(7, "called", "huurloket", 13, "H-013", 12min + 10s, "Balie 1")});
    std::string calledUrl = server_->publicUrl() + queuePath("H-013") + "?lang=nl";
    std::string called = runChromium(chromium, work, calledUrl, "--dump-dom", "dump-called");
    EXPECT_NE(called.find("<title>Aan de beurt: H-013 naar Balie 1</title>"), std::string::npos) << called;
    EXPECT_NE(called.find("U bent aan de beurt: ga naar Balie 1"), std::string::npos);
    fs::path calledShot = shots / "phone-queue-nl-called.png";
    fs::remove(calledShot);
    runChromium(chromium, work, calledUrl, "--screenshot=" + calledShot.string(), "shot-called");
    EXPECT_TRUE(fs::exists(calledShot));
    // H-014 is now next: no wait in minutes, "U bent de volgende."
    std::string next = runChromium(chromium, work, url + "?lang=nl", "--dump-dom", "dump-next");
    EXPECT_NE(next.find("U bent de volgende."), std::string::npos) << next;

    // The same ticket in Ukrainian once the contact point went quiet: the stale notice shows.
    clock_->advance(5min);
    std::string uk = runChromium(chromium, work, url + "?lang=uk", "--dump-dom", "dump-uk");
    EXPECT_NE(uk.find("Ми не маємо новин від пункту"), std::string::npos) << uk;
    fs::path ukShot = shots / "phone-queue-uk-stale.png";
    fs::remove(ukShot);
    runChromium(chromium, work, url + "?lang=uk", "--screenshot=" + ukShot.string(), "shot-uk");
    EXPECT_TRUE(fs::exists(ukShot));
}

TEST_F(PhonePagesTest, HeadlessChromiumShowsTheStatusPageOnAPhone) {
    std::string chromium = findChromium();
    if (chromium.empty())
        GTEST_SKIP()
            << "chromium is not installed (apt-get install chromium; provisioning/debian-packages.txt)";
    SeededRandom random(33);
    Request r = makeTestRequest(random);
    ASSERT_EQ(kiosk_->post("/v1/requests", encodeRequest(r, wp::testing::shippedRequestSpecs())).status, 201);
    fs::path shots = WIJKPUNT_INTEGRATION_OUTPUT_DIR;
    fs::create_directories(shots);
    fs::path work = dir_.path() / "chromium";
    fs::create_directories(work);
    std::string url = server_->publicUrl() + "/status/" + r.reference + "?lang=nl";
    std::string dom = runChromium(chromium, work, url, "--dump-dom", "dump");
    EXPECT_NE(dom.find("Status van uw vraag"), std::string::npos) << dom;
    EXPECT_NE(dom.find("Wij hebben uw vraag ontvangen."), std::string::npos);
    fs::path shot = shots / "phone-status-nl.png";
    fs::remove(shot);
    runChromium(chromium, work, url, "--screenshot=" + shot.string(), "shot");
    EXPECT_TRUE(fs::exists(shot));
}

}  // namespace
}  // namespace wp::testing
