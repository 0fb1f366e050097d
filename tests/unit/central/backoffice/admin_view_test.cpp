// The admin pages' views and forms (central/backoffice/admin_view.h): the routing form read back into rules
// in the order people gave them, refusals in Dutch, team targets, and the audit page's query and paging.
#include "central/backoffice/admin_view.h"

#include <gtest/gtest.h>

#include "common/wire.h"

namespace wp {
namespace {

const std::vector<std::string> kTypes = {"question", "callback", "home-visit"};

RoutingTable table() {
    RoutingTable t;
    t.defaultTeam = "gemeente";
    t.rules = {{"*", "huur", "huurloket"}, {"home-visit", "*", "wijkteam"}};
    t.teams = {{"gemeente", {}}, {"huurloket", {}}, {"wijkteam", {}}};
    t.labels = {{"gemeente", "Gemeente"}, {"huurloket", "Huurloket"}, {"wijkteam", "Wijkteam"}};
    return t;
}

TEST(AdminViewTest, TheRoutingFormShowsEveryRuleAndThreeEmptyRows) {
    auto view = routingView(table(), kTypes);
    ASSERT_EQ(view["rules"].size(), 2u);
    EXPECT_EQ(view["rules"][0]["typeLabel"], "Elke soort");
    EXPECT_EQ(view["rules"][0]["categoryLabel"], "huur");
    EXPECT_EQ(view["rules"][1]["typeLabel"], "Huisbezoek");
    EXPECT_EQ(view["rules"][1]["categoryLabel"], "elke categorie");
    ASSERT_EQ(view["editRows"].size(), 5u);
    EXPECT_EQ(view["defaultTeamLabel"], "Gemeente");
}

TEST(AdminViewTest, TheRoutingFormIsReadInTheOrderOfItsNumbersWithoutEmptyRows) {
    FormFields form = {
        {"default_team", "wijkteam"}, {"order_0", "3"}, {"type_0", "*"},        {"category_0", " huur "},
        {"team_0", "huurloket"},      {"order_1", "1"}, {"type_1", "callback"}, {"category_1", ""},
        {"team_1", "wijkteam"},       {"order_2", "2"}, {"type_2", ""},         {"category_2", "*"},
        {"team_2", "gemeente"},       {"order_3", "1"}, {"type_3", "question"}, {"category_3", "*"},
        {"team_3", "gemeente"}};
    auto change = readRoutingForm(form, table(), kTypes);
    ASSERT_TRUE(change) << change.status().message();
    EXPECT_EQ(change->defaultTeam, "wijkteam");
    EXPECT_EQ(change->rules,
              (std::vector<RoutingRule>{
                  {"callback", "", "wijkteam"}, {"question", "*", "gemeente"}, {"*", "huur", "huurloket"}}));
    EXPECT_EQ(routingChangeDetail(*change),
              "default team wijkteam; rules: [callback / (none) -> wijkteam] [question / * -> gemeente] "
              "[* / huur -> huurloket]");
}

TEST(AdminViewTest, AnUnknownTypeTeamOrOrderIsRefusedInDutch) {
    auto refused = [](FormFields form) {
        auto c = readRoutingForm(form, table(), kTypes);
        EXPECT_FALSE(c.isOk());
        return c.isOk() ? std::string() : c.status().message();
    };
    EXPECT_EQ(refused({{"default_team", "nobody"}}), "Kies een standaardteam uit de lijst.");
    EXPECT_EQ(refused({{"default_team", "gemeente"}, {"type_0", "tip"}, {"team_0", "gemeente"}}),
              "Regel 1: kies een soort vraag uit de lijst.");
    EXPECT_EQ(refused({{"default_team", "gemeente"}, {"type_0", "*"}, {"team_0", "nobody"}}),
              "Regel 1: kies een team uit de lijst.");
    EXPECT_EQ(
        refused({{"default_team", "gemeente"}, {"type_0", "*"}, {"team_0", "gemeente"}, {"order_0", "1x"}}),
        "Regel 1: de volgorde moet een getal zijn.");
}

TEST(AdminViewTest, ATeamFormKeepsOneAddressPerLineAndRefusesAPlainHttpWebhook) {
    auto t = readTeamForm({{"webhook", " https://team.example.org/hook "},
                           {"emails", "a@example.org\r\n\r\nb@example.org\na@example.org"}});
    ASSERT_TRUE(t) << t.status().message();
    EXPECT_EQ(t->webhookUrl, "https://team.example.org/hook");
    EXPECT_EQ(t->emails, (std::vector<std::string>{"a@example.org", "b@example.org"}));
    EXPECT_FALSE(readTeamForm({{"webhook", "http://team.example.org"}}).isOk());
    auto bad = readTeamForm({{"emails", "geen adres"}});
    ASSERT_FALSE(bad.isOk());
    EXPECT_EQ(bad.status().message(), "'geen adres' is geen e-mailadres. Zet een adres op elke regel.");
    auto none = readTeamForm({});
    ASSERT_TRUE(none);
    EXPECT_EQ(*none, TeamNotifications{});
}

TEST(AdminViewTest, TheTeamsPageOffersRemovalOnlyOfATeamNothingNamesAndSaysWhy) {
    RoutingTable t = table();
    t.teams["schuldhulp"] = {};
    t.labels["wijkteam"] = "Wijkteam Noord";
    TeamUse busy;
    busy.requests = 12;
    busy.rules = 1;
    busy.isDefault = true;
    auto view = teamsView(t, {{"gemeente", busy}, {"schuldhulp", {}}});
    ASSERT_EQ(view["teams"].size(), 4u);
    const auto& gemeente = view["teams"][0];
    EXPECT_EQ(gemeente["name"], "gemeente");
    EXPECT_FALSE(gemeente["removable"].get<bool>());
    EXPECT_EQ(gemeente["inUse"],
              "Dit team kan niet weg: er zijn 12 aanvragen van dit team, 1 regel van de routering stuurt "
              "aanvragen naar dit team en het is het standaardteam van de routering.");
    const auto& schuld = view["teams"][2];
    EXPECT_EQ(schuld["label"], "schuldhulp");  // no Dutch name yet: its name
    EXPECT_TRUE(schuld["removable"].get<bool>());
    EXPECT_FALSE(schuld.contains("inUse"));
    EXPECT_EQ(view["teams"][3]["label"], "Wijkteam Noord");
    EXPECT_FALSE(view["teams"][3]["removable"].get<bool>()) << "a team whose use is unknown stays";
    TeamUse accounts;
    accounts.accounts = 2;
    EXPECT_EQ(teamInUseText(accounts), "Dit team kan niet weg: 2 accounts horen bij dit team.");
}

TEST(AdminViewTest, ANewTeamNeedsAFreeShortNameAndADutchName) {
    auto made = readNewTeamForm({{"name", " schuldhulp-2 "}, {"label", " Schuldhulp "}}, table());
    ASSERT_TRUE(made) << made.status().message();
    EXPECT_EQ(made->name, "schuldhulp-2");
    EXPECT_EQ(made->label, "Schuldhulp");
    for (const char* name : {"", "s", "Schuld", "2schuld", "schuld hulp", "schuld/hulp", "schuld_hulp"}) {
        auto bad = readNewTeamForm({{"name", name}, {"label", "Schuldhulp"}}, table());
        ASSERT_FALSE(bad) << name;
        EXPECT_NE(bad.status().message().find("kleine letters"), std::string::npos) << name;
    }
    auto taken = readNewTeamForm({{"name", "wijkteam"}, {"label", "Wijkteam 2"}}, table());
    ASSERT_FALSE(taken);
    EXPECT_EQ(taken.status().message(), "Er is al een team met deze korte naam.");
    for (const char* label : {"", "   ", "<b>Schuld</b>", "Twee\nregels"})
        EXPECT_FALSE(readNewTeamForm({{"name", "schuld"}, {"label", label}}, table())) << label;
    EXPECT_EQ(readTeamLabel({{"label", std::string(61, 'a')}}).status().code(), Status::Code::InvalidInput);
    EXPECT_EQ(readTeamLabel({{"label", "Wijkteam Noord"}}).value(), "Wijkteam Noord");
}

TEST(AdminViewTest, TheAuditQueryReadsFiltersLocalDaysAndPages) {
    auto q =
        readAuditQuery({{"actor", "Aisha"}, {"from", "2026-12-01"}, {"to", "2026-12-01"}, {"page", "3"}});
    EXPECT_EQ(q.query.actor, "Aisha");
    EXPECT_FALSE(q.query.reference.has_value());
    EXPECT_EQ(q.query.from, parseRfc3339("2026-11-30T23:00:00Z"));  // midnight in Amsterdam
    EXPECT_EQ(q.query.to, parseRfc3339("2026-12-01T23:00:00Z"));    // the day included
    EXPECT_EQ(q.page, 3);
    EXPECT_EQ(q.query.offset, 2 * kAuditPageSize);
    EXPECT_EQ(q.query.limit, kAuditPageSize + 1);
    EXPECT_TRUE(q.error.empty());

    auto bad = readAuditQuery({{"from", "1 december"}, {"page", "-2"}});
    EXPECT_FALSE(bad.query.from.has_value());
    EXPECT_FALSE(bad.error.empty());
    EXPECT_EQ(bad.page, 1);
}

TEST(AdminViewTest, TheAuditPageLinksToOlderEntriesOnlyWhenThereAreMore) {
    auto q = readAuditQuery({{"actor", "Aisha de Vries"}, {"page", "2"}});
    std::vector<AuditEntry> entries(kAuditPageSize + 1,
                                    AuditEntry{parseRfc3339("2026-12-01T08:30:00Z").value(), "Aisha de Vries",
                                               "read-personal-data", "SGN-K2-7KQ4XD9M-3", "", "192.0.2.7"});
    auto view = auditView(q, entries);
    EXPECT_EQ(view["entries"].size(), static_cast<std::size_t>(kAuditPageSize));
    EXPECT_EQ(view["entries"][0]["at"], "01-12-2026 09:30:00");
    EXPECT_EQ(view["entries"][0]["action"], "Persoonlijke gegevens gelezen");
    EXPECT_EQ(view["entries"][0]["source"], "192.0.2.7");
    EXPECT_EQ(view["olderHref"], "/backoffice/audit?page=3&actor=Aisha%20de%20Vries");
    EXPECT_EQ(view["newerHref"], "/backoffice/audit?page=1&actor=Aisha%20de%20Vries");
    EXPECT_EQ(view["firstRow"], kAuditPageSize + 1);

    entries.resize(3);
    auto last = auditView(q, entries);
    EXPECT_FALSE(last.contains("olderHref"));
    EXPECT_EQ(last["lastRow"], kAuditPageSize + 3);
}

}  // namespace
}  // namespace wp
