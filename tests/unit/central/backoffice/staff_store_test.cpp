// Back office accounts in the SQLite store (central/store/sqlite_staff_store.cpp): set-up links that expire
// and work once, TOTP steps taken once, sessions ended by disabling and by a new set-up, sign-in attempts.
#include <gtest/gtest.h>

#include "central/store/sqlite_central_store.h"
#include "tests/support/shipped_request_specs.h"
#include "tests/unit/fake_clock.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

using namespace std::chrono_literals;

class StaffStoreTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto s = SqliteCentralStore::open(dir_.path() / "central.db", wp::testing::shippedRequestSpecs());
        ASSERT_TRUE(s) << s.status().message();
        store_ = std::move(s).value();
        StaffAccount a;
        a.name = "Anna";
        a.email = "anna@example.org";
        a.role = StaffRole::Team;
        a.team = "huurloket";
        auto id = store_->addStaffAccount(a, clock_.now());
        ASSERT_TRUE(id) << id.status().message();
        id_ = id.value();
    }
    bool sessionOpen(const std::string& hash) {
        auto s = store_->staffSessionByHash(hash);
        return s.value().has_value() && !s.value()->ended && !s.value()->account.disabled;
    }
    testing::TempDir dir_;
    testing::FakeClock clock_;
    std::unique_ptr<SqliteCentralStore> store_;
    std::int64_t id_ = 0;
};

TEST_F(StaffStoreTest, NamesAndAddressesAreUnique) {
    StaffAccount b;
    b.name = "Anna";
    b.email = "other@example.org";
    EXPECT_EQ(store_->addStaffAccount(b, clock_.now()).status().code(), Status::Code::Conflict);
    b.name = "Bram";
    b.email = "anna@example.org";
    EXPECT_EQ(store_->addStaffAccount(b, clock_.now()).status().code(), Status::Code::Conflict);
    EXPECT_EQ(store_->staffAccountByEmail("anna@example.org").value()->name, "Anna");
    EXPECT_FALSE(store_->staffAccountByName("Nobody").value());
    EXPECT_EQ(store_->staffAccountById(id_).value()->email, "anna@example.org");
    EXPECT_FALSE(store_->staffAccountById(id_ + 1).value());
}

TEST_F(StaffStoreTest, ASetUpLinkWorksUntilItExpiresAndOnlyOnce) {
    ASSERT_TRUE(store_->startStaffSetup(id_, "link-1", "SECRET", clock_.now() + 72h, clock_.now()));
    clock_.advance(72h - 1ms);
    auto link = store_->setupLinkByHash("link-1", clock_.now());
    ASSERT_TRUE(link.value());
    EXPECT_EQ(link.value()->account.name, "Anna");
    EXPECT_EQ(link.value()->totpSecret, "SECRET");
    EXPECT_FALSE(link.value()->account.setUp());
    ASSERT_TRUE(store_->completeStaffSetup("link-1", "$argon2id$hash", 100, clock_.now()));
    EXPECT_FALSE(store_->setupLinkByHash("link-1", clock_.now()).value());
    EXPECT_EQ(store_->completeStaffSetup("link-1", "$argon2id$other", 101, clock_.now()).code(),
              Status::Code::NotFound);
    auto a = store_->staffAccountByName("Anna").value();
    EXPECT_TRUE(a->setUp());
    EXPECT_EQ(a->passwordHash, "$argon2id$hash");
    EXPECT_EQ(a->totpSecret, "SECRET");
    EXPECT_EQ(a->totpLastStep, 100);

    ASSERT_TRUE(store_->startStaffSetup(id_, "link-2", "SECRET2", clock_.now() + 1h, clock_.now()));
    clock_.advance(1h);
    EXPECT_FALSE(store_->setupLinkByHash("link-2", clock_.now()).value());
    EXPECT_EQ(store_->completeStaffSetup("link-2", "$argon2id$x", 200, clock_.now()).code(),
              Status::Code::NotFound);
}

TEST_F(StaffStoreTest, ATotpStepIsTakenOnceAndNeverAnEarlierOne) {
    EXPECT_TRUE(store_->takeTotpStep(id_, 10).value());
    EXPECT_FALSE(store_->takeTotpStep(id_, 10).value());
    EXPECT_FALSE(store_->takeTotpStep(id_, 9).value());
    EXPECT_TRUE(store_->takeTotpStep(id_, 11).value());
}

TEST_F(StaffStoreTest, DisablingAndANewSetUpEndTheSessions) {
    ASSERT_TRUE(store_->addStaffSession("s1", id_, "csrf", clock_.now()));
    ASSERT_TRUE(store_->addStaffSession("s2", id_, "csrf", clock_.now()));
    EXPECT_TRUE(sessionOpen("s1"));
    ASSERT_TRUE(store_->setStaffAccountDisabled(id_, true, clock_.now()));
    EXPECT_FALSE(sessionOpen("s1"));
    EXPECT_FALSE(sessionOpen("s2"));
    ASSERT_TRUE(store_->setStaffAccountDisabled(id_, false, clock_.now()));
    EXPECT_FALSE(sessionOpen("s1"));  // enabling does not bring sessions back

    ASSERT_TRUE(store_->addStaffSession("s3", id_, "csrf", clock_.now()));
    ASSERT_TRUE(store_->startStaffSetup(id_, "link", "S", clock_.now() + 1h, clock_.now()));
    EXPECT_FALSE(sessionOpen("s3"));

    ASSERT_TRUE(store_->addStaffSession("s4", id_, "csrf", clock_.now()));
    ASSERT_TRUE(store_->addStaffSession("s5", id_, "csrf", clock_.now()));
    EXPECT_EQ(store_->endStaffSessions(id_, clock_.now()).value(), 2);
    EXPECT_EQ(store_->setStaffAccountDisabled(999, true, clock_.now()).code(), Status::Code::NotFound);
}

TEST_F(StaffStoreTest, SignInAttemptsAreCountedByAddressAndSourceAndListedPerAccount) {
    const TimePoint t0 = clock_.now();
    ASSERT_TRUE(store_->recordSignIn({t0, "anna@example.org", id_, "10.0.0.1", "failed"}));
    ASSERT_TRUE(store_->recordSignIn({t0 + 1min, "anna@example.org", id_, "10.0.0.2", "locked"}));
    ASSERT_TRUE(store_->recordSignIn({t0 + 2min, "x@example.org", std::nullopt, "10.0.0.1", "failed"}));
    ASSERT_TRUE(store_->recordSignIn({t0 + 3min, "anna@example.org", id_, "10.0.0.1", "signed-in"}));
    EXPECT_EQ(store_->failedSignInsByEmail("anna@example.org", t0).value().size(), 1u);
    EXPECT_EQ(store_->failedSignInsByEmail("anna@example.org", t0 + 1ms).value().size(), 0u);
    EXPECT_EQ(store_->failedSignInsBySource("10.0.0.1", t0).value().size(), 2u);
    auto list = store_->signInsOf(id_, 2).value();
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].outcome, "signed-in");
    EXPECT_EQ(list[1].outcome, "locked");
    EXPECT_EQ(list[1].source, "10.0.0.2");
    EXPECT_EQ(store_->staffAccounts().value()[0].lastSignInAt, t0 + 3min);
}

}  // namespace
}  // namespace wp
