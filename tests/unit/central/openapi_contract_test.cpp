// central/openapi.yaml is the contract: the server's router table and the request types' field specs must
// say exactly what it says, both ways.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <set>

#include "central/api_routes.h"
#include "central/fleet_json.h"
#include "central/http_exchange.h"
#include "central/openapi_schemas.h"
#include "common/appointment.h"
#include "common/random_source.h"
#include "common/request.h"
#include "common/wire.h"
#include "tests/support/openapi_contract.h"
#include "tests/support/shipped_request_specs.h"

namespace wp {
namespace {

using nlohmann::json;
using testing::sourceContract;

std::string authName(RouteAuth a) {
    switch (a) {
        case RouteAuth::Public:
            return "public";
        case RouteAuth::Kiosk:
            return "kiosk";
        case RouteAuth::Person:
            return "person";
    }
    return "?";
}

TEST(OpenApiContractTest, RouterTableEqualsPathsBothWays) {
    std::set<std::pair<std::string, std::string>> server;
    for (const ApiRoute& r : apiRoutes()) server.insert({std::string(r.method), std::string(r.path)});
    auto file = sourceContract().routes();
    for (const auto& r : server)
        EXPECT_TRUE(file.count(r)) << r.first << " " << r.second << " is served but not in openapi.yaml";
    for (const auto& r : file)
        EXPECT_TRUE(server.count(r)) << r.first << " " << r.second << " is in openapi.yaml but not served";
}

TEST(OpenApiContractTest, EveryRouteSaysWhoMayCallIt) {
    for (const ApiRoute& r : apiRoutes())
        EXPECT_EQ(sourceContract().authOf(std::string(r.method), std::string(r.path)), authName(r.auth))
            << r.method << " " << r.path;
}

// The kind of a field as the YAML says it: a $ref name (possibly inside allOf) or an inline type.
std::string kindInYaml(const json& prop) {
    if (prop.contains("$ref"))
        return prop["$ref"].get<std::string>().substr(std::string("#/components/schemas/").size());
    if (prop.contains("allOf")) return kindInYaml(prop["allOf"][0]);
    return prop.value("type", "?");
}

std::string kindName(FieldKind k) {
    switch (k) {
        case FieldKind::ShortText:
            return "ShortText";
        case FieldKind::Text:
            return "Text";
        case FieldKind::Phone:
            return "Phone";
        case FieldKind::Email:
            return "Email";
        case FieldKind::Id:
            return "Id";
        case FieldKind::Number:
            return "number";
        case FieldKind::Integer:
            return "integer";
    }
    return "?";
}

TEST(OpenApiContractTest, RequestTypesAndFieldsEqualTheSpecTable) {
    const json& schemas = sourceContract().document()["components"]["schemas"];
    std::set<std::string> yamlTypes;
    for (const auto& t : schemas["RequestType"]["enum"]) yamlTypes.insert(t.get<std::string>());
    std::set<std::string> codeTypes;
    for (const auto& spec : wp::testing::shippedRequestSpecs().latestOfEach()) codeTypes.insert(spec->id);
    EXPECT_EQ(yamlTypes, codeTypes);

    for (const RequestSpec* specOfType : wp::testing::shippedRequestSpecs().latestOfEach()) {
        const RequestSpec& spec = *specOfType;
        std::string type = spec.id;
        SCOPED_TRACE(type);
        ASSERT_TRUE(schemas.contains("Request_" + type));
        const json& part = schemas["Request_" + type]["allOf"][1]["properties"];
        EXPECT_EQ(part["type"]["enum"], json::array({type}));
        const json& fields = part["fields"];
        std::set<std::string> yamlFields, yamlRequired, yamlPersonal;
        for (auto it = fields["properties"].begin(); it != fields["properties"].end(); ++it) {
            yamlFields.insert(it.key());
            if (it->value("x-personal", false)) yamlPersonal.insert(it.key());
            const FieldSpec* f = spec.field(it.key());
            if (f == nullptr) continue;
            EXPECT_EQ(kindInYaml(*it), kindName(f->kind)) << it.key();
            if (f->kind == FieldKind::Number || f->kind == FieldKind::Integer) {
                EXPECT_EQ((*it)["minimum"].get<double>(), f->min) << it.key();
                EXPECT_EQ((*it)["maximum"].get<double>(), f->max) << it.key();
            }
        }
        if (fields.contains("required"))
            for (const auto& r : fields["required"]) yamlRequired.insert(r.get<std::string>());
        std::set<std::string> codeFields, codeRequired, codePersonal;
        for (const auto& f : spec.fields) {
            codeFields.insert(std::string(f.name));
            if (f.required) codeRequired.insert(std::string(f.name));
            if (f.personal) codePersonal.insert(std::string(f.name));
        }
        EXPECT_EQ(yamlFields, codeFields);
        EXPECT_EQ(yamlRequired, codeRequired);
        EXPECT_EQ(yamlPersonal, codePersonal);
        std::set<std::string> yamlAnyOf, codeAnyOf;
        if (fields.contains("anyOf"))
            for (const auto& alt : fields["anyOf"]) yamlAnyOf.insert(alt["required"][0].get<std::string>());
        for (auto n : spec.atLeastOneOf) codeAnyOf.insert(std::string(n));
        EXPECT_EQ(yamlAnyOf, codeAnyOf);
    }
}

// The request types of the checked-in contract are exactly what the shipped specs generate. To bring the
// file up to date: wijkpunt-central openapi-schemas --spec-dir content/requests --write central/openapi.yaml
TEST(OpenApiContractTest, RequestTypesAreWhatTheSpecsGenerate) {
    std::ifstream in(std::string(WIJKPUNT_SOURCE_DIR) + "/central/openapi.yaml");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto part = generatedPartOf(text);
    ASSERT_TRUE(part) << part.status().message();
    EXPECT_EQ(part.value(), requestSchemasYaml(wp::testing::shippedRequestSpecs()))
        << "central/openapi.yaml differs from what content/requests generates; run\n"
           "  build/central/wijkpunt-central openapi-schemas --spec-dir content/requests --write "
           "central/openapi.yaml";
}

TEST(OpenApiContractTest, GeneratedPartIsReplacedBetweenItsMarkers) {
    std::string file = "a: 1\n" + std::string(kOpenApiGeneratedBegin) + "\n    old: x\n" +
                       std::string(kOpenApiGeneratedEnd) + "\nb: 2\n";
    auto updated = withGeneratedPart(file, wp::testing::shippedRequestSpecs());
    ASSERT_TRUE(updated);
    EXPECT_EQ(updated->find("old: x"), std::string::npos);
    EXPECT_EQ(generatedPartOf(updated.value()).value(),
              requestSchemasYaml(wp::testing::shippedRequestSpecs()));
    EXPECT_EQ(updated->substr(updated->size() - 5), "b: 2\n");
    EXPECT_FALSE(generatedPartOf("no markers here"));
}

TEST(OpenApiContractTest, ErrorCodesEqualTheWireConstants) {
    std::set<std::string> yaml;
    for (const auto& c : sourceContract().document()["components"]["schemas"]["Error"]["properties"]["error"]
                                                    ["properties"]["code"]["enum"])
        yaml.insert(c.get<std::string>());
    namespace ec = error_code;
    std::set<std::string> code;
    for (auto c : {ec::kMalformedJson,    ec::kBadUtf8,           ec::kMissingField,
                   ec::kWrongType,        ec::kInvalidValue,      ec::kTooLong,
                   ec::kBodyTooLarge,     ec::kNotFound,          ec::kConflict,
                   ec::kUnauthorized,     ec::kForbidden,         ec::kRateLimited,
                   ec::kUnavailable,      ec::kInternal,          ec::kHeadersTooLarge,
                   ec::kBadRequest,       ec::kSlotTaken,         ec::kEnrollTokenUnknown,
                   ec::kEnrollTokenSpent, ec::kEnrollTokenExpired})
        code.insert(std::string(c));
    EXPECT_EQ(yaml, code);
}

TEST(OpenApiContractTest, EncodedRequestsOfEveryTypeMatchTheRequestSchema) {
    // The kiosk's own encoder against the contract's request schema (oneOf over the types).
    json schema = sourceContract().resolvedSchema("Request");
    SeededRandom random(11);
    for (const RequestSpec* specOfType : wp::testing::shippedRequestSpecs().latestOfEach()) {
        const RequestSpec& spec = *specOfType;
        Request r;
        r.uuid = makeUuid(random);
        r.type = spec.id;
        r.specVersion = spec.version;
        r.reference = "SGN-K2-7KQ4XD-" + std::string(1, 'A');
        r.kioskCode = "K2";
        r.createdAt = fromUnixMillis(1764144000000);
        for (const auto& f : spec.fields) {
            if (!f.required && !(spec.atLeastOneOf.size() && f.name == spec.atLeastOneOf[0])) continue;
            r.fields[std::string(f.name)] = f.kind == FieldKind::Phone     ? "010 123 4567"
                                            : f.kind == FieldKind::Email   ? "a@b.nl"
                                            : f.kind == FieldKind::Number  ? "4.5"
                                            : f.kind == FieldKind::Integer ? "2"
                                                                           : "x1";
        }
        std::string problems = testing::OpenApiContract::validate(
            schema, json::parse(encodeRequest(r, wp::testing::shippedRequestSpecs())));
        EXPECT_EQ(problems, "") << spec.id;
    }
}

TEST(OpenApiContractTest, ValidatorCatchesABadResponse) {
    EXPECT_EQ(sourceContract().validateResponse("GET", "/v1/health", 200, R"({"status":"ok"})"), "");
    EXPECT_NE(sourceContract().validateResponse("GET", "/v1/health", 200, R"({"status":1})"), "");
    EXPECT_NE(sourceContract().validateResponse("GET", "/v1/requests/SGN-K2-7KQ4XD-3", 200,
                                                R"({"reference":"SGN-K2-7KQ4XD-3","status":"received",)"
                                                R"("public_note":"","updated_at":"2025-11-26T08:00:00.000Z",)"
                                                R"("phone":"0101234567"})"),
              "")
        << "personal data in a status view must break the contract";
    EXPECT_NE(sourceContract().validateResponse("GET", "/v1/health", 418, "{}"), "");
    EXPECT_NE(sourceContract().validateResponse("GET", "/v1/nothing", 200, "{}"), "");
}

}  // namespace
}  // namespace wp
