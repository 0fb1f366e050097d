// The real wijkpunt-central over HTTPS: intake, idempotency, bad input, lookups, back office, statistics,
// retention and backup. Every response is validated against central/openapi.yaml by ApiClient.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "central/store/sqlite_central_store.h"
#include "common/clock.h"
#include "tests/integration/central_harness.h"
#include "tests/support/shipped_request_specs.h"
#include "tests/unit/central/central_test_requests.h"

namespace wp::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

class CentralApiTest : public ::testing::Test {
  protected:
    void SetUp() override { ASSERT_TRUE(server_.start()); }
    StoreCounts counts() {
        auto store = SqliteCentralStore::open(server_.database(), wp::testing::shippedRequestSpecs());
        return store.value()->counts().value();
    }
    std::string token(const std::string& name, const std::string& role, const std::string& team = "") {
        std::vector<std::string> args = {"token", "create", "--name", name, "--role", role};
        if (!team.empty()) args.insert(args.end(), {"--team", team});
        auto [status, out] = runCentralCommand(server_.config(), args);
        EXPECT_EQ(status, 0) << out;
        return out.substr(0, out.find('\n'));
    }
    TempDir dir_;
    CentralServerProcess server_{dir_.path() / "central",
                                 CentralOptions{.lookupPerMinute = 5,
                                                .extraToml = "[backup]\nrecipient_public_key = \"" +
                                                             pkiFile("backup.pub.pem").string() + "\"\n"}};
    SeededRandom random_{99};
    ApiClient kioskAfterStart() { return ApiClient(server_.url(), {}); }
};

TEST_F(CentralApiTest, StoresARequestAndShowsItsStatus) {
    ApiClient kiosk = kioskAfterStart();
    Request r = makeTestRequest(random_);
    HttpResult res = kiosk.post("/v1/requests", encodeRequest(r, wp::testing::shippedRequestSpecs()));
    ASSERT_TRUE(res.answered()) << res.transportMessage;
    EXPECT_EQ(res.status, 201) << res.body;
    auto answer = decodeIntakeAnswer(res.body);
    ASSERT_TRUE(answer.ok());
    EXPECT_EQ(answer.value().reference, r.reference);
    EXPECT_EQ(answer.value().status, RequestStatus::Received);

    HttpResult status = ApiClient(server_.publicUrl(), {.cert = ""}).get("/v1/requests/" + r.reference);
    EXPECT_EQ(status.status, 200) << status.body;
    EXPECT_EQ(status.body.find("010 123"), std::string::npos) << "no personal data in a status";
    // What residents type: lower case and spaces are forgiven.
    std::string typed = r.reference;
    for (auto& c : typed) c = static_cast<char>(std::tolower(c));
    EXPECT_EQ(kiosk.get("/v1/requests/" + typed).status, 200);
    EXPECT_EQ(kiosk.get("/v1/health").status, 200);
}

TEST_F(CentralApiTest, EveryRequestTypeIsTaken) {
    ApiClient kiosk = kioskAfterStart();
    for (const auto& spec : wp::testing::shippedRequestSpecs().latestOfEach()) {
        HttpResult res = kiosk.post("/v1/requests", encodeRequest(makeTestRequest(random_, spec->id),
                                                                  wp::testing::shippedRequestSpecs()));
        EXPECT_EQ(res.status, 201) << spec->id << ": " << res.body;
    }
    EXPECT_EQ(counts().requests,
              static_cast<std::int64_t>(wp::testing::shippedRequestSpecs().latestOfEach().size()));
}

TEST_F(CentralApiTest, SameUuidGetsTheFirstAnswerAndStoresNothingNew) {
    ApiClient kiosk = kioskAfterStart();
    Request r = makeTestRequest(random_);
    HttpResult first = kiosk.post("/v1/requests", encodeRequest(r, wp::testing::shippedRequestSpecs()));
    ASSERT_EQ(first.status, 201);
    for (int i = 0; i < 3; ++i) {
        HttpResult again = kiosk.post("/v1/requests", encodeRequest(r, wp::testing::shippedRequestSpecs()));
        EXPECT_EQ(again.status, 201);
        EXPECT_EQ(again.body, first.body);
    }
    EXPECT_EQ(counts().requests, 1);
}

TEST_F(CentralApiTest, AReferenceUnderAnotherUuidIsRefusedAndLoggedAsAKioskFault) {
    ApiClient kiosk = kioskAfterStart();
    Request r = makeTestRequest(random_);
    ASSERT_EQ(kiosk.post("/v1/requests", encodeRequest(r, wp::testing::shippedRequestSpecs())).status, 201);
    r.uuid = makeUuid(random_);
    HttpResult clash = kiosk.post("/v1/requests", encodeRequest(r, wp::testing::shippedRequestSpecs()));
    EXPECT_EQ(clash.status, 409);
    EXPECT_EQ(decodeError(clash.body)->field, "reference");
    EXPECT_EQ(counts().kioskFaults, 1);
    EXPECT_EQ(counts().requests, 1);
    EXPECT_NE(server_.process()->err().find("KIOSK FAULT"), std::string::npos);
}

TEST_F(CentralApiTest, BadInputGetsAJsonErrorNamingTheField) {
    ApiClient kiosk = kioskAfterStart();
    auto errorOf = [&](const std::string& body, int expectStatus) {
        HttpResult res = kiosk.post("/v1/requests", body);
        EXPECT_EQ(res.status, expectStatus) << body.substr(0, 200) << " -> " << res.body;
        return decodeError(res.body).value_or(ApiError{0, "no error body", res.body, ""});
    };
    json valid = json::parse(encodeRequest(makeTestRequest(random_), wp::testing::shippedRequestSpecs()));

    EXPECT_EQ(errorOf("{\"uuid\": ", 400).code, "malformed_json");
    json wrongType = valid;
    wrongType["fields"]["phone"] = 101234567;
    EXPECT_EQ(errorOf(wrongType.dump(), 400).field, "fields.phone");
    json missing = valid;
    missing.erase("uuid");
    EXPECT_EQ(errorOf(missing.dump(), 400).field, "uuid");
    json badUtf8 = valid;
    badUtf8["fields"]["topic"] = "HUURMARK";
    std::string text = badUtf8.dump();
    text.replace(text.find("HUURMARK"), 8, "Huur\xFF\xFEok");
    ApiError e = errorOf(text, 400);
    EXPECT_EQ(e.code, "bad_utf8");
    EXPECT_EQ(e.field, "fields.topic");
    json big = valid;
    big["padding"] = std::string(20000, 'x');  // an unknown member, but over the 16 KiB limit
    EXPECT_EQ(errorOf(big.dump(), 413).code, "body_too_large");
    // Another kiosk's code in the body than the certificate says.
    ApiClient k3(server_.url(), {.cert = "kiosk3"});
    HttpResult other = k3.post("/v1/requests", valid.dump());
    EXPECT_EQ(other.status, 403);
    EXPECT_EQ(decodeError(other.body)->field, "kiosk");
    EXPECT_EQ(counts().requests, 0) << "nothing half-stored";

    json unknown = valid;
    unknown["future_member"] = {1, 2, 3};
    unknown["fields"]["future_field"] = "x";
    EXPECT_EQ(kiosk.post("/v1/requests", unknown.dump()).status, 201) << "unknown members are ignored";
    EXPECT_EQ(kiosk.get("/v1/nowhere").status, 404);
}

TEST_F(CentralApiTest, LookupsCheckTheCodeAndAreRateLimitedOnTheInjectedClock) {
    ApiClient kiosk = kioskAfterStart();
    ApiClient resident(server_.publicUrl(), {.cert = ""});
    Request r = makeTestRequest(random_);
    ASSERT_EQ(kiosk.post("/v1/requests", encodeRequest(r, wp::testing::shippedRequestSpecs())).status, 201);
    std::string wrong = r.reference;
    wrong[14] = wrong[14] == 'A' ? 'B' : 'A';
    HttpResult bad = resident.get("/v1/requests/" + wrong);
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(decodeError(bad.body)->field, "reference");
    SeededRandom other(12345);
    EXPECT_EQ(resident.get("/v1/requests/" + makeReferenceCode("SGN", "K2", other)).status,
              404);  // valid, unknown
    EXPECT_EQ(resident.get("/v1/requests/" + r.reference).status, 200);
    EXPECT_EQ(resident.get("/v1/requests/" + r.reference).status, 200);
    EXPECT_EQ(resident.get("/v1/requests/" + r.reference).status, 200);  // the 5th lookup this minute
    HttpResult limited = resident.get("/v1/requests/" + r.reference);
    EXPECT_EQ(limited.status, 429);
    ScriptClock(server_.clockFile()).advance(61s);
    EXPECT_EQ(resident.get("/v1/requests/" + r.reference).status, 200);
}

TEST_F(CentralApiTest, BackOfficeRoutesReadsAreAuditedAndTeamsSeeTheirOwn) {
    ApiClient kiosk = kioskAfterStart();
    Request huur = makeTestRequest(random_, "callback", "huur");
    Request unrouted = makeTestRequest(random_, "question", "parkeren");
    Request visit = makeTestRequest(random_, "home-visit");
    for (const Request& r : {huur, unrouted, visit})
        ASSERT_EQ(kiosk.post("/v1/requests", encodeRequest(r, wp::testing::shippedRequestSpecs())).status,
                  201);

    std::string admin = token("Admin Ada", "admin");
    std::string anna = token("Anna (huurloket)", "team", "huurloket");
    ASSERT_EQ(admin.rfind("wpt_", 0), 0u);
    ApiClient office(server_.publicUrl(), {.cert = ""});

    EXPECT_EQ(office.get("/v1/backoffice/requests").status, 401);
    EXPECT_EQ(office.get("/v1/backoffice/requests", "wpt_wrong").status, 401);

    json all = json::parse(office.get("/v1/backoffice/requests", admin).body);
    EXPECT_EQ(all["requests"].size(), 3u);
    json flagged = json::parse(office.get("/v1/backoffice/requests?flagged=true", admin).body);
    ASSERT_EQ(flagged["requests"].size(), 1u);
    EXPECT_EQ(flagged["requests"][0]["reference"], unrouted.reference);
    EXPECT_EQ(flagged["requests"][0]["team"], "gemeente");
    json wijkteam = json::parse(office.get("/v1/backoffice/requests?team=wijkteam", admin).body);
    ASSERT_EQ(wijkteam["requests"].size(), 1u);
    EXPECT_EQ(wijkteam["requests"][0]["reference"], visit.reference);

    json mine = json::parse(office.get("/v1/backoffice/requests", anna).body);
    ASSERT_EQ(mine["requests"].size(), 1u);
    EXPECT_EQ(mine["requests"][0]["reference"], huur.reference);
    EXPECT_EQ(mine["requests"][0].dump().find("010 123"), std::string::npos) << "lists hold no personal data";
    EXPECT_EQ(office.get("/v1/backoffice/requests?team=wijkteam", anna).status, 403);
    EXPECT_EQ(office.get("/v1/backoffice/requests/" + visit.reference, anna).status, 404);

    HttpResult detail = office.get("/v1/backoffice/requests/" + huur.reference, anna);
    ASSERT_EQ(detail.status, 200) << detail.body;
    EXPECT_EQ(json::parse(detail.body)["fields"]["phone"], "010 123 4567");

    HttpResult set = office.post("/v1/backoffice/requests/" + huur.reference + "/status",
                                 R"({"status":"in-progress","public_note":"We bellen u dinsdag.",)"
                                 R"("internal_note":"belt di 10u"})",
                                 anna);
    ASSERT_EQ(set.status, 200) << set.body;
    HttpResult badStatus =
        office.post("/v1/backoffice/requests/" + huur.reference + "/status", R"({"status":"done"})", anna);
    EXPECT_EQ(badStatus.status, 400);
    EXPECT_EQ(decodeError(badStatus.body)->field, "status");
    auto view = decodeStatusView(office.get("/v1/requests/" + huur.reference).body);
    ASSERT_TRUE(view.ok());
    EXPECT_EQ(view.value().status, RequestStatus::InProgress);
    EXPECT_EQ(view.value().publicNote, "We bellen u dinsdag.");

    EXPECT_EQ(office.get("/v1/backoffice/audit", anna).status, 403);
    json audit = json::parse(office.get("/v1/backoffice/audit?reference=" + huur.reference, admin).body);
    ASSERT_EQ(audit["entries"].size(), 2u);
    EXPECT_EQ(audit["entries"][0]["action"], "set-status");
    EXPECT_EQ(audit["entries"][1]["action"], "read-personal-data");
    EXPECT_EQ(audit["entries"][1]["actor"], "Anna (huurloket)");
    EXPECT_EQ(audit["entries"][0]["source"], "127.0.0.1") << "from where: the caller's address";
    EXPECT_EQ(audit["entries"][1]["source"], "127.0.0.1");
    json refused = json::parse(office.get("/v1/backoffice/audit?reference=" + visit.reference, admin).body);
    ASSERT_EQ(refused["entries"].size(), 1u) << "a refused read is audited too";
}

TEST_F(CentralApiTest, QueueStatisticsAreStoredOnce) {
    ApiClient kiosk = kioskAfterStart();
    QueueStatBatch b{"K2",
                     {{1, "issued", "huurloket", "2026-11-26", 1, "", fromUnixMillis(1764144000000)},
                      {2, "called", "huurloket", "2026-11-26", 1, "Balie 1", fromUnixMillis(1764144060000)}}};
    HttpResult first = kiosk.post("/v1/statistics/queue-events", encodeQueueStatBatch(b));
    ASSERT_EQ(first.status, 200) << first.body;
    EXPECT_EQ(json::parse(first.body)["new"], 2);
    EXPECT_EQ(json::parse(kiosk.post("/v1/statistics/queue-events", encodeQueueStatBatch(b)).body)["new"], 0);
    b.kioskCode = "K3";
    EXPECT_EQ(kiosk.post("/v1/statistics/queue-events", encodeQueueStatBatch(b)).status, 403);
    EXPECT_EQ(ApiClient(server_.publicUrl(), {.cert = ""}).post("/v1/statistics/queue-events", "{}").status,
              401);
    EXPECT_EQ(counts().queueEvents, 2);
}

TEST_F(CentralApiTest, BackupWhileServing) {
    ApiClient kiosk = kioskAfterStart();
    Request r = makeTestRequest(random_);
    ASSERT_EQ(kiosk.post("/v1/requests", encodeRequest(r, wp::testing::shippedRequestSpecs())).status, 201);
    fs::path backup = dir_.path() / "backup.wpbackup";
    auto [status, out] = runCentralCommand(server_.config(), {"backup", backup.string()});
    ASSERT_EQ(status, 0) << out;
    EXPECT_EQ(
        kiosk
            .post("/v1/requests", encodeRequest(makeTestRequest(random_), wp::testing::shippedRequestSpecs()))
            .status,
        201);
    fs::path restored = dir_.path() / "restored.db";
    auto [decrypted, why] = runCentralCommand(
        server_.config(),
        {"restore", "--key", pkiFile("backup.key").string(), backup.string(), restored.string()});
    ASSERT_EQ(decrypted, 0) << why;
    auto copy = SqliteCentralStore::open(restored, wp::testing::shippedRequestSpecs());
    ASSERT_TRUE(copy);
    EXPECT_EQ((*copy)->counts()->requests, 1);
    EXPECT_TRUE((*copy)->statusOf(r.reference).value().has_value());
    auto [again, msg] = runCentralCommand(server_.config(), {"backup", backup.string()});
    EXPECT_NE(again, 0) << "an existing file is not overwritten";
}

TEST(CentralRetentionTest, PersonalFieldsAreWipedAfterTheirDaysOnTheInjectedClock) {
    TempDir dir;
    CentralServerProcess server(
        dir.path() / "central",
        {.extraToml = "[retention]\ndefault_days = 365\ncallback = 2\ncheck_interval_ms = 50\n"});
    ASSERT_TRUE(server.start());
    ApiClient kiosk(server.url(), {});
    SeededRandom random(5);
    Request callback = makeTestRequest(random, "callback");
    Request visit = makeTestRequest(random, "home-visit");
    ASSERT_EQ(kiosk.post("/v1/requests", encodeRequest(callback, wp::testing::shippedRequestSpecs())).status,
              201);
    ASSERT_EQ(kiosk.post("/v1/requests", encodeRequest(visit, wp::testing::shippedRequestSpecs())).status,
              201);
    std::string admin =
        runCentralCommand(server.config(), {"token", "create", "--name", "Ada", "--role", "admin"}).second;
    admin = admin.substr(0, admin.find('\n'));
    auto detail = [&](const Request& r) {
        return json::parse(kiosk.get("/v1/backoffice/requests/" + r.reference, admin).body);
    };
    EXPECT_EQ(detail(callback)["fields"]["phone"], "010 123 4567");

    ScriptClock(server.clockFile()).advance(24h * 2 + 1min);
    EXPECT_TRUE(waitUntil([&] { return detail(callback)["personal_data_wiped"] == true; }, 10s));
    json wiped = detail(callback);
    EXPECT_FALSE(wiped["fields"].contains("phone"));
    EXPECT_FALSE(wiped["fields"].contains("name"));
    EXPECT_EQ(wiped["fields"]["topic"], "Jan de Vries");
    EXPECT_EQ(detail(visit)["personal_data_wiped"], false) << "home visits keep theirs for 365 days";
    EXPECT_EQ(detail(visit)["fields"]["address"], "Jan de Vries");
}

}  // namespace
}  // namespace wp::testing
