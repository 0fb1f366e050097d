// HostDesk's "Klaar en volgende" and where the next ticket comes from: the line of the service just
// served, or the longest wait across the counter's services, as the host chooses. Real SQLite queue stores
// in a temp folder and a fake clock.
#include <gtest/gtest.h>

#include "kiosk/core/host_desk.h"
#include "tests/unit/fake_clock.h"
#include "tests/unit/queue_fixtures.h"
#include "tests/unit/sqlite_queue_stores.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

using namespace std::chrono_literals;
using NextFrom = HostDesk::NextFrom;

const std::vector<Service> kServices = {testing::service("huurloket", "H"), testing::service("wijkteam", "W"),
                                        testing::service("gemeente", "G")};

class HostDeskNextTest : public ::testing::Test {
  protected:
    HostDeskNextTest() : clock_(testing::utc(2026, 6, 10, 8)) {
        auto stores = testing::SqliteQueueStores::open(dir_.path() / "kiosk.db", kServices);
        EXPECT_TRUE(stores.isOk()) << stores.status().message();
        if (stores.isOk()) stores_ = std::move(stores).value();
        // Few PBKDF2 iterations: these tests check the logic, not the cost.
        hosts_ = {
            {"fatima", "Fatima", {"huurloket", "wijkteam"}, hashPin("12345", 100, randomPinSalt()).value()}};
        desk_ = std::make_unique<HostDesk>(kServices, hosts_, stores_.desk(), clock_,
                                           HostDeskOptions{"Balie 1", 60min});
        auto in = desk_->signIn("fatima", "12345");
        EXPECT_TRUE(in.isOk() && in->outcome == HostDesk::SignIn::Outcome::SignedIn);
    }
    Ticket issue(const std::string& service) {
        clock_.advance(1min);
        auto t = stores_.tickets->issueTicket(service, clock_.now());
        EXPECT_TRUE(t.isOk());
        return t.isOk() ? t.value() : Ticket{};
    }
    std::string calledNext(Result<std::optional<Ticket>> r) {
        EXPECT_TRUE(r.isOk()) << r.status().message();
        return r.isOk() && r->has_value() ? (*r)->display : "";
    }

    testing::FakeClock clock_;
    testing::TempDir dir_;
    testing::SqliteQueueStores stores_;
    std::vector<HostAccount> hosts_;
    std::unique_ptr<HostDesk> desk_;
};

TEST_F(HostDeskNextTest, FinishAndNextServesTheSameServiceByDefault) {
    EXPECT_EQ(desk_->nextFrom(), NextFrom::SameService);
    issue("wijkteam");  // waited longest, but another service
    issue("huurloket");
    issue("huurloket");
    auto first = desk_->callNext("huurloket");
    ASSERT_TRUE(first.isOk() && first->has_value());
    EXPECT_EQ(calledNext(desk_->finishAndCallNext(**first)), "H-002");
    auto done = stores_.tickets->ticket((*first)->id);
    ASSERT_TRUE(done.isOk());
    EXPECT_EQ(done->state, TicketState::Done);
    EXPECT_EQ(done->outcome, TicketOutcome::Helped);
}

TEST_F(HostDeskNextTest, AllServicesTakesTheLongestWaitAcrossTheCountersServices) {
    issue("huurloket");
    issue("gemeente");  // not Fatima's: never called here
    issue("wijkteam");
    issue("huurloket");
    desk_->setNextFrom(NextFrom::AllServices);
    auto first = desk_->callChosenNext();
    ASSERT_TRUE(first.isOk() && first->has_value());
    EXPECT_EQ((*first)->display, "H-001");
    EXPECT_EQ(calledNext(desk_->finishAndCallNext(**first)), "W-001");
}

TEST_F(HostDeskNextTest, WithNothingJustServedTheFirstServiceWithSomeoneWaitingComesFirst) {
    issue("wijkteam");
    issue("huurloket");
    EXPECT_EQ(calledNext(desk_->callChosenNext()), "H-001");  // Huurloket comes first in content order
    EXPECT_EQ(calledNext(desk_->callChosenNext()), "W-001");
    EXPECT_EQ(calledNext(desk_->callChosenNext()), "");
}

TEST_F(HostDeskNextTest, TheLastOneFinishesWithNobodyCalledAfterIt) {
    issue("huurloket");
    auto first = desk_->callChosenNext();
    ASSERT_TRUE(first.isOk() && first->has_value());
    EXPECT_EQ(calledNext(desk_->finishAndCallNext(**first)), "");
    auto here = desk_->atCounter();
    ASSERT_TRUE(here.isOk());
    EXPECT_TRUE(here->empty());
}

TEST_F(HostDeskNextTest, AFailedFinishCallsNobody) {
    Ticket waiting = issue("huurloket");
    issue("huurloket");
    EXPECT_EQ(desk_->finishAndCallNext(waiting).status().code(), Status::Code::InvalidInput);
    auto here = desk_->atCounter();
    ASSERT_TRUE(here.isOk());
    EXPECT_TRUE(here->empty());
}

TEST_F(HostDeskNextTest, SigningInAsAnotherHostStartsWithTheSameService) {
    desk_->setNextFrom(NextFrom::AllServices);
    ASSERT_TRUE(desk_->signOut());
    auto in = desk_->signIn("fatima", "12345");
    ASSERT_TRUE(in.isOk());
    EXPECT_EQ(desk_->nextFrom(), NextFrom::SameService);
}

}  // namespace
}  // namespace wp
