#include "common/request.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "common/reference_code.h"
#include "tests/support/shipped_request_specs.h"

namespace wp {
namespace {

using nlohmann::json;

// A valid request of each type, as the kiosk would send it.
Request sample(std::string type) {
    SeededRandom random(std::hash<std::string>{}(type) + 1);
    Request r;
    r.uuid = makeUuid(random);
    r.type = type;
    r.reference = makeReferenceCode("SGN", "K2", random);
    r.kioskCode = "K2";
    r.createdAt = fromUnixMillis(1764144000123);
    r.language = "nl";
    for (const FieldSpec& f : wp::testing::shippedSpec(type).fields) {
        switch (f.kind) {
            case FieldKind::ShortText:
                r.fields[std::string(f.name)] = "Lekkage in de badkamer";
                break;
            case FieldKind::Text:
                r.fields[std::string(f.name)] = "Al twee weken.\nGraag hulp, één keer per week";
                break;
            case FieldKind::Phone:
                r.fields[std::string(f.name)] = "+31 6 1234 5678";
                break;
            case FieldKind::Email:
                r.fields[std::string(f.name)] = "bewoner@example.org";
                break;
            case FieldKind::Id:
                r.fields[std::string(f.name)] = "id-42";
                break;
            case FieldKind::Number:
                r.fields[std::string(f.name)] = "51.9163";
                break;
            case FieldKind::Integer:
                r.fields[std::string(f.name)] = "3";
                break;
        }
    }
    return r;
}

json sampleJson(std::string type) {
    return json::parse(encodeRequest(sample(type), wp::testing::shippedRequestSpecs()));
}

ApiError errorOf(const json& j) {
    auto d = decodeRequest(j.dump(), wp::testing::shippedRequestSpecs());
    EXPECT_FALSE(d.ok()) << j.dump();
    return d.ok() ? ApiError{} : d.error();
}

TEST(RequestCodecTest, EveryTypeRoundTrips) {
    for (const auto& spec : wp::testing::shippedRequestSpecs().latestOfEach()) {
        Request r = sample(spec->id);
        EXPECT_FALSE(validateRequest(r, wp::testing::shippedRequestSpecs())) << spec->id;
        auto decoded = decodeRequest(encodeRequest(r, wp::testing::shippedRequestSpecs()),
                                     wp::testing::shippedRequestSpecs());
        ASSERT_TRUE(decoded.ok()) << spec->id << ": " << decoded.error().message;
        EXPECT_EQ(decoded.value(), r) << spec->id;
    }
}

TEST(RequestCodecTest, TypeNamesAreTheSpecsIds) {
    EXPECT_EQ(
        wp::testing::shippedRequestSpecs().typeNames(),
        (std::vector<std::string>{"appointment-callback", "callback", "event-registration", "home-visit",
                                  "initiative", "pin", "pin-support", "poll-vote", "question", "volunteer"}));
    json j = sampleJson("question");
    j["type"] = "Question";
    ApiError e = errorOf(j);
    EXPECT_EQ(e.field, "type");
    EXPECT_EQ(e.httpStatus, 400);
}

// A request names the version of its type's spec; one from a kiosk that predates versions is version 1.
TEST(RequestCodecTest, SpecVersionTravelsAndDefaultsToOne) {
    json j = sampleJson("callback");
    EXPECT_EQ(j["spec_version"], 1);
    j.erase("spec_version");
    auto d = decodeRequest(j.dump(), wp::testing::shippedRequestSpecs());
    ASSERT_TRUE(d.ok()) << d.error().message;
    EXPECT_EQ(d.value().specVersion, 1);
    j["spec_version"] = "1";
    EXPECT_EQ(errorOf(j).field, "spec_version");
    j["spec_version"] = 0;
    EXPECT_EQ(errorOf(j).field, "spec_version");
}

// A version the server's specs do not hold is not the kiosk's fault: 503, so the outbox keeps it and sends it
// again, instead of a 4xx that would make it final (and lose it).
TEST(RequestCodecTest, UnknownVersionOfAKnownTypeIsUnavailableNotRefused) {
    json j = sampleJson("callback");
    j["spec_version"] = 7;
    ApiError e = errorOf(j);
    EXPECT_EQ(e.httpStatus, 503);
    EXPECT_EQ(e.code, "unavailable");
    EXPECT_EQ(e.field, "spec_version");
}

// Several versions of one type: each request is read and checked by the version it names.
TEST(RequestCodecTest, EachVersionIsCheckedByItsOwnSpec) {
    RequestSpecs specs;
    RequestSpec v1 = wp::testing::shippedSpec("callback");
    RequestSpec v2 = v1;
    v2.version = 2;
    v2.fields.push_back({"language_needed", FieldKind::Id, true, false, 0, 0, {}});
    ASSERT_TRUE(specs.add(v1));
    ASSERT_TRUE(specs.add(v2));
    EXPECT_FALSE(specs.add(v2));  // (id, version) is unique
    EXPECT_EQ(specs.latest("callback")->version, 2);

    Request r = sample("callback");
    r.specVersion = 1;
    EXPECT_FALSE(validateRequest(r, specs));
    auto back = decodeRequest(encodeRequest(r, specs), specs);
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(back.value(), r);
    r.specVersion = 2;
    ASSERT_TRUE(validateRequest(r, specs));
    EXPECT_EQ(validateRequest(r, specs)->field, "fields.language_needed");
    r.fields["language_needed"] = "tr";
    EXPECT_FALSE(validateRequest(r, specs));
    Request v1Only = sample("callback");
    v1Only.fields["language_needed"] = "tr";
    EXPECT_EQ(validateRequest(v1Only, specs)->field,
              "fields.language_needed");  // version 1 has no such field
}

TEST(RequestCodecTest, NumbersTravelAsJsonNumbers) {
    json j = sampleJson("pin");
    EXPECT_TRUE(j["fields"]["lat"].is_number());
    json e = sampleJson("event-registration");
    EXPECT_TRUE(e["fields"]["party_size"].is_number_integer());
}

TEST(RequestCodecTest, UnknownMembersAreIgnored) {
    json j = sampleJson("callback");
    j["from_the_future"] = {{"a", 1}};
    j["fields"]["shoe_size"] = 44;
    auto d = decodeRequest(j.dump(), wp::testing::shippedRequestSpecs());
    ASSERT_TRUE(d.ok()) << d.error().message;
    EXPECT_EQ(d.value().fields.count("shoe_size"), 0u);
}

TEST(RequestCodecTest, MissingRequiredFieldIsNamed) {
    json j = sampleJson("callback");
    j["fields"].erase("phone");
    ApiError e = errorOf(j);
    EXPECT_EQ(e.code, "missing_field");
    EXPECT_EQ(e.field, "fields.phone");
    EXPECT_EQ(e.httpStatus, 400);

    for (const char* top : {"uuid", "type", "reference", "kiosk", "created_at", "fields"}) {
        json k = sampleJson("callback");
        k.erase(top);
        EXPECT_EQ(errorOf(k).field, top);
    }
}

TEST(RequestCodecTest, QuestionNeedsTopicOrText) {
    json j = sampleJson("question");
    j["fields"].erase("topic");
    EXPECT_TRUE(decodeRequest(j.dump(), wp::testing::shippedRequestSpecs()).ok());
    j["fields"].erase("text");
    ApiError e = errorOf(j);
    EXPECT_EQ(e.code, "missing_field");
    EXPECT_EQ(e.field, "fields.topic");
}

TEST(RequestCodecTest, WrongTypesAreNamed) {
    json j = sampleJson("callback");
    j["fields"]["phone"] = 612345678;
    EXPECT_EQ(errorOf(j).code, "wrong_type");
    EXPECT_EQ(errorOf(j).field, "fields.phone");
    json p = sampleJson("pin");
    p["fields"]["lat"] = "51.9";
    EXPECT_EQ(errorOf(p).field, "fields.lat");
    json e = sampleJson("event-registration");
    e["fields"]["party_size"] = 2.5;
    EXPECT_EQ(errorOf(e).code, "wrong_type");
    json f = sampleJson("callback");
    f["fields"] = json::array();
    EXPECT_EQ(errorOf(f).field, "fields");
    json t = sampleJson("callback");
    t["uuid"] = 5;
    EXPECT_EQ(errorOf(t).field, "uuid");
}

TEST(RequestCodecTest, InvalidValuesAreNamed) {
    auto field = [](std::string type, const char* name, json value) {
        json j = sampleJson(type);
        j["fields"][name] = std::move(value);
        return errorOf(j);
    };
    EXPECT_EQ(field("callback", "phone", "call me").field, "fields.phone");
    EXPECT_EQ(field("initiative", "email", "not-an-address").field, "fields.email");
    EXPECT_EQ(field("pin", "lat", 91).field, "fields.lat");
    EXPECT_EQ(field("event-registration", "party_size", 0).field, "fields.party_size");
    EXPECT_EQ(field("poll-vote", "choice", "a b").field, "fields.choice");
    EXPECT_EQ(field("callback", "topic", "").field, "fields.topic");
    EXPECT_EQ(field("callback", "topic", "two\nlines").field, "fields.topic");
    ApiError tooLong = field("question", "text", std::string(4001, 'a'));
    EXPECT_EQ(tooLong.code, "too_long");
    EXPECT_EQ(tooLong.field, "fields.text");
}

TEST(RequestCodecTest, EnvelopeIsChecked) {
    json j = sampleJson("callback");
    j["type"] = "complaint";
    EXPECT_EQ(errorOf(j).field, "type");
    j = sampleJson("callback");
    j["uuid"] = "not-a-uuid";
    EXPECT_EQ(errorOf(j).field, "uuid");
    j = sampleJson("callback");
    std::string ref = j["reference"];
    ref[8] = ref[8] == 'A' ? 'B' : 'A';  // wrong check character
    j["reference"] = ref;
    EXPECT_EQ(errorOf(j).field, "reference");
    j = sampleJson("callback");
    j["kiosk"] = "K3";  // the reference says K2
    EXPECT_EQ(errorOf(j).field, "reference");
    j = sampleJson("callback");
    j["created_at"] = "yesterday";
    EXPECT_EQ(errorOf(j).field, "created_at");
    j = sampleJson("callback");
    j["category"] = "Huur Zaken";
    EXPECT_EQ(errorOf(j).field, "category");
}

TEST(RequestCodecTest, UuidIsNormalizedToLowerCase) {
    json j = sampleJson("pin-support");
    std::string upper = j["uuid"];
    for (auto& c : upper) c = static_cast<char>(std::toupper(c));
    j["uuid"] = upper;
    auto d = decodeRequest(j.dump(), wp::testing::shippedRequestSpecs());
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d.value().uuid, sample("pin-support").uuid);
}

TEST(RequestCodecTest, MalformedJsonAndNonObjects) {
    for (const char* bad : {"", "{", "{\"uuid\":}", "[]", "42", "null", "{\"a\":1}}"}) {
        auto d = decodeRequest(bad, wp::testing::shippedRequestSpecs());
        ASSERT_FALSE(d.ok()) << bad;
        EXPECT_TRUE(d.error().code == "malformed_json" || d.error().code == "wrong_type") << bad;
        EXPECT_EQ(d.error().httpStatus, 400);
    }
}

TEST(RequestCodecTest, BadUtf8NamesTheField) {
    json j = sampleJson("callback");
    j["fields"]["topic"] = "Huurverhoging";
    std::string text = j.dump();
    auto pos = text.find("Huurverhoging");
    ASSERT_NE(pos, std::string::npos);
    text[pos + 1] = '\xC3';  // a lead byte followed by 'k': ill-formed
    auto d = decodeRequest(text, wp::testing::shippedRequestSpecs());
    ASSERT_FALSE(d.ok());
    EXPECT_EQ(d.error().code, "bad_utf8");
    EXPECT_EQ(d.error().field, "fields.topic");
    // Overlong encodings and surrogates are bad UTF-8 too.
    EXPECT_FALSE(isValidUtf8("\xC0\xAF"));
    EXPECT_FALSE(isValidUtf8("\xED\xA0\x80"));
    EXPECT_TRUE(isValidUtf8("één Українська Türkçe"));
}

TEST(RequestCodecTest, WithoutPersonalFieldsKeepsTheRest) {
    Request r = sample("home-visit");
    Request kept = withoutPersonalFields(r, wp::testing::shippedRequestSpecs());
    EXPECT_EQ(kept.fields.count("topic"), 1u);
    for (const char* personal : {"name", "address", "phone", "text"})
        EXPECT_EQ(kept.fields.count(personal), 0u);
    EXPECT_EQ(kept.reference, r.reference);
}

TEST(RequestCodecTest, ValidateRequestCatchesFlowMistakes) {
    Request r = sample("callback");
    r.fields["shoe_size"] = "44";
    ASSERT_TRUE(validateRequest(r, wp::testing::shippedRequestSpecs()));
    EXPECT_EQ(validateRequest(r, wp::testing::shippedRequestSpecs())->field, "fields.shoe_size");
    r = sample("callback");
    r.fields.erase("phone");
    EXPECT_EQ(validateRequest(r, wp::testing::shippedRequestSpecs())->field, "fields.phone");
}

TEST(WireTest, ErrorBodyRoundTrips) {
    ApiError e{400, "missing_field", "'fields.phone' is required", "fields.phone"};
    std::string body = encodeError(e);
    EXPECT_EQ(json::parse(body)["error"]["field"], "fields.phone");
    auto back = decodeError(body);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->code, e.code);
    EXPECT_EQ(back->field, e.field);
    EXPECT_FALSE(decodeError("<html>502</html>"));
}

TEST(WireTest, AnswersAndStatusViewsRoundTrip) {
    IntakeAnswer a{"SGN-K2-7KQ4XD-3", RequestStatus::Received};
    EXPECT_EQ(decodeIntakeAnswer(encodeIntakeAnswer(a)).value(), a);
    RequestStatusView v{"SGN-K2-7KQ4XD-3", RequestStatus::InProgress, "We bellen u dinsdag.",
                        fromUnixMillis(1764144000000)};
    EXPECT_EQ(decodeStatusView(encodeStatusView(v)).value(), v);
}

TEST(WireTest, QueueStatBatchRoundTripsAndNamesBadEvents) {
    QueueStatBatch b{
        "K2",
        {{1, "issued", "huurloket", "2026-11-26", 14, "", fromUnixMillis(1764144000000)},
         {2, "called", "huurloket", "2026-11-26", 14, "Balie 1", fromUnixMillis(1764144060000)}}};
    EXPECT_EQ(decodeQueueStatBatch(encodeQueueStatBatch(b)).value(), b);
    json j = json::parse(encodeQueueStatBatch(b));
    j["events"][1]["number"] = "14";
    auto d = decodeQueueStatBatch(j.dump());
    ASSERT_FALSE(d.ok());
    EXPECT_EQ(d.error().field, "events[1].number");
}

TEST(WireTest, QueueStatEventsCarryTheTicketWhenTheKioskSendsIt) {
    QueueStatBatch b{
        "K2",
        {{1, "issued", "huurloket", "2026-11-26", 14, "", fromUnixMillis(1764144000000), "H-014"},
         {2, "counter-opened", "huurloket", "2026-11-26", 0, "Balie 1", fromUnixMillis(1764144000000), ""}}};
    json j = json::parse(encodeQueueStatBatch(b));
    EXPECT_EQ(j["events"][0]["ticket"], "H-014");
    EXPECT_FALSE(j["events"][1].contains("ticket"));  // optional: left out when empty
    EXPECT_EQ(decodeQueueStatBatch(j.dump()).value(), b);

    // An older kiosk sends no ticket (or null): read as empty. A newer one may send members we do not know.
    j["events"][0].erase("ticket");
    j["events"][0]["shiny_new_member"] = true;
    auto older = decodeQueueStatBatch(j.dump());
    ASSERT_TRUE(older.ok()) << older.error().message;
    EXPECT_EQ(older.value().events[0].ticket, "");
    j["events"][0]["ticket"] = nullptr;
    EXPECT_EQ(decodeQueueStatBatch(j.dump()).value().events[0].ticket, "");

    // A ticket that is not a short one-line string is named.
    j["events"][0]["ticket"] = 14;
    auto wrong = decodeQueueStatBatch(j.dump());
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.error().field, "events[0].ticket");
    j["events"][0]["ticket"] = "H-014\nH-015";
    EXPECT_EQ(decodeQueueStatBatch(j.dump()).error().field, "events[0].ticket");
}

TEST(WireTest, AnEmptyQueueStatBatchIsAHeartbeat) {
    QueueStatBatch heartbeat{"K2", {}};
    auto d = decodeQueueStatBatch(encodeQueueStatBatch(heartbeat));
    ASSERT_TRUE(d.ok()) << d.error().message;
    EXPECT_TRUE(d.value().events.empty());
    EXPECT_EQ(json::parse(encodeQueueStatBatch(heartbeat))["events"], json::array());
}

TEST(WireTest, StatusViewCarriesTheCoachAndToleratesItsAbsence) {
    RequestStatusView v{"SGN-K2-7KQ4XD-3", RequestStatus::Received, "", fromUnixMillis(1764144000000),
                        "Fatima"};
    const std::string text = encodeStatusView(v);
    EXPECT_EQ(json::parse(text)["coach"], "Fatima");
    EXPECT_EQ(decodeStatusView(text).value(), v);
    // No coach: sent as "", and an older server that leaves the member out reads as "".
    v.coach.clear();
    EXPECT_EQ(json::parse(encodeStatusView(v))["coach"], "");
    json old = json::parse(encodeStatusView(v));
    old.erase("coach");
    auto decoded = decodeStatusView(old.dump());
    ASSERT_TRUE(decoded);
    EXPECT_EQ(decoded.value().coach, "");
    old["coach"] = 7;
    ASSERT_FALSE(decodeStatusView(old.dump()));
    EXPECT_EQ(decodeStatusView(old.dump()).error().field, "coach");
}

// The fields of the four resident flows (question, callback, home visit, initiative), as their specs give
// them.
TEST(RequestSpecTest, ResidentFlowsHaveTheirFields) {
    auto names = [](std::string_view t, bool requiredOnly) {
        std::vector<std::string> out;
        for (const FieldSpec& f : wp::testing::shippedSpec(t).fields)
            if (!requiredOnly || f.required) out.push_back(std::string(f.name));
        return out;
    };
    using V = std::vector<std::string>;
    EXPECT_EQ(names("question", false),
              (V{"topic", "text", "name", "contact", "phone", "email", "preferred_time"}));
    EXPECT_EQ(names("question", true), V{});
    EXPECT_EQ(names("callback", true), (V{"topic", "phone"}));
    EXPECT_NE(wp::testing::shippedSpec("callback").field("preferred_time"), nullptr);
    EXPECT_EQ(names("home-visit", true), (V{"topic", "postcode", "house_number", "phone"}));
    for (const char* f : {"preferred_time", "someone_present", "name", "address", "text"})
        EXPECT_NE(wp::testing::shippedSpec("home-visit").field(f), nullptr) << f;
    EXPECT_EQ(names("initiative", true), (V{"title", "description", "name"}));
    for (const char* f :
         {"email", "phone", "neighbourhood", "location", "initiators", "help", "budget", "when"})
        EXPECT_NE(wp::testing::shippedSpec("initiative").field(f), nullptr) << f;
    // Personal: whatever names, reaches or locates a person, and free text.
    for (auto [type, field] : {std::pair{"question", "text"},
                               {"question", "phone"},
                               {"question", "email"},
                               {"home-visit", "postcode"},
                               {"home-visit", "house_number"},
                               {"initiative", "description"},
                               {"initiative", "name"}})
        EXPECT_TRUE(wp::testing::shippedSpec(type).field(field)->personal) << type << "." << field;
    for (auto [type, field] : {std::pair{"question", "topic"},
                               {"question", "contact"},
                               {"home-visit", "preferred_time"},
                               {"home-visit", "someone_present"},
                               {"initiative", "help"},
                               {"initiative", "budget"}})
        EXPECT_FALSE(wp::testing::shippedSpec(type).field(field)->personal) << type << "." << field;
}

TEST(RequestSpecTest, AHomeVisitAsTheFlowSendsItIsValid) {
    SeededRandom random(3);
    Request r;
    r.uuid = makeUuid(random);
    r.type = "home-visit";
    r.reference = makeReferenceCode("SGN", "K2", random);
    r.kioskCode = "K2";
    r.createdAt = fromUnixMillis(1764144000000);
    r.fields = {{"topic", "boodschappen"},
                {"postcode", "3118 AB"},
                {"house_number", "12A"},
                {"phone", "0612345678"},
                {"preferred_time", "di-ochtend, do-middag"},
                {"someone_present", "yes"}};
    EXPECT_FALSE(validateRequest(r, wp::testing::shippedRequestSpecs()));
    auto back = decodeRequest(encodeRequest(r, wp::testing::shippedRequestSpecs()),
                              wp::testing::shippedRequestSpecs());
    ASSERT_TRUE(back);
    EXPECT_EQ(back.value(), r);
    r.fields.erase("postcode");
    ASSERT_TRUE(validateRequest(r, wp::testing::shippedRequestSpecs()));
    EXPECT_EQ(validateRequest(r, wp::testing::shippedRequestSpecs())->field, "fields.postcode");
}

TEST(WireTest, Rfc3339) {
    TimePoint t = fromUnixMillis(1764144000123);
    EXPECT_EQ(formatRfc3339(t), "2025-11-26T08:00:00.123Z");
    EXPECT_EQ(parseRfc3339("2025-11-26T08:00:00.123Z"), t);
    EXPECT_EQ(parseRfc3339("2025-11-26T09:00:00.123+01:00"), t);
    EXPECT_EQ(parseRfc3339("2025-11-26T08:00:00Z"), fromUnixMillis(1764144000000));
    for (const char* bad : {"2025-11-26", "2025-02-29T00:00:00Z", "2025-11-26T25:00:00Z",
                            "2025-11-26T08:00:00", "2025-11-26T08:00:00.Z", "2025-11-26T08:00:00Zjunk"})
        EXPECT_FALSE(parseRfc3339(bad)) << bad;
    EXPECT_EQ(formatRfc3339(fromUnixMillis(0)), "1970-01-01T00:00:00.000Z");
}

TEST(WireTest, Uuids) {
    SeededRandom random(5);
    std::string u = makeUuid(random);
    EXPECT_EQ(normalizeUuid(u), u);
    EXPECT_EQ(u[14], '4');
    EXPECT_FALSE(normalizeUuid("123"));
    EXPECT_FALSE(normalizeUuid("g0000000-0000-4000-8000-000000000000"));
}

}  // namespace
}  // namespace wp
