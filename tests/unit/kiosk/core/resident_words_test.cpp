// What residents read, checked against the content's own rules in all five languages: the fixed words of
// content/words.toml (no replaced word anywhere a resident reads, request and question texts included), and
// every example in the texts of a typed field passes that field's validator and agrees with its error
// message.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "common/words.h"
#include "kiosk/core/form_validation.h"
#include "tests/unit/kiosk/core/demo_content_fixture.h"

namespace wp {
namespace {

// Texts no resident reads: the host console's.
bool isResidentText(std::string_view key) {
    return !key.starts_with("console.");
}

// A text without its {placeholders}.
std::string withoutPlaceholders(const std::string& text) {
    return std::regex_replace(text, std::regex(R"(\{[a-z_]+\})"), " ");
}

class ResidentWordsTest : public testing::DemoContentTest {
  protected:
    void SetUp() override {
        ASSERT_NO_FATAL_FAILURE(DemoContentTest::SetUp());
        auto words = loadContentWords(std::filesystem::path(WIJKPUNT_SOURCE_DIR) / "content");
        ASSERT_TRUE(words) << words.status().message();
        words_ = std::move(words).value();
    }
    std::vector<FixedWord> words_;
};

TEST_F(ResidentWordsTest, EveryFixedWordNamesEveryLanguage) {
    ASSERT_EQ(bundle_.content.languages.size(), 5u);
    for (const FixedWord& w : words_)
        for (const std::string& lang : bundle_.content.languages) {
            ASSERT_TRUE(w.byLanguage.contains(lang)) << w.id << " has no [word." << lang << "]";
            EXPECT_FALSE(w.byLanguage.at(lang).use.empty()) << w.id << " " << lang;
            EXPECT_FALSE(w.byLanguage.at(lang).avoid.empty()) << w.id << " " << lang;
        }
}

TEST_F(ResidentWordsTest, NoResidentTextUsesAReplacedWord) {
    std::vector<std::string> found;
    for (const auto& [lang, lt] : bundle_.content.texts)
        for (const auto& [key, text] : lt.texts) {
            if (!isResidentText(key)) continue;
            for (const FixedWord& w : words_)
                for (const std::string& bad :
                     avoidedWordsIn(withoutPlaceholders(text), w.byLanguage.at(lang)))
                    found.push_back(lang + ".toml " + key + ": '" + bad + "' where the fixed word is '" +
                                    w.byLanguage.at(lang).use.front() + "'");
        }
    EXPECT_TRUE(found.empty()) << [&] {
        std::string all;
        for (const std::string& f : found) all += f + "\n";
        return all;
    }();
}

// The request types and the question tree only name texts that the check above reads.
TEST_F(ResidentWordsTest, RequestAndQuestionTextsAreResidentTexts) {
    std::set<std::string> keys;
    for (const RequestSpec& spec : bundle_.requests.all())
        for (const auto& [key, step] : spec.textKeys()) keys.insert(key);
    for (const QuestionTopic& t : bundle_.questions.topics()) {
        keys.insert(t.labelKey);
        if (!t.answerKey.empty()) keys.insert(t.answerKey);
    }
    ASSERT_GT(keys.size(), 50u);
    for (const std::string& key : keys) {
        EXPECT_TRUE(isResidentText(key)) << key;
        for (const std::string& lang : bundle_.content.languages)
            EXPECT_TRUE(bundle_.content.texts.at(lang).texts.contains(key)) << lang << " " << key;
    }
}

// Every example of a typed field (its screen's explanation and its error message) passes its validator, and
// the error message's examples are among the explanation's.
TEST_F(ResidentWordsTest, EveryExampleOfATypedFieldPassesItsValidator) {
    struct Kind {
        EntryKind entry;
        const char* errorKey;
        std::regex example;
        Checked (*check)(std::string_view);
    };
    const std::vector<Kind> kinds = {
        {EntryKind::Phone, "form.phone_invalid", std::regex(R"((\+?\d[\d -]{6,}\d))"), checkDutchPhone},
        {EntryKind::Email, "form.email_invalid", std::regex(R"(([^\s:]+@[^\s]+[^\s.]))"), checkEmail},
        {EntryKind::Postcode, "form.postcode_invalid", std::regex(R"((\b\d{4} ?[A-Za-z]{2}\b))"),
         checkPostcode},
        {EntryKind::HouseNumber, "form.house_number_invalid", std::regex(R"((\b\d+[A-Za-z]?\b))"),
         checkHouseNumber},
    };
    auto examples = [](const std::string& text, const std::regex& re) {
        std::set<std::string> out;
        for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
            out.insert((*it)[1].str());
        return out;
    };
    int checked = 0;
    for (const Kind& kind : kinds) {
        for (const std::string& lang : bundle_.content.languages) {
            const auto& texts = bundle_.content.texts.at(lang).texts;
            std::set<std::string> shown;  // the examples of the field's screens
            for (const RequestSpec& spec : bundle_.requests.all())
                for (const FlowStep& s : spec.steps) {
                    if (s.kind != StepKind::Entry || s.entry != kind.entry || s.bodyKey.empty()) continue;
                    for (const std::string& e : examples(texts.at(s.bodyKey), kind.example)) {
                        EXPECT_TRUE(kind.check(e).ok()) << lang << " " << s.bodyKey << ": \"" << e << "\"";
                        shown.insert(e);
                        ++checked;
                    }
                }
            // Digits alone in an error message ("Typ 10 cijfers") are a count, not an example.
            std::set<std::string> inError = examples(texts.at(kind.errorKey), kind.example);
            if (kind.entry == EntryKind::HouseNumber) inError.erase("10");
            ASSERT_FALSE(inError.empty()) << lang << " " << kind.errorKey << " gives no example";
            for (const std::string& e : inError) {
                EXPECT_TRUE(kind.check(e).ok()) << lang << " " << kind.errorKey << ": \"" << e << "\"";
                EXPECT_TRUE(shown.contains(e))
                    << lang << " " << kind.errorKey << ": \"" << e << "\" is not the field's example";
                ++checked;
            }
        }
    }
    EXPECT_GT(checked, 40);
}

}  // namespace
}  // namespace wp
