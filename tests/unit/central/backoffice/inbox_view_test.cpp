// The view models of the inbox and the request page (central/backoffice/inbox_view.h, request_view.h):
// the filter form, overdue marks by the promise of each type, paging links, labels and history in Dutch.
#include "central/backoffice/inbox_view.h"

#include <gtest/gtest.h>

#include "central/backoffice/request_view.h"
#include "common/wire.h"
#include "tests/support/shipped_request_specs.h"

namespace wp {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

TimePoint utc(const char* text) {
    return parseRfc3339(text).value();
}

class InboxViewTest : public ::testing::Test {
  protected:
    void SetUp() override {
        settings_.specs = &specs_;
        settings_.dutch = &dutch_;
        settings_.defaultContactWorkingDays = 10;
        settings_.initiativeContactWorkingDays = 2;
        settings_.contactPoints = {"KETH", "SGN"};
        settings_.teams = {{"huurloket", "Huurloket"}, {"wijkteam", "Wijkteam"}};
        dutch_.code = "nl";
        dutch_.texts = {{"flow.callback_title", "Terugbellen"}, {"flow.label_phone", "Telefoon"}};
    }
    CaseRow row(const std::string& type, const char* received, RequestStatus status, std::int64_t id) {
        CaseRow r;
        r.summary.reference = "SGN-K2-7KQ4XD9M-3";
        r.summary.type = type;
        r.summary.team = "huurloket";
        r.summary.status = status;
        r.summary.receivedAt = utc(received);
        r.cursor = {toUnixMillis(r.summary.receivedAt), id};
        return r;
    }
    RequestSpecs specs_ = wp::testing::shippedRequestSpecs();
    LanguageTexts dutch_;
    InboxSettings settings_;
    const InboxViewer team_{7, "huurloket", false};
    const InboxViewer coordinator_{9, "", true};
    const TimePoint now_ = utc("2026-12-10T09:00:00Z");  // Thursday
};

TEST_F(InboxViewTest, ATeamMemberSeesTheirOwnTeamWhateverTheLinkSays) {
    InboxFilter f = readInboxFilter({{"team", "wijkteam"}}, team_, settings_, now_);
    EXPECT_EQ(f.query.team, "huurloket");
    EXPECT_TRUE(f.errors.empty());
    InboxFilter all = readInboxFilter({}, coordinator_, settings_, now_);
    EXPECT_FALSE(all.query.team);
    InboxFilter one = readInboxFilter({{"team", "wijkteam"}}, coordinator_, settings_, now_);
    EXPECT_EQ(one.query.team, "wijkteam");
}

TEST_F(InboxViewTest, TheFilterFormBecomesTheQueryAndRefusedValuesAreNamed) {
    InboxFilter f = readInboxFilter({{"status", "in-progress"},
                                     {"type", "callback"},
                                     {"category", "huur"},
                                     {"contact_point", "SGN"},
                                     {"older_than", "3"},
                                     {"assigned", "me"},
                                     {"reference", "7kq4"},
                                     {"after", "1764144000000.42"}},
                                    team_, settings_, now_);
    EXPECT_TRUE(f.errors.empty());
    EXPECT_EQ(f.query.status, RequestStatus::InProgress);
    EXPECT_EQ(f.query.type, "callback");
    EXPECT_EQ(f.query.category, "huur");
    EXPECT_EQ(f.query.contactPoint, "SGN");
    EXPECT_EQ(f.query.receivedBefore, now_ - 72h);
    EXPECT_EQ(f.query.assignee, 7);
    EXPECT_EQ(f.query.referencePart, "7kq4");
    EXPECT_EQ(f.query.after, (InboxCursor{1764144000000, 42}));
    EXPECT_FALSE(f.query.includeClosed);

    InboxFilter bad = readInboxFilter(
        {{"status", "done"}, {"type", "pizza"}, {"older_than", "-1"}, {"assigned", "x"}, {"after", "zz"}},
        team_, settings_, now_);
    EXPECT_EQ(bad.errors.size(), 4u);
    EXPECT_EQ(bad.errors.at("older_than"), "Vul een aantal dagen in, van 1 tot 3650.");
    EXPECT_FALSE(bad.query.status);
    EXPECT_FALSE(bad.query.type);
    EXPECT_FALSE(bad.query.receivedBefore);
    EXPECT_FALSE(bad.query.after);
    EXPECT_EQ(readInboxFilter({{"status", "all"}}, team_, settings_, now_).query.includeClosed, true);
    EXPECT_EQ(readInboxFilter({{"assigned", "nobody"}}, team_, settings_, now_).query.assignee, 0);
}

TEST_F(InboxViewTest, OverdueFollowsEachTypesPromiseAndOnlyWhileNobodyAnswered) {
    EXPECT_EQ(promisedWorkingDays("callback", settings_), 3) << "the spec's receipt promise";
    EXPECT_EQ(promisedWorkingDays("initiative", settings_), 2) << "[initiative] contact_within_working_days";
    EXPECT_EQ(promisedWorkingDays("volunteer", settings_), 10) << "no promise: the default";
    InboxPage page;
    // Friday 4 December: a callback (3 days) was due by Wednesday; a volunteer (10 days) is not yet.
    page.rows = {row("callback", "2026-12-04T09:00:00Z", RequestStatus::Received, 1),
                 row("callback", "2026-12-04T09:00:00Z", RequestStatus::InProgress, 2),
                 row("volunteer", "2026-12-04T09:00:00Z", RequestStatus::Received, 3),
                 row("initiative", "2026-12-08T09:00:00Z", RequestStatus::Received, 4)};
    json v = inboxView(page, readInboxFilter({}, team_, settings_, now_), team_, settings_, now_);
    ASSERT_EQ(v["rows"].size(), 4u);
    EXPECT_EQ(v["rows"][0]["overdue"], true);
    EXPECT_EQ(v["rows"][0]["dueBy"], "wo 9 dec 2026");
    EXPECT_EQ(v["rows"][0]["type"], "Terugbellen");
    EXPECT_EQ(v["rows"][1]["overdue"], false) << "in progress: someone answered";
    EXPECT_EQ(v["rows"][2]["overdue"], false);
    EXPECT_EQ(v["rows"][3]["overdue"], false) << "Tuesday + 2 working days: due by Thursday's end";
    EXPECT_EQ(v["rows"][3]["dueBy"], "do 10 dec 2026");
    json later = inboxView(page, readInboxFilter({}, team_, settings_, now_), team_, settings_, now_ + 24h);
    EXPECT_EQ(later["rows"][3]["overdue"], true) << "Friday 11 December";
}

TEST_F(InboxViewTest, PagingLinksKeepTheFilterAndCountsLinkToAStatus) {
    InboxPage page;
    page.rows = {row("callback", "2026-12-04T09:00:00Z", RequestStatus::Received, 11),
                 row("callback", "2026-12-04T10:00:00Z", RequestStatus::Received, 12)};
    page.hasEarlier = true;
    page.hasLater = true;
    page.countsByStatus = {{RequestStatus::Received, 40}, {RequestStatus::Closed, 2}};
    InboxFilter f = readInboxFilter({{"type", "callback"}, {"reference", "7K Q"}, {"after", "5.1"}}, team_,
                                    settings_, now_);
    json v = inboxView(page, f, team_, settings_, now_);
    EXPECT_EQ(v["paging"]["later"], "/backoffice/inbox?type=callback&reference=7K%20Q&after=" +
                                        std::to_string(page.rows[1].cursor.receivedAtMs) + ".12");
    EXPECT_EQ(v["paging"]["earlier"], "/backoffice/inbox?type=callback&reference=7K%20Q&before=" +
                                          std::to_string(page.rows[0].cursor.receivedAtMs) + ".11");
    EXPECT_EQ(v["paging"]["first"], "/backoffice/inbox?type=callback&reference=7K%20Q");
    EXPECT_EQ(v["counts"][0]["label"], "Nieuw");
    EXPECT_EQ(v["counts"][0]["count"], 40);
    EXPECT_EQ(v["counts"][0]["link"], "/backoffice/inbox?type=callback&reference=7K%20Q&status=received");
    EXPECT_EQ(v["total"], 42);
    EXPECT_EQ(v["heading"], "Aanvragen van team huurloket");
    EXPECT_EQ(v["filter"]["showTeam"], false);

    page.hasEarlier = false;
    page.hasLater = false;
    json only =
        inboxView(page, readInboxFilter({}, coordinator_, settings_, now_), coordinator_, settings_, now_);
    EXPECT_TRUE(only["paging"]["later"].is_null());
    EXPECT_TRUE(only["paging"]["earlier"].is_null());
    EXPECT_EQ(only["paging"]["any"], false);
    EXPECT_EQ(only["filter"]["showTeam"], true);
    EXPECT_EQ(only["heading"], "Aanvragen van alle teams");
}

TEST_F(InboxViewTest, TheRequestPageShowsFieldsByTheirLabelsAndTheHistoryInWords) {
    CaseDetail c;
    c.detail.summary = row("callback", "2026-12-08T09:00:00Z", RequestStatus::InProgress, 1).summary;
    c.detail.summary.contactPoint = "SGN";
    c.detail.summary.kioskCode = "K2";
    c.detail.request.type = "callback";
    c.detail.request.specVersion = 1;
    c.detail.request.fields = {{"topic", "huur"}, {"phone", "010 123 4567"}, {"name", ""}};
    c.assigneeId = 7;
    c.assignee = "Anna";
    c.history = {{now_, "Anna", "taken", "Anna", ""},
                 {now_, "Anna", "forwarded", "gemeente -> huurloket", "Gaat over huur"},
                 {now_, "Anna", "status", "in-progress", "We bellen u."}};
    RequestPageContext ctx;
    ctx.viewer = team_;
    ctx.colleagues = {{7, "Anna"}, {8, "Bram"}};
    ctx.teams = {{"huurloket", "Huurloket"}, {"wijkteam", "Wijkteam"}};
    ctx.message = confirmationOf("take");
    json v = requestView(c, ctx, settings_, now_);
    EXPECT_EQ(v["reference"], "SGN-K2-7KQ4XD9M-3");
    ASSERT_EQ(v["fields"].size(), 2u) << "empty fields are left out";
    EXPECT_EQ(v["fields"][0]["value"], "huur");
    EXPECT_EQ(v["fields"][1]["label"], "Telefoon");
    EXPECT_EQ(v["fields"][1]["value"], "010 123 4567");
    EXPECT_EQ(v["message"], "U heeft de aanvraag opgepakt.");
    EXPECT_EQ(v["history"][0]["what"], "Anna heeft de aanvraag opgepakt.");
    EXPECT_EQ(v["history"][1]["what"], "Anna heeft de aanvraag doorgestuurd van gemeente naar huurloket.");
    EXPECT_EQ(v["history"][1]["noteLabel"], "Reden");
    EXPECT_EQ(v["history"][1]["note"], "Gaat over huur");
    EXPECT_EQ(v["history"][2]["what"], "Anna heeft de status veranderd in: In behandeling.");
    EXPECT_EQ(v["forms"]["canTake"], false) << "already hers";
    ASSERT_EQ(v["forms"]["teams"].size(), 1u) << "not to its own team";
    EXPECT_EQ(v["forms"]["teams"][0]["value"], "wijkteam");
    EXPECT_EQ(v["forms"]["colleagues"][0]["selected"], true);
    EXPECT_EQ(v["forms"]["takeAction"], "/backoffice/requests/SGN-K2-7KQ4XD9M-3/take");
    EXPECT_TRUE(v["category"].is_null());
}

TEST_F(InboxViewTest, ARefusedPublicNoteIsShownAgainWithItsReason) {
    EXPECT_EQ(publicNoteProblem("We bellen u dinsdag."), "");
    std::string why = publicNoteProblem("Bel ons op 06-12345678");
    EXPECT_NE(why.find("een telefoonnummer"), std::string::npos) << why;
    EXPECT_NE(publicNoteProblem("Mail naar a@b.nl").find("een e-mailadres"), std::string::npos);
    CaseDetail c;
    c.detail.summary = row("callback", "2026-12-08T09:00:00Z", RequestStatus::Received, 1).summary;
    RequestPageContext ctx;
    ctx.viewer = team_;
    ctx.errors = {{"public_note", why}};
    ctx.values = {{"public_note", "Bel ons op 06-12345678"}, {"status", "answered"}};
    json v = requestView(c, ctx, settings_, now_);
    EXPECT_EQ(v["forms"]["errors"]["public_note"], why);
    EXPECT_EQ(v["forms"]["publicNote"], "Bel ons op 06-12345678");
    EXPECT_EQ(v["forms"]["statuses"][2]["selected"], true);
    EXPECT_EQ(v["hasErrors"], true);
    EXPECT_EQ(v["forms"]["canTake"], true);
}

}  // namespace
}  // namespace wp
