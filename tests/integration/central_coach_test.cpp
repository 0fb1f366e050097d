// The real wijkpunt-central on the shipped demo config (provisioning/demo/central.toml, with the test PKI
// in place of the one run-demo.sh makes): an initiative gets an initiative coach, whose first name the
// public status (GET /v1/requests/{ref}) and the back office show; each category of the question tree is
// routed to its team. Every response is validated against central/openapi.yaml by ApiClient.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/integration/central_harness.h"
#include "tests/support/shipped_request_specs.h"
#include "tests/unit/central/central_test_requests.h"

namespace wp::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

class DemoConfigCentralTest : public ::testing::Test {
  protected:
    void SetUp() override {
        fs::copy_file(fs::path(WIJKPUNT_SOURCE_DIR) / "provisioning/demo/central.toml", config());
        fs::create_directory_symlink(testPki(), dir_.path() / "pki");
        server_ = std::make_unique<ChildProcess>(
            std::vector<std::string>{WIJKPUNT_CENTRAL_BINARY, "--config", config().string()},
            std::map<std::string, std::string>{}, dir_.path() / "server");
        const bool up = waitUntil(
            [&] {
                if (!server_->running()) return true;
                std::string text = readFile(dir_.path() / "central.port");
                return !text.empty() && text.back() == '\n';
            },
            15s);
        ASSERT_TRUE(up && server_->running()) << "wijkpunt-central did not start:\n" << server_->err();
        url_ = "https://127.0.0.1:" + std::to_string(std::stoi(readFile(dir_.path() / "central.port")));
        publicUrl_ =
            "https://127.0.0.1:" + std::to_string(std::stoi(readFile(dir_.path() / "central.public-port")));
        auto [status, out] =
            runCentralCommand(config(), {"token", "create", "--name", "Ada", "--role", "admin"});
        ASSERT_EQ(status, 0) << out;
        admin_ = out.substr(0, out.find('\n'));
    }
    fs::path config() const { return dir_.path() / "central.toml"; }

    // Posts a request as kiosk K2; returns its reference.
    std::string post(const Request& r) {
        HttpResult res =
            ApiClient(url_, {}).post("/v1/requests", encodeRequest(r, wp::testing::shippedRequestSpecs()));
        EXPECT_EQ(res.status, 201) << res.body;
        return r.reference;
    }
    json status(const std::string& reference) {
        HttpResult res = ApiClient(publicUrl_, {.cert = ""}).get("/v1/requests/" + reference);
        EXPECT_EQ(res.status, 200) << res.body;
        return json::parse(res.body, nullptr, false);
    }
    json detail(const std::string& reference) {
        HttpResult res =
            ApiClient(publicUrl_, {.cert = ""}).get("/v1/backoffice/requests/" + reference, admin_);
        EXPECT_EQ(res.status, 200) << res.body;
        return json::parse(res.body, nullptr, false);
    }

    TempDir dir_;
    std::unique_ptr<ChildProcess> server_;
    std::string url_, publicUrl_, admin_;
    SeededRandom random_{61};
};

TEST_F(DemoConfigCentralTest, AnInitiativeGetsACoachWhoseFirstNameTheStatusShows) {
    // The demo's coaches: Fatima, Joost, Anouk (least open initiatives first, then config order).
    std::vector<std::string> refs;
    for (int i = 0; i < 3; ++i) refs.push_back(post(makeTestRequest(random_, "initiative")));
    EXPECT_EQ(status(refs[0])["coach"], "Fatima");
    EXPECT_EQ(status(refs[1])["coach"], "Joost");
    EXPECT_EQ(status(refs[2])["coach"], "Anouk");
    EXPECT_EQ(status(refs[0])["status"], "received");

    // The back office: the list and the detail name the coach; the request went to the initiative desk.
    json d = detail(refs[1]);
    EXPECT_EQ(d["coach"], "Joost");
    EXPECT_EQ(d["team"], "initiatief");
    EXPECT_FALSE(d["flagged"].get<bool>());
    HttpResult list =
        ApiClient(publicUrl_, {.cert = ""}).get("/v1/backoffice/requests?type=initiative", admin_);
    ASSERT_EQ(list.status, 200) << list.body;
    json items = json::parse(list.body)["requests"];
    ASSERT_EQ(items.size(), 3u);
    EXPECT_EQ(items[2]["coach"], "Anouk");

    // Fatima's initiative is closed: she has the fewest open ones and gets the next.
    HttpResult closed =
        ApiClient(publicUrl_, {.cert = ""})
            .post("/v1/backoffice/requests/" + refs[0] + "/status", R"({"status": "closed"})", admin_);
    ASSERT_EQ(closed.status, 200) << closed.body;
    EXPECT_EQ(json::parse(closed.body)["coach"], "Fatima");
    EXPECT_EQ(status(post(makeTestRequest(random_, "initiative")))["coach"], "Fatima");

    // Other types get no coach; the member is there, empty.
    std::string callback = post(makeTestRequest(random_, "callback", "zorg"));
    EXPECT_EQ(status(callback)["coach"], "");
}

TEST_F(DemoConfigCentralTest, EachQuestionTreeCategoryReachesItsTeam) {
    const std::pair<const char*, const char*> expected[] = {{"huur", "huurloket"},    {"zorg", "wijkteam"},
                                                            {"geld", "wijkteam"},     {"buren", "wijkteam"},
                                                            {"gemeente", "gemeente"}, {"anders", "gemeente"}};
    for (std::string type : {"question", "callback"}) {
        for (const auto& [category, team] : expected) {
            std::string ref = post(makeTestRequest(random_, type, category));
            json d = detail(ref);
            EXPECT_EQ(d["team"], team) << type << " " << category;
            EXPECT_EQ(d["flagged"], false) << type << " " << category;
            EXPECT_EQ(d["category"], category);
        }
    }
    json visit = detail(post(makeTestRequest(random_, "home-visit")));
    EXPECT_EQ(visit["team"], "wijkteam");
    EXPECT_EQ(visit["coach"], "");
    // A category nobody routes goes to the default team, flagged for someone to look at.
    json odd = detail(post(makeTestRequest(random_, "question", "onbekend")));
    EXPECT_EQ(odd["team"], "gemeente");
    EXPECT_EQ(odd["flagged"], true);
}

}  // namespace
}  // namespace wp::testing
