#include "common/appointment.h"

#include <gtest/gtest.h>

#include <set>

#include "common/bundle.h"

namespace wp {
namespace {

TimePoint at(const char* rfc3339) {
    return *parseRfc3339(rfc3339);
}

BookingRequest sampleRequest() {
    BookingRequest r;
    r.uuid = "0b7c6a2e-4f1d-4c3a-9e8b-1a2b3c4d5e6f";
    r.contactPoint = "SGN";
    r.service = "gemeente";
    r.start = at("2026-12-07T08:00:00Z");
    r.name = "Fatma Yilmaz";
    r.phone = "06 1234 5678";
    r.email = "fatma@example.nl";
    r.language = "tr";
    r.bookedBy = BookedBy::Kiosk;
    return r;
}

TEST(BookingCodeTest, MadeCodesAreEightAlphabetCharacters) {
    SeededRandom random(3);
    std::set<std::string> seen;
    for (int i = 0; i < 200; ++i) {
        std::string code = makeBookingCode(random);
        ASSERT_EQ(code.size(), 8u);
        EXPECT_TRUE(isBookingCode(code)) << code;
        seen.insert(code);
    }
    EXPECT_EQ(seen.size(), 200u);
}

TEST(BookingCodeTest, NormalizingTakesWhatPeopleType) {
    EXPECT_EQ(normalizeBookingCode("K7QM2XD9"), "K7QM2XD9");
    EXPECT_EQ(normalizeBookingCode("k7qm 2xd9"), "K7QM2XD9");
    EXPECT_EQ(normalizeBookingCode(" K7QM-2XD9 "), "K7QM2XD9");
    EXPECT_EQ(normalizeBookingCode("K7-QM-2X-D9"), "K7QM2XD9");
}

TEST(BookingCodeTest, NormalizingRefusesWhatIsNoCode) {
    EXPECT_EQ(normalizeBookingCode(""), std::nullopt);
    EXPECT_EQ(normalizeBookingCode("K7QM2XD"), std::nullopt);    // seven
    EXPECT_EQ(normalizeBookingCode("K7QM2XD9A"), std::nullopt);  // nine
    EXPECT_EQ(normalizeBookingCode("K7QM2XD0"), std::nullopt);   // 0 is not in the alphabet
    EXPECT_EQ(normalizeBookingCode("K7QM2XDO"), std::nullopt);   // nor O
    EXPECT_EQ(normalizeBookingCode("K7QM2XD1"), std::nullopt);   // nor 1
    EXPECT_EQ(normalizeBookingCode("K7QM2XDl"), std::nullopt);   // l becomes L: not in it either
    EXPECT_EQ(normalizeBookingCode("K7QM_2XD9"), std::nullopt);  // only spaces and dashes are dropped
    EXPECT_EQ(normalizeBookingCode("K7QM2XD9\n"), std::nullopt);
}

TEST(BookingCodeTest, GroupedInTwoFours) {
    EXPECT_EQ(groupedBookingCode("K7QM2XD9"), "K7QM 2XD9");
    EXPECT_EQ(normalizeBookingCode(groupedBookingCode("K7QM2XD9")), "K7QM2XD9");
}

TEST(AppointmentWordsTest, NamesRoundTrip) {
    for (auto s :
         {BookingState::Booked, BookingState::Arrived, BookingState::NoShow, BookingState::Cancelled})
        EXPECT_EQ(bookingStateFromString(toString(s)), s);
    EXPECT_EQ(toString(BookingState::NoShow), "no-show");
    EXPECT_EQ(bookingStateFromString("noshow"), std::nullopt);
    EXPECT_EQ(bookedByFromString("host"), BookedBy::Host);
    EXPECT_EQ(bookedByFromString("phone"), std::nullopt);
    EXPECT_EQ(appointmentEventKindFromString("no-show"), AppointmentEventKind::NoShow);
    EXPECT_EQ(appointmentEventKindFromString("cancelled"), std::nullopt);
    EXPECT_TRUE(isBookingLanguage("uk"));
    EXPECT_FALSE(isBookingLanguage("de"));
    EXPECT_TRUE(isLocalDay("2026-12-07"));
    EXPECT_FALSE(isLocalDay("2026-02-29"));
    EXPECT_FALSE(isLocalDay("2026-12-7"));
}

TEST(AgendaOfferCodecTest, RoundTripsAndReadsTheContractExample) {
    std::vector<AgendaOffer> offers = {
        {"SGN", "gemeente", "Wijkpunt Groenoord", "Nieuwe Damlaan 90, Schiedam", 15},
        {"SGZ", "huurloket", "Wijkpunt Zuid", "Lange Kerkstraat 1, Schiedam", 20}};
    auto back = decodeAgendaOffers(encodeAgendaOffers(offers));
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(back.value(), offers);

    auto example = decodeAgendaOffers(
        R"({"offers":[{"contact_point":"SGN","service":"gemeente","place":"Wijkpunt Groenoord",)"
        R"("address":"Nieuwe Damlaan 90, Schiedam","slot_minutes":15,"colour":"blue"}],"next":1})");
    ASSERT_TRUE(example.ok()) << example.error().message;
    EXPECT_EQ(example.value().at(0).place, "Wijkpunt Groenoord");
}

TEST(AgendaOfferCodecTest, ErrorsNameTheMember) {
    auto e = decodeAgendaOffers(R"({"offers":[{"contact_point":"SGN","service":"gemeente"}]})");
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().field, "offers[0].slot_minutes");
    EXPECT_EQ(e.error().code, error_code::kMissingField);
    e = decodeAgendaOffers(R"({"offers":[{"contact_point":"S0N","service":"gemeente","slot_minutes":15}]})");
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().field, "offers[0].contact_point");
    e = decodeAgendaOffers(R"({"offers":{}})");
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().field, "offers");
    EXPECT_EQ(e.error().code, error_code::kWrongType);
}

TEST(FreeSlotsCodecTest, RoundTripsWithWholeSecondTimes) {
    FreeSlots s{"SGN",
                "gemeente",
                {{at("2026-12-07T08:00:00Z"), at("2026-12-07T08:15:00Z"), 2},
                 {at("2026-12-07T08:15:00Z"), at("2026-12-07T08:30:00Z"), 1}}};
    std::string text = encodeFreeSlots(s);
    EXPECT_NE(text.find(R"("start":"2026-12-07T08:00:00Z")"), std::string::npos) << text;
    auto back = decodeFreeSlots(text);
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(back.value(), s);
}

TEST(FreeSlotsCodecTest, ErrorsNameTheSlot) {
    auto e = decodeFreeSlots(R"({"contact_point":"SGN","service":"gemeente","slots":[)"
                             R"({"start":"2026-12-07T08:00:00Z","end":"2026-12-07T08:15:00Z","free":1},)"
                             R"({"start":"2026-12-07T08:15:00Z","end":"2026-12-07T08:30:00Z","free":0}]})");
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().field, "slots[1].free");
    e = decodeFreeSlots(
        R"({"contact_point":"SGN","service":"gemeente","slots":[{"start":"morgen","end":"x","free":1}]})");
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().field, "slots[0].start");
    e = decodeFreeSlots(R"({"contact_point":"SGN","service":"gemeente","slots":[)"
                        R"({"start":"2026-12-07T08:15:00Z","end":"2026-12-07T08:15:00Z","free":1}]})");
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().field, "slots[0].end");
}

TEST(BookingRequestCodecTest, RoundTrips) {
    BookingRequest r = sampleRequest();
    auto back = decodeBookingRequest(encodeBookingRequest(r));
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(back.value(), r);

    r.email.clear();
    r.bookedBy = BookedBy::Host;
    std::string text = encodeBookingRequest(r);
    EXPECT_EQ(text.find("email"), std::string::npos);
    back = decodeBookingRequest(text);
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(back.value(), r);
}

TEST(BookingRequestCodecTest, ReadsTolerantlyAndLowersTheUuid) {
    auto r = decodeBookingRequest(
        R"({"uuid":"0B7C6A2E-4F1D-4C3A-9E8B-1A2B3C4D5E6F","contact_point":"SGN","service":"gemeente",)"
        R"("start":"2026-12-07T09:00:00+01:00","name":"Jan","phone":"0612345678","email":null,)"
        R"("language":"nl","booked_by":"kiosk","wish":"window seat"})");
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r.value().uuid, "0b7c6a2e-4f1d-4c3a-9e8b-1a2b3c4d5e6f");
    EXPECT_EQ(r.value().start, at("2026-12-07T08:00:00Z"));
    EXPECT_EQ(r.value().email, "");
}

TEST(BookingRequestCodecTest, EveryErrorNamesItsField) {
    struct Case {
        const char* member;
        const char* value;  // JSON text; nullptr removes the member
        const char* field;
    };
    const Case cases[] = {
        {"uuid", R"("not-a-uuid")", "uuid"},
        {"uuid", nullptr, "uuid"},
        {"contact_point", R"("SG")", "contact_point"},
        {"service", R"("Gemeente!")", "service"},
        {"start", R"("2026-12-07 08:00")", "start"},
        {"start", "12", "start"},
        {"name", R"("")", "name"},
        {"name", R"("two\nlines")", "name"},
        {"phone", R"("call me")", "phone"},
        {"phone", nullptr, "phone"},
        {"email", R"("no-at-sign")", "email"},
        {"language", R"("de")", "language"},
        {"booked_by", R"("robot")", "booked_by"},
    };
    for (const Case& c : cases) {
        auto j = std::string(encodeBookingRequest(sampleRequest()));
        // Rebuild the body with the one member changed.
        std::string key = std::string("\"") + c.member + "\":";
        auto pos = j.find(key);
        ASSERT_NE(pos, std::string::npos) << c.member;
        auto valueStart = pos + key.size();
        auto valueEnd =
            j.find_first_of(",}", j[valueStart] == '"' ? j.find('"', valueStart + 1) : valueStart);
        std::string changed = c.value == nullptr ? j.substr(0, pos) + R"("ignored":0)" + j.substr(valueEnd)
                                                 : j.substr(0, valueStart) + c.value + j.substr(valueEnd);
        auto r = decodeBookingRequest(changed);
        ASSERT_FALSE(r.ok()) << changed;
        EXPECT_EQ(r.error().field, c.field) << changed;
        EXPECT_EQ(r.error().httpStatus, 400);
    }
}

TEST(BookingRequestCodecTest, ValidatesRequestsBuiltInCode) {
    BookingRequest r = sampleRequest();
    EXPECT_EQ(validateBookingRequest(r), std::nullopt);
    r.phone = "12345";
    ASSERT_TRUE(validateBookingRequest(r));
    EXPECT_EQ(validateBookingRequest(r)->field, "phone");
}

TEST(BookingViewCodecTest, RoundTripsWithoutPersonalData) {
    BookingView v{"K7QM2XD9",
                  "SGN",
                  "gemeente",
                  "Wijkpunt Groenoord",
                  "Nieuwe Damlaan 90, Schiedam",
                  at("2026-12-07T08:00:00Z"),
                  at("2026-12-07T08:15:00Z"),
                  BookingState::Cancelled};
    std::string text = encodeBookingView(v);
    EXPECT_EQ(text.find("name"), std::string::npos);
    EXPECT_EQ(text.find("phone"), std::string::npos);
    auto back = decodeBookingView(text);
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(back.value(), v);

    auto e = decodeBookingView(R"({"code":"K7QM2XD0"})");
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().field, "code");
}

TEST(BookingChangeCodecTest, RoundTripsAndNamesStart) {
    BookingChange c{at("2026-12-08T13:30:00Z")};
    auto back = decodeBookingChange(encodeBookingChange(c));
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back.value(), c);
    auto e = decodeBookingChange("{}");
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().field, "start");
    e = decodeBookingChange("[1]");
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().code, error_code::kWrongType);
}

TEST(TodayBookingsCodecTest, RoundTrips) {
    TodayBookings t{"2026-12-07",
                    {{"K7QM2XD9", "gemeente", at("2026-12-07T08:00:00Z"), at("2026-12-07T08:15:00Z"),
                      BookingState::Booked, "Fatma Yilmaz"},
                     {"ABCD2345", "huurloket", at("2026-12-07T09:00:00Z"), at("2026-12-07T09:20:00Z"),
                      BookingState::Arrived, ""}}};
    auto back = decodeTodayBookings(encodeTodayBookings(t));
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(back.value(), t);

    auto e = decodeTodayBookings(
        R"({"day":"2026-12-07","bookings":[{"code":"K7QM2XD9","service":"gemeente",)"
        R"("start":"2026-12-07T08:00:00Z","end":"2026-12-07T08:15:00Z","state":"late"}]})");
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().field, "bookings[0].state");
    e = decodeTodayBookings(R"({"day":"7 december","bookings":[]})");
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().field, "day");
}

TEST(AppointmentEventsCodecTest, RoundTripsAndNamesTheEvent) {
    std::vector<AppointmentEvent> events = {{"0b7c6a2e-4f1d-4c3a-9e8b-1a2b3c4d5e6f", "K7QM2XD9",
                                             AppointmentEventKind::Arrived, at("2026-12-07T07:52:10.250Z")},
                                            {"1b7c6a2e-4f1d-4c3a-9e8b-1a2b3c4d5e6f", "ABCD2345",
                                             AppointmentEventKind::NoShow, at("2026-12-07T09:15:00Z")}};
    auto back = decodeAppointmentEvents(encodeAppointmentEvents(events));
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(back.value(), events);

    auto e = decodeAppointmentEvents(
        R"({"events":[{"uuid":"0b7c6a2e-4f1d-4c3a-9e8b-1a2b3c4d5e6f","code":"K7QM2XD9","kind":"left",)"
        R"("at":"2026-12-07T07:52:10Z"}]})");
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().field, "events[0].kind");

    std::string many = R"({"events":[)";
    for (std::size_t i = 0; i <= kMaxAppointmentEvents; ++i) many += (i ? ",{}" : "{}");
    many += "]}";
    e = decodeAppointmentEvents(many);
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().field, "events");
    EXPECT_EQ(e.error().code, error_code::kTooLong);
}

TEST(AppointmentEventsCodecTest, AcceptedCountRoundTrips) {
    auto n = decodeAcceptedCount(encodeAcceptedCount(3));
    ASSERT_TRUE(n.ok());
    EXPECT_EQ(n.value(), 3);
    EXPECT_FALSE(decodeAcceptedCount(R"({"accepted":-1})").ok());
}

}  // namespace
}  // namespace wp
