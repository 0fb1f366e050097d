// PrintSpooler with receipts (kiosk/core/print_spooler.h), on the FakePrinter: a receipt's outcome comes
// back through takeResults() like a ticket's, marked as a receipt (or a printed answer), and a flow that
// collects only its own kind never takes the others' results. As a personal-data holder, the session's wipe
// drops the receipts still waiting (on a printer that holds its job in hand) and leaves tickets alone.
#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <vector>

#include "drivers/printer/fake_printer.h"
#include "kiosk/core/print_spooler.h"
#include "tests/support/sample_receipt.h"
#include "tests/support/sample_ticket.h"

namespace wp {
namespace {

using namespace std::chrono_literals;

// Counts the spooler's wake-ups, so a test can wait for the worker without sleeping blind.
class Waker {
  public:
    PrintSpooler::Wake wake() {
        return [this] {
            std::lock_guard lock(m_);
            ++n_;
            cv_.notify_all();
        };
    }
    // Waits (at most a generous 10 s, never a timed assertion) until pred holds, re-checking on every wake.
    template <typename Pred>
    bool waitFor(Pred pred) {
        const auto deadline = std::chrono::steady_clock::now() + 10s;
        std::unique_lock lock(m_);
        for (;;) {
            const int seen = n_;
            lock.unlock();
            if (pred()) return true;
            lock.lock();
            if (!cv_.wait_until(lock, deadline, [&] { return n_ != seen; })) {
                lock.unlock();
                return pred();
            }
        }
    }

  private:
    std::mutex m_;
    std::condition_variable cv_;
    int n_ = 0;
};

TEST(ReceiptSpoolerTest, ReceiptOutcomeComesBackMarkedAsAReceipt) {
    FakePrinter printer;
    Waker waker;
    PrintSpooler spooler(printer, waker.wake());
    const std::uint64_t job = spooler.submitReceipt(test::sampleReceiptNl("SGN-K2-7KQ4XD-3"));
    std::vector<PrintSpooler::Done> done;
    ASSERT_TRUE(waker.waitFor([&] {
        for (const auto& d : spooler.takeResults()) done.push_back(d);
        return !done.empty();
    }));
    ASSERT_EQ(done.size(), 1u);
    EXPECT_EQ(done[0].job, job);
    EXPECT_EQ(done[0].kind, PrintSpooler::JobKind::Receipt);
    EXPECT_EQ(done[0].outcome, PrintOutcome::Ok);
    ASSERT_EQ(printer.printedReceipts().size(), 1u);
    EXPECT_EQ(printer.printedReceipts()[0].reference, "SGN-K2-7KQ4XD-3");
    EXPECT_TRUE(printer.printed().empty()) << "a receipt is no ticket";
}

TEST(ReceiptSpoolerTest, FailedReceiptReportsTheOutcome) {
    FakePrinter printer;
    printer.setPaperOut(true);
    Waker waker;
    PrintSpooler spooler(printer, waker.wake());
    spooler.submitReceipt(test::sampleReceiptUk());
    std::vector<PrintSpooler::Done> done;
    ASSERT_TRUE(waker.waitFor([&] {
        for (const auto& d : spooler.takeResults(PrintSpooler::JobKind::Receipt)) done.push_back(d);
        return !done.empty();
    }));
    EXPECT_EQ(done[0].outcome, PrintOutcome::PaperOut);
    EXPECT_TRUE(printer.printedReceipts().empty());
}

TEST(ReceiptSpoolerTest, TakingOneKindLeavesTheOtherKindsResults) {
    FakePrinter printer;
    Waker waker;
    PrintSpooler spooler(printer, waker.wake());
    const std::uint64_t t1 = spooler.submit(test::sampleTicket("H-001"));
    const std::uint64_t r1 = spooler.submitReceipt(test::sampleReceiptNl());
    const std::uint64_t t2 = spooler.submit(test::sampleTicket("H-002"));
    const std::uint64_t a1 = spooler.submitReceipt(test::sampleReceiptNl(), PrintSpooler::JobKind::Answer);
    EXPECT_LT(t1, r1);
    EXPECT_LT(r1, t2);
    EXPECT_LT(t2, a1);
    ASSERT_TRUE(waker.waitFor([&] { return printer.attempts() == 4; }));

    std::vector<PrintSpooler::Done> tickets;
    ASSERT_TRUE(waker.waitFor([&] {
        for (const auto& d : spooler.takeResults(PrintSpooler::JobKind::Ticket)) tickets.push_back(d);
        return tickets.size() == 2;
    }));
    EXPECT_EQ(tickets[0].job, t1);
    EXPECT_EQ(tickets[1].job, t2);
    // The receipt's result and the printed answer's each waited for their own taker.
    auto receipts = spooler.takeResults(PrintSpooler::JobKind::Receipt);
    ASSERT_EQ(receipts.size(), 1u);
    EXPECT_EQ(receipts[0].job, r1);
    auto answers = spooler.takeResults(PrintSpooler::JobKind::Answer);
    ASSERT_EQ(answers.size(), 1u);
    EXPECT_EQ(answers[0].job, a1);
    EXPECT_EQ(printer.printedReceipts().size(), 2u) << "an answer prints like a receipt";
    EXPECT_TRUE(spooler.takeResults().empty());
}

// A FakePrinter that keeps each job in hand until released: a slow printer with a queue behind it.
class HoldingPrinter final : public Printer {
  public:
    PrintOutcome printTicket(const TicketPrintout& ticket) override {
        hold();
        return printer.printTicket(ticket);
    }
    PrintOutcome printReceipt(const ReceiptPrintout& receipt) override {
        hold();
        return printer.printReceipt(receipt);
    }
    PrinterStatus status() override { return printer.status(); }
    void release() {
        {
            std::lock_guard lock(m_);
            released_ = true;
        }
        cv_.notify_all();
    }
    bool waitForJobInHand() {
        std::unique_lock lock(m_);
        return cv_.wait_for(lock, 10s, [&] { return inHand_ > 0; });
    }
    FakePrinter printer;

  private:
    void hold() {
        std::unique_lock lock(m_);
        ++inHand_;
        cv_.notify_all();
        cv_.wait_for(lock, 30s, [&] { return released_; });
    }
    std::mutex m_;
    std::condition_variable cv_;
    int inHand_ = 0;
    bool released_ = false;
};

TEST(ReceiptSpoolerTest, WipeDropsWaitingReceiptsAndKeepsTicketsAndTheJobInHand) {
    HoldingPrinter printer;
    Waker waker;
    PrintSpooler spooler(printer, waker.wake());
    EXPECT_TRUE(spooler.holdsNothing());
    const std::uint64_t inHand = spooler.submitReceipt(test::sampleReceiptNl("SGN-K2-7KQ4XD-3"));
    ASSERT_TRUE(printer.waitForJobInHand());
    spooler.submitReceipt(test::sampleReceiptNl("SGN-K2-ZQXMARKA-7"));
    const std::uint64_t ticket = spooler.submit(test::sampleTicket("H-001"));
    EXPECT_FALSE(spooler.holdsNothing()) << "a receipt waits";

    spooler.wipe();  // "Begin opnieuw" while the printer is busy
    EXPECT_TRUE(spooler.holdsNothing());
    printer.release();
    std::vector<PrintSpooler::Done> done;
    ASSERT_TRUE(waker.waitFor([&] {
        for (const auto& d : spooler.takeResults()) done.push_back(d);
        return done.size() == 2;
    }));
    EXPECT_EQ(done[0].job, inHand);
    EXPECT_EQ(done[1].job, ticket);
    const std::vector<ReceiptPrintout> receipts = printer.printer.printedReceipts();
    ASSERT_EQ(receipts.size(), 1u) << "the receipt waiting at the wipe never prints";
    EXPECT_EQ(receipts[0].reference, "SGN-K2-7KQ4XD-3");
    EXPECT_EQ(printer.printer.printed().size(), 1u) << "tickets are not personal data: they print";
    EXPECT_TRUE(spooler.takeResults().empty()) << "a dropped receipt has no outcome";
}

}  // namespace
}  // namespace wp
