// A topic of "Vraag stellen" (kiosk/ui/screens/question_topic_screen.cpp): its answer in parts, the routes
// under it, related and deeper topics, and printing the answer.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <thread>

#include "tests/unit/kiosk/ui/screen_fixture.h"

namespace wp::ui {
namespace {

using QuestionTopicScreenTest = ScreenTest;

TEST_F(QuestionTopicScreenTest, ALongAnswerIsReadInPartsAndEveryPartShowsWhole) {
    // Each language's own answer, four times over: far more than one screen holds at the large font.
    for (const std::string& lang : bundle_.content.languages) {
        std::string& answer = bundle_.content.texts[lang].texts["qanswer.debts"];
        const std::string once = answer;
        answer = once + "\n" + once + "\n" + once + "\n" + once;
    }
    const double mmPerPx = bundle_.settings.screen.mmPerPx;
    for (bool highContrast : {false, true})
        for (const std::string& lang : bundle_.content.languages) {
            session_->startAgain();
            frame();  // the start screen, so the topic comes up afresh at its first part
            session_->setLanguage(lang);
            session_->setHighContrast(highContrast);
            session_->openTile("question");
            session_->open({"question-topic", "debts"});
            frame();
            const std::string where = lang + (highContrast ? " / high contrast" : "");
            const float largeSize = fonts_.forTheme(session_->theme().id).large->FontSize;
            std::string shown;  // the answer's paragraphs of every part, in order
            int parts = 0;
            while (parts < 10) {
                const FrameRecord& f = frame();
                ++parts;
                for (const DrawnItem& item : f.items) {
                    EXPECT_TRUE(f.isVisible(item))
                        << where << ", part " << parts << ": \"" << item.text << "\"";
                    if (item.clickable) {
                        EXPECT_GE(item.rect.height() * mmPerPx, 10.0) << where << ": " << item.text;
                    }
                    if (!item.clickable && item.region == Region::Content && item.fontSize == largeSize &&
                        item.text != session_->tr("question.help_title"))
                        shown += (shown.empty() ? std::string() : std::string(" ")) + item.text;
                }
                const DrawnItem* next = control(session_->tr("question.more"));
                if (next == nullptr) break;
                tapCentre(*next);
            }
            EXPECT_GE(parts, 2) << where << ": the long answer was not split";
            EXPECT_LT(parts, 10) << where;
            // Nothing lost, nothing twice: the parts together are the whole answer.
            std::string whole = bundle_.content.texts[lang].texts["qanswer.debts"];
            std::replace(whole.begin(), whole.end(), '\n', ' ');
            EXPECT_EQ(shown, whole) << where;
        }
}

TEST_F(QuestionTopicScreenTest, TalkToSomeoneNowTakesANumberForTheTopicsDesk) {
    session_->openTile("question");
    frame();
    tapCentre(*control("Huur en reparaties"));
    EXPECT_EQ(session_->screen(), (ScreenRef{"question-category", "huur"}));
    tapCentre(*control("Is mijn huur te hoog?"));
    EXPECT_EQ(session_->screen(), (ScreenRef{"question-topic", "rent-check"}));
    const DrawnItem* talk = control("Nu met iemand praten");
    ASSERT_NE(talk, nullptr);
    tapCentre(*talk);
    EXPECT_EQ(session_->screen(), (ScreenRef{"ticket", "huurloket"}));
    ASSERT_TRUE(flow_->ticket().has_value());
    EXPECT_EQ(flow_->ticket()->ticket.serviceId, "huurloket");
}

TEST_F(QuestionTopicScreenTest, TalkToSomeoneNowAtAClosedDeskExplainsInsteadOfIssuing) {
    clock_.advance(std::chrono::hours(10));  // Thursday 20:00: the Huurloket is closed
    session_->openTile("question");
    session_->open({"question-topic", "rent-check"});
    frame();
    frame();
    const DrawnItem* talk = control("Nu met iemand praten");
    ASSERT_NE(talk, nullptr);
    tapCentre(*talk);
    EXPECT_EQ(session_->screen(), (ScreenRef{"ticket-closed", "huurloket"}));
    EXPECT_FALSE(flow_->ticket().has_value());
}

TEST_F(QuestionTopicScreenTest, LeaveAQuestionAndCallMeBackOpenTheRequestScreenOnlyOnceItExists) {
    auto ids = screenIds();
    const bool requestExists = std::find(ids.begin(), ids.end(), "request") != ids.end();
    for (const auto& [label, arg] : {std::pair{"Vraag achterlaten", "question/rent-check"},
                                     std::pair{"Bel mij terug", "callback/rent-check"}}) {
        session_->startAgain();
        session_->openTile("question");
        session_->open({"question-topic", "rent-check"});
        frame();
        frame();
        const DrawnItem* button = control(label);
        if (!requestExists) {
            EXPECT_EQ(button, nullptr) << label << " is drawn, but there is no request screen to open";
            continue;
        }
        ASSERT_NE(button, nullptr) << label;
        tapCentre(*button);
        EXPECT_EQ(session_->screen(), (ScreenRef{"request", arg}));
    }
}

TEST_F(QuestionTopicScreenTest, AnAppointmentRouteOffersACallBackWhileTheKioskMakesNoAppointments) {
    session_->openTile("question");
    session_->open({"question-topic", "passport"});
    frame();
    frame();
    EXPECT_EQ(control("Afspraak maken"), nullptr);
    // A call back about the topic is there instead.
    ASSERT_NE(control("Bel mij terug"), nullptr);
    tapCentre(*control("Bel mij terug"));
    EXPECT_EQ(session_->screen(), (ScreenRef{"request", "callback/passport"}));
}

TEST_F(QuestionTopicScreenTest, ARelatedTopicAndASubTopicOpenTheirAnswer) {
    session_->openTile("question");
    session_->open({"question-topic", "rent-allowance"});
    const DrawnItem* link = onSomePart("Lees ook: Extra geld bij een laag inkomen");
    ASSERT_NE(link, nullptr);
    tapCentre(*link);
    EXPECT_EQ(session_->screen(), (ScreenRef{"question-topic", "extra-money"}));
    session_->open({"question-topic", "repairs"});
    const DrawnItem* sub = onSomePart("De verhuurder doet niets");
    ASSERT_NE(sub, nullptr);
    tapCentre(*sub);
    EXPECT_EQ(session_->screen(), (ScreenRef{"question-topic", "repairs-landlord"}));
}

// Many routes under a long answer (Ukrainian, four routes and a link) must not leave the answer a line or two
// per part ("Частина 1 з 5"): the answer takes the screen and the routes follow its last part.
TEST_F(QuestionTopicScreenTest, TheRoutesNeverSqueezeTheAnswerToAFewLines) {
    session_->setLanguage("uk");
    session_->openTile("question");
    session_->open({"question-topic", "rent-allowance"});
    frame();
    const FrameRecord& f = frame();
    for (const DrawnItem& item : f.items) {
        if (item.text.rfind("Частина ", 0) == 0) {
            EXPECT_EQ(item.text, "Частина 1 з 2");
        }
    }
    EXPECT_EQ(control("Поговорити з кимось зараз"), nullptr) << "the routes come after the answer";
    const DrawnItem* talk = onSomePart("Поговорити з кимось зараз", "Читати далі");
    EXPECT_NE(talk, nullptr);
}

// "Print dit antwoord": the answer goes to the printer and the button's place says how it goes,
// without a window in the way; a failure sends the resident to the host; a kiosk without a printer has no
// button.
TEST_F(QuestionTopicScreenTest, AnAnswerPrintsFromItsTopicAndTheScreenSaysHowItGoes) {
    auto shows = [this](const std::string& text) {
        const FrameRecord& f = frame();
        return std::any_of(f.items.begin(), f.items.end(),
                           [&](const DrawnItem& i) { return i.text == text; });
    };
    for (std::optional<PrintOutcome> fail :
         {std::optional<PrintOutcome>{}, std::optional{PrintOutcome::PaperOut}}) {
        session_->startAgain();
        if (fail) printer_->failNext(*fail);
        session_->openTile("question");
        session_->open({"question-topic", "rent-check"});
        frame();
        const DrawnItem* print = control("Print dit antwoord");
        ASSERT_NE(print, nullptr);
        tapCentre(*print);
        EXPECT_TRUE(shows("De printer maakt uw papier."));
        EXPECT_EQ(control("Print dit antwoord"), nullptr);  // one paper at a time
        EXPECT_NE(control("Terug"), nullptr);               // and the resident can go on meanwhile
        for (int i = 0; i < 500 && !answerPrinter_->collectPrintResults(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        EXPECT_TRUE(shows(fail ? "Het printen lukt niet. Vraag het de gastvrouw of gastheer."
                               : "Uw papier is klaar. Pak het uit de printer."));
        EXPECT_EQ(session_->screen(), (ScreenRef{"question-topic", "rent-check"}));
    }
    // What went to the printer: the answer, not a request.
    const std::vector<ReceiptPrintout> papers = printer_->printedReceipts();
    ASSERT_EQ(papers.size(), 1u);
    EXPECT_EQ(papers[0].title, "Is mijn huur te hoog?");
    EXPECT_TRUE(papers[0].reference.empty());

    // Another topic starts without a print state; without a printer there is no button at all.
    session_->open({"question-topic", "passport"});
    frame();
    EXPECT_NE(control("Print dit antwoord"), nullptr);
    AnswerPrinter noPrinter(bundle_.settings.contactPoint.name, clock_, /*queue=*/nullptr);
    session_->attachAnswerPrinter(&noPrinter);
    frame();
    EXPECT_EQ(control("Print dit antwoord"), nullptr);
    EXPECT_NE(control("Terug"), nullptr);
    session_->attachAnswerPrinter(answerPrinter_);
}

// Every answer is on the summary whole, over as many pages as it takes; every answer's box says it can be
// changed; "Terug" and "Verstuur" stay where they are; a tap on a box on a later page changes that answer
}  // namespace
}  // namespace wp::ui
