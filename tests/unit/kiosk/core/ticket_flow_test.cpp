#include "kiosk/core/ticket_flow.h"

#include <gtest/gtest.h>

#include <thread>

#include "drivers/printer/fake_printer.h"
#include "kiosk/store/sqlite_queue_store.h"
#include "tests/unit/fake_clock.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

class TicketFlowTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto loaded = loadBundle(std::filesystem::path(WIJKPUNT_SOURCE_DIR) / "provisioning/demo/printing.toml");
        ASSERT_TRUE(loaded) << loaded.status().message();
        bundle_ = std::move(loaded).value();
        auto store = SqliteQueueStore::open(dir_.path() / "kiosk.sqlite", bundle_.services);
        ASSERT_TRUE(store) << store.status().message();
        store_ = std::move(store).value();
        queue_ = std::make_unique<ServiceQueue>(bundle_.services, *store_, clock_);
        spooler_ = std::make_unique<PrintSpooler>(printer_, nullptr);
        texts_ = std::make_unique<Texts>(bundle_.content);
        flow_ = std::make_unique<TicketFlow>(*queue_, *store_, spooler_.get(), bundle_.settings, clock_);
        flow_->onPrintOutcome([this](PrintOutcome o) { outcomes_.push_back(o); });
    }

    // Waits (in real time, briefly) for the print worker to finish the resident's job.
    void settle() {
        for (int i = 0; i < 1000 && flow_->printState() == TicketFlow::PrintState::Printing; ++i) {
            flow_->collectPrintResults();
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    }

    std::vector<QueueEventKind> kindsOfDay() {
        auto events = store_->eventsOfDay("huurloket", localDay(clock_.now()));
        EXPECT_TRUE(events);
        std::vector<QueueEventKind> kinds;
        for (const QueueEvent& e : *events) kinds.push_back(e.kind);
        return kinds;
    }

    Bundle bundle_;
    // Thursday 26 November 2026: the Huurloket has walk-in hours from 09:00 to 12:00.
    testing::FakeClock clock_{*parseLocalDateTime("2026-11-26 10:00")};
    testing::TempDir dir_;
    FakePrinter printer_;
    std::unique_ptr<SqliteQueueStore> store_;
    std::unique_ptr<ServiceQueue> queue_;
    std::unique_ptr<PrintSpooler> spooler_;
    std::unique_ptr<Texts> texts_;
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
    EXPECT_EQ(printed[0].waitMinutes, -1);  // no counter open: the wait is not printed as a guess
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
    EXPECT_EQ(kindsOfDay(), (std::vector<QueueEventKind>{QueueEventKind::Issued, QueueEventKind::PrintFailed}));
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
    flow_->reset();  // "Begin opnieuw" while the ticket is still printing
    EXPECT_FALSE(flow_->ticket());
    for (int i = 0; i < 1000 && kindsOfDay().size() < 2; ++i) {
        flow_->collectPrintResults();
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    EXPECT_EQ(kindsOfDay(), (std::vector<QueueEventKind>{QueueEventKind::Issued, QueueEventKind::Printed}));
    EXPECT_EQ(flow_->printState(), TicketFlow::PrintState::None);
}

TEST_F(TicketFlowTest, RefreshSeesAHostsCall) {
    ASSERT_EQ(flow_->take("huurloket", *texts_, "nl"), TicketFlow::Outcome::Issued);
    EXPECT_FALSE(flow_->refreshTicket());
    ASSERT_TRUE(store_->changeTicketState(flow_->ticket()->ticket.id, TicketState::Called, "Balie 2", clock_.now()));
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
    EXPECT_EQ(p.position, 3);
    EXPECT_EQ(p.waitMinutes, 2);  // rounded up: never promise less than the estimate
    EXPECT_EQ(p.issuedAt, "10:00");
    EXPECT_EQ(p.contactPoint, "Wijkpunt Schiedam-Noord");
    EXPECT_EQ(p.residentLine, texts_->get("pl", "ticket.resident_line"));
    EXPECT_EQ(p.qrUrl, "https://wijkpunt.schiedam.nl/queue/SGN/2026-11-26/W-007");
    EXPECT_EQ(p.labels.position, texts_->get("pl", "ticket.print_position"));
    EXPECT_EQ(p.labels.wait, texts_->get("pl", "ticket.print_wait"));
    EXPECT_EQ(p.labels.minutes, texts_->get("pl", "ticket.print_minutes"));
    EXPECT_EQ(p.labels.issuedAt, texts_->get("pl", "ticket.print_time"));
    EXPECT_EQ(p.labels.qrCaption, texts_->get("pl", "ticket.qr_caption"));
    EXPECT_TRUE(texts_->missingKeys().empty());

    // No estimate: no wait line. No public URL: no QR code.
    view.estimatedWait.reset();
    Settings noCentral = bundle_.settings;
    noCentral.central.publicUrl.clear();
    p = ticketPrintout(view, wijkteam, *texts_, "nl", noCentral);
    EXPECT_EQ(p.waitMinutes, -1);
    EXPECT_TRUE(p.qrUrl.empty());
    EXPECT_EQ(queuePageUrl(noCentral, view.ticket), "");
}

TEST(FillInTest, ReplacesEveryMarker) {
    EXPECT_EQ(fillIn("{a} en {b}, {a}", {{"a", "x"}, {"b", "{a}"}}), "x en {a}, x");
    EXPECT_EQ(fillIn("geen", {{"a", "x"}}), "geen");
}

}  // namespace
}  // namespace wp
