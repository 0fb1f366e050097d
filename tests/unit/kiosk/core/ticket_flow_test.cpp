#include "kiosk/core/ticket_flow.h"

#include <gtest/gtest.h>

#include "tests/unit/kiosk/core/ticket_printing_fixture.h"

namespace wp {
namespace {

class TicketFlowTest : public testing::TicketPrintingTest {
  protected:
    void SetUp() override {
        ASSERT_NO_FATAL_FAILURE(TicketPrintingTest::SetUp());
        queue_ = std::make_unique<ServiceQueue>(bundle_.services, *stores_.tickets, *stores_.host, clock_);
        startSpooler();
        flow_ =
            std::make_unique<TicketFlow>(*queue_, *stores_.tickets, spooler_.get(), bundle_.settings, clock_);
        flow_->onPrintOutcome([this](PrintOutcome o) { outcomes_.push_back(o); });
    }

    // Waits for the print worker to finish the resident's job.
    void settle() {
        collectUntil([this] {
            flow_->collectPrintResults();
            return flow_->printState() != TicketFlow::PrintState::Printing;
        });
    }

    std::vector<QueueEventKind> kindsOfDay() { return TicketPrintingTest::kindsOfDay("huurloket"); }

    std::unique_ptr<ServiceQueue> queue_;
    std::unique_ptr<TicketFlow> flow_;
    std::vector<PrintOutcome> outcomes_;
};

TEST_F(TicketFlowTest, TakesANumberAndPrintsItInTheResidentsLanguage) {
    ASSERT_EQ(flow_->take("huurloket", *texts_, "en"), TicketFlow::Outcome::Issued);
    ASSERT_TRUE(flow_->ticket());
    EXPECT_EQ(flow_->ticket()->ticket.display, "H-001");
    EXPECT_EQ(flow_->printState(), TicketFlow::PrintState::Printing);
    settle();
    EXPECT_EQ(flow_->printState(), TicketFlow::PrintState::Printed);
    auto printed = printer_.printed();
    ASSERT_EQ(printed.size(), 1u);
    EXPECT_EQ(printed[0].number, "H-001");
    EXPECT_EQ(printed[0].service, texts_->get("en", "service.huurloket"));
    EXPECT_EQ(printed[0].residentLine, "Wait until your number is on the screen.");
    EXPECT_EQ(printed[0].qrUrl, "https://wijkpunt.schiedam.nl/queue/SGN/2026-11-26/H-001");
    // Nobody before H-001: the phone page's words. No counter open: no wait printed as a guess.
    EXPECT_EQ(printed[0].queueLines, std::vector<std::string>{"You are next."});
    EXPECT_EQ(printed[0].issuedDate, "26-11-2026");
    EXPECT_EQ(printed[0].missedCall, texts_->get("en", "ticket.missed_call"));
    EXPECT_EQ(printed[0].qrAddress, "wijkpunt.schiedam.nl/queue/SGN/2026-11-26/H-001");
    EXPECT_EQ(kindsOfDay(), (std::vector<QueueEventKind>{QueueEventKind::Issued, QueueEventKind::Printed}));
    EXPECT_EQ(outcomes_, std::vector<PrintOutcome>{PrintOutcome::Ok});
}

TEST_F(TicketFlowTest, AFailedPrintKeepsTheNumberAndIsRecordedForTheHost) {
    printer_.failNext(PrintOutcome::PaperOut);
    ASSERT_EQ(flow_->take("huurloket", *texts_, "nl"), TicketFlow::Outcome::Issued);
    settle();
    EXPECT_EQ(flow_->printState(), TicketFlow::PrintState::Failed);
    EXPECT_EQ(flow_->printOutcome(), PrintOutcome::PaperOut);
    EXPECT_EQ(flow_->ticket()->ticket.display, "H-001");
    EXPECT_EQ(kindsOfDay(),
              (std::vector<QueueEventKind>{QueueEventKind::Issued, QueueEventKind::PrintFailed}));
    // The next resident gets the next number: the failed print lost nothing and repeated nothing.
    ASSERT_EQ(flow_->take("huurloket", *texts_, "nl"), TicketFlow::Outcome::Issued);
    EXPECT_EQ(flow_->ticket()->ticket.display, "H-002");
}

TEST_F(TicketFlowTest, AClosedServiceIssuesNothing) {
    clock_.advance(std::chrono::minutes(150));  // 12:30: between the Huurloket's morning and afternoon hours
    flow_->refreshChoices();
    const TicketFlow::Choice* choice = flow_->choice("huurloket");
    ASSERT_NE(choice, nullptr);
    ASSERT_NE(choice->status.state, WalkInState::Open);
    EXPECT_EQ(flow_->take("huurloket", *texts_, "nl"), TicketFlow::Outcome::Closed);
    EXPECT_FALSE(flow_->ticket());
    EXPECT_TRUE(printer_.printed().empty());
    EXPECT_TRUE(kindsOfDay().empty());
}

TEST_F(TicketFlowTest, ResetForgetsTheTicketButStillRecordsItsPrint) {
    ASSERT_EQ(flow_->take("huurloket", *texts_, "nl"), TicketFlow::Outcome::Issued);
    flow_->wipe();  // "Begin opnieuw" while the ticket is still printing
    EXPECT_FALSE(flow_->ticket());
    collectUntil([this] {
        flow_->collectPrintResults();
        return kindsOfDay().size() >= 2;
    });
    EXPECT_EQ(kindsOfDay(), (std::vector<QueueEventKind>{QueueEventKind::Issued, QueueEventKind::Printed}));
    EXPECT_EQ(flow_->printState(), TicketFlow::PrintState::None);
}

TEST_F(TicketFlowTest, RefreshSeesAHostsCall) {
    ASSERT_EQ(flow_->take("huurloket", *texts_, "nl"), TicketFlow::Outcome::Issued);
    EXPECT_FALSE(flow_->refreshTicket());
    ASSERT_TRUE(stores_.host->changeTicketState(flow_->ticket()->ticket.id, TicketState::Called, "Balie 2",
                                                clock_.now()));
    EXPECT_TRUE(flow_->refreshTicket());
    EXPECT_EQ(flow_->ticket()->ticket.state, TicketState::Called);
    EXPECT_EQ(flow_->ticket()->ticket.counter, "Balie 2");
}

// One printout builder for the resident's ticket and a host's ticket by hand (HostDesk uses it too).
TEST_F(TicketFlowTest, ThePrintoutBuilderFillsEveryLineInTheChosenLanguage) {
    TicketView view;
    view.ticket.display = "W-007";
    view.ticket.day = "2026-11-26";
    view.ticket.issuedAt = clock_.now();
    view.peopleAhead = 3;
    view.estimatedWait = std::chrono::seconds(61);
    const Service& wijkteam = *queue_->findService("wijkteam");
    TicketPrintout p = ticketPrintout(view, wijkteam, *texts_, "pl", bundle_.settings);
    EXPECT_EQ(p.number, "W-007");
    EXPECT_EQ(p.service, texts_->get("pl", wijkteam.nameKey));
    // Rounded up: never promise less than the estimate.
    EXPECT_EQ(p.queueLines,
              (std::vector<std::string>{"Osoby przed Tobą: 3", "Czas oczekiwania: około 2 min"}));
    EXPECT_EQ(p.issuedAt, "10:00");
    EXPECT_EQ(p.contactPoint, "Wijkpunt Groenoord");
    EXPECT_EQ(p.residentLine, texts_->get("pl", "ticket.resident_line"));
    EXPECT_EQ(p.qrUrl, "https://wijkpunt.schiedam.nl/queue/SGN/2026-11-26/W-007");
    EXPECT_EQ(p.labels.issuedAt, texts_->get("pl", "ticket.print_time"));
    EXPECT_EQ(p.labels.qrCaption, texts_->get("pl", "ticket.qr_caption"));
    EXPECT_TRUE(texts_->missingKeys().empty());

    // No estimate while the desk is open: the wait is not known yet. No public URL: no QR code.
    view.estimatedWait.reset();
    Settings noCentral = bundle_.settings;
    noCentral.central.publicUrl.clear();
    p = ticketPrintout(view, wijkteam, *texts_, "nl", noCentral);
    EXPECT_EQ(p.queueLines, (std::vector<std::string>{"Voor u in de rij: 3", "Wachttijd: nog niet bekend"}));
    EXPECT_TRUE(p.qrUrl.empty());
    EXPECT_TRUE(p.qrAddress.empty());
    EXPECT_EQ(queuePageUrl(noCentral, view.ticket), "");
}

TEST(FillInTest, ReplacesEveryMarker) {
    EXPECT_EQ(fillIn("{a} en {b}, {a}", {{"a", "x"}, {"b", "{a}"}}), "x en {a}, x");
    EXPECT_EQ(fillIn("geen", {{"a", "x"}}), "geen");
}

}  // namespace
}  // namespace wp
