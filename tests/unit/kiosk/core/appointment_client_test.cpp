#include "kiosk/core/appointment_client.h"

#include <gtest/gtest.h>

#include <chrono>
#include <deque>
#include <mutex>
#include <thread>

#include "common/random_source.h"
#include "kiosk/core/appointment_booking.h"
#include "tests/unit/fake_clock.h"

namespace wp {
namespace {

using namespace std::chrono_literals;
using State = AppointmentClient::State;

// Answers from a script, one answer per request (the last one again when the script runs out), and keeps
// every request it was sent.
class ScriptedHttp final : public HttpClient {
  public:
    struct Shared {
        std::mutex mutex;
        std::deque<HttpResult> script;
        std::vector<HttpRequest> seen;
    };
    explicit ScriptedHttp(Shared& s) : s_(s) {}
    HttpResult send(const HttpRequest& request) override {
        std::lock_guard lock(s_.mutex);
        s_.seen.push_back(request);
        HttpResult r = s_.script.front();
        if (s_.script.size() > 1) s_.script.pop_front();
        return r;
    }

  private:
    Shared& s_;
};

HttpResult answer(int status, std::string body = {}) {
    HttpResult r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

HttpResult lost(TransportError e) {
    HttpResult r;
    r.transport = e;
    return r;
}

const char* kBooking = R"({"code":"K7QM2XD9","contact_point":"SGN","service":"gemeente",
  "place":"Wijkpunt Groenoord","address":"Nieuwe Damlaan 90, Schiedam",
  "start":"2026-12-07T08:00:00Z","end":"2026-12-07T08:15:00Z","state":"booked"})";
const char* kSlots = R"({"contact_point":"SGN","service":"gemeente","slots":[
  {"start":"2026-12-07T08:00:00Z","end":"2026-12-07T08:15:00Z","free":2},
  {"start":"2026-12-08T09:00:00Z","end":"2026-12-08T09:15:00Z","free":1}]})";

class AppointmentClientTest : public ::testing::Test {
  protected:
    void script(std::vector<HttpResult> answers) {
        std::lock_guard lock(http_.mutex);
        http_.script.assign(answers.begin(), answers.end());
    }
    std::vector<HttpRequest> seen() {
        std::lock_guard lock(http_.mutex);
        return http_.seen;
    }
    // Collects until the call is done; real time only bounds a broken worker.
    void settle() {
        for (int i = 0; i < 2000 && client_.state() == State::Busy; ++i) {
            if (client_.collect()) return;
            std::this_thread::sleep_for(1ms);
        }
    }
    BookingDraft draft() {
        BookingDraft d;
        d.contactPoint = "SGN";
        d.service = "gemeente";
        d.start = *parseRfc3339("2026-12-07T08:00:00Z");
        d.name = "Fatma Yilmaz";
        d.phone = "0612345678";
        d.language = "tr";
        return d;
    }

    ScriptedHttp::Shared http_;
    testing::FakeClock clock_{*parseRfc3339("2026-12-06T09:00:00Z")};
    SeededRandom random_{11};
    AppointmentClient client_{std::make_unique<ScriptedHttp>(http_), clock_, random_, nullptr};
};

TEST_F(AppointmentClientTest, ARetryAfterALostAnswerSendsTheSameUuidAndGetsTheBooking) {
    script({lost(TransportError::Timeout), lost(TransportError::Interrupted), answer(200, kBooking)});
    client_.book(draft());
    settle();
    ASSERT_EQ(client_.state(), State::Done);
    EXPECT_EQ(client_.booking().code, "K7QM2XD9");
    const auto requests = seen();
    ASSERT_EQ(requests.size(), 3u);
    for (const HttpRequest& r : requests) {
        EXPECT_EQ(r.method, "POST");
        EXPECT_EQ(r.path, "/v1/appointments");
        EXPECT_EQ(r.body, requests[0].body);  // the same UUID, the same booking
    }
    EXPECT_NE(requests[0].body.find(client_.lastUuid()), std::string::npos);
    EXPECT_NE(requests[0].body.find("\"booked_by\":\"kiosk\""), std::string::npos);
}

TEST_F(AppointmentClientTest, EachBookingAttemptHasAUuidOfItsOwn) {
    script({answer(201, kBooking)});
    client_.book(draft());
    settle();
    const std::string first = client_.lastUuid();
    client_.book(draft());
    settle();
    EXPECT_NE(client_.lastUuid(), first);
    EXPECT_NE(seen()[0].body, seen()[1].body);
}

TEST_F(AppointmentClientTest, NothingSentIsKnownNotMade) {
    for (TransportError e : {TransportError::Connect, TransportError::Tls}) {
        script({lost(e)});
        client_.book(draft());
        settle();
        EXPECT_EQ(client_.state(), State::NotMade) << toString(e);
    }
    EXPECT_EQ(seen().size(), 2u);  // no retry: the server never saw it
}

TEST_F(AppointmentClientTest, ARefusalIsKnownNotMadeAndAFullSlotIsTaken) {
    script({answer(422, R"({"error":{"code":"invalid_value","message":"no slot","field":"start"}})")});
    client_.book(draft());
    settle();
    EXPECT_EQ(client_.state(), State::NotMade);
    script({answer(409, R"({"error":{"code":"slot-taken","message":"full","field":"start"}})")});
    client_.book(draft());
    settle();
    EXPECT_EQ(client_.state(), State::SlotTaken);
}

TEST_F(AppointmentClientTest, ARetryTheServerAnswersNotMadeIsKnownNotMade) {
    script({lost(TransportError::Timeout), answer(409, "{}")});
    client_.book(draft());
    settle();
    EXPECT_EQ(client_.state(), State::SlotTaken);
    script({answer(503), answer(422, "{}")});
    client_.book(draft());
    settle();
    EXPECT_EQ(client_.state(), State::NotMade);
}

TEST_F(AppointmentClientTest, NoAnswerAfterEveryAttemptIsUnknownNeverNotMade) {
    script({lost(TransportError::Timeout)});
    client_.book(draft());
    settle();
    EXPECT_EQ(client_.state(), State::Unknown);
    EXPECT_EQ(seen().size(), static_cast<std::size_t>(AppointmentClient::kBookAttempts));
    // A lost answer, then nobody listening: the first may have been made.
    script({lost(TransportError::Interrupted), lost(TransportError::Connect)});
    client_.book(draft());
    settle();
    EXPECT_EQ(client_.state(), State::Unknown);
}

TEST_F(AppointmentClientTest, FreeSlotsAreCachedForAShortWhileOnly) {
    script({answer(200, kSlots)});
    client_.loadSlots("SGN", "gemeente");
    settle();
    ASSERT_EQ(client_.state(), State::Done);
    ASSERT_EQ(client_.slots().size(), 2u);
    EXPECT_LT(client_.slots()[0].start, client_.slots()[1].start);
    EXPECT_EQ(seen()[0].path, "/v1/appointments/slots?contact_point=SGN&service=gemeente");
    clock_.advance(60s);
    client_.loadSlots("SGN", "gemeente");
    EXPECT_EQ(client_.state(), State::Done);  // at once, from the cache
    EXPECT_EQ(seen().size(), 1u);
    clock_.advance(AppointmentClient::kFreshFor);
    client_.loadSlots("SGN", "gemeente");
    EXPECT_EQ(client_.state(), State::Busy);  // too old to be honest: asked again
    settle();
    EXPECT_EQ(seen().size(), 2u);
}

TEST_F(AppointmentClientTest, CodeLookupsSayNotFoundTooManyAndUnreachable) {
    script({answer(404, "{}")});
    client_.lookUp("K7QM2XD9");
    settle();
    EXPECT_EQ(client_.state(), State::NotFound);
    EXPECT_EQ(seen().back().path, "/v1/appointments/K7QM2XD9");
    script({answer(429, "{}")});
    client_.cancel("K7QM2XD9");
    settle();
    EXPECT_EQ(client_.state(), State::TooMany);
    EXPECT_EQ(seen().back().path, "/v1/appointments/K7QM2XD9/cancel");
    script({lost(TransportError::Connect)});
    client_.change("K7QM2XD9", *parseRfc3339("2026-12-08T09:00:00Z"));
    settle();
    EXPECT_EQ(client_.state(), State::Unreachable);
    EXPECT_NE(seen().back().body.find("\"start\":\"2026-12-08T09:00:00"), std::string::npos);
}

TEST_F(AppointmentClientTest, TheWipeForgetsTheBookingAndDropsAnAnswerStillToCome) {
    script({answer(201, kBooking)});
    client_.book(draft());
    settle();
    ASSERT_FALSE(client_.holdsNothing());
    client_.wipe();
    EXPECT_TRUE(client_.holdsNothing());
    EXPECT_TRUE(client_.booking().code.empty());
    // An answer that arrives after the wipe belongs to nobody.
    client_.book(draft());
    client_.wipe();
    std::this_thread::sleep_for(20ms);
    EXPECT_FALSE(client_.collect());
    EXPECT_TRUE(client_.holdsNothing());
}

TEST(AppointmentBookingTest, TheWipeForgetsEveryChoiceAndEveryTypedField) {
    ScriptedHttp::Shared http;
    http.script.push_back(answer(201, kBooking));
    testing::FakeClock clock;
    SeededRandom random(3);
    AppointmentClient client(std::make_unique<ScriptedHttp>(http), clock, random, nullptr);
    AppointmentBooking booking(client, "SGN");
    EXPECT_TRUE(booking.holdsNothing());
    booking.chooseOffer({"SGN", "gemeente", "Wijkpunt Groenoord", "Nieuwe Damlaan 90, Schiedam", 15});
    booking.chooseDay("2026-12-07");
    booking.name().type("jan de vries");
    booking.phone().type("06-1234 5678");
    booking.email().type("jan@example.nl");
    EXPECT_EQ(booking.checkName(), "");
    EXPECT_EQ(booking.name().value(), "Jan de Vries");
    EXPECT_EQ(booking.checkPhone(), "");
    EXPECT_EQ(booking.phone().value(), "0612345678");
    EXPECT_EQ(booking.checkEmail(), "");
    EXPECT_FALSE(booking.holdsNothing());
    booking.wipe();
    EXPECT_TRUE(booking.holdsNothing());
    EXPECT_TRUE(booking.name().empty());
    EXPECT_TRUE(booking.phone().empty());
}

TEST(AppointmentBookingTest, AWrongPhoneIsRefusedAsEveryPhoneFieldIsAndTheEmailMayBeEmpty) {
    ScriptedHttp::Shared http;
    http.script.push_back(answer(500));
    testing::FakeClock clock;
    SeededRandom random(3);
    AppointmentClient client(std::make_unique<ScriptedHttp>(http), clock, random, nullptr);
    AppointmentBooking booking(client, "SGN");
    booking.phone().type("12345");
    EXPECT_EQ(booking.checkPhone(), "form.phone_invalid");
    EXPECT_EQ(booking.checkEmail(), "");
    booking.email().type("not an address");
    EXPECT_EQ(booking.checkEmail(), "form.email_invalid");
}

TEST(AppointmentSlotsTest, DaysAreLocalDaysSoonestFirst) {
    std::vector<FreeSlot> slots{
        {*parseRfc3339("2026-12-08T09:00:00Z"), *parseRfc3339("2026-12-08T09:15:00Z"), 1},
        {*parseRfc3339("2026-12-07T23:30:00Z"), *parseRfc3339("2026-12-07T23:45:00Z"),
         1},  // 00:30 on the 8th
        {*parseRfc3339("2026-12-07T08:00:00Z"), *parseRfc3339("2026-12-07T08:15:00Z"), 3},
    };
    EXPECT_EQ(slotDays(slots), (std::vector<std::string>{"2026-12-07", "2026-12-08"}));
    EXPECT_EQ(slotsOnDay(slots, "2026-12-08").size(), 2u);
    EXPECT_EQ(spokenBookingCode("K7QM2XD9"), "K 7 Q M, 2 X D 9");
}

}  // namespace
}  // namespace wp
