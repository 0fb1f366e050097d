// The store's fleet (FleetStore on SQLite): enroll tokens spent once, kiosk codes per contact point,
// renewal and revocation, heartbeats carrying command results, commands and their uploads, all audited.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <atomic>
#include <thread>

#include "central/store/sqlite_central_store.h"
#include "tests/support/shipped_request_specs.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

using namespace std::chrono_literals;

TimePoint at(const char* rfc3339) {
    return *parseRfc3339(rfc3339);
}

std::string subjectOf(const std::string& contactPoint, const std::string& code) {
    return fmt::format("CN=kiosk-{}-{},O=Wijkpunt", contactPoint, code);
}

Result<std::string> issueSubject(const std::string& contactPoint, const std::string& code) {
    return subjectOf(contactPoint, code);
}

class FleetStoreTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto s = SqliteCentralStore::open(dir_.path() / "central.db", wp::testing::shippedRequestSpecs());
        ASSERT_TRUE(s) << s.status().message();
        store_ = std::move(s).value();
    }
    AuditEntry audit(const std::string& action, const std::string& detail = "") {
        return {now_, "Aisha", action, "", detail, "10.0.0.9"};
    }
    void token(const std::string& hash, const std::string& contactPoint = "SGN") {
        ASSERT_TRUE(store_->createEnrollToken(hash, contactPoint, now_ + 24h, audit("enroll-token")).isOk());
    }
    EnrollOutcome enroll(const std::string& hash, const std::set<KioskKey>& taken = {}) {
        return store_->enrollKiosk(hash, taken, issueSubject, "0A1B", now_ + 90 * 24h, now_, "10.0.0.7");
    }
    std::vector<std::string> auditActions() {
        std::vector<std::string> out;
        auto log = store_->auditLog(std::nullopt, 100);
        for (const auto& e : log.value()) out.push_back(e.action);
        return out;
    }
    KioskHealth health(const std::string& printer = "ready") {
        KioskHealth h;
        h.receivedAt = now_;
        h.version = "1.4.0";
        h.uptimeSeconds = 3600;
        h.printerState = printer;
        h.printerReasons = {"media-empty-error", "media-needed"};
        h.outboxWaiting = 2;
        h.oldestWaitingSeconds = 90;
        h.diskFreeMb = 5120;
        h.json = R"({"version":"1.4.0"})";
        return h;
    }

    wp::testing::TempDir dir_;
    std::unique_ptr<SqliteCentralStore> store_;
    TimePoint now_ = at("2026-12-07T09:00:00Z");
};

TEST_F(FleetStoreTest, ATokenEnrollsOneKioskWithTheFirstFreeCodeAndIsSpent) {
    token("hash-1");
    EnrollOutcome first = enroll("hash-1", {{"SGN", "22"}, {"VKA", "23"}});
    ASSERT_EQ(first.kind, EnrollOutcome::Kind::Enrolled) << first.message;
    EXPECT_EQ(first.kiosk.contactPoint, "SGN");
    EXPECT_EQ(first.kiosk.kioskCode, "23");  // "22" belongs to a kiosk of the config
    EXPECT_EQ(first.kiosk.subject, "CN=kiosk-SGN-23,O=Wijkpunt");
    EXPECT_EQ(first.kiosk.serial, "0A1B");
    EXPECT_EQ(first.kiosk.notAfter, now_ + 90 * 24h);

    EXPECT_EQ(enroll("hash-1").kind, EnrollOutcome::Kind::SpentToken);
    auto tokens = store_->enrollTokens(10).value();
    ASSERT_EQ(tokens.size(), 1u);
    EXPECT_EQ(tokens[0].spentAt, now_);
    EXPECT_EQ(tokens[0].kioskCode, "23");
    EXPECT_EQ(tokens[0].createdBy, "Aisha");

    token("hash-2");
    EXPECT_EQ(enroll("hash-2", {{"SGN", "22"}}).kiosk.kioskCode, "24");
    token("hash-3", "VKA");  // codes are per contact point
    EXPECT_EQ(enroll("hash-3").kiosk.kioskCode, "22");
    EXPECT_EQ(auditActions(), (std::vector<std::string>{"enroll", "enroll-token", "enroll", "enroll-token",
                                                        "enroll", "enroll-token"}));
    auto log = store_->auditLog(std::nullopt, 1).value();
    EXPECT_EQ(log[0].actor, "kiosk VKA-22");
    EXPECT_EQ(log[0].source, "10.0.0.7");
}

TEST_F(FleetStoreTest, UnknownExpiredAndRefusedTokensEnrollNothing) {
    EXPECT_EQ(enroll("nope").kind, EnrollOutcome::Kind::UnknownToken);
    ASSERT_TRUE(store_->createEnrollToken("old", "SGN", now_ - 1s, audit("enroll-token")).isOk());
    EXPECT_EQ(enroll("old").kind, EnrollOutcome::Kind::ExpiredToken);
    token("good");
    EnrollOutcome refused = store_->enrollKiosk(
        "good", {},
        [](const std::string&, const std::string&) -> Result<std::string> {
            return Status::invalidInput("the CSR's key is too small");
        },
        "0A1B", now_ + 24h, now_, "");
    EXPECT_EQ(refused.kind, EnrollOutcome::Kind::Refused);
    EXPECT_EQ(refused.message, "the CSR's key is too small");
    EXPECT_TRUE(store_->fleetKiosks().value().empty());
    // The refusal spent nothing: the token still works.
    EXPECT_EQ(enroll("good").kind, EnrollOutcome::Kind::Enrolled);
    EXPECT_EQ(store_->createEnrollToken("good", "SGN", now_ + 1h, audit("enroll-token")).code(),
              Status::Code::Conflict);
}

TEST_F(FleetStoreTest, ConcurrentEnrollmentsGetDistinctCodesAndSpendEachTokenOnce) {
    for (int i = 0; i < 8; ++i) token(fmt::format("t{}", i));
    std::atomic<int> enrolled{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 16; ++i)
        threads.emplace_back([&, i] {
            if (enroll(fmt::format("t{}", i % 8)).kind == EnrollOutcome::Kind::Enrolled) ++enrolled;
        });
    for (auto& t : threads) t.join();
    EXPECT_EQ(enrolled.load(), 8);
    std::set<std::string> codes;
    auto fleet = store_->fleetKiosks();
    for (const auto& k : fleet.value()) codes.insert(k.kioskCode);
    EXPECT_EQ(codes.size(), 8u);
}

TEST_F(FleetStoreTest, RenewalAndRevocationChangeTheKioskAndAreAudited) {
    token("h");
    EnrolledKiosk k = enroll("h").kiosk;
    ASSERT_TRUE(store_->renewKiosk("SGN", k.kioskCode, "FF01", now_ + 180 * 24h, now_, "10.0.0.7").isOk());
    auto renewed = store_->kioskBySubject(k.subject).value();
    ASSERT_TRUE(renewed);
    EXPECT_EQ(renewed->serial, "FF01");
    EXPECT_EQ(renewed->notAfter, now_ + 180 * 24h);
    EXPECT_FALSE(renewed->revokedAt);
    EXPECT_EQ(store_->renewKiosk("SGN", "ZZ", "FF", now_, now_, "").code(), Status::Code::NotFound);

    ASSERT_TRUE(store_->markKioskRevoked("SGN", k.kioskCode, audit("revoke-kiosk", "SGN-22")).isOk());
    now_ += 1h;
    ASSERT_TRUE(store_->markKioskRevoked("SGN", k.kioskCode, audit("revoke-kiosk", "SGN-22")).isOk());
    auto revoked = store_->enrolledKiosk("SGN", k.kioskCode).value();
    ASSERT_TRUE(revoked);
    EXPECT_EQ(revoked->revokedAt, now_ - 1h);
    EXPECT_EQ(store_->markKioskRevoked("SGN", "ZZ", audit("revoke-kiosk")).code(), Status::Code::NotFound);
    EXPECT_EQ(auditActions(),
              (std::vector<std::string>{"revoke-kiosk", "revoke-kiosk", "renew", "enroll", "enroll-token"}));

    // A revoked kiosk keeps its code: the next enrollment gets another one.
    token("h2");
    EXPECT_EQ(enroll("h2").kiosk.kioskCode, "23");
    EXPECT_FALSE(store_->kioskBySubject("CN=kiosk-SGN-99,O=Wijkpunt").value());
}

TEST_F(FleetStoreTest, HeartbeatsDeliverCommandsUntilTheKioskReportsThem) {
    auto restart = store_->addKioskCommand("SGN", "K2", "restart", "", audit("kiosk-command"));
    ASSERT_TRUE(restart) << restart.status().message();
    EXPECT_EQ(restart->state, CommandState::Queued);
    EXPECT_EQ(restart->createdBy, "Aisha");
    auto away = store_->addKioskCommand("SGN", "K2", "out-of-service", "Storing", audit("kiosk-command"));
    ASSERT_TRUE(away);
    ASSERT_TRUE(store_->addKioskCommand("SGN", "K3", "logs", "", audit("kiosk-command")));
    EXPECT_EQ(store_->addKioskCommand("SGN", "K2", "reboot", "", audit("kiosk-command")).status().code(),
              Status::Code::InvalidInput);

    auto first = store_->recordHeartbeat("SGN", "K2", health(), {});
    ASSERT_TRUE(first) << first.status().message();
    ASSERT_EQ(first->size(), 2u);
    EXPECT_EQ((*first)[0].id, restart->id);
    EXPECT_EQ((*first)[0].state, CommandState::Delivered);
    EXPECT_EQ((*first)[1].message, "Storing");

    // The answer was lost: the next heartbeat carries both again. Then the kiosk reports them; a result
    // for another kiosk's command changes nothing.
    EXPECT_EQ(store_->recordHeartbeat("SGN", "K2", health(), {}).value().size(), 2u);
    now_ += 1min;
    auto next = store_->recordHeartbeat(
        "SGN", "K2", health("paper-out"),
        {{restart->id, true, ""}, {away->id, false, "busy"}, {restart->id + 2, true, "not mine"}});
    ASSERT_TRUE(next);
    EXPECT_TRUE(next->empty());
    auto done = store_->kioskCommand(restart->id).value();
    EXPECT_EQ(done->state, CommandState::Done);
    EXPECT_EQ(done->doneAt, now_);
    auto failed = store_->kioskCommand(away->id).value();
    EXPECT_EQ(failed->state, CommandState::Failed);
    EXPECT_EQ(failed->detail, "busy");
    EXPECT_EQ(store_->kioskCommand(restart->id + 2).value()->state, CommandState::Queued);
    EXPECT_EQ(store_->kioskCommands("SGN", "K2", 10).value().size(), 2u);
    EXPECT_FALSE(store_->kioskCommand(9999).value());

    auto fleet = store_->fleetKiosks().value();
    ASSERT_EQ(fleet.size(), 2u);  // neither enrolled: one heard from, one with a command
    EXPECT_EQ(fleet[0].kioskCode, "K2");
    EXPECT_FALSE(fleet[0].enrollment);
    ASSERT_TRUE(fleet[0].health);
    EXPECT_EQ(fleet[0].health->printerState, "paper-out");
    EXPECT_EQ(fleet[0].health->printerReasons,
              (std::vector<std::string>{"media-empty-error", "media-needed"}));
    EXPECT_EQ(fleet[0].health->receivedAt, now_);
    EXPECT_EQ(fleet[0].health->oldestWaitingSeconds, 90);
    EXPECT_EQ(fleet[0].health->json, R"({"version":"1.4.0"})");
    EXPECT_TRUE(fleet[0].openCommands.empty());
    EXPECT_EQ(fleet[1].kioskCode, "K3");
    EXPECT_FALSE(fleet[1].health);
    EXPECT_EQ(fleet[1].openCommands.size(), 1u);
}

TEST_F(FleetStoreTest, AnUploadFinishesItsCommandAndReadingItIsAudited) {
    auto shot = store_->addKioskCommand("SGN", "K2", "screenshot", "", audit("kiosk-command"));
    auto restart = store_->addKioskCommand("SGN", "K2", "restart", "", audit("kiosk-command"));
    ASSERT_TRUE(shot && restart);
    const std::string png("\x89PNG\r\n\x1a\n\0\0\xff", 11);
    EXPECT_EQ(store_->storeCommandUpload(shot->id, "SGN", "K3", {"image/png", png, now_}, now_).code(),
              Status::Code::NotFound);
    EXPECT_EQ(store_->storeCommandUpload(restart->id, "SGN", "K2", {"image/png", png, now_}, now_).code(),
              Status::Code::InvalidInput);
    EXPECT_FALSE(store_->commandUpload(shot->id, audit("read-screenshot")).value());

    ASSERT_TRUE(store_->storeCommandUpload(shot->id, "SGN", "K2", {"image/png", png, now_}, now_).isOk());
    auto done = store_->kioskCommand(shot->id).value();
    EXPECT_EQ(done->state, CommandState::Done);
    EXPECT_EQ(done->uploadType, "image/png");
    auto upload = store_->commandUpload(shot->id, audit("read-screenshot")).value();
    ASSERT_TRUE(upload);
    EXPECT_EQ(upload->bytes, png);
    EXPECT_EQ(upload->contentType, "image/png");
    EXPECT_EQ(auditActions(),
              (std::vector<std::string>{"read-screenshot", "kiosk-command", "kiosk-command"}));
    auto fleet = store_->fleetKiosks().value();
    ASSERT_EQ(fleet.size(), 1u);
    EXPECT_EQ(fleet[0].lastScreenshot, shot->id);
    EXPECT_EQ(fleet[0].openCommands.size(), 1u);
}

}  // namespace
}  // namespace wp
