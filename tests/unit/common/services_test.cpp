// content/services.toml: the demo content loads, and every mistake an editor can make is named with
// file:line:col and what was expected.
#include "common/services.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cstdlib>
#include <fstream>

#include "common/bundle.h"

namespace wp {
namespace {

namespace fs = std::filesystem;

const fs::path kContent = fs::path(WIJKPUNT_SOURCE_DIR) / "content";

class ServicesFileTest : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string tmpl = (fs::temp_directory_path() / "wp-services-XXXXXX").string();
        ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
        dir_ = tmpl;
    }
    void TearDown() override { fs::remove_all(dir_); }

    fs::path write(const std::string& text) {
        fs::path file = dir_ / "services.toml";
        std::ofstream(file, std::ios::trunc) << text;
        return file;
    }
    // The error message of loading text, which must fail.
    std::string errorOf(const std::string& text) {
        auto r = loadServices(write(text));
        EXPECT_FALSE(r.isOk());
        if (r.isOk()) return {};
        EXPECT_EQ(r.status().code(), Status::Code::InvalidInput);
        return r.status().message();
    }
    std::string at(int line, int col) const {
        return fmt::format("{}:{}:{}:", (dir_ / "services.toml").string(), line, col);
    }

    fs::path dir_;
};

const char* kGood = R"(
[[service]]
id = "huurloket"
prefix = "H"
name = "service.huurloket"
hint = "service.huurloket_hint"
default_service_minutes = 15
closed_dates = [2026-04-27, "2026-12-25"]

[service.walk_in]
thursday = ["13:00-16:00", "09:00-12:00"]
)";

TEST(ServicesDemoContent, TheFourDemoServicesLoad) {
    auto services = loadServices(kContent / "services.toml");
    ASSERT_TRUE(services.isOk()) << services.status().message();
    ASSERT_EQ(services->size(), 4u);
    const auto& s = services.value();
    EXPECT_EQ(s[0].id, "huurloket");
    EXPECT_EQ(s[0].prefix, "H");
    EXPECT_EQ(s[1].id, "wijkteam");
    EXPECT_EQ(s[1].prefix, "W");
    EXPECT_EQ(s[2].id, "gemeente");
    EXPECT_EQ(s[2].prefix, "G");
    EXPECT_EQ(s[3].id, "initiatief");
    EXPECT_EQ(s[3].prefix, "I");
    for (const Service& service : s) {
        EXPECT_GE(service.defaultServiceMinutes, 1);
        bool anyHours = false;
        for (const auto& day : service.walkIn) anyHours = anyHours || !day.empty();
        EXPECT_TRUE(anyHours) << service.id;
    }
    EXPECT_EQ(s[0].walkIn[0], (std::vector<WalkInWindow>{{9 * 60, 12 * 60}}));  // Huurloket, Monday
}

TEST(ServicesDemoContent, EveryServiceTextExistsInAllFiveLanguages) {
    auto content = loadContent(kContent);
    ASSERT_TRUE(content.isOk()) << content.status().message();
    ASSERT_EQ(content->texts.size(), 5u);
    auto services = loadContentServices(kContent, content.value());
    ASSERT_TRUE(services.isOk()) << services.status().message();
    for (const Service& s : services.value())
        for (const auto& [code, lt] : content->texts) {
            EXPECT_TRUE(lt.texts.contains(s.nameKey)) << code << " " << s.nameKey;
            EXPECT_TRUE(lt.texts.contains(s.hintKey)) << code << " " << s.hintKey;
        }
}

TEST(ServicesDemoContent, AMissingTextNamesTheLanguageFile) {
    auto content = loadContent(kContent);
    ASSERT_TRUE(content.isOk()) << content.status().message();
    Content c = content.value();
    c.texts["tr"].texts.erase("service.wijkteam_hint");
    auto services = loadContentServices(kContent, c);
    ASSERT_FALSE(services.isOk());
    EXPECT_NE(
        services.status().message().find("tr.toml: missing text 'service.wijkteam_hint' (used by service "
                                         "'wijkteam'"),
        std::string::npos)
        << services.status().message();
}

TEST_F(ServicesFileTest, AGoodFileLoadsSortedWindowsAndDates) {
    auto r = loadServices(write(kGood));
    ASSERT_TRUE(r.isOk()) << r.status().message();
    const Service& s = r->front();
    EXPECT_EQ(s.nameKey, "service.huurloket");
    EXPECT_EQ(s.hintKey, "service.huurloket_hint");
    EXPECT_EQ(s.defaultServiceMinutes, 15);
    EXPECT_EQ(s.walkIn[3], (std::vector<WalkInWindow>{{540, 720}, {780, 960}}));
    EXPECT_TRUE(s.walkIn[0].empty());
    EXPECT_EQ(s.closedDates, (std::vector<std::string>{"2026-04-27", "2026-12-25"}));
}

TEST_F(ServicesFileTest, MissingFileIsNotFound) {
    auto r = loadServices(dir_ / "nope.toml");
    ASSERT_FALSE(r.isOk());
    EXPECT_EQ(r.status().code(), Status::Code::NotFound);
}

TEST_F(ServicesFileTest, SyntaxErrorNamesLineAndColumn) {
    EXPECT_NE(errorOf("[[service]]\nid = \"x\nprefix = \"H\"\n").find(":2:"), std::string::npos);
}

TEST_F(ServicesFileTest, BadValuesNameFileLineColumn) {
    std::string text = kGood;
    text.replace(text.find("prefix = \"H\""), 12, "prefix = \"h1\"");
    EXPECT_NE(errorOf(text).find(at(4, 10) + " prefix 'h1' must be one or two capital letters"),
              std::string::npos);

    text = kGood;
    text.replace(text.find("\"13:00-16:00\""), 13, "\"1pm-4pm\"");
    auto msg = errorOf(text);
    EXPECT_NE(msg.find(at(11, 13) + " walk-in time \"1pm-4pm\" must look like \"09:00-12:00\""),
              std::string::npos)
        << msg;

    text = kGood;
    text.replace(text.find("\"13:00-16:00\""), 13, "\"11:00-13:00\"");
    msg = errorOf(text);
    EXPECT_NE(msg.find(at(11, 12) + " walk-in times on thursday overlap"), std::string::npos) << msg;

    text = kGood;
    text.replace(text.find("thursday"), 8, "donderdag");
    msg = errorOf(text);
    EXPECT_NE(msg.find("'donderdag' is no weekday"), std::string::npos) << msg;

    text = kGood;
    text.replace(text.find("15"), 2, "0");
    msg = errorOf(text);
    EXPECT_NE(msg.find(at(7, 27) + " default_service_minutes must be between 1 and 240"), std::string::npos)
        << msg;

    text = kGood;
    text.replace(text.find("\"2026-12-25\""), 12, "\"2026-02-30\"");
    msg = errorOf(text);
    EXPECT_NE(msg.find(at(8, 29) + " a closed date must be a date"), std::string::npos) << msg;
}

TEST_F(ServicesFileTest, MissingKeysAndDuplicatesAreAllReported) {
    std::string msg = errorOf(R"([[service]]
id = "a"
prefix = "H"
name = "service.a"
hint = "service.a_hint"
default_service_minutes = 10
walk_in = { monday = ["09:00-12:00"] }

[[service]]
id = "a"
prefix = "H"
walk_in = { friday = ["16:00-09:00"] }
)");
    EXPECT_NE(msg.find(at(10, 6) + " service id 'a' appears twice"), std::string::npos) << msg;
    EXPECT_NE(msg.find(at(11, 10) + " prefix 'H' is used by two services"), std::string::npos) << msg;
    EXPECT_NE(msg.find("missing key 'name'"), std::string::npos) << msg;
    EXPECT_NE(msg.find("missing key 'default_service_minutes'"), std::string::npos) << msg;
    EXPECT_NE(msg.find("walk-in time \"16:00-09:00\" must end after it starts"), std::string::npos) << msg;
}

TEST_F(ServicesFileTest, NoServicesAtAll) {
    EXPECT_NE(errorOf("# nothing\n").find("missing key 'service'"), std::string::npos);
}

TEST(ServicesTimeOfDay, ParseMinuteOfDay) {
    EXPECT_EQ(parseMinuteOfDay("00:00"), 0);
    EXPECT_EQ(parseMinuteOfDay("09:30"), 570);
    EXPECT_EQ(parseMinuteOfDay("24:00"), 1440);
    EXPECT_EQ(parseMinuteOfDay("24:01"), -1);
    EXPECT_EQ(parseMinuteOfDay("9:30"), -1);
    EXPECT_EQ(parseMinuteOfDay("09:60"), -1);
    EXPECT_EQ(parseMinuteOfDay("ab:cd"), -1);
}

}  // namespace
}  // namespace wp
