// The back office's cases in the SQLite store (CaseStore, sqlite_case_store.cpp): the inbox's filters,
// order, keyset paging and counts; take, assign, forward, status and plan with their history and audit
// entries; scope; the export; retention of the history's notes; and the query plan of the inbox.
#include <gtest/gtest.h>

#include "central/store/sqlite_central_store.h"
#include "central/store/sqlite_request_rows.h"
#include "tests/support/shipped_request_specs.h"
#include "tests/unit/central/central_test_requests.h"
#include "tests/unit/fake_clock.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

using namespace std::chrono_literals;
using testing::makeTestRequest;

class CaseStoreTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto s = SqliteCentralStore::open(dir_.path() / "central.db", wp::testing::shippedRequestSpecs());
        ASSERT_TRUE(s) << s.status().message();
        store_ = std::move(s).value();
    }
    // Stores a request received now, then moves the clock a minute on; returns its reference.
    std::string add(const std::string& team, const std::string& type = "callback",
                    const std::string& contactPoint = "SGN", const std::string& category = "") {
        Request r = makeTestRequest(random_, type, category);
        IntakeItem item{r, contactPoint, team, false, {}, clock_.now()};
        EXPECT_EQ(store_->storeBatch({item})[0].kind, IntakeOutcome::Kind::Stored);
        clock_.advance(1min);
        return r.reference;
    }
    std::vector<std::string> refs(const InboxPage& page) {
        std::vector<std::string> out;
        for (const auto& r : page.rows) out.push_back(r.summary.reference);
        return out;
    }
    InboxPage inbox(const InboxQuery& q) {
        auto page = store_->inbox(q);
        EXPECT_TRUE(page) << page.status().message();
        return page ? std::move(page).value() : InboxPage{};
    }
    testing::TempDir dir_;
    testing::FakeClock clock_;
    SeededRandom random_{23};
    std::unique_ptr<SqliteCentralStore> store_;
    const CaseActor anna_{7, "Anna", "192.0.2.10"};
    const CaseActor bram_{8, "Bram", "192.0.2.11"};
};

TEST_F(CaseStoreTest, TheInboxIsOldestFirstAndPagesBothWays) {
    std::vector<std::string> all;
    for (int i = 0; i < 7; ++i) {
        all.push_back(add("huurloket"));
        add("wijkteam");
    }
    InboxQuery q;
    q.team = "huurloket";
    q.limit = 3;
    InboxPage first = inbox(q);
    EXPECT_EQ(refs(first), (std::vector<std::string>{all[0], all[1], all[2]}));
    EXPECT_FALSE(first.hasEarlier);
    EXPECT_TRUE(first.hasLater);

    q.after = first.rows.back().cursor;
    InboxPage second = inbox(q);
    EXPECT_EQ(refs(second), (std::vector<std::string>{all[3], all[4], all[5]}));
    EXPECT_TRUE(second.hasEarlier);
    EXPECT_TRUE(second.hasLater);

    q.after = second.rows.back().cursor;
    InboxPage last = inbox(q);
    EXPECT_EQ(refs(last), (std::vector<std::string>{all[6]}));
    EXPECT_FALSE(last.hasLater);

    q.after.reset();
    q.before = last.rows.front().cursor;
    InboxPage back = inbox(q);
    EXPECT_EQ(refs(back), refs(second));
    EXPECT_TRUE(back.hasEarlier);
    EXPECT_TRUE(back.hasLater);
    q.before = back.rows.front().cursor;
    EXPECT_EQ(refs(inbox(q)), refs(first));
    EXPECT_FALSE(inbox(q).hasEarlier);
}

TEST_F(CaseStoreTest, RequestsReceivedInTheSameMillisecondAreNeitherSkippedNorRepeated) {
    std::vector<std::string> all;
    for (int i = 0; i < 5; ++i) {
        Request r = makeTestRequest(random_);
        ASSERT_EQ(store_->storeBatch({{r, "SGN", "huurloket", false, {}, clock_.now()}})[0].kind,
                  IntakeOutcome::Kind::Stored);
        all.push_back(r.reference);
    }
    InboxQuery q;
    q.limit = 2;
    std::vector<std::string> seen;
    for (;;) {
        InboxPage p = inbox(q);
        for (auto& r : refs(p)) seen.push_back(r);
        if (!p.hasLater) break;
        q.after = p.rows.back().cursor;
    }
    EXPECT_EQ(seen, all);
}

TEST_F(CaseStoreTest, TheInboxFiltersAndCountsByStatusForTheSameFilter) {
    std::string a = add("huurloket", "callback", "SGN");
    std::string b = add("huurloket", "question", "SGN", "huur");
    std::string c = add("huurloket", "callback", "KETH");
    std::string d = add("wijkteam", "home-visit", "SGN");
    clock_.advance(24h * 10);
    std::string e = add("huurloket", "callback", "SGN");
    ASSERT_TRUE(
        store_->setStatus(c, {}, {RequestStatus::Closed, std::nullopt, std::nullopt}, anna_, clock_.now()));
    ASSERT_TRUE(store_->setStatus(b, {}, {RequestStatus::InProgress, std::nullopt, std::nullopt}, anna_,
                                  clock_.now()));
    ASSERT_TRUE(store_->assign(e, {}, anna_.accountId, anna_.name, anna_, clock_.now()));

    InboxQuery q;
    q.team = "huurloket";
    InboxPage open = inbox(q);
    EXPECT_EQ(refs(open), (std::vector<std::string>{a, b, e})) << "closed ones are left out by default";
    EXPECT_EQ(open.countsByStatus,
              (std::vector<std::pair<RequestStatus, std::int64_t>>{
                  {RequestStatus::Received, 2}, {RequestStatus::InProgress, 1}, {RequestStatus::Closed, 1}}));
    q.includeClosed = true;
    EXPECT_EQ(refs(inbox(q)), (std::vector<std::string>{a, b, c, e}));
    q.includeClosed = false;

    InboxQuery byStatus = q;
    byStatus.status = RequestStatus::Closed;
    EXPECT_EQ(refs(inbox(byStatus)), (std::vector<std::string>{c}));
    InboxQuery byType = q;
    byType.type = "question";
    EXPECT_EQ(refs(inbox(byType)), (std::vector<std::string>{b}));
    InboxQuery byCategory = q;
    byCategory.category = "huur";
    EXPECT_EQ(refs(inbox(byCategory)), (std::vector<std::string>{b}));
    InboxQuery byPlace;
    byPlace.contactPoint = "SGN";
    EXPECT_EQ(refs(inbox(byPlace)), (std::vector<std::string>{a, b, d, e})) << "every team";
    InboxQuery old = q;
    old.receivedBefore = clock_.now() - 24h * 5;
    EXPECT_EQ(refs(inbox(old)), (std::vector<std::string>{a, b}));
    InboxQuery mine = q;
    mine.assignee = anna_.accountId;
    EXPECT_EQ(refs(inbox(mine)), (std::vector<std::string>{e}));
    InboxQuery nobodys = q;
    nobodys.assignee = 0;
    EXPECT_EQ(refs(inbox(nobodys)), (std::vector<std::string>{a, b}));
    InboxQuery search = q;
    search.referencePart = " " + d.substr(7, 5) + "%";  // lower case, blanks and LIKE's % are ignored
    for (auto& ch : search.referencePart) ch = static_cast<char>(std::tolower(ch));
    search.team.reset();
    EXPECT_EQ(refs(inbox(search)), (std::vector<std::string>{d}));
    InboxQuery whole;
    whole.referencePart = d;  // a whole code as the resident reads it out
    EXPECT_EQ(refs(inbox(whole)), (std::vector<std::string>{d}));
}

TEST_F(CaseStoreTest, APieceOfAReferenceCodeIsTheStartOfTheCodeOrOfItsKioskOrRandomPart) {
    std::string a = add("huurloket", "callback", "SGN");
    std::string b = add("wijkteam", "home-visit", "SGN");
    auto found = [&](const std::string& piece) {
        InboxQuery q;
        q.includeClosed = true;
        q.referencePart = piece;
        return refs(inbox(q));
    };
    // a is "SGN-K2-RRRRRRRR-C": its start, from its kiosk code, its random part.
    EXPECT_EQ(found(a.substr(0, 9)), (std::vector<std::string>{a}));
    EXPECT_EQ(found(a.substr(4, 6)), (std::vector<std::string>{a}));
    EXPECT_EQ(found(a.substr(7, 4)), (std::vector<std::string>{a}));
    EXPECT_EQ(found(a.substr(7)), (std::vector<std::string>{a}));  // random part and check character
    EXPECT_EQ(found("sgn"), (std::vector<std::string>{a, b}));     // both from SGN's kiosk K2
    EXPECT_EQ(found(b.substr(7, 3)), (std::vector<std::string>{b}));
    // Not a start of any of the three: nothing, not even the codes it stands in.
    EXPECT_TRUE(found(a.substr(9, 4)).empty());
    EXPECT_TRUE(found("-K2").empty());
}

// A piece of a reference code reads three index ranges, never the whole table.
TEST_F(CaseStoreTest, APieceOfAReferenceCodeIsFoundThroughIndexes) {
    add("huurloket");
    auto db = SqliteDatabase::open(dir_.path() / "central.db");
    ASSERT_TRUE(db);
    for (const char* where : {"status <> 'closed'", "team = 'huurloket' AND status <> 'closed'", "1 = 1"}) {
        auto st = db.value()->prepare(std::string("EXPLAIN QUERY PLAN SELECT reference FROM request WHERE ") +
                                      where + " AND " + kReferencePieceCondition +
                                      " ORDER BY received_at_ms, id LIMIT 26");
        ASSERT_TRUE(st) << st.status().message();
        std::string plan;
        for (auto row = st->step(); row && row.value(); row = st->step()) plan += st->text(3) + "\n";
        for (const char* index :
             {"sqlite_autoindex_request", "request_by_reference_from_kiosk", "request_by_reference_random"})
            EXPECT_NE(plan.find(index), std::string::npos) << where << "\n" << plan;
        EXPECT_EQ(plan.find("SCAN request\n"), std::string::npos) << where << "\n" << plan;
    }
}

TEST_F(CaseStoreTest, AForwardedRequestIsNoLongerFlaggedAndItsNewTeamIsNotified) {
    Request r = makeTestRequest(random_, "question", "");
    IntakeItem item{r, "SGN", "gemeente", true, {{"email", "gemeente@example.org"}}, clock_.now()};
    ASSERT_EQ(store_->storeBatch({item})[0].kind, IntakeOutcome::Kind::Stored);
    ASSERT_TRUE(store_->notificationDelivered(store_->dueNotifications(clock_.now(), 10).value().at(0).id,
                                              clock_.now()));
    clock_.advance(1min);

    ASSERT_TRUE(store_->forward(r.reference, {}, "wijkteam", "Gaat over zorg thuis",
                                {{"webhook", "https://wijkteam.example.org/hook"}}, anna_, clock_.now()));
    auto due = store_->dueNotifications(clock_.now(), 10);
    ASSERT_TRUE(due) << due.status().message();
    ASSERT_EQ(due->size(), 1u);
    EXPECT_EQ(due->at(0).reference, r.reference);
    EXPECT_EQ(due->at(0).team, "wijkteam");
    EXPECT_EQ(due->at(0).channel, "webhook");
    EXPECT_EQ(due->at(0).target, "https://wijkteam.example.org/hook");
    EXPECT_FALSE(due->at(0).flagged);

    InboxQuery q;
    q.team = "wijkteam";
    InboxPage page = inbox(q);
    ASSERT_EQ(page.rows.size(), 1u);
    EXPECT_FALSE(page.rows[0].summary.flagged);
}

TEST_F(CaseStoreTest, EveryChangeIsInTheHistoryAndTheAuditLogWithFromWhere) {
    std::string ref = add("gemeente", "home-visit");
    ASSERT_TRUE(store_->assign(ref, {}, anna_.accountId, anna_.name, anna_, clock_.now()));
    clock_.advance(1min);
    ASSERT_TRUE(store_->assign(ref, {}, bram_.accountId, bram_.name, anna_, clock_.now()));
    ASSERT_TRUE(store_->forward(ref, {}, "wijkteam", "Gaat over zorg thuis", {}, anna_, clock_.now()));
    ASSERT_TRUE(store_->setStatus(ref, CaseScope{"wijkteam"},
                                  {RequestStatus::InProgress, std::string("We bellen u deze week."),
                                   std::string("Eerst huisarts bellen")},
                                  bram_, clock_.now()));
    ASSERT_TRUE(store_->plan(ref, CaseScope{"wijkteam"}, {"home-visit", "2026-12-08", "middag"}, bram_,
                             clock_.now()));

    auto detail = store_->caseDetail(ref, CaseScope{"wijkteam"}, bram_, clock_.now());
    ASSERT_TRUE(detail && detail->has_value()) << detail.status().message();
    const CaseDetail& d = **detail;
    EXPECT_EQ(d.detail.summary.team, "wijkteam");
    EXPECT_EQ(d.assigneeId, 0) << "forwarding unassigns";
    EXPECT_EQ(d.plan.kind, "home-visit");
    EXPECT_EQ(d.plan.date, "2026-12-08");
    EXPECT_EQ(d.plan.partOfDay, "middag");
    EXPECT_EQ(d.detail.internalNote, "Eerst huisarts bellen");
    EXPECT_EQ(d.detail.request.fields.at("phone"), "010 123 4567");
    std::vector<std::string> kinds;
    for (const auto& e : d.history) kinds.push_back(e.kind);
    EXPECT_EQ(kinds, (std::vector<std::string>{"taken", "assigned", "forwarded", "status", "internal-note",
                                               "planned"}));
    EXPECT_EQ(d.history[1].detail, "Bram");
    EXPECT_EQ(d.history[1].actor, "Anna");
    EXPECT_EQ(d.history[2].detail, "gemeente -> wijkteam");
    EXPECT_EQ(d.history[2].note, "Gaat over zorg thuis");
    EXPECT_EQ(d.history[3].note, "We bellen u deze week.");
    EXPECT_EQ(d.history[5].detail, "home-visit 2026-12-08 middag");

    auto audit = store_->auditLog(ref, 20).value();
    std::vector<std::string> actions;
    for (const auto& e : audit) actions.insert(actions.begin(), e.action);
    EXPECT_EQ(actions, (std::vector<std::string>{"assign", "assign", "forward", "set-status", "plan",
                                                 "read-personal-data"}));
    EXPECT_EQ(audit.front().source, "192.0.2.11");
    EXPECT_EQ(audit.back().source, "192.0.2.10");

    auto status = store_->statusOf(ref).value();
    ASSERT_TRUE(status);
    EXPECT_EQ(status->status, RequestStatus::InProgress);
    EXPECT_EQ(status->publicNote, "We bellen u deze week.");
}

TEST_F(CaseStoreTest, ATeamCannotReadOrChangeAnotherTeamsRequestAndTheRefusedReadIsAudited) {
    std::string ref = add("huurloket");
    const CaseScope wijkteam{"wijkteam"};
    auto read = store_->caseDetail(ref, wijkteam, bram_, clock_.now());
    ASSERT_TRUE(read);
    EXPECT_FALSE(read->has_value());
    EXPECT_EQ(store_->assign(ref, wijkteam, bram_.accountId, bram_.name, bram_, clock_.now()).code(),
              Status::Code::NotFound);
    EXPECT_EQ(store_->forward(ref, wijkteam, "gemeente", "x", {}, bram_, clock_.now()).code(),
              Status::Code::NotFound);
    EXPECT_EQ(store_->setStatus(ref, wijkteam, {RequestStatus::Closed, {}, {}}, bram_, clock_.now()).code(),
              Status::Code::NotFound);
    EXPECT_EQ(store_->plan(ref, wijkteam, {"home-visit", "2026-12-08", "avond"}, bram_, clock_.now()).code(),
              Status::Code::NotFound);
    EXPECT_EQ(store_->forward(ref, {}, "huurloket", "x", {}, anna_, clock_.now()).code(),
              Status::Code::InvalidInput)
        << "already that team's";
    auto audit = store_->auditLog(ref, 20).value();
    ASSERT_EQ(audit.size(), 1u) << "only the refused read; refused changes changed nothing";
    EXPECT_EQ(audit[0].detail, "refused: request of team huurloket");
    EXPECT_EQ(audit[0].source, "192.0.2.11");
    EXPECT_EQ(store_->statusOf(ref).value()->status, RequestStatus::Received);
}

TEST_F(CaseStoreTest, TheExportHoldsTheTeamsOpenRequestsAndIsAuditedWithTheCount) {
    std::string a = add("huurloket");
    std::string b = add("huurloket");
    add("wijkteam");
    ASSERT_TRUE(store_->setStatus(b, {}, {RequestStatus::Closed, {}, {}}, anna_, clock_.now()));
    auto rows = store_->exportOpen("huurloket", anna_, 5000, clock_.now());
    ASSERT_TRUE(rows) << rows.status().message();
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ((*rows)[0].summary.reference, a);
    EXPECT_EQ((*rows)[0].request.fields.at("phone"), "010 123 4567");
    auto audit = store_->auditLog(std::nullopt, 1).value();
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].action, "export");
    EXPECT_EQ(audit[0].detail, "open requests of team huurloket: 1");
    EXPECT_EQ(audit[0].source, "192.0.2.10");
}

TEST_F(CaseStoreTest, CountsHaveNoPersonalData) {
    add("huurloket", "callback", "SGN");
    add("huurloket", "callback", "SGN");
    add("huurloket", "question", "KETH");
    auto counts = store_->requestCounts();
    ASSERT_TRUE(counts) << counts.status().message();
    ASSERT_EQ(counts->size(), 2u);
    EXPECT_EQ((*counts)[0].type, "callback");
    EXPECT_EQ((*counts)[0].contactPoint, "SGN");
    EXPECT_EQ((*counts)[0].count, 2);
    EXPECT_EQ((*counts)[1].contactPoint, "KETH");
}

TEST_F(CaseStoreTest, RetentionWipesTheHistorysNotesAndDeletesTheHistory) {
    std::string ref = add("huurloket");
    ASSERT_TRUE(
        store_->forward(ref, {}, "wijkteam", "Mevrouw Jansen heeft schulden", {}, anna_, clock_.now()));
    clock_.advance(24h * 2);
    ASSERT_EQ(store_->wipePersonalData("callback", clock_.now() - 24h, clock_.now()).value(), 1);
    auto d = store_->caseDetail(ref, {}, anna_, clock_.now()).value();
    ASSERT_TRUE(d);
    ASSERT_EQ(d->history.size(), 1u);
    EXPECT_EQ(d->history[0].note, "");
    EXPECT_EQ(d->history[0].detail, "huurloket -> wijkteam");
    clock_.advance(24h * 2);
    EXPECT_EQ(store_->deleteWipedBefore(clock_.now() - 24h).value(), 1);
    auto db = SqliteDatabase::open(dir_.path() / "central.db");
    ASSERT_TRUE(db);
    EXPECT_EQ(db.value()->queryInt("SELECT COUNT(*) FROM request_event").value(), 0);
}

// The inbox's first page and a later page read the index in order: no sort of every matching row.
TEST_F(CaseStoreTest, TheInboxQueriesUseAnIndexInOrder) {
    add("huurloket");
    auto db = SqliteDatabase::open(dir_.path() / "central.db");
    ASSERT_TRUE(db);
    for (const char* where :
         {"team = 'huurloket' AND status <> 'closed'",
          "team = 'huurloket' AND status <> 'closed' AND (received_at_ms > 5 OR "
          "(received_at_ms = 5 AND id > 9))",
          "status <> 'closed'", "assignee_id = 7 AND status <> 'closed'", "status = 'answered'"}) {
        auto st = db.value()->prepare(std::string("EXPLAIN QUERY PLAN SELECT reference FROM request WHERE ") +
                                      where + " ORDER BY received_at_ms, id LIMIT 26");
        ASSERT_TRUE(st) << st.status().message();
        std::string plan;
        for (;;) {
            auto row = st->step();
            ASSERT_TRUE(row);
            if (!row.value()) break;
            plan += st->text(3) + "\n";
        }
        EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << where << "\n" << plan;
        EXPECT_NE(plan.find("INDEX"), std::string::npos) << where << "\n" << plan;
    }
    // The counts by status of every team read an index in status order too.
    auto counts =
        db.value()->prepare("EXPLAIN QUERY PLAN SELECT status, COUNT(*) FROM request GROUP BY status");
    ASSERT_TRUE(counts);
    std::string plan;
    for (auto row = counts->step(); row && row.value(); row = counts->step()) plan += counts->text(3) + "\n";
    EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
}

}  // namespace
}  // namespace wp
