// The admins' account pages against the real server: only admins open them (a team account or a
// coordinator gets 403), an account made on the page is set up through the link the page shows once (its
// address names the public listener's bound port, also when the config says port 0), an
// account's last sign-ins with where from, disabling ends its sessions, and a new set-up link ends the old
// password and second factor.
#include <gtest/gtest.h>

#include <memory>
#include <regex>

#include "common/clock.h"
#include "tests/integration/backoffice/backoffice_browser.h"
#include "tests/integration/central_harness.h"

namespace wp::testing {
namespace {

using namespace std::chrono_literals;

constexpr const char* kPassword = "lange zin met een paraplu";

class AccountAdminTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<CentralServerProcess>(dir_.path() / "central", CentralOptions{});
        clock_ = std::make_unique<ScriptClock>(server_->clockFile());
        clock_->startAt(*parseLocalDateTime("2026-11-26 10:00"));
        ASSERT_TRUE(server_->start());
    }

    // A browser signed in with a new account made on the command line; its TOTP secret in secret.
    std::unique_ptr<BackOfficeBrowser> signedIn(const std::string& name, const std::string& email,
                                                const std::string& role, const std::string& team,
                                                std::string* secret = nullptr) {
        std::vector<std::string> args = {"account", "create", "--name", name,
                                         "--email", email,    "--role", role};
        if (!team.empty()) args.insert(args.end(), {"--team", team});
        auto [status, out] = runCentralCommand(server_->config(), args);
        EXPECT_EQ(status, 0) << out;
        // The server listens on public_port 0: the command's link names the port it bound.
        EXPECT_NE(out.find(boundBase() + "/backoffice/setup/"), std::string::npos) << out;
        auto b = std::make_unique<BackOfficeBrowser>(server_->publicPort());
        std::string s = b->setUp(setupPathIn(out), kPassword, clock_->now());
        clock_->advance(30s);
        EXPECT_EQ(b->signIn(email, kPassword, totpAt(s, clock_->now())).status, 303);
        if (secret != nullptr) *secret = s;
        return b;
    }

    // The links' base: the public listener's bound port, as the config gives none.
    std::string boundBase() const { return "https://127.0.0.1:" + std::to_string(server_->publicPort()); }

    // The path of the account page of name, from the accounts list.
    std::string accountPath(BackOfficeBrowser& admin, const std::string& name) {
        BrowserPage list = admin.get("/backoffice/admin/accounts");
        std::smatch m;
        std::regex re("href=\"(/backoffice/admin/accounts/[0-9]+)\">" + name + "<");
        if (!std::regex_search(list.body, m, re)) return "";
        return m[1].str();
    }

    TempDir dir_;
    std::unique_ptr<CentralServerProcess> server_;
    std::unique_ptr<ScriptClock> clock_;
};

TEST_F(AccountAdminTest, OnlyAdminsOpenTheAccountPages) {
    auto team = signedIn("Anna", "anna@example.org", "team", "huurloket");
    BrowserPage refused = team->get("/backoffice/admin/accounts");
    EXPECT_EQ(refused.status, 403);
    EXPECT_NE(refused.body.find("Geen toegang"), std::string::npos);
    EXPECT_EQ(team->get("/backoffice/inbox").body.find("/backoffice/admin/accounts"), std::string::npos);
    EXPECT_EQ(
        team->post("/backoffice/admin/accounts",
                   {{"csrf", team->csrf()}, {"name", "X"}, {"email", "x@example.org"}, {"role", "admin"}})
            .status,
        403);
    clock_->advance(30s);
    auto coordinator = signedIn("Cor", "cor@example.org", "coordinator", "");
    EXPECT_EQ(coordinator->get("/backoffice/admin/accounts").status, 403);
    clock_->advance(30s);
    auto admin = signedIn("Bram", "bram@example.org", "admin", "");
    BrowserPage list = admin->get("/backoffice/admin/accounts");
    EXPECT_EQ(list.status, 200);
    EXPECT_NE(list.body.find("anna@example.org"), std::string::npos);
    EXPECT_NE(list.body.find("<th scope=\"col\">"), std::string::npos);
    EXPECT_NE(admin->get("/backoffice/inbox").body.find("href=\"/backoffice/admin/accounts\""),
              std::string::npos);
}

TEST_F(AccountAdminTest, AnAccountMadeOnThePageIsSetUpThroughTheLinkShownOnce) {
    auto admin = signedIn("Bram", "bram@example.org", "admin", "");
    ASSERT_EQ(admin->get("/backoffice/admin/accounts").status, 200);
    BrowserPage bad = admin->post(
        "/backoffice/admin/accounts",
        {{"csrf", admin->csrf()}, {"name", "Dewi"}, {"email", "geen adres"}, {"role", "team"}, {"team", ""}});
    EXPECT_EQ(bad.status, 200);
    EXPECT_NE(bad.body.find("id=\"account-email-error\""), std::string::npos) << bad.body;
    EXPECT_NE(bad.body.find("id=\"account-team-error\""), std::string::npos);
    EXPECT_NE(bad.body.find("value=\"Dewi\""), std::string::npos);

    BrowserPage made = admin->post("/backoffice/admin/accounts", {{"csrf", admin->csrf()},
                                                                  {"name", "Dewi"},
                                                                  {"email", "Dewi@Example.org"},
                                                                  {"role", "team"},
                                                                  {"team", "wijkteam"}});
    ASSERT_EQ(made.status, 200) << made.body;
    EXPECT_NE(made.body.find("id=\"setup-link\">" + boundBase() + "/backoffice/setup/"), std::string::npos)
        << made.body;
    const std::string path = setupPathIn(made.body.substr(made.body.find("id=\"setup-link\"")));
    ASSERT_FALSE(path.empty()) << made.body;
    BrowserPage twice = admin->post("/backoffice/admin/accounts", {{"csrf", admin->csrf()},
                                                                   {"name", "Dewi"},
                                                                   {"email", "dewi@example.org"},
                                                                   {"role", "team"},
                                                                   {"team", "wijkteam"}});
    EXPECT_NE(twice.body.find("id=\"account-name-error\""), std::string::npos);

    BackOfficeBrowser dewi(server_->publicPort());
    std::string secret = dewi.setUp(path, kPassword, clock_->now());
    ASSERT_FALSE(secret.empty());
    clock_->advance(30s);
    ASSERT_EQ(dewi.signIn("dewi@example.org", kPassword, totpAt(secret, clock_->now())).status, 303);
    EXPECT_NE(dewi.get("/backoffice/inbox").body.find("Teamlid, wijkteam"), std::string::npos);
}

TEST_F(AccountAdminTest, AnAdminSeesSignInsDisablesAndResetsTheSecondFactor) {
    std::string secret;
    auto anna = signedIn("Anna", "anna@example.org", "team", "huurloket", &secret);
    clock_->advance(30s);
    anna->signIn("anna@example.org", "fout wachtwoord", "000000");
    clock_->advance(30s);
    auto admin = signedIn("Bram", "bram@example.org", "admin", "");
    const std::string path = accountPath(*admin, "Anna");
    ASSERT_FALSE(path.empty());
    BrowserPage page = admin->get(path);
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("Aangemeld"), std::string::npos);
    EXPECT_NE(page.body.find("Mislukt"), std::string::npos);
    EXPECT_NE(page.body.find("127.0.0.1"), std::string::npos);
    EXPECT_NE(page.body.find("26-11-2026 10:0"), std::string::npos) << page.body;

    ASSERT_EQ(anna->get("/backoffice/inbox").status, 200);
    BrowserPage off = admin->post(path + "/disable", {{"csrf", admin->csrf()}});
    EXPECT_EQ(off.status, 303);
    EXPECT_EQ(off.header("Location"), path);
    EXPECT_EQ(anna->get("/backoffice/inbox").status, 303);
    EXPECT_NE(admin->get(path).body.find("Uitgezet"), std::string::npos);
    ASSERT_EQ(admin->post(path + "/enable", {{"csrf", admin->csrf()}}).status, 303);
    clock_->advance(30s);
    ASSERT_EQ(anna->signIn("anna@example.org", kPassword, totpAt(secret, clock_->now())).status, 303);

    admin->get(path);
    BrowserPage reset = admin->post(path + "/reset-2fa", {{"csrf", admin->csrf()}});
    ASSERT_EQ(reset.status, 200);
    const std::string link = setupPathIn(reset.body.substr(reset.body.find("id=\"setup-link\"")));
    EXPECT_FALSE(link.empty());
    EXPECT_EQ(anna->get("/backoffice/inbox").status, 303);
    clock_->advance(30s);
    EXPECT_EQ(anna->signIn("anna@example.org", kPassword, totpAt(secret, clock_->now())).status, 200);
    BackOfficeBrowser again(server_->publicPort());
    std::string fresh = again.setUp(link, "een heel ander wachtwoord", clock_->now());
    ASSERT_FALSE(fresh.empty());
    EXPECT_NE(fresh, secret);

    // An admin cannot switch off their own account.
    const std::string own = accountPath(*admin, "Bram");
    admin->get(own);
    EXPECT_EQ(admin->post(own + "/disable", {{"csrf", admin->csrf()}}).status, 403);
}

}  // namespace
}  // namespace wp::testing
