#include "common/toml_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/temp_dir.h"

namespace wp::toml_reader {
namespace {

using ::testing::HasSubstr;

TEST(TomlReaderTest, OptionalValuesFallBackWhenAbsent) {
    testing::TempDir dir;
    TomlReader r(dir.write("a.toml", "x = 3\n").string());
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.optionalInt(r.root(), "x", 9, "a number"), 3);
    EXPECT_EQ(r.optionalInt(r.root(), "y", 9, "a number"), 9);
    EXPECT_EQ(r.optionalString(r.root(), "z", "dflt", "text"), "dflt");
    EXPECT_TRUE(r.ok());
}

TEST(TomlReaderTest, IntegerCountsAsNumber) {
    testing::TempDir dir;
    TomlReader r(dir.write("a.toml", "x = 3\n").string());
    EXPECT_DOUBLE_EQ(r.requireNumber(r.root(), "x", "a number"), 3.0);
    EXPECT_TRUE(r.ok());
}

TEST(TomlReaderTest, WrongOptionalTypeIsAnErrorAtItsPosition) {
    testing::TempDir dir;
    TomlReader r(dir.write("a.toml", "\n  flag = \"yes\"\n").string());
    EXPECT_TRUE(r.optionalBool(r.root(), "flag", true, "true or false"));
    ASSERT_FALSE(r.ok());
    EXPECT_THAT(r.status().message(), HasSubstr("a.toml:2:10: 'flag' must be true or false, found a string"));
}

TEST(TomlReaderTest, UnreadableFileIsAnError) {
    TomlReader r("/nonexistent/x.toml");
    EXPECT_FALSE(r.ok());
    EXPECT_THAT(r.status().message(), HasSubstr("/nonexistent/x.toml:1:1:"));
}

}  // namespace
}  // namespace wp::toml_reader
