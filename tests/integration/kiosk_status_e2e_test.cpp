// "Status van mijn vraag" end to end: the real wijkpunt-central with the test PKI, a request
// made through its API and given a status and public note by a team member, and the real wijkpunt-kiosk
// (headless, driven by a script) on which a resident types the code on the on-screen keyboard and sees
// that status. And the same lookup with the server gone: the kiosk says so plainly.
#include <gtest/gtest.h>

#include <fstream>

#include "common/reference_code.h"
#include "tests/integration/central_harness.h"
#include "tests/support/shipped_request_specs.h"
#include "tests/unit/central/central_test_requests.h"

namespace wp::testing {
namespace {

using namespace std::chrono_literals;

class KioskStatusE2eTest : public ::testing::Test {
  protected:
    // Kiosk settings for the demo contact point, talking to url with the test PKI's kiosk certificate.
    fs::path writeSettings(const std::string& url) {
        const fs::path root = WIJKPUNT_SOURCE_DIR;
        const fs::path file = dir_.path() / "kiosk.toml";
        std::ofstream out(file);
        out << "[contact_point]\nname = \"Wijkpunt Groenoord\"\nletters = \"SGN\"\n"
            << "[kiosk]\ncode = \"K2\"\n"
            << "[screen]\nwidth_px = 1080\nheight_px = 1920\nmm_per_px = 0.2745\nrenderer = \"software\"\n"
            << "[session]\ndefault_language = \"nl\"\nidle_timeout_s = 90\nidle_warning_s = 30\n"
            << "[central]\npublic_url = \"https://wijkpunt.schiedam.nl\"\napi_url = \"" << url << "\"\n"
            << "ca_file = \"" << pkiFile("ca.crt").string() << "\"\n"
            << "client_certificate = \"" << pkiFile("kiosk.crt").string() << "\"\n"
            << "client_key = \"" << pkiFile("kiosk.key").string() << "\"\n"
            << "[theme]\ndefault = \"gemeente\"\nhigh_contrast = \"hoog-contrast\"\nhost = \"host\"\n"
            << "[bundle]\ncontent = \"" << (root / "content").string() << "\"\nthemes = \""
            << (root / "themes").string() << "\"\n";
        return file;
    }
    // Runs the kiosk with script to its end; its exit status (0: the script passed).
    int runKiosk(const fs::path& settings, const std::string& name, const std::string& script) {
        const fs::path file = dir_.path() / (name + ".wps");
        std::ofstream(file) << script;
        ChildProcess kiosk(
            {WIJKPUNT_KIOSK_BINARY, "--config", settings.string(), "--script", file.string(),
             "--screenshot-dir", WIJKPUNT_SCREENSHOT_DIR, "--data-dir", (dir_.path() / name).string()},
            {{"SDL_VIDEODRIVER", "dummy"}, {"SDL_AUDIODRIVER", "dummy"}}, dir_.path() / name);
        int status = kiosk.wait(120s);
        int code = status >= 0 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        EXPECT_EQ(code, 0) << kiosk.err();
        return code;
    }
    // What the resident types: the screen starts with this kiosk's part ("SGN-K2") filled in, so only the
    // rest of the code, without dashes.
    static std::string typed(const std::string& code) {
        std::string out;
        for (char c : code.substr(std::string("SGN-K2-").size()))
            if (c != '-') out += c;
        return out;
    }

    TempDir dir_;
    SeededRandom random_{2026};
};

TEST_F(KioskStatusE2eTest, AResidentTypesTheCodeAndSeesTheStatusAndNoteTheTeamSet) {
    CentralServerProcess server(dir_.path() / "central", {});
    ASSERT_TRUE(server.start());
    ApiClient kiosk(server.url(), {});
    Request r = makeTestRequest(random_, "callback", "huur");
    HttpResult made = kiosk.post("/v1/requests", encodeRequest(r, wp::testing::shippedRequestSpecs()));
    ASSERT_EQ(made.status, 201) << made.body;

    auto [status, out] = runCentralCommand(server.config(), {"token", "create", "--name", "Anna (huurloket)",
                                                             "--role", "team", "--team", "huurloket"});
    ASSERT_EQ(status, 0) << out;
    const std::string anna = out.substr(0, out.find('\n'));
    ApiClient office(server.publicUrl(), {.cert = ""});
    HttpResult set = office.post(
        "/v1/backoffice/requests/" + r.reference + "/status",
        R"({"status":"in-progress","public_note":"We bellen u dinsdag tussen 10 en 12 uur."})", anna);
    ASSERT_EQ(set.status, 200) << set.body;

    runKiosk(writeSettings(server.url()), "status-found",
             "tap \"Status van mijn vraag\"\n"
             "type \"" +
                 typed(r.reference) +
                 "\"\n"
                 "expect \"" +
                 r.reference +
                 "\"\n"
                 "tap \"Zoek op\"\n"
                 "expect \"Bezig. Het team werkt aan uw vraag.\" 20s\n"
                 "expect \"We bellen u dinsdag tussen 10 en 12 uur.\"\n"
                 "expect \"Uw code: " +
                 r.reference +
                 "\"\n"
                 "screenshot status-found-nl.png\n"
                 "tap \"English\"\n"
                 "expect \"In progress. The team is working on your request.\"\n"
                 "tap \"Another code\"\n"
                 "expect \"Your code\"\n"
                 "expect-not \"" +
                 r.reference +
                 "\"\n"
                 // A code the server does not know (well-formed, never issued).
                 "type \"" +
                 typed(makeReferenceCode("SGN", "K2", random_)) +
                 "\"\n"
                 "tap \"Look up\"\n"
                 "expect \"We cannot find this code.\" 20s\n"
                 "screenshot status-unknown-en.png\n");
}

TEST_F(KioskStatusE2eTest, AnUnreachableServerIsSaidPlainly) {
    CentralServerProcess server(dir_.path() / "central", {});
    ASSERT_TRUE(server.start());
    const std::string url = server.url();
    server.stop();  // nobody listens on its port any more
    ASSERT_TRUE(waitUntil([&] { return !server.process()->running(); }, 10s));
    const std::string code = makeReferenceCode("SGN", "K2", random_);
    runKiosk(
        writeSettings(url), "status-unreachable",
        "tap \"Status van mijn vraag\"\n"
        "type \"" +
            typed(code) +
            "\"\n"
            "tap \"Zoek op\"\n"
            "expect \"We kunnen de gegevens nu niet ophalen. Probeer het later nog eens, of vraag het de "
            "gastvrouw of gastheer.\" 30s\n"
            "screenshot status-unreachable-real-nl.png\n"
            "tap \"Probeer opnieuw\"\n"
            "expect \"We kunnen de gegevens nu niet ophalen.\" 30s\n"
            "tap \"Begin opnieuw\"\n"
            "expect \"Waarmee kunnen we u helpen?\"\n");
}

}  // namespace
}  // namespace wp::testing
