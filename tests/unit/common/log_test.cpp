// Log lines (common/log.h): "program: level: message" after the local time, or after the syslog priority
// when the stream is the journal; the level from the options or WIJKPUNT_LOG_LEVEL; lines below it dropped.
#include "common/log.h"
#include "common/log_recent.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace wp::log {
namespace {

using ::testing::MatchesRegex;

// Every test writes to a file of its own and puts the default logger back afterwards.
class LogTest : public ::testing::Test {
  protected:
    void TearDown() override {
        unsetenv("WIJKPUNT_LOG_LEVEL");
        unsetenv("JOURNAL_STREAM");
        setUp(Options{});
        if (file_ != nullptr) std::fclose(file_);
    }

    Options to(std::string program) {
        file_ = std::tmpfile();
        Options o;
        o.program = std::move(program);
        o.to = file_;
        return o;
    }

    std::string written() {
        std::string out;
        std::rewind(file_);
        char buf[512];
        size_t n = 0;
        while ((n = std::fread(buf, 1, sizeof buf, file_)) > 0) out.append(buf, n);
        return out;
    }

    std::FILE* file_ = nullptr;
};

TEST(LogLevel, ReadsTheNamesOfTheEnvironmentVariable) {
    EXPECT_EQ(levelFromString("debug"), Level::Debug);
    EXPECT_EQ(levelFromString("info"), Level::Info);
    EXPECT_EQ(levelFromString("warning"), Level::Warning);
    EXPECT_EQ(levelFromString("warn"), Level::Warning);
    EXPECT_EQ(levelFromString("error"), Level::Error);
    EXPECT_EQ(levelFromString("off"), Level::Off);
    EXPECT_EQ(levelFromString("loud"), std::nullopt);
    EXPECT_EQ(levelFromString(""), std::nullopt);
}

TEST_F(LogTest, ALineNamesTimeProgramAndLevel) {
    Options o = to("wijkpunt-test");
    o.journal = false;
    setUp(o);
    warning("notification {} failed", 12);
    EXPECT_THAT(written(), MatchesRegex("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:.]+ wijkpunt-test: warning: "
                                        "notification 12 failed\n"));
}

TEST_F(LogTest, LinesBelowTheLevelAreDropped) {
    Options o = to("wijkpunt-test");
    o.level = Level::Warning;
    o.journal = true;
    setUp(o);
    EXPECT_FALSE(enabled(Level::Info));
    EXPECT_TRUE(enabled(Level::Error));
    debug("not this");
    info("nor this");
    warning("this");
    error("and this");
    EXPECT_EQ(written(), "<4>wijkpunt-test: warning: this\n<3>wijkpunt-test: error: and this\n");
}

TEST_F(LogTest, TheLevelComesFromTheEnvironmentWhenNotGiven) {
    setenv("WIJKPUNT_LOG_LEVEL", "debug", 1);
    Options o = to("wijkpunt-test");
    o.journal = true;
    setUp(o);
    debug("seen");
    EXPECT_EQ(written(), "<7>wijkpunt-test: debug: seen\n");

    setenv("WIJKPUNT_LOG_LEVEL", "error", 1);
    setUp(o);
    info("not seen");
    EXPECT_EQ(written(), "<7>wijkpunt-test: debug: seen\n");

    setenv("WIJKPUNT_LOG_LEVEL", "loud", 1);  // not understood: info
    setUp(o);
    debug("not seen");
    info("seen");
    EXPECT_EQ(written(), "<7>wijkpunt-test: debug: seen\n<6>wijkpunt-test: info: seen\n");
}

TEST_F(LogTest, PriorityPrefixesOnlyWhenTheStreamIsTheJournalsOwn) {
    Options o = to("wijkpunt-test");
    struct stat st {};
    ASSERT_EQ(fstat(fileno(file_), &st), 0);
    setenv("JOURNAL_STREAM", (std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino)).c_str(), 1);
    setUp(o);
    info("to the journal");
    EXPECT_EQ(written(), "<6>wijkpunt-test: info: to the journal\n");

    // Inherited by a process whose stderr went elsewhere: not the journal.
    setenv("JOURNAL_STREAM", (std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino + 1)).c_str(), 1);
    setUp(o);
    info("to a file");
    EXPECT_THAT(written(), MatchesRegex("<6>wijkpunt-test: info: to the journal\n"
                                        "[0-9-]+ [0-9:.]+ wijkpunt-test: info: to a file\n"));
}

TEST_F(LogTest, AMessageKeepsItsLinesAndBraces) {
    Options o = to("wijkpunt-test");
    o.journal = true;
    setUp(o);
    error("cannot load the bundle:\n{}", "settings.toml:5:8: {not a format}");
    write(Level::Error, "{}");
    EXPECT_EQ(written(),
              "<3>wijkpunt-test: error: cannot load the bundle:\nsettings.toml:5:8: {not a format}\n"
              "<3>wijkpunt-test: error: {}\n");
}

}  // namespace
}  // namespace wp::log

namespace wp::log {
namespace {

// What a kiosk uploads as its log and names as its last error (common/log_recent.h).
class RecentLinesTest : public LogTest {};

TEST_F(RecentLinesTest, KeepsTheLastFiveHundredLinesAsWrittenAndTheLastError) {
    Options o = to("wijkpunt-kiosk");
    o.level = Level::Info;
    o.journal = false;
    setUp(o);
    error("printer: queue gone");
    for (int i = 0; i < 600; ++i) info("line {}", i);
    debug("not written, so not kept");
    const std::vector<std::string> lines = recentLines();
    ASSERT_EQ(lines.size(), kRecentLines);
    EXPECT_THAT(lines.front(), MatchesRegex(".* wijkpunt-kiosk: info: line 100"));
    EXPECT_THAT(lines.back(), MatchesRegex(".* wijkpunt-kiosk: info: line 599"));
    EXPECT_EQ(lastError(), "printer: queue gone");
    warning("a warning is no error");
    EXPECT_EQ(lastError(), "printer: queue gone");
}

}  // namespace
}  // namespace wp::log
