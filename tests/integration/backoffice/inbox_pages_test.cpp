// The team inbox and the request page against the real wijkpunt-central over TLS, signed in like a person:
// a team sees its own requests only (another team's request by URL is 404 and audited as a refused read),
// reading a request is audited with from where, take and status with the public note check beside the
// field, a coordinator forwards a request and the resident's status page keeps working with the new status
// and note, the exports (a team's open requests with personal data, audited; counts for coordinators).
#include <gtest/gtest.h>

#include <memory>

#include "common/reference_code.h"
#include "common/sqlite/sqlite_database.h"
#include "tests/integration/backoffice/backoffice_browser.h"
#include "tests/integration/central_harness.h"
#include "tests/support/shipped_request_specs.h"
#include "tests/unit/central/central_test_requests.h"

namespace wp::testing {
namespace {

using namespace std::chrono_literals;

constexpr const char* kPassword = "lange zin met een paraplu";

bool has(const BrowserPage& page, const std::string& text) {
    return page.body.find(text) != std::string::npos;
}

class BackOfficeInboxTest : public ::testing::Test {
  protected:
    void SetUp() override {
        CentralOptions o;
        o.extraToml = "[public_pages]\ncontent_dir = \"" + std::string(WIJKPUNT_SOURCE_DIR) + "/content\"\n";
        server_ = std::make_unique<CentralServerProcess>(dir_.path() / "central", o);
        clock_ = std::make_unique<ScriptClock>(server_->clockFile());
        clock_->startAt(*parseLocalDateTime("2026-12-07 10:00"));  // a Monday
        ASSERT_TRUE(server_->start());
    }

    std::string send(const std::string& type, const std::string& category) {
        Request r = makeTestRequest(random_, type, category);
        HttpResult stored = ApiClient(server_->url(), {})
                                .post("/v1/requests", encodeRequest(r, wp::testing::shippedRequestSpecs()));
        EXPECT_EQ(stored.status, 201) << stored.body;
        return r.reference;
    }

    // A browser signed in with a new account made on the command line and set up on its page.
    std::unique_ptr<BackOfficeBrowser> signIn(const std::string& name, const std::string& role,
                                              const std::string& team = "") {
        auto b = std::make_unique<BackOfficeBrowser>(server_->publicPort());
        std::string email = name + "@example.org";
        std::vector<std::string> args = {"account", "create", "--name", name,
                                         "--email", email,    "--role", role};
        if (!team.empty()) args.insert(args.end(), {"--team", team});
        auto [status, out] = runCentralCommand(server_->config(), args);
        EXPECT_EQ(status, 0) << out;
        std::string secret = b->setUp(setupPathIn(out), kPassword, clock_->now());
        clock_->advance(30s);
        BrowserPage r = b->signIn(email, kPassword, totpAt(secret, clock_->now()));
        EXPECT_EQ(r.status, 303) << r.body;
        return b;
    }

    // The audit entries of a reference: action, actor, detail, source; newest last.
    std::vector<std::vector<std::string>> audit(const std::string& reference) {
        std::vector<std::vector<std::string>> out;
        auto db = SqliteDatabase::open(server_->database());
        EXPECT_TRUE(db);
        if (!db) return out;
        auto st = db.value()->prepare(
            "SELECT action, actor, detail, source FROM audit_log WHERE reference = ? ORDER BY id");
        EXPECT_TRUE(st);
        if (!st) return out;
        st->bind(1, reference);
        for (auto row = st->step(); row && row.value(); row = st->step())
            out.push_back({st->text(0), st->text(1), st->text(2), st->text(3)});
        return out;
    }

    TempDir dir_;
    SeededRandom random_{31};
    std::unique_ptr<CentralServerProcess> server_;
    std::unique_ptr<ScriptClock> clock_;
};

TEST_F(BackOfficeInboxTest, ATeamSeesItsOwnRequestsAndAnotherTeamsRequestIsNotFoundAndAudited) {
    const std::string huur = send("callback", "huur");
    const std::string visit = send("home-visit", "");
    auto anna = signIn("Anna", "team", "huurloket");
    BrowserPage inbox = anna->get("/backoffice/inbox");
    ASSERT_EQ(inbox.status, 200) << inbox.body;
    EXPECT_TRUE(has(inbox, huur));
    EXPECT_FALSE(has(inbox, visit));
    EXPECT_TRUE(has(inbox, "Aanvragen van team huurloket"));
    EXPECT_EQ(inbox.header("Cache-Control"), "no-store");

    BrowserPage other = anna->get("/backoffice/requests/" + visit);
    EXPECT_EQ(other.status, 404);
    EXPECT_FALSE(has(other, "010 123 4567"));
    auto refused = audit(visit);
    ASSERT_EQ(refused.size(), 1u);
    EXPECT_EQ(refused[0][0], "read-personal-data");
    EXPECT_EQ(refused[0][1], "Anna");
    EXPECT_EQ(refused[0][2], "refused: request of team wijkteam");
    EXPECT_EQ(refused[0][3], "127.0.0.1");

    BrowserPage own = anna->get("/backoffice/requests/" + huur);
    ASSERT_EQ(own.status, 200) << own.body;
    EXPECT_TRUE(has(own, "010 123 4567"));
    EXPECT_EQ(own.header("Cache-Control"), "no-store");
    auto read = audit(huur);
    ASSERT_EQ(read.size(), 1u);
    EXPECT_EQ(read[0][0], "read-personal-data");
    EXPECT_EQ(read[0][2], "");
    EXPECT_EQ(read[0][3], "127.0.0.1");
}

TEST_F(BackOfficeInboxTest, TakeAndStatusWithTheNoteCheckThenAForwardKeepsTheStatusPageWorking) {
    const std::string ref = send("callback", "huur");
    auto anna = signIn("Anna", "team", "huurloket");
    ASSERT_EQ(anna->get("/backoffice/requests/" + ref).status, 200);
    const std::string csrf = anna->csrf();
    BrowserPage took = anna->post("/backoffice/requests/" + ref + "/take", {{"csrf", csrf}});
    ASSERT_EQ(took.status, 303) << took.body;
    BrowserPage after = anna->get(took.header("Location"));
    EXPECT_TRUE(has(after, "U heeft de aanvraag opgepakt."));
    EXPECT_TRUE(has(after, "Anna heeft de aanvraag opgepakt."));

    BrowserPage refused =
        anna->post("/backoffice/requests/" + ref + "/status", {{"csrf", anna->csrf()},
                                                               {"status", "in-progress"},
                                                               {"public_note", "Bel ons op 06-12345678"},
                                                               {"internal_note", ""}});
    EXPECT_EQ(refused.status, 400);
    EXPECT_TRUE(has(refused, "Dit bericht lijkt een telefoonnummer te bevatten."));
    EXPECT_TRUE(has(refused, "Bel ons op 06-12345678")) << "what was typed stays in the field";
    BrowserPage set =
        anna->post("/backoffice/requests/" + ref + "/status", {{"csrf", anna->csrf()},
                                                               {"status", "in-progress"},
                                                               {"public_note", "Wij bellen u dinsdag."},
                                                               {"internal_note", "Belt liever na 10 uur"}});
    ASSERT_EQ(set.status, 303) << set.body;

    auto cora = signIn("Cora", "coordinator");
    ASSERT_EQ(cora->get("/backoffice/requests/" + ref).status, 200);
    BrowserPage forwarded =
        cora->post("/backoffice/requests/" + ref + "/forward",
                   {{"csrf", cora->csrf()}, {"team", "wijkteam"}, {"reason", "Gaat over zorg"}});
    ASSERT_EQ(forwarded.status, 303) << forwarded.body;
    BrowserPage page = cora->get(forwarded.header("Location"));
    EXPECT_TRUE(has(page, "De aanvraag is doorgestuurd."));
    EXPECT_TRUE(has(page, "Cora heeft de aanvraag doorgestuurd van huurloket naar wijkteam."));
    EXPECT_TRUE(has(page, "Gaat over zorg"));

    EXPECT_EQ(anna->get("/backoffice/requests/" + ref).status, 404) << "no longer Anna's team's";
    auto bram = signIn("Bram", "team", "wijkteam");
    EXPECT_EQ(bram->get("/backoffice/requests/" + ref).status, 200);

    // The resident's status page: the same code, the new status and note, no personal data.
    BrowserPage status = BackOfficeBrowser(server_->publicPort()).get("/status/" + ref);
    ASSERT_EQ(status.status, 200) << status.body;
    EXPECT_TRUE(has(status, "Wij bellen u dinsdag."));
    EXPECT_FALSE(has(status, "Belt liever na 10 uur"));
    EXPECT_FALSE(has(status, "010 123 4567"));
}

TEST_F(BackOfficeInboxTest, ExportsOpenRequestsForATeamAuditedAndCountsForCoordinators) {
    const std::string ref = send("callback", "huur");
    send("home-visit", "");
    auto anna = signIn("Anna", "team", "huurloket");
    BrowserPage csv = anna->get("/backoffice/export/open.csv");
    ASSERT_EQ(csv.status, 200) << csv.body;
    EXPECT_EQ(csv.header("Content-Type"), "text/csv; charset=utf-8");
    EXPECT_EQ(csv.header("Cache-Control"), "no-store");
    EXPECT_EQ(csv.body.rfind("\xEF\xBB\xBF"
                             "Code,",
                             0),
              0u);
    EXPECT_TRUE(has(csv, ref));
    EXPECT_TRUE(has(csv, "010 123 4567"));
    // Every column is headed by the words the request page uses, not the field's name in the spec.
    const std::string head = csv.body.substr(0, csv.body.find('\n'));
    EXPECT_NE(head.find(",Telefoonnummer,"), std::string::npos) << head;
    EXPECT_EQ(head.find(",phone,"), std::string::npos) << head;
    auto exports = audit("");
    ASSERT_FALSE(exports.empty());
    EXPECT_EQ(exports.back()[0], "export");
    EXPECT_EQ(exports.back()[2], "open requests of team huurloket: 1");
    EXPECT_EQ(anna->get("/backoffice/export/counts.csv").status, 403);

    auto cora = signIn("Cora", "coordinator");
    EXPECT_EQ(cora->get("/backoffice/export/open.csv").status, 403);
    BrowserPage counts = cora->get("/backoffice/export/counts.csv");
    ASSERT_EQ(counts.status, 200) << counts.body;
    EXPECT_TRUE(has(counts, "huurloket,Terugbellen,Nieuw,SGN,1"));
    EXPECT_FALSE(has(counts, "010 123 4567"));
    EXPECT_FALSE(has(counts, ref));
}

}  // namespace
}  // namespace wp::testing
