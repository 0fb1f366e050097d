// HostDesk: a ticket added by hand, printed or not. With a printer attached the desk sends the same
// printout a resident's ticket gets (ticketPrintout), records the outcome as a queue event, tells the
// observer (the host role's alert report) and shows the latest number with what became of its paper. Runs
// on the real SQLite queue stores in a temp folder, the demo bundle's services and texts, a FakePrinter
// behind a real PrintSpooler, and a fake clock.
#include <gtest/gtest.h>

#include "kiosk/core/host_desk.h"
#include "kiosk/core/ticket_flow.h"
#include "tests/unit/kiosk/core/ticket_printing_fixture.h"

namespace wp {
namespace {

using namespace std::chrono_literals;
using Paper = AddedTicket::Paper;

// Few iterations: the tests check the logic, not the cost.
std::vector<HostAccount> hosts() {
    return {{"fatima", "Fatima", {"huurloket", "wijkteam"}, hashPin("12345", 100, randomPinSalt()).value()},
            {"jan",
             "Jan",
             {"huurloket", "wijkteam", "gemeente"},
             hashPin("54321", 100, randomPinSalt()).value()}};
}

class HostDeskPrintTest : public testing::TicketPrintingTest {
  protected:
    void SetUp() override {
        ASSERT_NO_FATAL_FAILURE(TicketPrintingTest::SetUp());
        desk_ = std::make_unique<HostDesk>(bundle_.services, hosts(), stores_.desk(), clock_,
                                           HostDeskOptions{"Balie 2", 60min});
        desk_->onPrintOutcome([this](PrintOutcome o) { outcomes_.push_back(o); });
        auto signedIn = desk_->signIn("fatima", "12345");
        ASSERT_TRUE(signedIn && signedIn->outcome == HostDesk::SignIn::Outcome::SignedIn);
    }
    void TearDown() override {
        if (desk_) desk_->attachPrinter(nullptr, nullptr, nullptr, {});
        spooler_.reset();
    }

    void attachPrinter() {
        startSpooler();
        desk_->attachPrinter(spooler_.get(), &bundle_.settings, texts_.get(), "nl");
    }
    // Waits until the print worker has reported `jobs` outcomes.
    void settle(size_t jobs = 1) {
        collectUntil([&] {
            desk_->collectPrintResults();
            return outcomes_.size() >= jobs;
        });
        ASSERT_EQ(outcomes_.size(), jobs) << "the print worker did not finish in time";
    }

    std::unique_ptr<HostDesk> desk_;
    std::vector<PrintOutcome> outcomes_;
};

TEST_F(HostDeskPrintTest, APrintedTicketByHandIsTheSameTicketAResidentGets) {
    attachPrinter();
    ASSERT_TRUE(stores_.tickets->issueTicket("huurloket", clock_.now()));  // H-001 from the touch screen
    auto hand = desk_->addTicket("huurloket", TicketOrigin::Host, true);
    ASSERT_TRUE(hand) << hand.status().message();
    EXPECT_NE(hand->printJob, 0u);
    ASSERT_TRUE(desk_->lastAdded());
    EXPECT_EQ(desk_->lastAdded()->view.ticket.display, "H-002");
    EXPECT_EQ(desk_->lastAdded()->paper, Paper::Printing);

    settle();
    EXPECT_EQ(desk_->lastAdded()->paper, Paper::Printed);
    auto printed = printer_.printed();
    ASSERT_EQ(printed.size(), 1u);
    // Field by field what TicketFlow would print for this ticket in Dutch: one builder for both.
    const TicketPrintout want =
        ticketPrintout(hand->view, *desk_->findService("huurloket"), *texts_, "nl", bundle_.settings);
    EXPECT_EQ(printed[0].number, "H-002");
    EXPECT_EQ(printed[0].number, want.number);
    EXPECT_EQ(printed[0].service, texts_->get("nl", "service.huurloket"));
    EXPECT_EQ(printed[0].queueLines, want.queueLines);
    ASSERT_FALSE(printed[0].queueLines.empty());
    EXPECT_EQ(printed[0].queueLines[0], "Voor u in de rij: 1");
    EXPECT_EQ(printed[0].issuedAt, "10:00");
    EXPECT_EQ(printed[0].contactPoint, "Wijkpunt Groenoord");
    EXPECT_EQ(printed[0].residentLine, texts_->get("nl", "ticket.resident_line"));
    EXPECT_EQ(printed[0].qrUrl, "https://wijkpunt.schiedam.nl/queue/SGN/2026-11-26/H-002");
    EXPECT_EQ(printed[0].labels.issuedAt, texts_->get("nl", "ticket.print_time"));
    EXPECT_EQ(printed[0].labels.qrCaption, texts_->get("nl", "ticket.qr_caption"));

    EXPECT_EQ(kindsOfDay("huurloket"),
              (std::vector<QueueEventKind>{QueueEventKind::Issued, QueueEventKind::Issued,
                                           QueueEventKind::Printed}));
    EXPECT_EQ(outcomes_, std::vector<PrintOutcome>{PrintOutcome::Ok});
}

TEST_F(HostDeskPrintTest, AFailedPrintKeepsTheNumberAndSaysWhy) {
    attachPrinter();
    printer_.failNext(PrintOutcome::PaperOut);
    auto hand = desk_->addTicket("wijkteam", TicketOrigin::Host, true);
    ASSERT_TRUE(hand) << hand.status().message();
    settle();
    ASSERT_TRUE(desk_->lastAdded());
    EXPECT_EQ(desk_->lastAdded()->paper, Paper::Failed);
    EXPECT_EQ(desk_->lastAdded()->outcome, PrintOutcome::PaperOut);
    EXPECT_EQ(desk_->lastAdded()->view.ticket.display, "W-001");
    // The number stands: it waits in line, to be written down by the host.
    auto line = desk_->line("wijkteam");
    ASSERT_TRUE(line);
    ASSERT_EQ(line->waiting.size(), 1u);
    EXPECT_EQ(line->waiting[0].ticket.display, "W-001");
    EXPECT_EQ(line->waiting[0].ticket.origin, TicketOrigin::Host);
    EXPECT_EQ(kindsOfDay("wijkteam"),
              (std::vector<QueueEventKind>{QueueEventKind::Issued, QueueEventKind::PrintFailed}));
    EXPECT_EQ(outcomes_, std::vector<PrintOutcome>{PrintOutcome::PaperOut});
}

TEST_F(HostDeskPrintTest, WithoutPrintingNothingGoesToThePrinter) {
    attachPrinter();
    auto hand = desk_->addTicket("huurloket", TicketOrigin::Host, false);
    ASSERT_TRUE(hand);
    EXPECT_FALSE(hand->print);
    EXPECT_EQ(hand->printJob, 0u);
    ASSERT_TRUE(desk_->lastAdded());
    EXPECT_EQ(desk_->lastAdded()->paper, Paper::NotAsked);
    EXPECT_EQ(desk_->lastAdded()->view.ticket.display, "H-001");
    // A print that is asked next still goes out: the spooler did have nothing to do before.
    ASSERT_TRUE(desk_->addTicket("huurloket", TicketOrigin::Host, true));
    settle();
    EXPECT_EQ(printer_.attempts(), 1);
    EXPECT_EQ(printer_.printed().at(0).number, "H-002");
}

TEST_F(HostDeskPrintTest, WithoutAPrinterTheNumberIsOnlyShown) {
    EXPECT_FALSE(desk_->hasPrinter());
    auto hand = desk_->addTicket("huurloket", TicketOrigin::Host, true);
    ASSERT_TRUE(hand);
    EXPECT_TRUE(hand->print);
    EXPECT_EQ(hand->printJob, 0u);
    ASSERT_TRUE(desk_->lastAdded());
    EXPECT_EQ(desk_->lastAdded()->paper, Paper::NoPrinter);
    EXPECT_FALSE(desk_->collectPrintResults());
    EXPECT_EQ(kindsOfDay("huurloket"), std::vector<QueueEventKind>{QueueEventKind::Issued});
}

TEST_F(HostDeskPrintTest, TheLatestNumberIsTheOneShownAndAnEarlierPrintDoesNotChangeIt) {
    attachPrinter();
    ASSERT_TRUE(desk_->addTicket("huurloket", TicketOrigin::Host, true));  // H-001, printing
    ASSERT_TRUE(desk_->addTicket("wijkteam", TicketOrigin::Host, false));  // W-001, no slip
    settle();
    ASSERT_TRUE(desk_->lastAdded());
    EXPECT_EQ(desk_->lastAdded()->view.ticket.display, "W-001");
    EXPECT_EQ(desk_->lastAdded()->paper, Paper::NotAsked);
    // H-001's print is still recorded for the statistics and the alerts.
    EXPECT_EQ(kindsOfDay("huurloket"),
              (std::vector<QueueEventKind>{QueueEventKind::Issued, QueueEventKind::Printed}));
}

TEST_F(HostDeskPrintTest, SignOutForgetsTheNumberShownButStillRecordsItsPrint) {
    attachPrinter();
    ASSERT_TRUE(desk_->addTicket("huurloket", TicketOrigin::Host, true));
    ASSERT_TRUE(desk_->signOut());
    EXPECT_FALSE(desk_->lastAdded());
    settle();
    EXPECT_FALSE(desk_->lastAdded());
    EXPECT_EQ(kindsOfDay("huurloket"),
              (std::vector<QueueEventKind>{QueueEventKind::Issued, QueueEventKind::Printed}));
    // Signed out, nothing can be added.
    EXPECT_EQ(desk_->addTicket("huurloket", TicketOrigin::Host, true).status().code(),
              Status::Code::Unavailable);
    EXPECT_EQ(printer_.attempts(), 1);
}

TEST_F(HostDeskPrintTest, AnotherHostSigningInStartsWithNoNumberShown) {
    ASSERT_TRUE(desk_->addTicket("huurloket", TicketOrigin::Host, false));
    ASSERT_TRUE(desk_->lastAdded());
    clock_.advance(61min);  // idle-locked; Jan takes over the console
    ASSERT_EQ(desk_->state(), HostDesk::State::IdleLocked);
    auto jan = desk_->signIn("jan", "54321");
    ASSERT_TRUE(jan && jan->outcome == HostDesk::SignIn::Outcome::SignedIn);
    EXPECT_FALSE(desk_->lastAdded());
}

}  // namespace
}  // namespace wp
