// The dashboard, teams, routing and audit pages against the real server over TLS (cpp-httplib as the
// browser): the dashboard of seeded requests and queue events shows the numbers worked out by hand, an
// admin's routing change sends the very next request to the new team without a restart, and each page is
// refused to the roles it is not for.
#include <gtest/gtest.h>

#include <httplib.h>

#include "central/backoffice/dashboard_figures.h"
#include "central/backoffice/staff_credentials.h"
#include "central/store/sqlite_central_store.h"
#include "common/clock.h"
#include "tests/integration/central_harness.h"
#include "tests/support/shipped_request_specs.h"
#include "tests/unit/central/central_test_requests.h"

namespace wp::testing {
namespace {

using namespace std::chrono_literals;

struct Session {
    std::string cookie;  // the Cookie header
    std::string csrf;
};

class BackOfficeDashboardTest : public ::testing::Test {
  protected:
    // The server and the test share one clock, started on a Wednesday morning, so the week, the hours and
    // the promises of the seeded data are the same on every run.
    void SetUp() override {
        clock_.startAt(*parseLocalDateTime("2026-11-25 10:00"));
        ASSERT_TRUE(server_.start());
    }

    std::unique_ptr<SqliteCentralStore> openStore() {
        auto store = SqliteCentralStore::open(server_.database(), wp::testing::shippedRequestSpecs());
        EXPECT_TRUE(store) << store.status().message();
        return store ? std::move(store).value() : nullptr;
    }
    // An account of this role with a signed-in session, made in the store as sign-in would.
    Session signedIn(const std::string& name, StaffRole role, const std::string& team = "") {
        auto store = openStore();
        StaffAccount a;
        a.name = name;
        a.email = name.substr(0, name.find(' ')) + "@example.org";
        for (char& c : a.email) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        a.role = role;
        a.team = team;
        auto id = store->addStaffAccount(a, clock_.now());
        EXPECT_TRUE(id) << id.status().message();
        Session s{"", randomToken()};
        std::string sessionId = randomToken();
        EXPECT_TRUE(
            store->addStaffSession(hashSecretToken(sessionId), id ? id.value() : 0, s.csrf, clock_.now())
                .isOk());
        s.cookie = "__Host-wp_session=" + sessionId;
        return s;
    }
    // The client is set up here: cpp-httplib's clients cannot be moved.
    void prepare(httplib::SSLClient& cli) {
        cli.set_ca_cert_path(pkiFile("ca.crt").c_str());
        cli.enable_server_certificate_verification(true);
        cli.set_connection_timeout(5);
        cli.set_read_timeout(10);
    }
    httplib::Result get(const Session& s, const std::string& path) {
        httplib::SSLClient cli("127.0.0.1", server_.publicPort());
        prepare(cli);
        return cli.Get(path.c_str(), {{"Cookie", s.cookie}});
    }
    httplib::Result post(const Session& s, const std::string& path, const std::string& form) {
        httplib::SSLClient cli("127.0.0.1", server_.publicPort());
        prepare(cli);
        return cli.Post(path.c_str(), {{"Cookie", s.cookie}}, form, "application/x-www-form-urlencoded");
    }
    void send(const Request& r) {
        ApiClient kiosk(server_.url(), {});
        HttpResult res = kiosk.post("/v1/requests", encodeRequest(r, wp::testing::shippedRequestSpecs()));
        ASSERT_EQ(res.status, 201) << res.body;
    }
    std::string teamOf(const std::string& reference) {
        auto store = openStore();
        auto list = store->listRequests({});
        for (const RequestSummary& s : list.value())
            if (s.reference == reference) return s.team;
        return "(not stored)";
    }

    TempDir dir_;
    CentralServerProcess server_{dir_.path() / "central", CentralOptions{}};
    ScriptClock clock_{server_.clockFile()};
    SeededRandom random_{47};
};

QueueStatEvent event(std::int64_t seq, const char* kind, const char* service, std::int64_t number,
                     const char* ticket, const std::string& day, TimePoint at) {
    QueueStatEvent e;
    e.seq = seq;
    e.kind = kind;
    e.service = service;
    e.day = day;
    e.number = number;
    e.ticket = ticket;
    e.at = at;
    return e;
}

TEST_F(BackOfficeDashboardTest, TheDashboardOfThisWeekShowsTheSeededNumbers) {
    Request huur1 = makeTestRequest(random_, "callback", "huur");
    Request huur2 = makeTestRequest(random_, "callback", "huur");
    Request visit = makeTestRequest(random_, "home-visit");
    for (const Request& r : {huur1, huur2, visit}) send(r);
    ASSERT_TRUE(openStore()->updateStatus(huur1.reference, std::nullopt,
                                          {RequestStatus::InProgress, "We bellen u deze week.", {}}, "Anna",
                                          "127.0.0.1", clock_.now()));
    // Monday of this week, 09:00 and 10:05 local time: two tickets called after 12 and 30 minutes, one never.
    IsoWeek week = IsoWeek::containing(clock_.now());
    ASSERT_EQ(week.text(), "2026-W48");  // the shared clock's week, whatever the day the test runs
    const TimePoint nine = week.start() + 9h;
    const std::string monday = week.firstDay();
    QueueStatBatch b{"K2",
                     {event(1, "issued", "huurloket", 1, "H-001", monday, nine),
                      event(2, "issued", "huurloket", 2, "H-002", monday, nine + 10min),
                      event(3, "called", "huurloket", 1, "H-001", monday, nine + 12min),
                      event(4, "called", "huurloket", 2, "H-002", monday, nine + 40min),
                      event(5, "issued", "wijkteam", 1, "W-001", monday, nine + 65min)}};
    ASSERT_EQ(
        ApiClient(server_.url(), {}).post("/v1/statistics/queue-events", encodeQueueStatBatch(b)).status,
        200);

    Session coordinator = signedIn("Karim Ouali", StaffRole::Coordinator);
    auto page = get(coordinator, "/backoffice/dashboard?contact_point=SGN&week=" + week.text());
    ASSERT_TRUE(page);
    ASSERT_EQ(page->status, 200) << page->body;
    const std::string& html = page->body;
    EXPECT_NE(html.find("<li><strong>3</strong> vragen via de kiosk</li>"), std::string::npos) << html;
    EXPECT_NE(html.find("<li><strong>3</strong> wachtnummers voor de balie</li>"), std::string::npos);
    EXPECT_NE(html.find("<tr><th scope=\"row\">Huurloket</th><td class=\"number\">2</td></tr>"),
              std::string::npos);
    EXPECT_NE(html.find("<tr><th scope=\"row\">Huisbezoek</th><td class=\"number\">1</td></tr>"),
              std::string::npos);
    EXPECT_NE(html.find("<tr><th scope=\"row\">9:00 tot 10:00</th><td class=\"number\">2</td><td "
                        "class=\"number\">12 min</td><td class=\"number\">30 min</td></tr>"),
              std::string::npos);
    EXPECT_NE(html.find("<tr><th scope=\"row\">10:00 tot 11:00</th><td class=\"number\">0</td>"),
              std::string::npos);
    EXPECT_NE(html.find("1 wachtnummers werden niet opgeroepen"), std::string::npos);
    EXPECT_NE(html.find("33% van de vragen kreeg op tijd antwoord"), std::string::npos);
    EXPECT_NE(html.find("<svg"), std::string::npos);
    EXPECT_EQ(html.find("010 123"), std::string::npos) << "no personal data on the dashboard";
    EXPECT_EQ(page->get_header_value("Cache-Control"), "no-store");

    // Another contact point has no kiosk here: the first configured one is shown; a week to come is this one.
    auto later =
        get(coordinator, "/backoffice/dashboard?contact_point=XYZ&week=" + week.next().next().text());
    ASSERT_TRUE(later);
    EXPECT_EQ(later->status, 200);
    EXPECT_NE(later->body.find("<li><strong>3</strong> vragen via de kiosk</li>"), std::string::npos);

    Session anna = signedIn("Anna de Boer", StaffRole::Team, "huurloket");
    auto refused = get(anna, "/backoffice/dashboard");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 403);
}

TEST_F(BackOfficeDashboardTest, AnAdminsRoutingChangeRoutesTheNextRequestToTheNewTeam) {
    Request before = makeTestRequest(random_, "callback", "huur");
    send(before);
    EXPECT_EQ(teamOf(before.reference), "huurloket");

    Session admin = signedIn("Mira Jansen", StaffRole::Admin);
    auto form = get(admin, "/backoffice/admin/routing");
    ASSERT_TRUE(form);
    ASSERT_EQ(form->status, 200) << form->body;
    EXPECT_NE(form->body.find("name=\"type_0\""), std::string::npos);

    const std::string change = "default_team=gemeente&order_0=1&type_0=*&category_0=huur&team_0=wijkteam";
    auto forged = post(admin, "/backoffice/admin/routing", change);  // no CSRF token
    ASSERT_TRUE(forged);
    EXPECT_EQ(forged->status, 403);
    auto saved = post(admin, "/backoffice/admin/routing", change + "&csrf=" + admin.csrf);
    ASSERT_TRUE(saved);
    EXPECT_EQ(saved->status, 303) << saved->body;
    EXPECT_EQ(saved->get_header_value("Location"), "/backoffice/admin/routing?saved=1");

    Request after = makeTestRequest(random_, "callback", "huur");
    send(after);
    EXPECT_EQ(teamOf(after.reference), "wijkteam");  // no restart
    RoutingTable table = openStore()->routingTable().value();
    EXPECT_EQ(table.rules, (std::vector<RoutingRule>{{"*", "huur", "wijkteam"}}));

    // An unknown team is refused with the reason, and nothing changes.
    auto bad = post(admin, "/backoffice/admin/routing",
                    "default_team=gemeente&type_0=*&category_0=huur&team_0=niemand&csrf=" + admin.csrf);
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 422);
    EXPECT_NE(bad->body.find("Regel 1: kies een team uit de lijst."), std::string::npos);
    EXPECT_EQ(openStore()->routingTable()->rules, table.rules);

    // A team's e-mail addresses.
    auto team = post(admin, "/backoffice/admin/teams/wijkteam",
                     "webhook=&emails=wijkteam%40example.org%0Aintake%40example.org&csrf=" + admin.csrf);
    ASSERT_TRUE(team);
    EXPECT_EQ(team->status, 303) << team->body;
    EXPECT_EQ(openStore()->routingTable()->teams.at("wijkteam").emails,
              (std::vector<std::string>{"wijkteam@example.org", "intake@example.org"}));
    auto teams = get(admin, "/backoffice/admin/teams");
    ASSERT_TRUE(teams);
    EXPECT_EQ(teams->status, 200);
    EXPECT_NE(teams->body.find("intake@example.org"), std::string::npos);

    // The audit log says who changed what, from where.
    auto audit = get(admin, "/backoffice/audit?action=change-routing");
    ASSERT_TRUE(audit);
    ASSERT_EQ(audit->status, 200) << audit->body;
    EXPECT_NE(audit->body.find("Mira Jansen"), std::string::npos);
    EXPECT_NE(audit->body.find("Routering gewijzigd"), std::string::npos);
    EXPECT_NE(audit->body.find("127.0.0.1"), std::string::npos);
    EXPECT_EQ(audit->body.find("Berichten van een team gewijzigd</td>"), std::string::npos);  // filtered

    Session karim = signedIn("Karim Ouali", StaffRole::Coordinator);
    for (const char* path : {"/backoffice/admin/routing", "/backoffice/admin/teams", "/backoffice/audit"}) {
        auto r = get(karim, path);
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 403) << path;
    }
    auto teamPost = post(karim, "/backoffice/admin/routing", change + "&csrf=" + karim.csrf);
    ASSERT_TRUE(teamPost);
    EXPECT_EQ(teamPost->status, 403);
}

}  // namespace
}  // namespace wp::testing
