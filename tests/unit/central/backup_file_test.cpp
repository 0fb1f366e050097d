// Encrypted backups (central/backup_file.h): a round trip through the file, a changed byte or another key
// refused, files created 0600, pruning by the creation time in the header.
#include "central/backup_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <iterator>

#include "common/wire.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

std::string readAll(const fs::path& f) {
    std::ifstream in(f, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

unsigned modeOf(const fs::path& f) {
    struct stat st {};
    EXPECT_EQ(::stat(f.c_str(), &st), 0) << f;
    return st.st_mode & 0777;
}

class BackupFileTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_TRUE(createBackupKeyPair(dir_.path() / "backup.key", dir_.path() / "backup.pub.pem"));
    }
    testing::TempDir dir_;
    const TimePoint t0_ = fromUnixMillis(1764144000000);
    const std::string database_ = std::string("SQLite format 3") + std::string(1, '\0') +
                                  "Jan de Vries, 06 1234 5678" + std::string(3 << 20, 'x');
};

TEST_F(BackupFileTest, KeysAreMadeWithThePrivateOneOwnerOnly) {
    EXPECT_EQ(modeOf(dir_.path() / "backup.key"), 0600u);
    EXPECT_EQ(modeOf(dir_.path() / "backup.pub.pem"), 0644u);
    EXPECT_NE(readAll(dir_.path() / "backup.key").find("BEGIN PRIVATE KEY"), std::string::npos);
    EXPECT_FALSE(createBackupKeyPair(dir_.path() / "backup.key", dir_.path() / "other.pub.pem"))
        << "an existing key is never overwritten";
}

TEST_F(BackupFileTest, ARoundTripGivesTheDatabaseBack) {
    const fs::path backup = dir_.path() / "b.wpbackup";
    ASSERT_TRUE(writeEncryptedBackup(backup, database_, dir_.path() / "backup.pub.pem", t0_));
    EXPECT_EQ(modeOf(backup), 0600u);
    std::string sealed = readAll(backup);
    EXPECT_EQ(sealed.substr(0, 8), "WPBACKUP");
    EXPECT_EQ(sealed.size(), 61 + database_.size() + 16);
    EXPECT_EQ(sealed.find("06 1234 5678"), std::string::npos);
    EXPECT_EQ(sealed.find("SQLite format 3"), std::string::npos);
    EXPECT_EQ(backupCreatedAt(backup).value(), t0_);

    ASSERT_TRUE(restoreBackup(backup, dir_.path() / "backup.key", dir_.path() / "out.db"));
    EXPECT_EQ(readAll(dir_.path() / "out.db"), database_);
    EXPECT_EQ(modeOf(dir_.path() / "out.db"), 0600u);
    EXPECT_EQ(restoreBackup(backup, dir_.path() / "backup.key", dir_.path() / "out.db").code(),
              Status::Code::Conflict)
        << "an existing file is never overwritten";
    EXPECT_FALSE(writeEncryptedBackup(backup, database_, dir_.path() / "backup.pub.pem", t0_));
}

TEST_F(BackupFileTest, AChangedByteOrAnotherKeyIsRefusedAndWritesNothing) {
    const fs::path backup = dir_.path() / "b.wpbackup";
    ASSERT_TRUE(writeEncryptedBackup(backup, database_, dir_.path() / "backup.pub.pem", t0_));
    std::string sealed = readAll(backup);
    for (size_t at : {size_t{12}, size_t{30}, size_t{55}, size_t{61 + 1000}, sealed.size() - 1}) {
        std::string changed = sealed;
        changed[at] = static_cast<char>(changed[at] ^ 0x01);
        const fs::path bad = dir_.path() / ("bad-" + std::to_string(at));
        std::ofstream(bad, std::ios::binary) << changed;
        Status s = restoreBackup(bad, dir_.path() / "backup.key", dir_.path() / "out.db");
        EXPECT_EQ(s.code(), Status::Code::InvalidInput) << "byte " << at;
        EXPECT_NE(s.message().find("authentication failed"), std::string::npos) << s.message();
        EXPECT_FALSE(fs::exists(dir_.path() / "out.db"));
    }
    ASSERT_TRUE(createBackupKeyPair(dir_.path() / "other.key", dir_.path() / "other.pub.pem"));
    Status wrongKey = restoreBackup(backup, dir_.path() / "other.key", dir_.path() / "out.db");
    EXPECT_NE(wrongKey.message().find("authentication failed"), std::string::npos) << wrongKey.message();
    EXPECT_FALSE(fs::exists(dir_.path() / "out.db"));
}

TEST_F(BackupFileTest, APrivateKeyOthersMayReadIsRefused) {
    const fs::path backup = dir_.path() / "b.wpbackup";
    ASSERT_TRUE(writeEncryptedBackup(backup, database_, dir_.path() / "backup.pub.pem", t0_));
    fs::permissions(dir_.path() / "backup.key", fs::perms::others_read, fs::perm_options::add);
    Status s = restoreBackup(backup, dir_.path() / "backup.key", dir_.path() / "out.db");
    EXPECT_NE(s.message().find("chmod 600"), std::string::npos) << s.message();
}

TEST_F(BackupFileTest, PruningDeletesOnlyBackupsOlderThanTheCutoff) {
    const fs::path folder = dir_.path() / "backups";
    fs::create_directories(folder);
    const fs::path pub = dir_.path() / "backup.pub.pem";
    ASSERT_TRUE(writeEncryptedBackup(folder / "old.wpbackup", database_, pub, t0_));
    ASSERT_TRUE(writeEncryptedBackup(folder / "new.wpbackup", database_, pub, t0_ + 24h * 10));
    std::ofstream(folder / "notes.txt") << "not a backup";
    EXPECT_EQ(pruneBackups(folder, t0_ + 24h * 5).value(), 1);
    EXPECT_FALSE(fs::exists(folder / "old.wpbackup"));
    EXPECT_TRUE(fs::exists(folder / "new.wpbackup"));
    EXPECT_TRUE(fs::exists(folder / "notes.txt"));
    EXPECT_EQ(pruneBackups(dir_.path() / "none", t0_).value(), 0);
}

}  // namespace
}  // namespace wp
