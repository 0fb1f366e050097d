// Secret files (central/secret_file.h): only the owner's; the fix named when they are not.
#include "central/secret_file.h"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

namespace fs = std::filesystem;

TEST(SecretFileTest, AnOwnerOnlyFileIsReadWithoutItsLineEnding) {
    testing::TempDir dir;
    const fs::path f = dir.path() / "smtp";
    std::ofstream(f) << "s3cret wachtwoord\n";
    fs::permissions(f, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
    EXPECT_EQ(readSecretFile(f).value(), "s3cret wachtwoord");
    fs::permissions(f, fs::perms::owner_read, fs::perm_options::replace);
    EXPECT_EQ(readSecretFile(f).value(), "s3cret wachtwoord") << "0400, as systemd credentials are";
}

TEST(SecretFileTest, AFileGroupOrOthersMayReadIsRefusedWithTheFix) {
    testing::TempDir dir;
    const fs::path f = dir.path() / "smtp";
    std::ofstream(f) << "s3cret\n";
    for (auto extra : {fs::perms::group_read, fs::perms::others_read, fs::perms::others_write}) {
        fs::permissions(f, fs::perms::owner_read | fs::perms::owner_write | extra, fs::perm_options::replace);
        auto s = readSecretFile(f);
        ASSERT_FALSE(s);
        EXPECT_EQ(s.status().code(), Status::Code::InvalidInput);
        EXPECT_NE(s.status().message().find("chmod 600 " + f.string()), std::string::npos)
            << s.status().message();
    }
}

TEST(SecretFileTest, AMissingOrEmptyFileIsAnError) {
    testing::TempDir dir;
    EXPECT_EQ(readSecretFile(dir.path() / "none").status().code(), Status::Code::NotFound);
    const fs::path empty = dir.path() / "empty";
    std::ofstream(empty) << "\n";
    fs::permissions(empty, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
    EXPECT_EQ(readSecretFile(empty).status().code(), Status::Code::InvalidInput);
}

}  // namespace
}  // namespace wp
