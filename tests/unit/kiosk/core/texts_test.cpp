#include "kiosk/core/texts.h"

#include <gtest/gtest.h>

namespace wp {
namespace {

TEST(TextsTest, LooksUpPerLanguageAndRecordsMissingKeys) {
    Content c;
    c.texts["nl"] = LanguageTexts{"nl", "nl.toml", {{"a", "Hallo"}, {"language.name", "Nederlands"}}};
    c.texts["en"] = LanguageTexts{"en", "en.toml", {{"a", "Hello"}}};
    Texts t(c);
    EXPECT_EQ(t.get("nl", "a"), "Hallo");
    EXPECT_EQ(t.get("en", "a"), "Hello");
    EXPECT_EQ(t.languageName("nl"), "Nederlands");
    EXPECT_TRUE(t.missingKeys().empty());
    EXPECT_EQ(t.get("en", "b"), "[b]");
    EXPECT_EQ(t.get("xx", "a"), "[a]");
    EXPECT_EQ(t.missingKeys(), (std::set<std::string>{"en:b", "xx:a"}));
}

}  // namespace
}  // namespace wp
