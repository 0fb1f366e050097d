// After the summary: the reference code, the receipt and its printing, and the wipes that leave nothing
// behind.
#include "kiosk/core/request_flow.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "drivers/speech/recording_speaker.h"
#include "kiosk/core/resident_session.h"
#include "tests/unit/kiosk/core/request_flow_fixture.h"

namespace wp {
namespace {

using ::testing::HasSubstr;
using testing::NoAlerts;
using RequestFlowTest = testing::RequestFlowTest;

TEST_F(RequestFlowTest, TheReceiptsOpeningHoursAreInTheResidentsLanguageAndNeedTheContent) {
    justTheTopic(*flow_);
    ASSERT_TRUE(flow_->submit(*texts_, "uk", &bundle_));
    EXPECT_THAT(receipts_.printed.at(0).lines.back(), HasSubstr("понеділок 9:00–12:00; середа 13:00–16:00"));
    // Without the bundle the flow cannot know the desk nor the contact point: those lines are left off, not
    // made up (next, how the resident hears, when, the status hint remain).
    const ReceiptPrintout withoutContent = flow_->makeReceipt(*texts_, "uk");
    EXPECT_EQ(withoutContent.lines.size(), 4u);
    EXPECT_EQ(withoutContent.lines[1], texts_->get("uk", "receipt.how_none"));
    EXPECT_TRUE(withoutContent.contactLines.empty());
}

TEST_F(RequestFlowTest, ARepeatedReferenceCodeIsDrawnAgain) {
    justTheTopic(*flow_);
    references_.refuseNext = 2;
    submit();
    ASSERT_EQ(references_.tried.size(), 3u);
    EXPECT_EQ(flow_->reference(), references_.tried[2]);
    EXPECT_EQ(outbox_.added.at(0).reference, references_.tried[2]);
}

TEST_F(RequestFlowTest, NoReceiptWhenTheOutboxCannotCommit) {
    justTheTopic(*flow_);
    outbox_.fail = true;
    EXPECT_FALSE(flow_->submit(*texts_, "nl", &bundle_));
    EXPECT_TRUE(flow_->submitFailed());
    EXPECT_EQ(stepId(), "summary");
    EXPECT_TRUE(flow_->reference().empty());
    EXPECT_TRUE(receipts_.printed.empty());
    outbox_.fail = false;  // the host fixed the disk: the resident tries again
    EXPECT_TRUE(flow_->submit(*texts_, "nl", &bundle_));
    EXPECT_EQ(receipts_.printed.size(), 1u);
}

TEST_F(RequestFlowTest, AFailedPrintIsReportedAndWithoutAPrinterNothingIsPrinting) {
    justTheTopic(*flow_);
    submit();
    receipts_.finish(PrintOutcome::PaperOut);
    EXPECT_TRUE(flow_->collectPrintResults());
    EXPECT_EQ(flow_->printState(), RequestFlow::PrintState::Failed);

    auto noPrinter = makeFlow("", nullptr);
    justTheTopic(*noPrinter);
    ASSERT_TRUE(noPrinter->submit(*texts_, "en", &bundle_));
    EXPECT_EQ(noPrinter->printState(), RequestFlow::PrintState::None);
    EXPECT_TRUE(noPrinter->makeReceipt(*texts_, "en", &bundle_).qrUrl.empty());
}

TEST_F(RequestFlowTest, WipeLeavesNothingBehind) {
    ASSERT_TRUE(flow_->start("home-visit"));
    flow_->choose("care");
    ASSERT_TRUE(flow_->next());
    typeAndNext("Kees Jansen");
    flow_->entry().set("3121");
    const TextEntry* postcode = flow_->entryOf("postcode");
    ASSERT_NE(postcode, nullptr);
    flow_->wipe();
    EXPECT_FALSE(flow_->active());
    EXPECT_EQ(flow_->entryOf("name"), nullptr);
    EXPECT_EQ(flow_->entryOf("postcode"), nullptr);
    EXPECT_TRUE(flow_->summary().empty());
    EXPECT_TRUE(flow_->reference().empty());
    // Started again: nothing of before is chosen or typed.
    ASSERT_TRUE(flow_->start("home-visit"));
    EXPECT_FALSE(flow_->isChosen("care"));
    EXPECT_FALSE(flow_->isChosen("reason", "care"));
}

TEST_F(RequestFlowTest, AfterSendingOnlyTheCodeRemains) {
    ASSERT_TRUE(flow_->start("callback/repairs"));
    ASSERT_TRUE(flow_->next());
    typeAndNext("0612345678");
    flow_->choose("any");
    submit();
    EXPECT_EQ(flow_->entryOf("phone"), nullptr);
    EXPECT_FALSE(flow_->isChosen("time", "any"));
    EXPECT_FALSE(flow_->reference().empty());
    EXPECT_FALSE(flow_->next());
    EXPECT_FALSE(flow_->back());  // the done screen has no way back into the sent answers
    flow_->wipe();
    EXPECT_TRUE(flow_->reference().empty());
    // A print result of the wiped resident's receipt changes nothing.
    receipts_.finish(PrintOutcome::Ok);
    EXPECT_FALSE(flow_->collectPrintResults());
}

TEST_F(RequestFlowTest, TheSessionsWipeForgetsTheFlowAtStartAgainAndAtTheIdleTimeout) {
    RecordingSpeaker speaker;
    NoAlerts alerts;
    ResidentSession session(bundle_, clock_, speaker, alerts);
    session.attachRequestFlow(flow_.get());  // which puts it on the session's list of holders

    session.open({"request", "callback/repairs"});
    ASSERT_TRUE(flow_->start("callback/repairs"));
    ASSERT_TRUE(flow_->next());
    flow_->entry().set("0612345678");
    session.startAgain();  // "Begin opnieuw"
    EXPECT_FALSE(flow_->active());
    EXPECT_EQ(flow_->entryOf("phone"), nullptr);

    session.open({"request", "callback/repairs"});
    ASSERT_TRUE(flow_->start("callback/repairs"));
    ASSERT_TRUE(flow_->next());
    flow_->entry().set("0612345678");
    clock_.advance(std::chrono::seconds(bundle_.settings.session.idleTimeoutSeconds + 1));
    EXPECT_TRUE(session.tick());  // the idle timeout
    EXPECT_FALSE(flow_->active());
    EXPECT_EQ(flow_->entryOf("phone"), nullptr);
    session.attachRequestFlow(nullptr);
}

}  // namespace
}  // namespace wp
