#include "provisioning/wijkpuntctl/command_line.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <vector>

#include "tests/unit/temp_dir.h"

namespace wp::ctl {
namespace {

struct Parsed {
    ParsedCommandLine parsed;
    std::string out, err;
};

Parsed parse(std::vector<const char*> args, std::map<std::string, std::string> env = {}) {
    args.insert(args.begin(), "wijkpuntctl");
    std::ostringstream out, err;
    EnvLookup lookup = [env](const char* name) -> std::optional<std::string> {
        auto it = env.find(name);
        if (it == env.end()) return std::nullopt;
        return it->second;
    };
    Parsed run{parseCommandLine(static_cast<int>(args.size()), args.data(), lookup, out, err), "", ""};
    run.out = out.str();
    run.err = err.str();
    return run;
}

const std::map<std::string, std::string> kServerEnv = {{"WIJKPUNTCTL_SERVER", "https://central.test:9443/"},
                                                       {"WIJKPUNTCTL_CA", "/etc/wijkpunt/ca.pem"}};

TEST(WijkpuntctlCommandLine, RefusesATokenOnTheCommandLineInEitherSpelling) {
    for (auto args : {std::vector<const char*>{"kiosks", "--token", "secret"},
                      std::vector<const char*>{"--token=secret", "kiosks"}}) {
        Parsed r = parse(args, kServerEnv);
        ASSERT_TRUE(r.parsed.exitNow);
        EXPECT_EQ(*r.parsed.exitNow, kExitUsage);
        EXPECT_NE(r.err.find("--token-file"), std::string::npos) << r.err;
        EXPECT_EQ(r.err.find("secret"), std::string::npos) << "the refusal must not repeat the token";
    }
}

TEST(WijkpuntctlCommandLine, TakesTheServerAndCaFromTheEnvironmentWithoutATrailingSlash) {
    Parsed r = parse({"kiosks", "--json"}, kServerEnv);
    ASSERT_FALSE(r.parsed.exitNow) << r.err;
    EXPECT_EQ(r.parsed.command.verb, Verb::Kiosks);
    EXPECT_EQ(r.parsed.command.server, "https://central.test:9443");
    EXPECT_EQ(r.parsed.command.ca, "/etc/wijkpunt/ca.pem");
    EXPECT_TRUE(r.parsed.command.json);
}

TEST(WijkpuntctlCommandLine, OptionsOnTheCommandLineWinOverTheEnvironmentInAnyPlace) {
    Parsed r = parse({"kiosks", "--server", "https://other.test", "--ca", "ca.pem"}, kServerEnv);
    ASSERT_FALSE(r.parsed.exitNow) << r.err;
    EXPECT_EQ(r.parsed.command.server, "https://other.test");
    EXPECT_EQ(r.parsed.command.ca, "ca.pem");
}

TEST(WijkpuntctlCommandLine, NeedsAnHttpsServerAndACaForEveryServerCommand) {
    Parsed none = parse({"kiosks"});
    EXPECT_EQ(none.parsed.exitNow, kExitUsage);
    EXPECT_NE(none.err.find("--server"), std::string::npos) << none.err;
    Parsed http = parse({"--server", "http://central.test", "--ca", "ca.pem", "kiosks"});
    EXPECT_EQ(http.parsed.exitNow, kExitUsage);
    Parsed noCa = parse({"--server", "https://central.test", "kiosks"});
    EXPECT_EQ(noCa.parsed.exitNow, kExitUsage);
    EXPECT_NE(noCa.err.find("--ca"), std::string::npos) << noCa.err;
}

TEST(WijkpuntctlCommandLine, HostPinNeedsNoServer) {
    Parsed r = parse({"host-pin", "--iterations", "300000"});
    ASSERT_FALSE(r.parsed.exitNow) << r.err;
    EXPECT_EQ(r.parsed.command.verb, Verb::HostPin);
    EXPECT_EQ(r.parsed.command.iterations, 300000);
}

TEST(WijkpuntctlCommandLine, EnrollTokenTakesContactPointLettersInAnyCase) {
    Parsed r = parse({"enroll-token", "--contact-point", "sgn", "--hours", "48"}, kServerEnv);
    ASSERT_FALSE(r.parsed.exitNow) << r.err;
    EXPECT_EQ(r.parsed.command.verb, Verb::EnrollToken);
    EXPECT_EQ(r.parsed.command.contactPoint, "SGN");
    EXPECT_EQ(r.parsed.command.hours, 48);
    EXPECT_EQ(parse({"enroll-token", "--contact-point", "SG0"}, kServerEnv).parsed.exitNow, kExitUsage);
    EXPECT_EQ(parse({"enroll-token"}, kServerEnv).parsed.exitNow, kExitUsage);
    EXPECT_EQ(parse({"enroll-token", "--contact-point", "SGN", "--hours", "0"}, kServerEnv).parsed.exitNow,
              kExitUsage);
}

TEST(WijkpuntctlCommandLine, KioskNamesAreAContactPointAndAKioskCode) {
    EXPECT_EQ(kioskName("sgn-k3"), "SGN-K3");
    EXPECT_EQ(kioskName("SGN-K3"), "SGN-K3");
    EXPECT_FALSE(kioskName("SGN-K0"));  // 0 is not in the alphabet
    EXPECT_FALSE(kioskName("SGNK3"));
    EXPECT_FALSE(kioskName("SGN-K33"));
    EXPECT_FALSE(kioskName("S1N-K3"));
    Parsed r = parse({"revoke", "sgn-k3"}, kServerEnv);
    ASSERT_FALSE(r.parsed.exitNow) << r.err;
    EXPECT_EQ(r.parsed.command.verb, Verb::Revoke);
    EXPECT_EQ(r.parsed.command.kiosk, "SGN-K3");
    Parsed bad = parse({"revoke", "K3"}, kServerEnv);
    EXPECT_EQ(bad.parsed.exitNow, kExitUsage);
    EXPECT_NE(bad.err.find("SGN-K3"), std::string::npos) << bad.err;
}

TEST(WijkpuntctlCommandLine, OutOfServiceNeedsAMessageAndOnlyItTakesOne) {
    Parsed ok =
        parse({"command", "SGN-K3", "out-of-service", "--message", "Storing, kom morgen terug"}, kServerEnv);
    ASSERT_FALSE(ok.parsed.exitNow) << ok.err;
    EXPECT_EQ(ok.parsed.command.kind, "out-of-service");
    EXPECT_EQ(ok.parsed.command.message, "Storing, kom morgen terug");
    EXPECT_EQ(ok.parsed.command.waitSeconds, 0);
    EXPECT_EQ(parse({"command", "SGN-K3", "out-of-service"}, kServerEnv).parsed.exitNow, kExitUsage);
    EXPECT_EQ(parse({"command", "SGN-K3", "restart", "--message", "x"}, kServerEnv).parsed.exitNow,
              kExitUsage);
    EXPECT_EQ(parse({"command", "SGN-K3", "reboot"}, kServerEnv).parsed.exitNow, kExitUsage);
    Parsed wait = parse({"command", "SGN-K3", "in-service", "--wait", "90"}, kServerEnv);
    ASSERT_FALSE(wait.parsed.exitNow) << wait.err;
    EXPECT_EQ(wait.parsed.command.waitSeconds, 90);
}

TEST(WijkpuntctlCommandLine, ScreenshotAndLogsWaitLongerThanAHeartbeatByDefault) {
    Parsed shot = parse({"screenshot", "SGN-K3", "shot.png"}, kServerEnv);
    ASSERT_FALSE(shot.parsed.exitNow) << shot.err;
    EXPECT_EQ(shot.parsed.command.verb, Verb::Screenshot);
    EXPECT_EQ(shot.parsed.command.outputFile, "shot.png");
    EXPECT_EQ(shot.parsed.command.waitSeconds, kDefaultUploadWait);
    EXPECT_GT(kDefaultUploadWait, 2 * 60);
    Parsed logs = parse({"logs", "SGN-K3", "--wait", "20"}, kServerEnv);
    ASSERT_FALSE(logs.parsed.exitNow) << logs.err;
    EXPECT_EQ(logs.parsed.command.verb, Verb::Logs);
    EXPECT_EQ(logs.parsed.command.waitSeconds, 20);
    EXPECT_EQ(parse({"screenshot", "SGN-K3"}, kServerEnv).parsed.exitNow, kExitUsage);
}

TEST(WijkpuntctlCommandLine, AuditTakesALimit) {
    Parsed r = parse({"audit", "--limit", "5"}, kServerEnv);
    ASSERT_FALSE(r.parsed.exitNow) << r.err;
    EXPECT_EQ(r.parsed.command.verb, Verb::Audit);
    EXPECT_EQ(r.parsed.command.limit, 5);
    EXPECT_EQ(parse({"audit", "--limit", "0"}, kServerEnv).parsed.exitNow, kExitUsage);
}

TEST(WijkpuntctlCommandLine, HelpExitsZeroAndUnknownSubcommandsTwo) {
    Parsed help = parse({"--help"});
    EXPECT_EQ(help.parsed.exitNow, kExitDone);
    EXPECT_NE(help.out.find("enroll-token"), std::string::npos);
    EXPECT_EQ(parse({"frobnicate"}, kServerEnv).parsed.exitNow, kExitUsage);
    EXPECT_EQ(parse({}, kServerEnv).parsed.exitNow, kExitUsage);
}

TEST(WijkpuntctlAdminToken, ComesFromTheFileFirstThenTheEnvironment) {
    wp::testing::TempDir dir;
    const auto file = dir.path() / "token";
    std::ofstream(file) << "file-token  \nsecond line\n";
    CtlCommand c;
    c.tokenFile = file;
    EnvLookup env = [](const char* name) -> std::optional<std::string> {
        if (std::string(name) == "WIJKPUNTCTL_TOKEN") return "env-token";
        return std::nullopt;
    };
    EXPECT_EQ(adminToken(c, env).value(), "file-token");
    c.tokenFile.clear();
    EXPECT_EQ(adminToken(c, env).value(), "env-token");
    EnvLookup empty = [](const char*) -> std::optional<std::string> { return std::nullopt; };
    auto none = adminToken(c, empty);
    ASSERT_FALSE(none);
    EXPECT_EQ(none.status().code(), Status::Code::InvalidInput);
    c.tokenFile = dir.path() / "missing";
    EXPECT_EQ(adminToken(c, env).status().code(), Status::Code::IoError);
}

}  // namespace
}  // namespace wp::ctl
