#include "common/request_spec.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/bundle.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

using ::testing::HasSubstr;
using testing::TempDir;

const std::filesystem::path kSource = WIJKPUNT_SOURCE_DIR;

// A small flow: a choice, the privacy sentence, a phone number.
constexpr const char* kCompact = R"(id = "tip"
version = 3
title = "tip.title"
privacy = "tip.privacy"
fallback_team = "wijkmanager"

[receipt]
title = "tip.receipt_title"
next = "tip.receipt_next"
when = "tip.receipt_when"

[[field]]
name = "about"
kind = "id"
required = true

[[field]]
name = "phone"
kind = "phone"
personal = true

[[step]]
id = "about"
kind = "choice"
title = "tip.about_title"
label = "tip.about_label"
field = "about"
options = [{ id = "street", text = "tip.street" }, { id = "park", text = "tip.park" }]

[[step]]
id = "privacy"
kind = "privacy"

[[step]]
id = "phone"
kind = "entry"
entry = "phone"
title = "tip.phone_title"
field = "phone"
only_if = { step = "about", option = "park" }
)";

TEST(RequestSpecTest, ACompactSpecLoadsWithItsFlowEndingInSummaryAndDone) {
    TempDir dir;
    auto spec = loadRequestSpec(dir.write("tip.toml", kCompact));
    ASSERT_TRUE(spec) << spec.status().message();
    EXPECT_EQ(spec->id, "tip");
    EXPECT_EQ(spec->version, 3);
    EXPECT_EQ(spec->fallbackTeam, "wijkmanager");
    ASSERT_EQ(spec->steps.size(), 5u);
    EXPECT_EQ(spec->steps[1].bodyKey, "tip.privacy");  // the privacy step says the spec's sentence
    const FlowStep& phone = spec->steps[2];
    EXPECT_EQ(phone.entry, EntryKind::Phone);
    EXPECT_EQ(phone.maxBytes, 20u);
    EXPECT_TRUE(phone.personal);  // its field is personal
    EXPECT_EQ(phone.onlyIfStep, "about");
    EXPECT_EQ(spec->steps[3].kind, StepKind::Summary);
    EXPECT_EQ(spec->steps[4].kind, StepKind::Done);
    EXPECT_EQ(spec->steps[4].titleKey, "tip.receipt_title");
}

// Every problem at once, each at its file:line:col.
TEST(RequestSpecTest, ErrorsNameFileLineAndColumn) {
    TempDir dir;
    std::string text = kCompact;
    auto swap = [&](const std::string& from, const std::string& to) {
        auto at = text.find(from);
        ASSERT_NE(at, std::string::npos) << from;
        text.replace(at, from.size(), to);
    };
    swap("fallback_team = \"wijkmanager\"", "fallback_team = \"brandweer\"");
    swap("kind = \"phone\"\npersonal", "kind = \"telefoon\"\npersonal");
    swap("option = \"park\"", "option = \"beach\"");
    swap("label = \"tip.about_label\"", "lable = \"tip.about_label\"");
    auto spec = loadRequestSpec(dir.write("tip.toml", text));
    ASSERT_FALSE(spec);
    const std::string& m = spec.status().message();
    EXPECT_THAT(m, HasSubstr("tip.toml:5:17: 'brandweer' is no team"));
    EXPECT_THAT(m, HasSubstr("tip.toml:19:8: 'telefoon' is no field kind"));
    EXPECT_THAT(m, HasSubstr("tip.toml:40:38: step 'about' has no option 'beach'"));
    EXPECT_THAT(m, HasSubstr("tip.toml:26:9: unknown key 'lable'"));
}

TEST(RequestSpecTest, APersonsNameIsAFreeTextEntryOnly) {
    TempDir dir;
    std::string text = kCompact;
    text.replace(text.find("entry = \"phone\"\n"), 15, "entry = \"phone\"\nperson_name = true\n");
    auto spec = loadRequestSpec(dir.write("tip.toml", text));
    ASSERT_FALSE(spec);
    EXPECT_THAT(spec.status().message(),
                HasSubstr("tip.toml:38:15: 'person_name' is for entry steps of entry \"text\""));
    auto names = [](const RequestSpec& s) {
        std::vector<std::string> out;
        for (const FlowStep& step : s.steps)
            if (step.personName) out.push_back(step.id);
        return out;
    };
    auto shipped = loadRequestSpec(kSource / "content/requests/home-visit.toml");
    ASSERT_TRUE(shipped) << shipped.status().message();
    EXPECT_EQ(names(*shipped), std::vector<std::string>{"name"});
}

TEST(RequestSpecTest, PersonalDataNeedsThePrivacyStepFirst) {
    TempDir dir;
    std::string text = kCompact;
    // The phone step before the privacy step.
    auto privacy = text.find("[[step]]\nid = \"privacy\"");
    auto phone = text.find("[[step]]\nid = \"phone\"");
    std::string privacyStep = text.substr(privacy, phone - privacy);
    text.erase(privacy, privacyStep.size());
    text += "\n" + privacyStep;
    auto spec = loadRequestSpec(dir.write("tip.toml", text));
    ASSERT_FALSE(spec);
    EXPECT_THAT(spec.status().message(),
                HasSubstr("asks personal data: a step of kind \"privacy\" must come"));
}

TEST(RequestSpecTest, AFolderKeepsEveryVersionAndRefusesATwin) {
    TempDir dir;
    std::string v1 = kCompact;
    v1.replace(v1.find("version = 3"), 11, "version = 1");
    dir.write("specs/tip-v1.toml", v1);
    dir.write("specs/tip.toml", kCompact);
    auto specs = loadRequestSpecs(dir.path() / "specs");
    ASSERT_TRUE(specs) << specs.status().message();
    EXPECT_EQ(specs->all().size(), 2u);
    EXPECT_EQ(specs->latest("tip")->version, 3);
    EXPECT_NE(specs->find("tip", 1), nullptr);
    EXPECT_EQ(specs->find("tip", 2), nullptr);
    EXPECT_EQ(specs->typeNames(), std::vector<std::string>{"tip"});

    dir.write("specs/tip-again.toml", kCompact);
    auto twins = loadRequestSpecs(dir.path() / "specs");
    ASSERT_FALSE(twins);
    EXPECT_THAT(twins.status().message(), HasSubstr("specs/tip.toml:1:1: version 3 of 'tip' is also in"));
    EXPECT_FALSE(loadRequestSpecs(dir.path() / "nothing-here"));
}

// Every spec the project ships loads, and every flow among them fits the demo bundle's texts and services.
TEST(RequestSpecTest, ShippedSpecsLoadAndFitTheBundle) {
    auto bundle = loadBundle(kSource / "provisioning/demo/settings.toml");
    ASSERT_TRUE(bundle) << bundle.status().message();
    std::vector<std::string> flows;
    for (const RequestSpec* spec : bundle->requests.latestOfEach())
        if (spec->hasFlow()) flows.push_back(spec->id);
    EXPECT_EQ(flows, (std::vector<std::string>{"appointment-callback", "callback", "home-visit", "initiative",
                                               "question"}));
    EXPECT_EQ(bundle->requests.typeNames().size(), 10u);
}

// The receipt's promise in working days: optional, 1 to 60, and in the shipped specs the number their Dutch
// when-text says.
TEST(RequestSpecTest, TheReceiptsPromiseIsWorkingDaysTheWhenTextNames) {
    TempDir dir;
    auto none = loadRequestSpec(dir.write("tip.toml", kCompact));
    ASSERT_TRUE(none) << none.status().message();
    EXPECT_EQ(none->receipt.contactWithinWorkingDays, 0);
    std::string text = kCompact;
    std::string when = "when = \"tip.receipt_when\"\n";
    text.insert(text.find(when) + when.size(), "contact_within_working_days = 4\n");
    auto four = loadRequestSpec(dir.write("four.toml", text));
    ASSERT_TRUE(four) << four.status().message();
    EXPECT_EQ(four->receipt.contactWithinWorkingDays, 4);
    text.replace(text.find("= 4"), 3, "= 0");
    auto zero = loadRequestSpec(dir.write("zero.toml", text));
    ASSERT_FALSE(zero);
    EXPECT_THAT(zero.status().message(),
                HasSubstr("zero.toml:11:31: 'contact_within_working_days' must be working days, 1 to 60"));

    auto content = loadContent(kSource / "content");
    ASSERT_TRUE(content) << content.status().message();
    auto specs = loadRequestSpecs(kSource / "content/requests");
    ASSERT_TRUE(specs) << specs.status().message();
    int promises = 0;
    for (const RequestSpec* spec : specs->latestOfEach()) {
        if (spec->receipt.contactWithinWorkingDays == 0) continue;
        ++promises;
        const std::string& dutch = content->texts.at("nl").texts.at(spec->receipt.whenKey);
        EXPECT_THAT(dutch, HasSubstr(std::to_string(spec->receipt.contactWithinWorkingDays) + " werkdagen"))
            << spec->id;
    }
    EXPECT_EQ(promises, 4) << "appointment-callback, callback, home-visit and question; initiatives promise "
                              "[initiative]'s number";
}

// A text key a flow names must exist in every language of the bundle.
TEST(RequestSpecTest, AMissingTextOfAFlowIsNamedWithItsStep) {
    auto content = loadContent(kSource / "content");
    ASSERT_TRUE(content) << content.status().message();
    TempDir dir;
    auto spec = loadRequestSpec(dir.write("tip.toml", kCompact));
    ASSERT_TRUE(spec) << spec.status().message();
    RequestSpecs specs;
    specs.add(std::move(spec).value());
    auto errors = checkRequestSpecsAgainst(specs, content.value(), {});
    ASSERT_FALSE(errors.empty());
    EXPECT_THAT(errors.front(), HasSubstr("missing text 'tip."));
    EXPECT_THAT(errors, ::testing::Contains(HasSubstr("missing text 'tip.park' (used by step 'about' of")));
}

}  // namespace
}  // namespace wp
