// People's tokens (expiry, revocation, rotation), revoked kiosks and a UUID re-sent by another kiosk, in
// the SQLite store (central/store/sqlite_access_store.cpp, sqlite_central_store.cpp), and the revocation
// check that reads them (central/kiosk_revocations.h).
#include <gtest/gtest.h>

#include "central/kiosk_revocations.h"
#include "central/store/sqlite_central_store.h"
#include "tests/support/shipped_request_specs.h"
#include "tests/unit/central/central_test_requests.h"
#include "tests/unit/fake_clock.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

using namespace std::chrono_literals;
using testing::makeTestRequest;

class AccessStoreTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto s = SqliteCentralStore::open(dir_.path() / "central.db", wp::testing::shippedRequestSpecs());
        ASSERT_TRUE(s) << s.status().message();
        store_ = std::move(s).value();
    }
    bool works(const std::string& hash) {
        return store_->personByTokenHash(hash, clock_.now()).value().has_value();
    }
    testing::TempDir dir_;
    testing::FakeClock clock_;
    SeededRandom random_{29};
    std::unique_ptr<SqliteCentralStore> store_;
};

TEST_F(AccessStoreTest, ATokenStopsWorkingWhenItExpires) {
    ASSERT_TRUE(store_->addPerson({"Anna", PersonRole::Team, "huurloket"}, "hash-a", clock_.now(),
                                  clock_.now() + 24h));
    ASSERT_TRUE(store_->addPerson({"Bram", PersonRole::Admin, ""}, "hash-b", clock_.now(), std::nullopt));
    EXPECT_TRUE(works("hash-a"));
    clock_.advance(24h - 1ms);
    EXPECT_TRUE(works("hash-a"));
    clock_.advance(1ms);
    EXPECT_FALSE(works("hash-a"));
    clock_.advance(24h * 3650);
    EXPECT_TRUE(works("hash-b")) << "no expiry: works until revoked";
}

TEST_F(AccessStoreTest, RevokedTokensStopWorkingAndAreListedWithoutSecrets) {
    ASSERT_TRUE(store_->addPerson({"Anna", PersonRole::Team, "huurloket"}, "hash-a", clock_.now(), {}));
    ASSERT_TRUE(store_->addPerson({"Bram", PersonRole::Admin, ""}, "hash-b", clock_.now(), {}));
    auto tokens = store_->personTokens().value();
    ASSERT_EQ(tokens.size(), 2u);
    EXPECT_EQ(tokens[0].person.name, "Anna");
    EXPECT_FALSE(tokens[0].revokedAt);

    ASSERT_TRUE(store_->revokePersonToken(tokens[0].id, clock_.now()));
    EXPECT_FALSE(works("hash-a"));
    EXPECT_TRUE(works("hash-b"));
    EXPECT_EQ(store_->revokePersonToken(999, clock_.now()).code(), Status::Code::NotFound);
    EXPECT_EQ(store_->personTokens().value()[0].revokedAt, clock_.now());

    EXPECT_EQ(store_->revokePersonTokens("Bram", clock_.now()).value(), 1);
    EXPECT_FALSE(works("hash-b"));
    EXPECT_EQ(store_->revokePersonTokens("Nobody", clock_.now()).status().code(), Status::Code::NotFound);
}

TEST_F(AccessStoreTest, RotationGivesANewTokenAndEndsTheOldAfterItsGrace) {
    ASSERT_TRUE(store_->addPerson({"Anna", PersonRole::Team, "huurloket"}, "old", clock_.now(), {}));
    auto id =
        store_->rotatePersonToken("Anna", "new", clock_.now(), clock_.now() + 90 * 24h, clock_.now() + 2h);
    ASSERT_TRUE(id) << id.status().message();
    EXPECT_TRUE(works("old")) << "within the grace period";
    EXPECT_TRUE(works("new"));
    EXPECT_EQ(store_->personByTokenHash("new", clock_.now()).value()->team, "huurloket");
    clock_.advance(2h);
    EXPECT_FALSE(works("old"));
    EXPECT_TRUE(works("new"));

    // Without grace the old one ends at once.
    ASSERT_TRUE(store_->rotatePersonToken("Anna", "newer", clock_.now(), {}, clock_.now()));
    EXPECT_FALSE(works("new"));
    EXPECT_TRUE(works("newer"));
    EXPECT_EQ(store_->rotatePersonToken("Nobody", "x", clock_.now(), {}, clock_.now()).status().code(),
              Status::Code::NotFound);
}

TEST_F(AccessStoreTest, KioskRevocationsAreKeptAndReadByTheCheck) {
    EXPECT_EQ(store_->revokeKiosk("", "", clock_.now()).code(), Status::Code::InvalidInput);
    KioskRevocations check(*store_, {"CN=kiosk-K4,O=Wijkpunt"}, {"0a:bc"}, 0ms);
    EXPECT_TRUE(check.revoked("CN=kiosk-K4,O=Wijkpunt", "01").value()) << "the config's list";
    EXPECT_TRUE(check.revoked("CN=kiosk-K9,O=Wijkpunt", "0ABC").value()) << "the config's serial";
    EXPECT_FALSE(check.revoked("CN=kiosk-K2,O=Wijkpunt", "1234").value());

    ASSERT_TRUE(store_->revokeKiosk("CN=kiosk-K2,O=Wijkpunt", "", clock_.now()));
    ASSERT_TRUE(store_->revokeKiosk("", "5A6B", clock_.now()));
    EXPECT_TRUE(check.revoked("CN=kiosk-K2,O=Wijkpunt", "1234").value());
    EXPECT_TRUE(check.revoked("CN=kiosk-K3,O=Wijkpunt", "5a6b").value());
    EXPECT_FALSE(check.revoked("CN=kiosk-K3,O=Wijkpunt", "1234").value());
    auto all = store_->kioskRevocations().value();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].subject, "CN=kiosk-K2,O=Wijkpunt");
    EXPECT_EQ(all[1].serial, "5A6B");
}

TEST_F(AccessStoreTest, TheCheckReadsTheStoreAgainAfterItsCacheTime) {
    KioskRevocations cached(*store_, {}, {}, 1h);
    EXPECT_FALSE(cached.revoked("CN=kiosk-K2,O=Wijkpunt", "").value());
    ASSERT_TRUE(store_->revokeKiosk("CN=kiosk-K2,O=Wijkpunt", "", clock_.now()));
    EXPECT_FALSE(cached.revoked("CN=kiosk-K2,O=Wijkpunt", "").value()) << "within the cache time";
    KioskRevocations fresh(*store_, {}, {}, 0ms);
    EXPECT_TRUE(fresh.revoked("CN=kiosk-K2,O=Wijkpunt", "").value());
}

TEST_F(AccessStoreTest, TheCheckWithoutBlockingAnswersFromAFreshCacheOnly) {
    KioskRevocations cached(*store_, {"CN=kiosk-K4,O=Wijkpunt"}, {}, 1h);
    EXPECT_EQ(cached.revokedIfCached("CN=kiosk-K2,O=Wijkpunt", ""), std::nullopt) << "the store is unread";
    EXPECT_EQ(cached.revokedIfCached("CN=kiosk-K4,O=Wijkpunt", ""), true)
        << "the config's list needs no store";
    ASSERT_TRUE(store_->revokeKiosk("CN=kiosk-K3,O=Wijkpunt", "", clock_.now()));
    EXPECT_FALSE(cached.revoked("CN=kiosk-K2,O=Wijkpunt", "").value());
    EXPECT_EQ(cached.revokedIfCached("CN=kiosk-K2,O=Wijkpunt", ""), false);
    EXPECT_EQ(cached.revokedIfCached("CN=kiosk-K3,O=Wijkpunt", ""), true);

    KioskRevocations stale(*store_, {}, {}, 0ms);
    EXPECT_TRUE(stale.revoked("CN=kiosk-K3,O=Wijkpunt", "").value());
    EXPECT_EQ(stale.revokedIfCached("CN=kiosk-K3,O=Wijkpunt", ""), std::nullopt)
        << "older than its cache time";
}

TEST_F(AccessStoreTest, AnotherKiosksUuidIsAConflictNotItsAnswer) {
    Request r = makeTestRequest(random_);
    IntakeItem first{r, "SGN", "huurloket", false, {}, clock_.now()};
    ASSERT_EQ(store_->storeBatch({first})[0].kind, IntakeOutcome::Kind::Stored);

    Request other = makeTestRequest(random_);
    other.uuid = r.uuid;
    other.kioskCode = "K3";
    IntakeItem second{other, "SGN", "huurloket", false, {}, clock_.now()};
    auto out = store_->storeBatch({second});
    EXPECT_EQ(out[0].kind, IntakeOutcome::Kind::UuidConflict);
    EXPECT_EQ(out[0].answer, "");
    EXPECT_EQ(out[0].message.find(r.reference), std::string::npos) << "the first request's code is not given";
    EXPECT_EQ(store_->counts()->kioskFaults, 1);
    EXPECT_EQ(store_->storeBatch({first})[0].kind, IntakeOutcome::Kind::Repeat) << "its own kiosk repeats";
}

}  // namespace
}  // namespace wp
