// What the real wijkpunt-central keeps at rest, and for how long: its own retention sweep wipes every
// personal field and both notes and leaves none of it in the database file or its write-ahead log as they
// are on disk (the test runs no checkpoint of its own); wiped requests and their audit entries are deleted
// later; backups are encrypted, restorable, pruned on the injected clock; the database, its log and backups
// are the owner's alone; a TLS key or secret file that others may read, or a password in the TOML, stops the
// server from starting.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "common/clock.h"
#include "tests/integration/central_harness.h"
#include "tests/support/shipped_request_specs.h"
#include "tests/unit/central/central_test_requests.h"

namespace wp::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

constexpr std::string_view kPhone = "06 1928 3746";
constexpr std::string_view kPublicNote = "Publiekmerk Zwaluwhof QX7";
constexpr std::string_view kInternalNote = "Internmerk schuld Woonplus QX7";

// The bytes of file and of its -wal, as they are on disk now.
std::string onDisk(const fs::path& file) {
    std::string bytes = readFile(file);
    return bytes + readFile(file.string() + "-wal");
}

bool holdsAMarker(const std::string& bytes) {
    for (std::string_view m : {kPhone, kPublicNote, kInternalNote})
        if (bytes.find(m) != std::string::npos) return true;
    return false;
}

unsigned modeOf(const fs::path& f) {
    struct stat st {};
    EXPECT_EQ(::stat(f.c_str(), &st), 0) << f;
    return st.st_mode & 0777;
}

// The server's config as the harness wrote it, with one text replaced, into another file.
fs::path configWith(const CentralServerProcess& server, const std::string& from, const std::string& to,
                    const std::string& extra = "") {
    std::string text = readFile(server.config());
    if (!from.empty()) {
        auto at = text.find(from);
        EXPECT_NE(at, std::string::npos) << from;
        if (at != std::string::npos) text.replace(at, from.size(), to);
    }
    fs::path out = server.dir() / "changed.toml";
    std::ofstream(out, std::ios::trunc) << text << extra;
    return out;
}

// Starts wijkpunt-central on config and returns (exit code, stderr) once it exits; -1 when it kept running
// for 5 s (it started).
std::pair<int, std::string> startAndExit(const fs::path& config) {
    static int n = 0;
    ChildProcess p({centralBinary().string(), "--config", config.string()}, {},
                   config.parent_path() / ("refused-" + std::to_string(++n)));
    int status = p.wait(5s);
    if (status == -1) return {-1, p.err()};
    return {WIFEXITED(status) ? WEXITSTATUS(status) : 128, p.err()};
}

class CentralDataTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_TRUE(server_.start());
        admin_ = runCentralCommand(server_.config(), {"token", "create", "--name", "Ada", "--role", "admin"})
                     .second;
        admin_ = admin_.substr(0, admin_.find('\n'));
    }
    // A callback whose phone number and notes carry the markers; its detail read once (audited). Then
    // `others` requests kept for a year, which rewrite the marker's page again and again: the log then holds
    // many copies of it, more than the wipe's own transaction overwrites when the log starts over.
    Request handIn(int others = 0) {
        Request r = makeTestRequest(random_, "callback");
        r.fields["phone"] = std::string(kPhone);
        EXPECT_EQ(kiosk().post("/v1/requests", encodeRequest(r, wp::testing::shippedRequestSpecs())).status,
                  201);
        json note = {{"status", "in-progress"},
                     {"public_note", std::string(kPublicNote)},
                     {"internal_note", std::string(kInternalNote)}};
        EXPECT_EQ(
            kiosk().post("/v1/backoffice/requests/" + r.reference + "/status", note.dump(), admin_).status,
            200);
        EXPECT_EQ(detail(r).status, 200);
        ApiClient k = kiosk();
        for (int i = 0; i < others; ++i)
            EXPECT_EQ(k.post("/v1/requests", encodeRequest(makeTestRequest(random_, "home-visit"),
                                                           wp::testing::shippedRequestSpecs()))
                          .status,
                      201);
        return r;
    }
    ApiClient kiosk() { return ApiClient(server_.url(), {}); }
    HttpResult detail(const Request& r) {
        return kiosk().get("/v1/backoffice/requests/" + r.reference, admin_);
    }
    bool wiped(const Request& r) {
        HttpResult d = detail(r);
        return d.status == 200 && json::parse(d.body)["personal_data_wiped"] == true;
    }
    // A backup through the command line, decrypted with the test PKI's key; the restored file's bytes.
    std::string backupAndRestore(const std::string& name) {
        fs::path sealed = dir_.path() / (name + ".wpbackup");
        auto [made, out] = runCentralCommand(server_.config(), {"backup", sealed.string()});
        EXPECT_EQ(made, 0) << out;
        EXPECT_EQ(modeOf(sealed), 0600u);
        std::string raw = readFile(sealed);
        EXPECT_EQ(raw.find("SQLite format 3"), std::string::npos) << "a backup is encrypted";
        EXPECT_FALSE(holdsAMarker(raw));
        fs::path restored = dir_.path() / (name + ".db");
        auto [opened, why] = runCentralCommand(
            server_.config(),
            {"restore", "--key", pkiFile("backup.key").string(), sealed.string(), restored.string()});
        EXPECT_EQ(opened, 0) << why;
        return readFile(restored);
    }

    TempDir dir_;
    CentralServerProcess server_{
        dir_.path() / "central",
        {.extraToml = "[retention]\ndefault_days = 365\ncallback = 1\ndelete_after_wipe_days = 2\n"
                      "check_interval_ms = 50\n[backup]\nrecipient_public_key = \"" +
                      pkiFile("backup.pub.pem").string() + "\"\nfolder = \"backups\"\nkeep_days = 3\n"}};
    SeededRandom random_{12};
    std::string admin_;
};

TEST_F(CentralDataTest, TheServersOwnWipeLeavesNoMarkerInTheDatabaseOrItsLog) {
    Request r = handIn(40);
    ASSERT_TRUE(holdsAMarker(onDisk(server_.database()))) << "the markers are on disk before the wipe";
    std::string before = backupAndRestore("before");
    EXPECT_NE(before.find(kPhone), std::string::npos) << "a backup made before the wipe holds the request";

    ScriptClock(server_.clockFile()).advance(24h + 1min);
    ASSERT_TRUE(waitUntil([&] { return wiped(r); }, 10s));
    json d = json::parse(detail(r).body);
    EXPECT_EQ(d["public_note"], "");
    EXPECT_EQ(d["internal_note"], "");
    EXPECT_FALSE(d["fields"].contains("phone"));
    // The server checkpoints on its own after the wipe; nothing here touches the files but to read them.
    EXPECT_TRUE(waitUntil([&] { return !holdsAMarker(onDisk(server_.database())); }, 10s))
        << "a marker is still in central.db or central.db-wal";
    EXPECT_FALSE(holdsAMarker(backupAndRestore("after")));
}

TEST_F(CentralDataTest, WipedRequestsAndTheirAuditEntriesAreDeletedAfterTheirDays) {
    Request r = handIn();
    auto audit = [&] {
        HttpResult a = kiosk().get("/v1/backoffice/audit?reference=" + r.reference, admin_);
        EXPECT_EQ(a.status, 200) << a.body;
        return json::parse(a.body)["entries"];
    };
    ASSERT_GE(audit().size(), 2u);
    ScriptClock(server_.clockFile()).advance(24h + 1min);
    ASSERT_TRUE(waitUntil([&] { return wiped(r); }, 10s));
    EXPECT_EQ(detail(r).status, 200) << "a wiped request stays until delete_after_wipe_days";

    ScriptClock(server_.clockFile()).advance(24h * 2 + 1min);
    ASSERT_TRUE(waitUntil([&] { return detail(r).status == 404; }, 10s));
    for (const json& e : audit())
        EXPECT_EQ(e["detail"], "refused: no such request") << "only the reads after the delete remain";
    EXPECT_EQ(kiosk().get("/v1/requests/" + r.reference).status, 404);
    // The UUID was only in the request's row (the reference is also in the refused reads' audit entries).
    EXPECT_TRUE(waitUntil([&] { return onDisk(server_.database()).find(r.uuid) == std::string::npos; }, 10s))
        << "the deleted request is still in central.db or its log";
}

TEST_F(CentralDataTest, ABackupOlderThanKeepDaysIsDeletedByTheNextBackup) {
    handIn();
    auto [first, out1] = runCentralCommand(server_.config(), {"backup"});
    ASSERT_EQ(first, 0) << out1;
    fs::path folder = server_.dir() / "backups";
    auto backups = [&] {
        std::vector<fs::path> out;
        for (const auto& e : fs::directory_iterator(folder)) out.push_back(e.path());
        return out;
    };
    auto old = backups();
    ASSERT_EQ(old.size(), 1u);
    EXPECT_EQ(modeOf(old[0]), 0600u);
    EXPECT_EQ(modeOf(folder), 0700u) << "the folder the backup made is the owner's alone";

    ScriptClock(server_.clockFile()).advance(24h * 2);
    auto [second, out2] = runCentralCommand(server_.config(), {"backup"});
    ASSERT_EQ(second, 0) << out2;
    EXPECT_EQ(backups().size(), 2u) << "two days old: kept";

    ScriptClock(server_.clockFile()).advance(24h + 1min);
    auto [third, out3] = runCentralCommand(server_.config(), {"backup"});
    ASSERT_EQ(third, 0) << out3;
    auto now = backups();
    EXPECT_EQ(now.size(), 2u);
    EXPECT_TRUE(std::find(now.begin(), now.end(), old[0]) == now.end()) << "the first backup is gone";
}

TEST_F(CentralDataTest, ARestoreOfAChangedBackupIsRefused) {
    handIn();
    fs::path sealed = dir_.path() / "b.wpbackup";
    ASSERT_EQ(runCentralCommand(server_.config(), {"backup", sealed.string()}).first, 0);
    std::string bytes = readFile(sealed);
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x20);
    fs::path changed = dir_.path() / "changed.wpbackup";
    std::ofstream(changed, std::ios::binary) << bytes;
    fs::path out = dir_.path() / "out.db";
    auto [status, why] = runCentralCommand(
        server_.config(),
        {"restore", "--key", pkiFile("backup.key").string(), changed.string(), out.string()});
    EXPECT_NE(status, 0);
    EXPECT_NE(why.find("authentication failed"), std::string::npos) << why;
    EXPECT_FALSE(fs::exists(out));
}

TEST_F(CentralDataTest, TheDatabaseItsLogAndItsSharedMemoryAreTheOwnersAlone) {
    handIn();
    EXPECT_EQ(modeOf(server_.database()), 0600u);
    EXPECT_EQ(modeOf(server_.database().string() + "-wal"), 0600u);
    EXPECT_EQ(modeOf(server_.database().string() + "-shm"), 0600u);
}

TEST_F(CentralDataTest, AServerKeyOthersMayReadStopsTheStart) {
    server_.stop();
    fs::path key = server_.dir() / "server.key";
    fs::copy_file(pkiFile("server.key"), key);
    fs::permissions(key, fs::perms::group_read | fs::perms::others_read, fs::perm_options::add);
    auto [code, err] = startAndExit(configWith(server_, pkiFile("server.key").string(), key.string()));
    EXPECT_EQ(code, 2) << err;
    EXPECT_NE(err.find(key.string()), std::string::npos) << err;
    EXPECT_NE(err.find("chmod 600 " + key.string()), std::string::npos) << err;

    fs::permissions(key, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
    EXPECT_EQ(startAndExit(configWith(server_, pkiFile("server.key").string(), key.string())).first, -1)
        << "the same key, 0600, is taken";
}

TEST_F(CentralDataTest, TheSmtpPasswordComesFromAPrivateFileNeverFromTheToml) {
    server_.stop();
    auto [plain, plainErr] = startAndExit(
        configWith(server_, "", "", "[smtp]\nurl = \"smtp://127.0.0.1:9\"\npassword = \"geheim\"\n"));
    EXPECT_EQ(plain, 2) << plainErr;
    EXPECT_NE(plainErr.find("password_file"), std::string::npos) << plainErr;

    fs::path secret = server_.dir() / "smtp-password";
    std::ofstream(secret) << "geheim\n";
    fs::permissions(secret, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read,
                    fs::perm_options::replace);
    std::string fromFile =
        "[smtp]\nurl = \"smtp://127.0.0.1:9\"\npassword_file = \"" + secret.string() + "\"\n";
    auto [open, openErr] = startAndExit(configWith(server_, "", "", fromFile));
    EXPECT_EQ(open, 2) << openErr;
    EXPECT_NE(openErr.find("chmod 600 " + secret.string()), std::string::npos) << openErr;

    fs::permissions(secret, fs::perms::owner_read, fs::perm_options::replace);
    EXPECT_EQ(startAndExit(configWith(server_, "", "", fromFile)).first, -1)
        << "a 0400 password file is taken";
}

TEST_F(CentralDataTest, AWebhookSecretFileOthersMayReadStopsTheStart) {
    server_.stop();
    fs::path secret = server_.dir() / "open-webhook.secret";
    std::ofstream(secret) << "a-webhook-secret-of-some-length\n";
    fs::permissions(secret, fs::perms::owner_read | fs::perms::owner_write | fs::perms::others_read,
                    fs::perm_options::replace);
    std::string hook =
        "[notify.huurloket]\nwebhook = \"https://127.0.0.1:9/hook\"\n[webhook]\nsecret_file = \"" +
        secret.string() + "\"\n";
    auto [code, err] = startAndExit(configWith(server_, "", "", hook));
    EXPECT_EQ(code, 2) << err;
    EXPECT_NE(err.find("chmod 600 " + secret.string()), std::string::npos) << err;

    fs::permissions(secret, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
    EXPECT_EQ(startAndExit(configWith(server_, "", "", hook)).first, -1) << "the same file, 0600, is taken";
}

}  // namespace
}  // namespace wp::testing
