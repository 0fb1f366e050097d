#include "kiosk/store/outbox_store.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "common/reference_code.h"
#include "tests/support/shipped_request_specs.h"
#include "tests/unit/fake_clock.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

using namespace std::chrono_literals;

class OutboxStoreTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto s = SqliteOutboxStore::open(dir_.path() / "kiosk.db", wp::testing::shippedRequestSpecs());
        ASSERT_TRUE(s) << s.status().message();
        store_ = std::move(s).value();
    }
    Request request() {
        Request r;
        r.uuid = makeUuid(random_);
        r.type = "home-visit";
        r.reference = makeReferenceCode("SGN", "K2", random_);
        r.kioskCode = "K2";
        r.createdAt = clock_.now();
        r.fields = {{"topic", "Hulp"},
                    {"name", "Jan"},
                    {"postcode", "3121 AB"},
                    {"house_number", "1"},
                    {"phone", "010 123 4567"}};
        return r;
    }
    testing::TempDir dir_;
    testing::FakeClock clock_;
    SeededRandom random_{2};
    std::unique_ptr<SqliteOutboxStore> store_;
};

TEST_F(OutboxStoreTest, SchemaIsDurableAndWiping) {
    EXPECT_EQ(store_->database().pragma("synchronous").value(), "2");  // FULL
    EXPECT_EQ(store_->database().pragma("secure_delete").value(), "1");
    EXPECT_EQ(store_->database().pragma("journal_mode").value(), "wal");
}

TEST_F(OutboxStoreTest, DueRowsComeOldestFirstAndSurviveReopening) {
    Request a = request(), b = request();
    auto ida = store_->add(a, clock_.now());
    clock_.advance(1s);
    auto idb = store_->add(b, clock_.now());
    ASSERT_TRUE(ida && idb);
    EXPECT_EQ(store_->add(a, clock_.now()).status().code(), Status::Code::Conflict);
    store_.reset();
    store_ = SqliteOutboxStore::open(dir_.path() / "kiosk.db", wp::testing::shippedRequestSpecs()).value();
    auto due = store_->due(clock_.now(), 10, 0, 1).value();
    ASSERT_EQ(due.size(), 2u);
    EXPECT_EQ(due[0].uuid, a.uuid);
    EXPECT_EQ(decodeRequest(due[0].body, wp::testing::shippedRequestSpecs()).value(), a);
    EXPECT_EQ(store_->due(clock_.now(), 10, 1, 2).value().size(), 1u);
}

TEST_F(OutboxStoreTest, DeliveredRowsLoseTheirPersonalFields) {
    Request r = request();
    auto id = store_->add(r, clock_.now()).value();
    ASSERT_TRUE(store_->markDelivered(id, clock_.now()));
    auto st = store_->database().prepare("SELECT body, state FROM outbox WHERE id = 1");
    ASSERT_TRUE(st && st->step().value());
    std::string body = st->text(0);
    EXPECT_EQ(st->text(1), "delivered");
    EXPECT_EQ(body.find("Dorpsstraat"), std::string::npos);
    EXPECT_EQ(body.find("010 123"), std::string::npos);
    EXPECT_NE(body.find(r.reference), std::string::npos);
    EXPECT_TRUE(store_->due(clock_.now(), 10, 0, 1).value().empty());
    auto snap = store_->snapshot(10).value();
    EXPECT_EQ(snap.waiting, 0);
    EXPECT_EQ(snap.delivered, 1);
    EXPECT_EQ(snap.lastDelivery, clock_.now());
}

TEST_F(OutboxStoreTest, RetriesMoveTheDueTimeAndShowTheLastError) {
    auto id = store_->add(request(), clock_.now()).value();
    ASSERT_TRUE(store_->scheduleRetry(id, clock_.now() + 4s, "connect: refused"));
    EXPECT_TRUE(store_->due(clock_.now(), 10, 0, 1).value().empty());
    EXPECT_EQ(store_->nextDue(0, 1).value(), clock_.now() + 4s);
    clock_.advance(4s);
    auto due = store_->due(clock_.now(), 10, 0, 1).value();
    ASSERT_EQ(due.size(), 1u);
    EXPECT_EQ(due[0].attempts, 1);
    auto snap = store_->snapshot(10).value();
    EXPECT_EQ(snap.waiting, 1);
    EXPECT_EQ(snap.lastError, "connect: refused");
    EXPECT_TRUE(snap.oldestWaiting);
}

TEST_F(OutboxStoreTest, RejectedRowsKeepTheErrorThenAreWiped) {
    auto id = store_->add(request(), clock_.now()).value();
    ASSERT_TRUE(
        store_->markRejected(id, 422, {422, "invalid_value", "bad letters", "reference"}, clock_.now()));
    auto snap = store_->snapshot(10).value();
    ASSERT_EQ(snap.rejected.size(), 1u);
    EXPECT_EQ(snap.rejected[0].httpStatus, 422);
    EXPECT_EQ(snap.rejected[0].error.field, "reference");
    EXPECT_FALSE(snap.rejected[0].personalDataWiped);
    EXPECT_EQ(snap.waiting, 0);
    clock_.advance(24h);
    EXPECT_EQ(store_->wipeRejectedBefore(clock_.now(), clock_.now()).value(), 1);
    snap = store_->snapshot(10).value();
    EXPECT_TRUE(snap.rejected[0].personalDataWiped);
    EXPECT_EQ(snap.rejected[0].error.code, "invalid_value");  // the error stays for the admin
}

TEST_F(OutboxStoreTest, ADeliveredRowLeavesNoPersonalFieldInTheFileOrItsLog) {
    Request r = request();
    r.fields["phone"] = "06 1357 9753";
    r.fields["postcode"] = "3117 QZ";
    auto id = store_->add(r, clock_.now()).value();
    ASSERT_NE(testing::databaseOnDisk(dir_.path() / "kiosk.db").find("06 1357 9753"), std::string::npos);
    ASSERT_TRUE(store_->markDelivered(id, clock_.now()));
    std::string bytes = testing::databaseOnDisk(dir_.path() / "kiosk.db");
    EXPECT_EQ(bytes.find("06 1357 9753"), std::string::npos);
    EXPECT_EQ(bytes.find("3117 QZ"), std::string::npos);
    EXPECT_NE(bytes.find(r.reference), std::string::npos) << "the reference code stays";
}

TEST_F(OutboxStoreTest, AWipedRejectedRowLeavesNoPersonalFieldInTheFileOrItsLog) {
    Request r = request();
    r.fields["phone"] = "06 2468 8642";
    auto id = store_->add(r, clock_.now()).value();
    ASSERT_TRUE(store_->markRejected(id, 422, {422, "invalid_value", "bad", "phone"}, clock_.now()));
    clock_.advance(24h);
    ASSERT_EQ(store_->wipeRejectedBefore(clock_.now(), clock_.now()).value(), 1);
    EXPECT_EQ(testing::databaseOnDisk(dir_.path() / "kiosk.db").find("06 2468 8642"), std::string::npos);
}

}  // namespace
}  // namespace wp
