// The back office's sign-in against the real wijkpunt-central over TLS: an account made on the command line,
// set up through its set-up page like a person (password and TOTP), signed in; the session cookie's flags
// and the pages' headers; CSRF and Origin refusals; idle and absolute session ends on the test clock;
// lockout per account and per source; sign-out; disabled accounts; the kiosk listener serves no page.
#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>

#include "central/backoffice/totp.h"
#include "common/clock.h"
#include "tests/integration/backoffice/backoffice_browser.h"
#include "tests/integration/central_harness.h"

namespace wp::testing {
namespace {

using namespace std::chrono_literals;

constexpr const char* kPassword = "lange zin met een paraplu";

class BackOfficeSignInTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<CentralServerProcess>(dir_.path() / "central", CentralOptions{});
        clock_ = std::make_unique<ScriptClock>(server_->clockFile());
        clock_->startAt(*parseLocalDateTime("2026-11-26 10:00"));
        ASSERT_TRUE(server_->start());
    }

    // Makes an account with the CLI and sets it up through its set-up page; returns its TOTP secret.
    std::string account(BackOfficeBrowser& browser, const std::string& name, const std::string& email,
                        const std::string& role, const std::string& team = "") {
        std::vector<std::string> args = {"account", "create", "--name", name,
                                         "--email", email,    "--role", role};
        if (!team.empty()) args.insert(args.end(), {"--team", team});
        auto [status, out] = runCentralCommand(server_->config(), args);
        EXPECT_EQ(status, 0) << out;
        std::string path = setupPathIn(out);
        EXPECT_FALSE(path.empty()) << out;
        std::string secret = browser.setUp(path, kPassword, clock_->now());
        clock_->advance(30s);  // the code that confirmed the set-up is used up
        return secret;
    }

    // A browser signed in as a new team account of huurloket.
    std::unique_ptr<BackOfficeBrowser> signedIn(const std::string& name = "Anna de Vries",
                                                const std::string& email = "anna@example.org") {
        auto b = std::make_unique<BackOfficeBrowser>(server_->publicPort());
        std::string secret = account(*b, name, email, "team", "huurloket");
        BrowserPage r = b->signIn(email, kPassword, totpAt(secret, clock_->now()));
        EXPECT_EQ(r.status, 303) << r.body;
        return b;
    }

    TempDir dir_;
    std::unique_ptr<CentralServerProcess> server_;
    std::unique_ptr<ScriptClock> clock_;
};

TEST_F(BackOfficeSignInTest, AnAccountSetUpOnItsPageSignsInWithPasswordAndCode) {
    BackOfficeBrowser b(server_->publicPort());
    std::string secret = account(b, "Anna de Vries", "Anna@Example.org", "team", "huurloket");
    ASSERT_FALSE(secret.empty());

    BrowserPage r = b.signIn("anna@example.org", kPassword, totpAt(secret, clock_->now()));
    ASSERT_EQ(r.status, 303) << r.body;
    EXPECT_EQ(r.header("Location"), "/backoffice/");
    std::string cookie;
    auto [first, last] = r.headers.equal_range("set-cookie");
    for (auto it = first; it != last; ++it)
        if (it->second.rfind("__Host-wp_session=", 0) == 0) cookie = it->second;
    EXPECT_NE(cookie.find("; HttpOnly"), std::string::npos) << cookie;
    EXPECT_NE(cookie.find("; Secure"), std::string::npos) << cookie;
    EXPECT_NE(cookie.find("; SameSite=Strict"), std::string::npos) << cookie;
    EXPECT_NE(cookie.find("; Path=/"), std::string::npos) << cookie;

    EXPECT_EQ(b.get("/backoffice/").header("Location"), "/backoffice/inbox");
    BrowserPage inbox = b.get("/backoffice/inbox");
    ASSERT_EQ(inbox.status, 200) << inbox.body;
    EXPECT_NE(inbox.body.find("Anna de Vries"), std::string::npos);
    EXPECT_NE(inbox.body.find("Afmelden"), std::string::npos);
    EXPECT_EQ(inbox.header("Cache-Control"), "no-store");
    const std::string csp = inbox.header("Content-Security-Policy");
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << csp;
    EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << csp;
    EXPECT_NE(csp.find("style-src 'self'"), std::string::npos) << csp;
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << csp;
    EXPECT_NE(csp.find("form-action 'self'"), std::string::npos) << csp;
    EXPECT_EQ(inbox.header("X-Content-Type-Options"), "nosniff");
    EXPECT_FALSE(inbox.header("Strict-Transport-Security").empty());
    // same-origin: the referrer never leaves the site, and browsers send the Origin that forms are checked
    // by.
    EXPECT_EQ(inbox.header("Referrer-Policy"), "same-origin");
    EXPECT_EQ(inbox.body.find("style=\""), std::string::npos);
    EXPECT_EQ(inbox.body.find("<script>"), std::string::npos);

    // The account list shows the sign-in.
    auto [status, out] = runCentralCommand(server_->config(), {"account", "list"});
    EXPECT_EQ(status, 0);
    EXPECT_NE(out.find("anna@example.org"), std::string::npos) << out;
    EXPECT_NE(out.find("active"), std::string::npos) << out;
    EXPECT_EQ(out.find("never"), std::string::npos) << out;
}

TEST_F(BackOfficeSignInTest, ASetUpLinkWorksOnceAndRefusesAWeakPasswordBesideTheField) {
    BackOfficeBrowser b(server_->publicPort());
    auto [status, out] = runCentralCommand(
        server_->config(),
        {"account", "create", "--name", "Bram", "--email", "bram@example.org", "--role", "coordinator"});
    ASSERT_EQ(status, 0) << out;
    const std::string path = setupPathIn(out);
    BrowserPage form = b.get(path);
    ASSERT_EQ(form.status, 200);
    EXPECT_NE(form.body.find("<svg"), std::string::npos);
    BrowserPage weak = b.post(
        path, {{"csrf", b.csrf()}, {"password", "kort"}, {"password_again", "kort"}, {"code", "000000"}});
    EXPECT_EQ(weak.status, 200);
    EXPECT_NE(weak.body.find("id=\"password-error\""), std::string::npos) << weak.body;
    EXPECT_NE(weak.body.find("id=\"code-error\""), std::string::npos) << weak.body;
    EXPECT_NE(weak.body.find("aria-invalid=\"true\""), std::string::npos);
    BrowserPage named = b.post(path, {{"csrf", b.csrf()},
                                      {"password", "bram@example.org!!"},
                                      {"password_again", "bram@example.org!!"},
                                      {"code", "000000"}});
    EXPECT_NE(named.body.find("naam of e-mailadres"), std::string::npos) << named.body;

    ASSERT_FALSE(b.setUp(path, kPassword, clock_->now()).empty());
    EXPECT_EQ(b.get(path).status, 404);
}

TEST_F(BackOfficeSignInTest, ASetUpLinkExpires) {
    BackOfficeBrowser b(server_->publicPort());
    auto [status, out] = runCentralCommand(
        server_->config(),
        {"account", "create", "--name", "Bram", "--email", "bram@example.org", "--role", "admin"});
    ASSERT_EQ(status, 0) << out;
    clock_->advance(73h);
    EXPECT_EQ(b.get(setupPathIn(out)).status, 404);
}

TEST_F(BackOfficeSignInTest, PagesWithoutASessionRedirectToSignIn) {
    BackOfficeBrowser b(server_->publicPort());
    BrowserPage r = b.get("/backoffice/inbox");
    EXPECT_EQ(r.status, 303);
    EXPECT_EQ(r.header("Location"), "/backoffice/sign-in");
    b.cookies()["__Host-wp_session"] = "made-up";
    EXPECT_EQ(b.get("/backoffice/inbox").status, 303);
}

TEST_F(BackOfficeSignInTest, AFormWithoutTheSessionsCsrfTokenOrFromAnotherOriginIsRefused) {
    auto b = signedIn();
    ASSERT_EQ(b->get("/backoffice/inbox").status, 200);
    const std::string token = b->csrf();
    ASSERT_FALSE(token.empty());
    EXPECT_EQ(b->post("/backoffice/sign-out", {}).status, 403);
    EXPECT_EQ(b->post("/backoffice/sign-out", {{"csrf", token + "x"}}).status, 403);
    EXPECT_EQ(b->post("/backoffice/sign-out", {{"csrf", token}}, "https://evil.example").status, 403);
    // Still signed in after the refusals; the real form signs out.
    EXPECT_EQ(b->get("/backoffice/inbox").status, 200);
    BrowserPage out = b->post("/backoffice/sign-out", {{"csrf", token}}, b->origin());
    EXPECT_EQ(out.status, 303);
    EXPECT_EQ(b->get("/backoffice/inbox").status, 303);

    // An anonymous form needs its cookie's token too.
    BackOfficeBrowser fresh(server_->publicPort());
    EXPECT_EQ(fresh.post("/backoffice/sign-in", {{"email", "anna@example.org"}}).status, 403);
}

TEST_F(BackOfficeSignInTest, ASessionEndsAfterIdleTimeAndAfterTenHours) {
    auto b = signedIn();
    clock_->advance(29min);
    EXPECT_EQ(b->get("/backoffice/inbox").status, 200);
    clock_->advance(31min);
    BrowserPage idle = b->get("/backoffice/inbox");
    EXPECT_EQ(idle.status, 303);
    EXPECT_EQ(idle.header("Location"), "/backoffice/sign-in?afgemeld=1");

    auto c = signedIn("Bram", "bram@example.org");
    for (int i = 0; i < 23; ++i) {
        clock_->advance(25min);
        ASSERT_EQ(c->get("/backoffice/inbox").status, 200) << "after " << (i + 1) * 25 << " minutes";
    }
    clock_->advance(26min);  // 601 minutes after sign-in
    EXPECT_EQ(c->get("/backoffice/inbox").status, 303);
}

TEST_F(BackOfficeSignInTest, FiveFailuresLockTheAccountForFifteenMinutesWithoutSayingItExists) {
    BackOfficeBrowser b(server_->publicPort());
    std::string secret = account(b, "Anna de Vries", "anna@example.org", "team", "huurloket");
    std::string refusal;
    for (int i = 0; i < 5; ++i) {
        BrowserPage r = b.signIn("anna@example.org", "verkeerd wachtwoord", totpAt(secret, clock_->now()));
        EXPECT_EQ(r.status, 200);
        refusal = r.body;
    }
    BrowserPage unknown = b.signIn("niemand@example.org", "verkeerd wachtwoord", "123456");
    EXPECT_NE(unknown.body.find("Aanmelden is niet gelukt"), std::string::npos);
    EXPECT_NE(refusal.find("Aanmelden is niet gelukt"), std::string::npos);

    BrowserPage locked = b.signIn("anna@example.org", kPassword, totpAt(secret, clock_->now()));
    EXPECT_EQ(locked.status, 200);
    EXPECT_NE(locked.body.find("te vaak"), std::string::npos) << locked.body;
    EXPECT_EQ(b.get("/backoffice/inbox").status, 303);

    clock_->advance(16min);
    BrowserPage open = b.signIn("anna@example.org", kPassword, totpAt(secret, clock_->now()));
    EXPECT_EQ(open.status, 303) << open.body;
}

TEST_F(BackOfficeSignInTest, TwentyFailuresFromOneSourceLockEveryAccountFromThere) {
    BackOfficeBrowser b(server_->publicPort());
    std::string secret = account(b, "Anna de Vries", "anna@example.org", "team", "huurloket");
    for (int i = 0; i < 20; ++i)
        b.signIn("iemand" + std::to_string(i) + "@example.org", "verkeerd wachtwoord", "123456");
    BrowserPage locked = b.signIn("anna@example.org", kPassword, totpAt(secret, clock_->now()));
    EXPECT_NE(locked.body.find("te vaak"), std::string::npos) << locked.body;
}

TEST_F(BackOfficeSignInTest, ACodeIsTakenOnceAndAWrongCodeFails) {
    BackOfficeBrowser b(server_->publicPort());
    std::string secret = account(b, "Anna de Vries", "anna@example.org", "team", "huurloket");
    const std::string code = totpAt(secret, clock_->now());
    EXPECT_EQ(b.signIn("anna@example.org", kPassword, code == "000000" ? "111111" : "000000").status, 200);
    EXPECT_EQ(b.signIn("anna@example.org", kPassword, code).status, 303);
    BackOfficeBrowser other(server_->publicPort());
    BrowserPage replay = other.signIn("anna@example.org", kPassword, code);
    EXPECT_EQ(replay.status, 200);
    EXPECT_NE(replay.body.find("Aanmelden is niet gelukt"), std::string::npos);
}

TEST_F(BackOfficeSignInTest, SignOutEverywhereAndDisablingEndEverySession) {
    BackOfficeBrowser one(server_->publicPort());
    std::string secret = account(one, "Anna de Vries", "anna@example.org", "team", "huurloket");
    ASSERT_EQ(one.signIn("anna@example.org", kPassword, totpAt(secret, clock_->now())).status, 303);
    clock_->advance(30s);
    BackOfficeBrowser two(server_->publicPort());
    ASSERT_EQ(two.signIn("anna@example.org", kPassword, totpAt(secret, clock_->now())).status, 303);
    ASSERT_EQ(one.get("/backoffice/inbox").status, 200);
    ASSERT_EQ(one.post("/backoffice/sign-out-everywhere", {{"csrf", one.csrf()}}).status, 303);
    EXPECT_EQ(two.get("/backoffice/inbox").status, 303);

    // Both sign-ins and the sign-out everywhere are in the audit log, by name and from where.
    BackOfficeBrowser admin(server_->publicPort());
    std::string adminSecret = account(admin, "Bea Admin", "bea@example.org", "admin");
    ASSERT_EQ(admin.signIn("bea@example.org", kPassword, totpAt(adminSecret, clock_->now())).status, 303);
    BrowserPage log = admin.get("/backoffice/audit?actor=Anna%20de%20Vries");
    ASSERT_EQ(log.status, 200) << log.body;
    auto count = [&](const std::string& text) {
        int n = 0;
        for (auto at = log.body.find(text); at != std::string::npos; at = log.body.find(text, at + 1)) ++n;
        return n;
    };
    EXPECT_EQ(count("<td>Aangemeld</td>"), 2) << log.body;
    EXPECT_EQ(count("<td>Overal afgemeld</td>"), 1) << log.body;
    EXPECT_NE(log.body.find("127.0.0.1"), std::string::npos);

    clock_->advance(30s);
    ASSERT_EQ(one.signIn("anna@example.org", kPassword, totpAt(secret, clock_->now())).status, 303);
    ASSERT_EQ(one.get("/backoffice/inbox").status, 200);
    auto [status, out] = runCentralCommand(server_->config(), {"account", "disable", "Anna de Vries"});
    ASSERT_EQ(status, 0) << out;
    EXPECT_EQ(one.get("/backoffice/inbox").status, 303);
    clock_->advance(30s);
    EXPECT_EQ(one.signIn("anna@example.org", kPassword, totpAt(secret, clock_->now())).status, 200);
}

TEST_F(BackOfficeSignInTest, TheKioskListenerServesNoBackOfficePage) {
    httplib::SSLClient cli("127.0.0.1", server_->port(), pkiFile("kiosk.crt").string(),
                           pkiFile("kiosk.key").string());
    cli.set_ca_cert_path(pkiFile("ca.crt").c_str());
    cli.enable_server_certificate_verification(true);
    auto res = cli.Get("/backoffice/sign-in");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 404);
    BackOfficeBrowser b(server_->publicPort());
    EXPECT_EQ(b.get("/backoffice/sign-in").status, 200);
    EXPECT_EQ(b.get("/backoffice/no-such-page").status, 404);
    BrowserPage css = b.get("/backoffice/static/backoffice.css");
    EXPECT_EQ(css.status, 200);
    EXPECT_EQ(css.header("Content-Type"), "text/css; charset=utf-8");
    EXPECT_NE(css.header("Cache-Control").find("max-age=31536000"), std::string::npos);
}

}  // namespace
}  // namespace wp::testing
