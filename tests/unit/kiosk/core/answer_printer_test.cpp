// "Print dit antwoord": the paper of a question-tree answer, its state per topic, and the wipe.
#include "kiosk/core/answer_printer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "drivers/speech/recording_speaker.h"
#include "kiosk/core/resident_session.h"
#include "tests/unit/kiosk/core/request_flow_fixture.h"

namespace wp {
namespace {

using ::testing::EndsWith;
using ::testing::HasSubstr;
using testing::NoAlerts;
using ::testing::Not;
using testing::receiptText;
using ::testing::StartsWith;

class AnswerPrinterTest : public testing::DemoContentTest {
  protected:
    const QuestionTopic& topic(std::string_view id) {
        const QuestionTopic* t = bundle_.questions.topic(id);
        if (t == nullptr) ADD_FAILURE() << "no topic " << id;
        return *t;
    }

    testing::FakeClock clock_{*parseLocalDateTime("2026-11-26 10:00")};
    testing::FakeReceipts receipts_;
    AnswerPrinter printer_{"Wijkpunt Schiedam-Noord", clock_, &receipts_};
};

TEST_F(AnswerPrinterTest, APrintedAnswerHasTheWholeAnswerAndTheDesksHoursAndNothingToFollowUp) {
    const QuestionTopic& rentCheck = topic("rent-check");
    ASSERT_TRUE(printer_.canPrint());
    const ReceiptPrintout p = printer_.makePrintout(rentCheck, bundle_, *texts_, "nl");
    EXPECT_EQ(p.contactPoint, "Wijkpunt Schiedam-Noord");
    EXPECT_EQ(p.title, "Is mijn huur te hoog?");
    // Both paragraphs of the answer (on screen: two parts when the room is short), then the desk's hours.
    ASSERT_EQ(p.lines.size(), 3u);
    EXPECT_THAT(p.lines[0], StartsWith("Betaalt u misschien te veel huur?"));
    EXPECT_THAT(p.lines[1], EndsWith("Dan helpen wij u om die omlaag te krijgen."));
    EXPECT_EQ(p.lines[0] + "\n" + p.lines[1], texts_->get("nl", rentCheck.answerKey));
    EXPECT_THAT(p.lines[2], StartsWith("Huurloket, zonder afspraak: maandag 9:00–12:00"));
    EXPECT_TRUE(p.reference.empty());
    EXPECT_TRUE(p.referenceLabel.empty());
    EXPECT_TRUE(p.qrUrl.empty());
    EXPECT_EQ(p.printedAtLabel, "Gemaakt op");
    EXPECT_EQ(p.printedAt, clock_.now());
    EXPECT_THAT(receiptText(p), Not(HasSubstr("[")));
    // In another language, all of it.
    const ReceiptPrintout en = printer_.makePrintout(rentCheck, bundle_, *texts_, "en");
    EXPECT_EQ(en.title, texts_->get("en", rentCheck.labelKey));
    EXPECT_THAT(en.lines.back(),
                StartsWith("Rent desk (Huurloket), no appointment needed: Monday 9:00–12:00"));
}

TEST_F(AnswerPrinterTest, PrintingAnAnswerReportsItsStateForThatTopicOnly) {
    const QuestionTopic& rentCheck = topic("rent-check");
    const QuestionTopic& passport = topic("passport");
    EXPECT_EQ(printer_.state("rent-check"), AnswerPrinter::PrintState::None);
    EXPECT_TRUE(printer_.holdsNothing());
    ASSERT_TRUE(printer_.print(rentCheck, bundle_, *texts_, "nl"));
    ASSERT_EQ(receipts_.printed.size(), 1u);
    EXPECT_EQ(receipts_.printed[0].title, "Is mijn huur te hoog?");
    EXPECT_EQ(printer_.state("rent-check"), AnswerPrinter::PrintState::Printing);
    EXPECT_EQ(printer_.state("passport"), AnswerPrinter::PrintState::None);
    EXPECT_FALSE(printer_.print(passport, bundle_, *texts_, "nl"));  // one paper at a time
    EXPECT_EQ(receipts_.printed.size(), 1u);

    receipts_.finish(PrintOutcome::Ok);
    EXPECT_TRUE(printer_.collectPrintResults());
    EXPECT_EQ(printer_.state("rent-check"), AnswerPrinter::PrintState::Printed);
    EXPECT_FALSE(printer_.collectPrintResults());

    // Another topic, and the printer runs out of paper.
    ASSERT_TRUE(printer_.print(passport, bundle_, *texts_, "nl"));
    EXPECT_EQ(printer_.state("rent-check"), AnswerPrinter::PrintState::None);
    receipts_.finish(PrintOutcome::PaperOut);
    EXPECT_TRUE(printer_.collectPrintResults());
    EXPECT_EQ(printer_.state("passport"), AnswerPrinter::PrintState::Failed);
}

TEST_F(AnswerPrinterTest, WithoutAPrinterNothingPrints) {
    AnswerPrinter none("Wijkpunt Schiedam-Noord", clock_, nullptr);
    EXPECT_FALSE(none.canPrint());
    EXPECT_FALSE(none.print(topic("rent-check"), bundle_, *texts_, "en"));
    EXPECT_EQ(none.state("rent-check"), AnswerPrinter::PrintState::None);
    EXPECT_FALSE(none.collectPrintResults());
    EXPECT_TRUE(none.holdsNothing());
}

TEST_F(AnswerPrinterTest, TheSessionsWipeForgetsWhatWasPrintedAndALateResultChangesNothing) {
    RecordingSpeaker speaker;
    NoAlerts alerts;
    ResidentSession session(bundle_, clock_, speaker, alerts);
    session.attachAnswerPrinter(&printer_);  // which puts it on the session's list of holders
    ASSERT_EQ(session.answerPrinter(), &printer_);

    ASSERT_TRUE(printer_.print(topic("passport"), bundle_, *texts_, "nl"));
    EXPECT_FALSE(printer_.holdsNothing());
    session.startAgain();  // "Begin opnieuw"
    EXPECT_TRUE(printer_.holdsNothing());
    EXPECT_EQ(printer_.state("passport"), AnswerPrinter::PrintState::None);
    receipts_.finish(PrintOutcome::Ok);
    EXPECT_FALSE(printer_.collectPrintResults());
    EXPECT_EQ(printer_.state("passport"), AnswerPrinter::PrintState::None);
    session.attachAnswerPrinter(nullptr);
}

}  // namespace
}  // namespace wp
