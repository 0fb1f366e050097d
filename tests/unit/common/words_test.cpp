// The fixed word list (common/words.h) and the contact point's details (common/contact_point.h): their
// loaders, the file:line:col errors, and the shipped files.
#include <gtest/gtest.h>

#include "common/contact_point.h"
#include "common/words.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

using testing::TempDir;
using Words = std::vector<std::string>;

TEST(WordsTest, WordsAreLowerCasedAndSplitAtAnythingButLettersAndInnerJoiners) {
    EXPECT_EQ(wordsOf("Neem uw BON uit de printer."), (Words{"neem", "uw", "bon", "uit", "de", "printer"}));
    EXPECT_EQ(wordsOf("ID-bewijs, Wijkteam’s {count} - x"), (Words{"id-bewijs", "wijkteam’s", "count", "x"}));
    EXPECT_EQ(wordsOf("İSTEK Şimdi ÇEK Łódź ЧЕК Їжак"),
              (Words{"istek", "şimdi", "çek", "łódź", "чек", "їжак"}));
}

TEST(WordsTest, AvoidedWordsAreFoundAsWholeWordsInAnyCase) {
    FixedWord::Terms terms{{"bon"}, {"ticket", "bonnetje"}};
    EXPECT_EQ(avoidedWordsIn("Neem uw Ticket mee. Geen bonnetjes.", terms), Words{"ticket"});
    EXPECT_TRUE(avoidedWordsIn("Uw wachtnummer op de bon", terms).empty());
}

TEST(WordsTest, TheLoaderReadsEveryLanguagesTerms) {
    TempDir dir;
    auto words = loadWords(dir.write("words.toml", R"(
[[word]]
id = "bon"
meaning = "the paper"
[word.nl]
use = ["bon"]
not = ["ticket"]
[word.en]
use = ["ticket", "receipt"]
not = ["slip"]
)"));
    ASSERT_TRUE(words) << words.status().message();
    ASSERT_EQ(words->size(), 1u);
    EXPECT_EQ(words->at(0).id, "bon");
    EXPECT_EQ(words->at(0).byLanguage.at("en").use, (Words{"ticket", "receipt"}));
    EXPECT_EQ(words->at(0).byLanguage.at("nl").avoid, Words{"ticket"});
}

TEST(WordsTest, ProblemsAreNamedWithFileLineAndColumn) {
    TempDir dir;
    auto words = loadWords(dir.write("words.toml", R"([[word]]
id = "bon"
meaning = "the paper"
[word.nl]
use = ["bon"]
not = ["Ticket", "twee woorden", "bon"]
[[word]]
id = "bon"
meaning = "again"
nl = "bon"
)"));
    ASSERT_FALSE(words);
    const std::string& m = words.status().message();
    EXPECT_NE(m.find("words.toml:6:8: \"Ticket\" must be one word in lower case"), std::string::npos) << m;
    EXPECT_NE(m.find("\"twee woorden\" must be one word"), std::string::npos) << m;
    EXPECT_NE(m.find("'bon' is both used and replaced"), std::string::npos) << m;
    EXPECT_NE(m.find("word 'bon' appears twice"), std::string::npos) << m;
    EXPECT_NE(m.find("words.toml:10:6: 'nl' must be a [word.nl] table"), std::string::npos) << m;
    EXPECT_EQ(loadWords(dir.path() / "none.toml").status().code(), Status::Code::NotFound);
}

TEST(ContactPointTest, PhoneNumbersAreDigitsWithSingleSeparators) {
    for (const char* good : {"010 246 9300", "14 010", "+31 10 246 9300", "010-2469300", "112"})
        EXPECT_TRUE(isContactPhone(good)) << good;
    for (const char* bad :
         {"", "12", "010  246", "010 246 ", "-010", "bel 010", "+31 (0)10 246 9300", "1234567890123456"})
        EXPECT_FALSE(isContactPhone(bad)) << bad;
}

TEST(ContactPointTest, TheLoaderReadsThePhoneAndTheWeeksHours) {
    TempDir dir;
    auto d = loadContactPointDetails(dir.write("contact_point.toml", R"(phone = "010 246 9300"
[hours]
thursday = ["18:30-20:30", "09:00-17:00"]
)"));
    ASSERT_TRUE(d) << d.status().message();
    EXPECT_EQ(d->phone, "010 246 9300");
    EXPECT_EQ(d->openingHours[3], (std::vector<WalkInWindow>{{540, 1020}, {1110, 1230}}));
    EXPECT_TRUE(d->openingHours[0].empty());
}

TEST(ContactPointTest, ProblemsAreNamedWithFileLineAndColumn) {
    TempDir dir;
    auto d = loadContactPointDetails(dir.write("contact_point.toml", R"(phone = "bel ons"
[hours]
maandag = ["09:00-17:00"]
tuesday = ["17:00-09:00", "9-5"]
wednesday = ["09:00-13:00", "12:00-17:00"]
)"));
    ASSERT_FALSE(d);
    const std::string& m = d.status().message();
    EXPECT_NE(m.find("contact_point.toml:1:9: phone \"bel ons\" must be 3 to 15 digits"), std::string::npos)
        << m;
    EXPECT_NE(m.find("contact_point.toml:3:11: 'maandag' is no weekday"), std::string::npos) << m;
    EXPECT_NE(m.find("opening time \"17:00-09:00\" must end after it starts"), std::string::npos) << m;
    EXPECT_NE(m.find("contact_point.toml:4:27: an opening time must be a string like"), std::string::npos)
        << m;
    EXPECT_NE(m.find("opening times on wednesday overlap"), std::string::npos) << m;
    // No file in the content: no details, not an error.
    auto none = loadContentContactPoint(dir.path() / "elsewhere");
    ASSERT_TRUE(none);
    EXPECT_FALSE(none->has_value());
}

TEST(ContactPointTest, TheShippedContentHasValidDetailsAndWords) {
    const std::filesystem::path content = std::filesystem::path(WIJKPUNT_SOURCE_DIR) / "content";
    auto d = loadContentContactPoint(content);
    ASSERT_TRUE(d) << d.status().message();
    ASSERT_TRUE(d->has_value());
    EXPECT_TRUE(isContactPhone((*d)->phone));
    auto words = loadContentWords(content);
    ASSERT_TRUE(words) << words.status().message();
    EXPECT_EQ(words->size(), 6u);
}

}  // namespace
}  // namespace wp
