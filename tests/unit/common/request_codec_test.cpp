#include "common/request.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "common/reference_code.h"

namespace wp {
namespace {

using nlohmann::json;

// A valid request of each type, as the kiosk would send it.
Request sample(RequestType type) {
    SeededRandom random(static_cast<std::uint64_t>(type) + 1);
    Request r;
    r.uuid = makeUuid(random);
    r.type = type;
    r.reference = makeReferenceCode("SGN", "K2", random);
    r.kioskCode = "K2";
    r.createdAt = fromUnixMillis(1764144000123);
    r.language = "nl";
    for (const FieldSpec& f : specOf(type).fields) {
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

json sampleJson(RequestType type) {
    return json::parse(encodeRequest(sample(type)));
}

ApiError errorOf(const json& j) {
    auto d = decodeRequest(j.dump());
    EXPECT_FALSE(d.ok()) << j.dump();
    return d.ok() ? ApiError{} : d.error();
}

TEST(RequestCodecTest, EveryTypeRoundTrips) {
    for (const auto& spec : requestTypeSpecs()) {
        Request r = sample(spec.type);
        EXPECT_FALSE(validateRequest(r)) << toString(spec.type);
        auto decoded = decodeRequest(encodeRequest(r));
        ASSERT_TRUE(decoded.ok()) << toString(spec.type) << ": " << decoded.error().message;
        EXPECT_EQ(decoded.value(), r) << toString(spec.type);
    }
}

TEST(RequestCodecTest, TypeNamesRoundTrip) {
    EXPECT_EQ(requestTypeSpecs().size(), 10u);
    for (const auto& spec : requestTypeSpecs())
        EXPECT_EQ(requestTypeFromString(toString(spec.type)), spec.type);
    EXPECT_EQ(requestTypeFromString("Question"), std::nullopt);
}

TEST(RequestCodecTest, NumbersTravelAsJsonNumbers) {
    json j = sampleJson(RequestType::Pin);
    EXPECT_TRUE(j["fields"]["lat"].is_number());
    json e = sampleJson(RequestType::EventRegistration);
    EXPECT_TRUE(e["fields"]["party_size"].is_number_integer());
}

TEST(RequestCodecTest, UnknownMembersAreIgnored) {
    json j = sampleJson(RequestType::Callback);
    j["from_the_future"] = {{"a", 1}};
    j["fields"]["shoe_size"] = 44;
    auto d = decodeRequest(j.dump());
    ASSERT_TRUE(d.ok()) << d.error().message;
    EXPECT_EQ(d.value().fields.count("shoe_size"), 0u);
}

TEST(RequestCodecTest, MissingRequiredFieldIsNamed) {
    json j = sampleJson(RequestType::Callback);
    j["fields"].erase("phone");
    ApiError e = errorOf(j);
    EXPECT_EQ(e.code, "missing_field");
    EXPECT_EQ(e.field, "fields.phone");
    EXPECT_EQ(e.httpStatus, 400);

    for (const char* top : {"uuid", "type", "reference", "kiosk", "created_at", "fields"}) {
        json k = sampleJson(RequestType::Callback);
        k.erase(top);
        EXPECT_EQ(errorOf(k).field, top);
    }
}

TEST(RequestCodecTest, QuestionNeedsTopicOrText) {
    json j = sampleJson(RequestType::Question);
    j["fields"].erase("topic");
    EXPECT_TRUE(decodeRequest(j.dump()).ok());
    j["fields"].erase("text");
    ApiError e = errorOf(j);
    EXPECT_EQ(e.code, "missing_field");
    EXPECT_EQ(e.field, "fields.topic");
}

TEST(RequestCodecTest, WrongTypesAreNamed) {
    json j = sampleJson(RequestType::Callback);
    j["fields"]["phone"] = 612345678;
    EXPECT_EQ(errorOf(j).code, "wrong_type");
    EXPECT_EQ(errorOf(j).field, "fields.phone");
    json p = sampleJson(RequestType::Pin);
    p["fields"]["lat"] = "51.9";
    EXPECT_EQ(errorOf(p).field, "fields.lat");
    json e = sampleJson(RequestType::EventRegistration);
    e["fields"]["party_size"] = 2.5;
    EXPECT_EQ(errorOf(e).code, "wrong_type");
    json f = sampleJson(RequestType::Callback);
    f["fields"] = json::array();
    EXPECT_EQ(errorOf(f).field, "fields");
    json t = sampleJson(RequestType::Callback);
    t["uuid"] = 5;
    EXPECT_EQ(errorOf(t).field, "uuid");
}

TEST(RequestCodecTest, InvalidValuesAreNamed) {
    auto field = [](RequestType type, const char* name, json value) {
        json j = sampleJson(type);
        j["fields"][name] = std::move(value);
        return errorOf(j);
    };
    EXPECT_EQ(field(RequestType::Callback, "phone", "call me").field, "fields.phone");
    EXPECT_EQ(field(RequestType::Initiative, "email", "not-an-address").field, "fields.email");
    EXPECT_EQ(field(RequestType::Pin, "lat", 91).field, "fields.lat");
    EXPECT_EQ(field(RequestType::EventRegistration, "party_size", 0).field, "fields.party_size");
    EXPECT_EQ(field(RequestType::PollVote, "choice", "a b").field, "fields.choice");
    EXPECT_EQ(field(RequestType::Callback, "topic", "").field, "fields.topic");
    EXPECT_EQ(field(RequestType::Callback, "topic", "two\nlines").field, "fields.topic");
    ApiError tooLong = field(RequestType::Question, "text", std::string(4001, 'a'));
    EXPECT_EQ(tooLong.code, "too_long");
    EXPECT_EQ(tooLong.field, "fields.text");
}

TEST(RequestCodecTest, EnvelopeIsChecked) {
    json j = sampleJson(RequestType::Callback);
    j["type"] = "complaint";
    EXPECT_EQ(errorOf(j).field, "type");
    j = sampleJson(RequestType::Callback);
    j["uuid"] = "not-a-uuid";
    EXPECT_EQ(errorOf(j).field, "uuid");
    j = sampleJson(RequestType::Callback);
    std::string ref = j["reference"];
    ref[8] = ref[8] == 'A' ? 'B' : 'A';  // wrong check character
    j["reference"] = ref;
    EXPECT_EQ(errorOf(j).field, "reference");
    j = sampleJson(RequestType::Callback);
    j["kiosk"] = "K3";  // the reference says K2
    EXPECT_EQ(errorOf(j).field, "reference");
    j = sampleJson(RequestType::Callback);
    j["created_at"] = "yesterday";
    EXPECT_EQ(errorOf(j).field, "created_at");
    j = sampleJson(RequestType::Callback);
    j["category"] = "Huur Zaken";
    EXPECT_EQ(errorOf(j).field, "category");
}

TEST(RequestCodecTest, UuidIsNormalizedToLowerCase) {
    json j = sampleJson(RequestType::PinSupport);
    std::string upper = j["uuid"];
    for (auto& c : upper) c = static_cast<char>(std::toupper(c));
    j["uuid"] = upper;
    auto d = decodeRequest(j.dump());
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d.value().uuid, sample(RequestType::PinSupport).uuid);
}

TEST(RequestCodecTest, MalformedJsonAndNonObjects) {
    for (const char* bad : {"", "{", "{\"uuid\":}", "[]", "42", "null", "{\"a\":1}}"}) {
        auto d = decodeRequest(bad);
        ASSERT_FALSE(d.ok()) << bad;
        EXPECT_TRUE(d.error().code == "malformed_json" || d.error().code == "wrong_type") << bad;
        EXPECT_EQ(d.error().httpStatus, 400);
    }
}

TEST(RequestCodecTest, BadUtf8NamesTheField) {
    json j = sampleJson(RequestType::Callback);
    j["fields"]["topic"] = "Huurverhoging";
    std::string text = j.dump();
    auto pos = text.find("Huurverhoging");
    ASSERT_NE(pos, std::string::npos);
    text[pos + 1] = '\xC3';  // a lead byte followed by 'k': ill-formed
    auto d = decodeRequest(text);
    ASSERT_FALSE(d.ok());
    EXPECT_EQ(d.error().code, "bad_utf8");
    EXPECT_EQ(d.error().field, "fields.topic");
    // Overlong encodings and surrogates are bad UTF-8 too.
    EXPECT_FALSE(isValidUtf8("\xC0\xAF"));
    EXPECT_FALSE(isValidUtf8("\xED\xA0\x80"));
    EXPECT_TRUE(isValidUtf8("één Українська Türkçe"));
}

TEST(RequestCodecTest, WithoutPersonalFieldsKeepsTheRest) {
    Request r = sample(RequestType::HomeVisit);
    Request kept = withoutPersonalFields(r);
    EXPECT_EQ(kept.fields.count("topic"), 1u);
    for (const char* personal : {"name", "address", "phone", "text"})
        EXPECT_EQ(kept.fields.count(personal), 0u);
    EXPECT_EQ(kept.reference, r.reference);
}

TEST(RequestCodecTest, ValidateRequestCatchesFlowMistakes) {
    Request r = sample(RequestType::Callback);
    r.fields["shoe_size"] = "44";
    ASSERT_TRUE(validateRequest(r));
    EXPECT_EQ(validateRequest(r)->field, "fields.shoe_size");
    r = sample(RequestType::Callback);
    r.fields.erase("phone");
    EXPECT_EQ(validateRequest(r)->field, "fields.phone");
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

// The fields of the four resident flows (question, callback, home visit, initiative), as helper "flows" fills
// them.
TEST(RequestSpecTest, ResidentFlowsHaveTheirFields) {
    auto names = [](RequestType t, bool requiredOnly) {
        std::vector<std::string> out;
        for (const FieldSpec& f : specOf(t).fields)
            if (!requiredOnly || f.required) out.push_back(std::string(f.name));
        return out;
    };
    using V = std::vector<std::string>;
    EXPECT_EQ(names(RequestType::Question, false),
              (V{"topic", "text", "name", "contact", "phone", "email", "preferred_time"}));
    EXPECT_EQ(names(RequestType::Question, true), V{});
    EXPECT_EQ(names(RequestType::Callback, true), (V{"topic", "phone"}));
    EXPECT_NE(specOf(RequestType::Callback).field("preferred_time"), nullptr);
    EXPECT_EQ(names(RequestType::HomeVisit, true), (V{"topic", "postcode", "house_number", "phone"}));
    for (const char* f : {"preferred_time", "someone_present", "name", "address", "text"})
        EXPECT_NE(specOf(RequestType::HomeVisit).field(f), nullptr) << f;
    EXPECT_EQ(names(RequestType::Initiative, true), (V{"title", "description", "name"}));
    for (const char* f :
         {"email", "phone", "neighbourhood", "location", "initiators", "help", "budget", "when"})
        EXPECT_NE(specOf(RequestType::Initiative).field(f), nullptr) << f;
    // Personal: whatever names, reaches or locates a person, and free text.
    for (auto [type, field] : {std::pair{RequestType::Question, "text"},
                               {RequestType::Question, "phone"},
                               {RequestType::Question, "email"},
                               {RequestType::HomeVisit, "postcode"},
                               {RequestType::HomeVisit, "house_number"},
                               {RequestType::Initiative, "description"},
                               {RequestType::Initiative, "name"}})
        EXPECT_TRUE(specOf(type).field(field)->personal) << toString(type) << "." << field;
    for (auto [type, field] : {std::pair{RequestType::Question, "topic"},
                               {RequestType::Question, "contact"},
                               {RequestType::HomeVisit, "preferred_time"},
                               {RequestType::HomeVisit, "someone_present"},
                               {RequestType::Initiative, "help"},
                               {RequestType::Initiative, "budget"}})
        EXPECT_FALSE(specOf(type).field(field)->personal) << toString(type) << "." << field;
}

TEST(RequestSpecTest, AHomeVisitAsTheFlowSendsItIsValid) {
    SeededRandom random(3);
    Request r;
    r.uuid = makeUuid(random);
    r.type = RequestType::HomeVisit;
    r.reference = makeReferenceCode("SGN", "K2", random);
    r.kioskCode = "K2";
    r.createdAt = fromUnixMillis(1764144000000);
    r.fields = {{"topic", "boodschappen"},
                {"postcode", "3118 AB"},
                {"house_number", "12A"},
                {"phone", "0612345678"},
                {"preferred_time", "di-ochtend, do-middag"},
                {"someone_present", "yes"}};
    EXPECT_FALSE(validateRequest(r));
    auto back = decodeRequest(encodeRequest(r));
    ASSERT_TRUE(back);
    EXPECT_EQ(back.value(), r);
    r.fields.erase("postcode");
    ASSERT_TRUE(validateRequest(r));
    EXPECT_EQ(validateRequest(r)->field, "fields.postcode");
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
