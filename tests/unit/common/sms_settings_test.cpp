// The [sms] table of the kiosk's settings (common/sms_settings.h): off when missing or incomplete, a
// file:line:col error when a value is wrong.
#include "common/sms_settings.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

using ::testing::HasSubstr;

TEST(SmsSettings, ACompleteTableTurnsSmsOnWithTheNearRuleAndItsDefault) {
    testing::TempDir dir;
    auto s = loadSmsSettings(dir.write("settings.toml", R"([kiosk]
code = "K2"

[sms]
url = "http://127.0.0.1:13013/cgi-bin/sendsms"
username = "wijkpunt"
password = "geheim"
sender = "Wijkpunt"
)"));
    ASSERT_TRUE(s) << s.status().message();
    EXPECT_TRUE(s->enabled());
    EXPECT_EQ(s->url, "http://127.0.0.1:13013/cgi-bin/sendsms");
    EXPECT_EQ(s->sender, "Wijkpunt");
    EXPECT_EQ(s->nearAhead, 2);
}

TEST(SmsSettings, AMissingOrIncompleteTableMeansOff) {
    testing::TempDir dir;
    auto none = loadSmsSettings(dir.write("none.toml", "[kiosk]\ncode = \"K2\"\n"));
    ASSERT_TRUE(none);
    EXPECT_FALSE(none->enabled());
    auto partial = loadSmsSettings(dir.write("partial.toml",
                                             "[sms]\nurl = \"http://127.0.0.1:13013/x\"\n"
                                             "username = \"wijkpunt\"\nnear_ahead = 3\n"));
    ASSERT_TRUE(partial) << partial.status().message();
    EXPECT_FALSE(partial->enabled());
}

TEST(SmsSettings, WrongValuesAreErrorsNamingFileLineAndColumn) {
    testing::TempDir dir;
    auto file = dir.write("bad.toml", R"([sms]
url = "ftp://gateway"
username = "wijkpunt"
password = 12
sender = "Wijkpunt"
near_ahead = 40
neer_ahead = 1
)");
    auto s = loadSmsSettings(file);
    ASSERT_FALSE(s);
    const std::string m = s.status().message();
    EXPECT_THAT(m, HasSubstr(file.string() + ":2:7: url must start with http:// or https://"));
    EXPECT_THAT(m, HasSubstr(file.string() + ":4:"));
    EXPECT_THAT(m, HasSubstr(file.string() + ":6:14: near_ahead must be between 0 and 20"));
    EXPECT_THAT(m, HasSubstr("neer_ahead"));
}

}  // namespace
}  // namespace wp
