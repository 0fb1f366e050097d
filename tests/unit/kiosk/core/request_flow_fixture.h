// The request flow tests' fixture: a flow of the Schiedam-Noord kiosk K2 on the shipped request specs, with
// a fake outbox, reference store and receipt printer.
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/core/host_alerts.h"
#include "kiosk/core/receipt_queue.h"
#include "kiosk/core/request_flow.h"
#include "tests/unit/fake_clock.h"
#include "tests/unit/kiosk/core/demo_content_fixture.h"

namespace wp::testing {

// Everything printed on a receipt or an answer's paper, as one text.
inline std::string receiptText(const ReceiptPrintout& r) {
    std::string all = r.contactPoint + "\n" + r.title + "\n" + r.referenceLabel + "\n" + r.reference + "\n" +
                      r.qrUrl + "\n" + r.qrCaption + "\n" + r.printedAtLabel + "\n" + r.about + "\n" +
                      r.qrAddress;
    for (const std::string& l : r.lines) all += "\n" + l;
    for (const std::string& l : r.contactLines) all += "\n" + l;
    return all;
}

// A resident session's "ask the host" that goes nowhere.
class NoAlerts final : public HostAlerts {
  public:
    void residentAsksForHost(const std::string&, TimePoint) override {}
};

// The outbox as a list; add() can be made to fail like a full disk.
class FakeOutbox final : public OutboxStore {
  public:
    Result<std::int64_t> add(const Request& request, TimePoint) override {
        if (fail) return Status::ioError("disk full");
        added.push_back(request);
        return static_cast<std::int64_t>(added.size());
    }
    Result<std::vector<OutboxItem>> due(TimePoint, int, int, int) override {
        return std::vector<OutboxItem>{};
    }
    Result<std::optional<TimePoint>> nextDue(int, int) override { return std::optional<TimePoint>{}; }
    Status markDelivered(std::int64_t, TimePoint) override { return Status::ok(); }
    Status markRejected(std::int64_t, int, const ApiError&, TimePoint) override { return Status::ok(); }
    Status scheduleRetry(std::int64_t, TimePoint, const std::string&) override { return Status::ok(); }
    Result<int> wipeRejectedBefore(TimePoint, TimePoint) override { return 0; }
    Result<OutboxSnapshot> snapshot(int) override { return OutboxSnapshot{}; }

    std::vector<Request> added;
    bool fail = false;
};

class FakeReferences final : public ReferenceCodeStore {
  public:
    Result<bool> claim(const std::string& code, TimePoint) override {
        tried.push_back(code);
        if (refuseNext > 0) {
            --refuseNext;
            return false;
        }
        return issued.insert(code).second;
    }
    std::set<std::string> issued;
    std::vector<std::string> tried;
    int refuseNext = 0;  // pretend the next codes were issued before
};

class FakeReceipts final : public ReceiptQueue {
  public:
    std::uint64_t submitReceipt(ReceiptPrintout receipt) override {
        printed.push_back(std::move(receipt));
        return printed.size();
    }
    std::vector<PrintSpooler::Done> takeResults() override { return std::exchange(results, {}); }
    void finish(PrintOutcome o) { results.push_back({printed.size(), o, PrintSpooler::JobKind::Receipt}); }

    std::vector<ReceiptPrintout> printed;
    std::vector<PrintSpooler::Done> results;
};

class RequestFlowTest : public DemoContentTest {
  protected:
    void SetUp() override {
        DemoContentTest::SetUp();
        flow_ = makeFlow("https://wijkpunt.schiedam.nl/", &receipts_);
    }

    // A flow of the Schiedam-Noord kiosk K2 that knows the topic "repairs"; receipts null: no printer.
    std::unique_ptr<RequestFlow> makeFlow(std::string publicUrl, ReceiptQueue* receipts) {
        RequestFlowSettings settings{.contactPointName = "Wijkpunt Schiedam-Noord",
                                     .letters = "SGN",
                                     .kioskCode = "K2",
                                     .publicUrl = std::move(publicUrl),
                                     .coachWorkingDays = 4};
        return std::make_unique<RequestFlow>(settings, bundle_.requests, clock_, random_, outbox_,
                                             references_, receipts,
                                             [](std::string_view id) -> std::optional<FlowTopic> {
                                                 if (id == "repairs")
                                                     return FlowTopic{"repairs", "qtopic.repairs", "huur"};
                                                 return std::nullopt;
                                             });
    }

    std::string stepId() const { return flow_->step().id; }
    void typeAndNext(const std::string& text) {
        ASSERT_EQ(flow_->step().kind, StepKind::Entry) << stepId();
        flow_->entry().set(text);
        ASSERT_TRUE(flow_->next()) << stepId() << ": " << flow_->errorKey();
    }
    void submit() {
        ASSERT_EQ(flow_->step().kind, StepKind::Summary) << stepId();
        Status s = flow_->submit(*texts_, "nl", &bundle_);
        ASSERT_TRUE(s) << s.message();
        ASSERT_EQ(flow_->step().kind, StepKind::Done);
    }
    // "Vraag achterlaten" on the topic repairs, by someone who sends just the topic and comes back with the
    // code: on the summary.
    static void justTheTopic(RequestFlow& flow) {
        ASSERT_TRUE(flow.start("question/repairs"));
        ASSERT_TRUE(flow.next());  // privacy
        flow.choose("topic-only");
        flow.choose("none");
        ASSERT_EQ(flow.step().id, "summary");
    }
    FakeClock clock_{*parseLocalDateTime("2026-11-26 10:00")};
    SeededRandom random_{42};
    FakeOutbox outbox_;
    FakeReferences references_;
    FakeReceipts receipts_;
    std::unique_ptr<RequestFlow> flow_;
};

}  // namespace wp::testing
