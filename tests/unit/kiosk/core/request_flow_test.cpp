// The request flows walked step by step: what each type asks, in which order, and what reaches the outbox.
#include "kiosk/core/request_flow.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/reference_code.h"
#include "tests/support/shipped_request_specs.h"
#include "tests/unit/kiosk/core/request_flow_fixture.h"

namespace wp {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::receiptText;
using ::testing::StartsWith;
using RequestFlowTest = testing::RequestFlowTest;

TEST_F(RequestFlowTest, EveryFlowSaysWhatHappensToPersonalDataBeforeAskingForIt) {
    std::vector<const FlowDefinition*> flows;
    for (const RequestSpec* spec : bundle_.requests.latestOfEach())
        if (spec->hasFlow()) flows.push_back(spec);
    ASSERT_EQ(flows.size(), 5u);  // question, callback, home-visit, initiative, appointment-callback
    for (const FlowDefinition* flow : flows) {
        const FlowDefinition& d = *flow;
        int privacy = -1, firstPersonal = -1;
        for (int i = 0; i < static_cast<int>(d.steps.size()); ++i) {
            const FlowStep& s = d.steps[static_cast<size_t>(i)];
            if (s.kind == StepKind::Privacy && privacy < 0) privacy = i;
            // A step is personal when it says so or when its field is personal in the request type's spec.
            const FieldSpec* f = s.field.empty() ? nullptr : d.field(s.field);
            bool personal = s.personal || (f != nullptr && f->personal);
            if (personal && firstPersonal < 0) firstPersonal = i;
            if (f == nullptr && !s.field.empty()) {
                EXPECT_FALSE(d.notesField.empty()) << d.id << ": " << s.id;
            }
        }
        ASSERT_GE(privacy, 0) << d.id;
        ASSERT_GE(firstPersonal, 0) << d.id;
        EXPECT_LT(privacy, firstPersonal) << d.id;
        ASSERT_GE(d.steps.size(), 2u);
        EXPECT_EQ(d.steps[d.steps.size() - 2].kind, StepKind::Summary) << d.id;
        EXPECT_EQ(d.steps.back().kind, StepKind::Done) << d.id;
    }
}

TEST_F(RequestFlowTest, UnknownFlowsAndTopicsStartNothing) {
    EXPECT_FALSE(flow_->start("appointment"));
    EXPECT_FALSE(flow_->active());
    EXPECT_FALSE(flow_->start("question/no-such-topic"));
    EXPECT_FALSE(flow_->active());
    EXPECT_TRUE(flow_->start("question"));
    EXPECT_EQ(stepId(), "category");
    EXPECT_TRUE(flow_->start("home-visit"));
    EXPECT_EQ(flow_->definition()->id, "home-visit");
    EXPECT_EQ(flow_->arg(), "home-visit");
    // A type without a flow (made by phones) starts nothing at the kiosk.
    EXPECT_FALSE(flow_->start("poll-vote"));
}

// A start tile that opens the request screen opens the flow of its own id.

TEST_F(RequestFlowTest, EveryRequestTileOpensTheFlowOfItsId) {
    int tiles = 0;
    for (const StartTile& tile : bundle_.content.tiles) {
        if (tile.screen != "request") continue;
        ++tiles;
        ASSERT_TRUE(flow_->start(tile.id)) << tile.id;
        EXPECT_EQ(flow_->definition()->id, tile.id);
    }
    EXPECT_EQ(tiles, 2);  // initiative, home-visit
}

TEST_F(RequestFlowTest, QuestionFromATopicWithPhoneReachesTheOutboxAndThenTheReceipt) {
    ASSERT_TRUE(flow_->start("question/repairs"));
    EXPECT_EQ(stepId(), "privacy");  // the topic came from the tree: no subject to choose
    ASSERT_TRUE(flow_->next());
    EXPECT_EQ(stepId(), "how");
    flow_->choose("type");  // one tap on a single choice moves on
    typeAndNext("De kraan in mijn keuken lekt al een week.");
    EXPECT_EQ(stepId(), "contact");
    flow_->choose("phone");
    EXPECT_EQ(stepId(), "phone");
    flow_->entry().set("06-1234");
    EXPECT_FALSE(flow_->next());
    EXPECT_EQ(flow_->errorKey(), "form.phone_invalid");
    EXPECT_EQ(stepId(), "phone");
    typeAndNext("06-12345678");
    EXPECT_EQ(stepId(), "time");
    flow_->choose("morning");
    EXPECT_EQ(stepId(), "summary");

    auto rows = flow_->summary();
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(rows[0].textKeys, std::vector<std::string>{"qtopic.repairs"});
    EXPECT_EQ(rows[1].value, "De kraan in mijn keuken lekt al een week.");
    EXPECT_EQ(rows[2].textKeys, std::vector<std::string>{"flow.contact_phone"});
    EXPECT_EQ(rows[3].value, "0612345678");  // normalised when accepted

    submit();
    ASSERT_EQ(outbox_.added.size(), 1u);
    const Request& r = outbox_.added[0];
    EXPECT_FALSE(validateRequest(r, wp::testing::shippedRequestSpecs()).has_value());
    EXPECT_EQ(r.type, "question");
    EXPECT_EQ(r.category, "huur");
    EXPECT_EQ(r.kioskCode, "K2");
    EXPECT_EQ(r.language, "nl");
    EXPECT_EQ(r.createdAt, clock_.now());
    EXPECT_TRUE(normalizeUuid(r.uuid).has_value());
    EXPECT_EQ(r.fields,
              (std::map<std::string, std::string>{{"topic", "repairs"},
                                                  {"text", "De kraan in mijn keuken lekt al een week."},
                                                  {"phone", "0612345678"},
                                                  {"contact", "phone"},
                                                  {"preferred_time", "morning"}}));

    EXPECT_TRUE(verifyReferenceCode(flow_->reference()));
    EXPECT_EQ(r.reference, flow_->reference());
    EXPECT_TRUE(references_.issued.contains(r.reference));
    ASSERT_EQ(receipts_.printed.size(), 1u);
    const ReceiptPrintout& p = receipts_.printed[0];
    EXPECT_EQ(p.reference, r.reference);
    EXPECT_EQ(p.qrUrl, "https://wijkpunt.schiedam.nl/status/" + r.reference + "?lang=nl");
    EXPECT_EQ(p.printedAt, clock_.now());
    EXPECT_EQ(p.qrAddress, "wijkpunt.schiedam.nl/status/" + r.reference);
    // What it is about (the topic, not the typed text), and how the resident hears.
    EXPECT_EQ(p.about, "Over: " + texts_->get("nl", "qtopic.repairs"));
    ASSERT_EQ(p.lines.size(), 5u);
    EXPECT_EQ(p.lines[1], "U krijgt antwoord via de telefoon. Wij bellen u.");
    EXPECT_EQ(p.lines[2], texts_->get("nl", "receipt.when_question"));
    // The contact point's phone number and opening hours, from content/contact_point.toml.
    EXPECT_EQ(p.contactLines, (std::vector<std::string>{
                                  "Bel het wijkpunt: 010 246 9300",
                                  "Het wijkpunt is open: maandag tot en met woensdag 9:00–17:00; donderdag "
                                  "9:00–17:00 en 18:30–20:30; vrijdag 9:00–12:30"}));
    // The topic's desk and when to walk in there.
    EXPECT_EQ(p.lines[4],
              "Huurloket, zonder afspraak: maandag 9:00–12:00; woensdag 13:00–16:00; donderdag "
              "9:00–12:00 en 13:00–16:00");
    const std::string all = receiptText(p);
    EXPECT_THAT(all, Not(HasSubstr("0612345678")));
    EXPECT_THAT(all, Not(HasSubstr("kraan")));
    EXPECT_THAT(all, Not(HasSubstr("[")));  // every text key exists

    EXPECT_EQ(flow_->printState(), RequestFlow::PrintState::Printing);
    receipts_.finish(PrintOutcome::Ok);
    EXPECT_TRUE(flow_->collectPrintResults());
    EXPECT_EQ(flow_->printState(), RequestFlow::PrintState::Printed);
}

TEST_F(RequestFlowTest, SomeoneWhoCannotWriteSendsJustTheTopicAndComesBackWithTheCode) {
    ASSERT_TRUE(flow_->start("question"));
    flow_->choose("zorg");
    EXPECT_EQ(stepId(), "privacy");
    ASSERT_TRUE(flow_->next());
    flow_->choose("topic-only");
    EXPECT_EQ(stepId(), "contact");  // no text field
    flow_->choose("none");
    EXPECT_EQ(stepId(), "summary");  // no phone, no e-mail, no time
    submit();
    const Request& r = outbox_.added.at(0);
    EXPECT_EQ(r.category, "zorg");
    EXPECT_EQ(r.fields, (std::map<std::string, std::string>{{"topic", "zorg"}, {"contact", "none"}}));
    // No topic: the desk of the question tree's first care topic.
    EXPECT_THAT(receipts_.printed.at(0).lines.back(), StartsWith("Wijkteam, zonder afspraak: "));
    // The done screen, after the answers are gone, reads the same receipt.
    EXPECT_EQ(flow_->makeReceipt(*texts_, "nl", &bundle_).lines, receipts_.printed.at(0).lines);
}

TEST_F(RequestFlowTest, CallbackNeedsAPhoneNumberAndKeepsThePreferredTime) {
    ASSERT_TRUE(flow_->start("callback/repairs"));
    ASSERT_TRUE(flow_->next());  // privacy
    EXPECT_EQ(stepId(), "phone");
    EXPECT_FALSE(flow_->next());
    EXPECT_EQ(flow_->errorKey(), "form.required");  // empty, not a wrong number
    flow_->entry().set("12345");
    EXPECT_FALSE(flow_->next());
    EXPECT_EQ(flow_->errorKey(), "form.phone_invalid");
    typeAndNext("+31 6 1234 5678");
    flow_->choose("afternoon");
    submit();
    const Request& r = outbox_.added.at(0);
    EXPECT_EQ(r.type, "callback");
    EXPECT_EQ(r.category, "huur");
    EXPECT_EQ(r.fields,
              (std::map<std::string, std::string>{
                  {"topic", "repairs"}, {"phone", "+31612345678"}, {"preferred_time", "afternoon"}}));
    EXPECT_THAT(receipts_.printed.at(0).lines.back(), StartsWith("Huurloket, zonder afspraak: "));
}

// Review of the Ukrainian walk: an empty phone field said the number was wrong. Every required entry left
// empty (or only spaces) says it is still empty, whatever its kind; a filled one gets its kind's error.

TEST_F(RequestFlowTest, AnEmptyRequiredEntryOfAnyKindSaysItIsEmpty) {
    struct Case {
        std::string arg;
        std::vector<std::string> before;  // options to choose on the way ("" = "Verder")
        std::string step, wrong, wrongKey;
    };
    const std::vector<Case> cases{
        {"callback/repairs", {""}, "phone", "0612", "form.phone_invalid"},
        {"question/repairs", {"", "topic-only", "email"}, "email", "jan@", "form.email_invalid"},
        {"question/repairs", {"", "type"}, "text", "", ""},
        {"home-visit", {"care", ""}, "name", "", ""},
    };
    for (const Case& c : cases) {
        ASSERT_TRUE(flow_->start(c.arg));
        for (const std::string& o : c.before) {
            if (o.empty())
                ASSERT_TRUE(flow_->next()) << c.arg;
            else
                flow_->choose(o);
        }
        ASSERT_EQ(stepId(), c.step);
        for (const char* empty : {"", "   "}) {
            flow_->entry().set(empty);
            EXPECT_FALSE(flow_->next()) << c.step;
            EXPECT_EQ(flow_->errorKey(), "form.required") << c.step << " with \"" << empty << "\"";
        }
        if (!c.wrong.empty()) {
            flow_->entry().set(c.wrong);
            EXPECT_FALSE(flow_->next());
            EXPECT_EQ(flow_->errorKey(), c.wrongKey) << c.step;
        }
    }
    // The address: postcode and house number.
    ASSERT_TRUE(flow_->start("home-visit"));
    flow_->choose("care");
    ASSERT_TRUE(flow_->next());
    typeAndNext("Truus de Vries");
    ASSERT_EQ(stepId(), "postcode");
    EXPECT_FALSE(flow_->next());
    EXPECT_EQ(flow_->errorKey(), "form.required");
    typeAndNext("3121 AB");
    ASSERT_EQ(stepId(), "house-number");
    EXPECT_FALSE(flow_->next());
    EXPECT_EQ(flow_->errorKey(), "form.required");
    flow_->entry().set("0");
    EXPECT_FALSE(flow_->next());
    EXPECT_EQ(flow_->errorKey(), "form.house_number_invalid");
}

// Review of the Ukrainian walk: "Dit vak is nog leeg" stayed under the field while the resident typed. The
// error goes with the first key typed or erased, stays gone when the text comes back to what it was, and
// returns only when "Verder" finds a problem again.

TEST_F(RequestFlowTest, AnErrorGoesAsSoonAsTheAnswerChanges) {
    ASSERT_TRUE(flow_->start("question/repairs"));
    ASSERT_TRUE(flow_->next());
    flow_->choose("type");
    ASSERT_EQ(stepId(), "text");
    EXPECT_FALSE(flow_->next());
    EXPECT_EQ(flow_->errorKey(), "form.required");
    EXPECT_EQ(flow_->errorKey(), "form.required");  // asking again changes nothing
    flow_->entry().type("d");
    EXPECT_EQ(flow_->errorKey(), "");
    flow_->entry().backspace();  // back to empty: still no error until "Verder"
    EXPECT_EQ(flow_->errorKey(), "");
    EXPECT_FALSE(flow_->next());
    EXPECT_EQ(flow_->errorKey(), "form.required");

    // A wrong phone number: one more digit takes the error away, "Verder" brings it back.
    flow_->entry().type("de kraan lekt");
    ASSERT_TRUE(flow_->next());
    flow_->choose("phone");
    flow_->entry().type("0612");
    EXPECT_FALSE(flow_->next());
    EXPECT_EQ(flow_->errorKey(), "form.phone_invalid");
    flow_->entry().type("3");
    EXPECT_EQ(flow_->errorKey(), "");
    EXPECT_FALSE(flow_->next());
    EXPECT_EQ(flow_->errorKey(), "form.phone_invalid");
    flow_->entry().backspace();
    EXPECT_EQ(flow_->errorKey(), "");
}

TEST_F(RequestFlowTest, HomeVisitBuildsTheAddressAndKeepsDaysTimesAndCompany) {
    ASSERT_TRUE(flow_->start("home-visit"));
    EXPECT_EQ(stepId(), "reason");
    EXPECT_FALSE(flow_->next());
    EXPECT_EQ(flow_->errorKey(), "flow.choose_one");
    flow_->choose("household");
    EXPECT_EQ(stepId(), "privacy");
    ASSERT_TRUE(flow_->next());
    EXPECT_EQ(stepId(), "name");
    EXPECT_FALSE(flow_->next());
    EXPECT_EQ(flow_->errorKey(), "form.required");
    typeAndNext("Truus de Vries");
    flow_->entry().set("0123 ab");
    EXPECT_FALSE(flow_->next());
    EXPECT_EQ(flow_->errorKey(), "form.postcode_invalid");
    typeAndNext("3121ab");
    typeAndNext("12a");
    typeAndNext("0101234567");
    EXPECT_EQ(stepId(), "days");
    EXPECT_FALSE(flow_->next());
    flow_->choose("thursday");
    flow_->choose("monday");
    flow_->choose("friday");
    flow_->choose("friday");      // a second tap takes it back
    EXPECT_EQ(stepId(), "days");  // several: "Verder" moves on, not a tap
    ASSERT_TRUE(flow_->next());
    flow_->choose("morning");
    ASSERT_TRUE(flow_->next());
    flow_->choose("no");
    EXPECT_EQ(stepId(), "summary");
    auto rows = flow_->summary();
    auto address =
        std::find_if(rows.begin(), rows.end(), [](const auto& r) { return r.stepId == "postcode"; });
    ASSERT_NE(address, rows.end());
    EXPECT_EQ(address->value, "3121 AB 12A");
    submit();
    const Request& r = outbox_.added.at(0);
    EXPECT_EQ(r.type, "home-visit");
    EXPECT_EQ(r.category, "zorg");
    EXPECT_EQ(r.fields, (std::map<std::string, std::string>{{"topic", "household"},
                                                            {"name", "Truus de Vries"},
                                                            {"postcode", "3121 AB"},
                                                            {"house_number", "12A"},
                                                            {"phone", "0101234567"},
                                                            {"preferred_time", "monday,thursday morning"},
                                                            {"someone_present", "no"}}));
    for (const ReceiptPrintout& p : receipts_.printed) {
        EXPECT_THAT(receiptText(p), Not(HasSubstr("3121")));
        EXPECT_THAT(receiptText(p), Not(HasSubstr("Truus")));
    }
    EXPECT_THAT(receipts_.printed.at(0).lines.back(),
                StartsWith("Wijkteam, zonder afspraak: maandag, woensdag"));
}

TEST_F(RequestFlowTest, ANameAndAPostcodeAreShownAndSentInTheirNormalForm) {
    ASSERT_TRUE(flow_->start("home-visit"));
    flow_->choose("care");
    ASSERT_TRUE(flow_->next());  // privacy
    typeAndNext("jan van der berg");
    typeAndNext("3112ab");
    typeAndNext("7");
    typeAndNext("0612345678");
    flow_->choose("monday");
    ASSERT_TRUE(flow_->next());
    flow_->choose("afternoon");
    ASSERT_TRUE(flow_->next());
    flow_->choose("yes");
    ASSERT_EQ(stepId(), "summary");
    std::map<std::string, std::string> shown;
    for (const auto& row : flow_->summary()) shown[row.stepId] = row.value;
    EXPECT_EQ(shown["name"], "Jan van der Berg");
    EXPECT_EQ(shown["postcode"], "3112 AB 7");
    submit();
    EXPECT_EQ(outbox_.added.at(0).fields.at("name"), "Jan van der Berg");
    EXPECT_EQ(outbox_.added.at(0).fields.at("postcode"), "3112 AB");
}

TEST_F(RequestFlowTest, InitiativeExplainsTheBudgetOnlyWhenMoneyIsAskedAndPromisesACoach) {
    ASSERT_TRUE(flow_->start("initiative"));
    EXPECT_EQ(stepId(), "privacy");  // the description is personal: the privacy sentence comes first
    ASSERT_TRUE(flow_->next());
    typeAndNext("Bankjes bij de speeltuin");
    typeAndNext("Twee bankjes, zodat ouders kunnen zitten.");
    typeAndNext("Speeltuin Nieuwe Passage");
    flow_->choose("neighbours");
    EXPECT_EQ(stepId(), "help");
    flow_->choose("materials");
    flow_->choose("coach");
    ASSERT_TRUE(flow_->next());
    EXPECT_EQ(stepId(), "when");  // no money asked: no budget rules, no budget
    ASSERT_TRUE(flow_->back());
    flow_->choose("money");
    ASSERT_TRUE(flow_->next());
    EXPECT_EQ(stepId(), "budget-rules");
    EXPECT_EQ(flow_->step().kind, StepKind::Info);
    ASSERT_TRUE(flow_->next());
    flow_->choose("250-1000");
    flow_->choose("1-3-months");
    typeAndNext("Ali Yilmaz");
    EXPECT_EQ(stepId(), "contact");
    flow_->choose("email");
    flow_->entry().set("ali@");
    EXPECT_FALSE(flow_->next());
    EXPECT_EQ(flow_->errorKey(), "form.email_invalid");
    typeAndNext("ali@example.org");
    EXPECT_EQ(stepId(), "summary");
    submit();
    const Request& r = outbox_.added.at(0);
    EXPECT_EQ(r.type, "initiative");
    EXPECT_EQ(r.fields, (std::map<std::string, std::string>{
                            {"title", "Bankjes bij de speeltuin"},
                            {"description", "Twee bankjes, zodat ouders kunnen zitten."},
                            {"location", "Speeltuin Nieuwe Passage"},
                            {"initiators", "neighbours"},
                            {"help", "money,materials,coach"},
                            {"budget", "250-1000"},
                            {"when", "1-3-months"},
                            {"name", "Ali Yilmaz"},
                            {"email", "ali@example.org"}}));
    const ReceiptPrintout& p = receipts_.printed.at(0);
    EXPECT_THAT(receiptText(p), HasSubstr(" 4 "));  // the coach's working days from the settings
    EXPECT_THAT(receiptText(p), Not(HasSubstr("ali@")));
    EXPECT_EQ(p.lines.back(),
              "Initiatief-coach, zonder afspraak: dinsdag 13:00–16:00; donderdag 18:30–20:30");
}

TEST_F(RequestFlowTest, ChangingAnAnswerOnTheSummaryAsksOnlyWhatIsNewAndReturns) {
    ASSERT_TRUE(flow_->start("question/repairs"));
    ASSERT_TRUE(flow_->next());
    flow_->choose("type");
    typeAndNext("Mijn deur klemt.");
    flow_->choose("phone");
    typeAndNext("0612345678");
    flow_->choose("any");
    ASSERT_EQ(stepId(), "summary");

    // Change the text: straight back to the summary.
    flow_->edit("text");
    EXPECT_EQ(stepId(), "text");
    EXPECT_EQ(flow_->entry().value(), "Mijn deur klemt.");
    flow_->entry().set("Mijn voordeur klemt.");
    ASSERT_TRUE(flow_->next());
    EXPECT_EQ(stepId(), "summary");

    // E-mail instead of phone: the e-mail step comes first, then the summary.
    flow_->edit("contact");
    flow_->choose("email");
    EXPECT_EQ(stepId(), "email");
    typeAndNext("jan@example.org");
    EXPECT_EQ(stepId(), "summary");
    submit();
    const Request& r = outbox_.added.at(0);
    // No phone (its step is no longer shown) and no preferred time (only asked with "call me").
    EXPECT_EQ(r.fields, (std::map<std::string, std::string>{{"topic", "repairs"},
                                                            {"text", "Mijn voordeur klemt."},
                                                            {"contact", "email"},
                                                            {"email", "jan@example.org"}}));
}

TEST_F(RequestFlowTest, BackWalksTheStepsShownAndStopsAtTheFirst) {
    ASSERT_TRUE(flow_->start("callback"));
    flow_->choose("geld");
    ASSERT_TRUE(flow_->next());
    EXPECT_EQ(stepId(), "phone");
    EXPECT_EQ(flow_->stepNumber(), 3);
    EXPECT_EQ(flow_->stepCount(), 5);
    ASSERT_TRUE(flow_->back());
    ASSERT_TRUE(flow_->back());
    EXPECT_EQ(stepId(), "category");
    EXPECT_TRUE(flow_->isChosen("geld"));
    EXPECT_FALSE(flow_->back());
}

}  // namespace
}  // namespace wp
