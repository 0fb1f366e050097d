// Appointments against the real wijkpunt-central over TLS: agendas imported with `agenda import`, free slots,
// booking and its repeat by uuid, a full slot, wrong codes and their rate limit on the injected clock,
// cancel and change, today's list, the kiosks' events, the staff API, the retention wipe, and the race:
// sixteen kiosks' clients booking one slot at the same moment. Every answer is checked against
// central/openapi.yaml by ApiClient.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <atomic>
#include <barrier>
#include <thread>

#include "central/store/sqlite_central_store.h"
#include "common/appointment.h"
#include "common/clock.h"
#include "common/local_time.h"
#include "common/random_source.h"
#include "tests/integration/central_harness.h"
#include "tests/support/shipped_request_specs.h"

namespace wp::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

// Every day, all day: slots exist whenever the test runs. gemeente has two seats, huurloket one.
const char* kAgendas = R"(
[[agenda]]
contact_point = "SGN"
service = "gemeente"
place = "Wijkpunt Groenoord"
address = "Nieuwe Damlaan 90, Schiedam"
team = "gemeente"
slot_minutes = 15
parallel = 2
[agenda.hours]
monday = ["00:00-24:00"]
tuesday = ["00:00-24:00"]
wednesday = ["00:00-24:00"]
thursday = ["00:00-24:00"]
friday = ["00:00-24:00"]
saturday = ["00:00-24:00"]
sunday = ["00:00-24:00"]

[[agenda]]
contact_point = "SGN"
service = "huurloket"
place = "Wijkpunt Groenoord"
address = "Nieuwe Damlaan 90, Schiedam"
team = "huurloket"
slot_minutes = 20
parallel = 1
[agenda.hours]
monday = ["00:00-24:00"]
tuesday = ["00:00-24:00"]
wednesday = ["00:00-24:00"]
thursday = ["00:00-24:00"]
friday = ["00:00-24:00"]
saturday = ["00:00-24:00"]
sunday = ["00:00-24:00"]
)";

class AppointmentsTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_TRUE(server_.start());
        auto file = dir_.write("agendas.toml", kAgendas);
        auto [status, out] = runCentralCommand(server_.config(), {"agenda", "import", file.string()});
        ASSERT_EQ(status, 0) << out;
        EXPECT_NE(out.find("SGN/huurloket imported"), std::string::npos) << out;
    }
    ApiClient kiosk(const std::string& cert = "kiosk") { return ApiClient(server_.url(), {.cert = cert}); }
    void advance(Millis d) { ScriptClock(server_.clockFile()).advance(d); }
    std::vector<FreeSlot> slots(ApiClient& k, const std::string& service) {
        HttpResult r = k.get("/v1/appointments/slots?contact_point=SGN&service=" + service);
        EXPECT_EQ(r.status, 200) << r.body;
        auto s = decodeFreeSlots(r.body);
        EXPECT_TRUE(s.ok()) << r.body;
        return s.ok() ? s.value().slots : std::vector<FreeSlot>{};
    }
    BookingRequest request(const std::string& service, TimePoint start) {
        BookingRequest b;
        b.uuid = makeUuid(random_);
        b.contactPoint = "SGN";
        b.service = service;
        b.start = start;
        b.name = "Fatma Yilmaz";
        b.phone = "06 1234 5678";
        b.email = "fatma@example.nl";
        b.language = "tr";
        return b;
    }
    std::unique_ptr<SqliteCentralStore> openStore() {
        return SqliteCentralStore::open(server_.database(), wp::testing::shippedRequestSpecs()).value();
    }
    TempDir dir_;
    CentralServerProcess server_{dir_.path() / "central",
                                 CentralOptions{.extraToml = "[appointments]\nmin_lead_minutes = 0\n"}};
    SystemRandom random_;
};

TEST_F(AppointmentsTest, OffersSlotsAndABookingByCode) {
    ApiClient k = kiosk();
    HttpResult offers = k.get("/v1/appointments/offers");
    ASSERT_EQ(offers.status, 200) << offers.body;
    auto list = decodeAgendaOffers(offers.body);
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list.value().size(), 2u);
    EXPECT_EQ(list.value()[0].place, "Wijkpunt Groenoord");

    auto free = slots(k, "gemeente");
    ASSERT_FALSE(free.empty());
    EXPECT_EQ(free.front().free, 2);
    EXPECT_LE(free.front().start, std::chrono::system_clock::now() + 15min);
    EXPECT_GE(free.back().start, std::chrono::system_clock::now() + 24h * 12);

    BookingRequest b = request("gemeente", free.front().start);
    HttpResult made = k.post("/v1/appointments", encodeBookingRequest(b));
    ASSERT_EQ(made.status, 201) << made.body;
    EXPECT_EQ(made.body.find("Fatma"), std::string::npos);
    EXPECT_EQ(made.body.find("1234"), std::string::npos);
    BookingView view = decodeBookingView(made.body).value();
    EXPECT_EQ(view.start, free.front().start);
    EXPECT_EQ(view.end, free.front().end);
    EXPECT_EQ(view.state, BookingState::Booked);
    EXPECT_EQ(slots(k, "gemeente").front().free, 1);

    // The same uuid: the same booking, also when asked for another time.
    BookingRequest again = b;
    again.start = free[3].start;
    HttpResult repeat = k.post("/v1/appointments", encodeBookingRequest(again));
    EXPECT_EQ(repeat.status, 200) << repeat.body;
    EXPECT_EQ(decodeBookingView(repeat.body).value(), view);
    // The same uuid from another kiosk: refused, nothing given away.
    ApiClient k3 = kiosk("kiosk3");
    HttpResult stolen = k3.post("/v1/appointments", encodeBookingRequest(b));
    EXPECT_EQ(stolen.status, 409);
    EXPECT_EQ(decodeError(stolen.body)->field, "uuid");
    EXPECT_EQ(stolen.body.find(view.code), std::string::npos);

    // By code, as typed: with a dash, or grouped with a space and in lower case.
    HttpResult found = k3.get("/v1/appointments/" + view.code.substr(0, 4) + "-" + view.code.substr(4));
    EXPECT_EQ(found.status, 200) << found.body;
    EXPECT_EQ(decodeBookingView(found.body).value(), view);
    std::string lower = view.code;
    for (auto& c : lower) c = static_cast<char>(std::tolower(c));
    EXPECT_EQ(k3.get("/v1/appointments/" + lower.substr(0, 4) + "%20" + lower.substr(4)).status, 200);
}

TEST_F(AppointmentsTest, AFullSlotIsTakenAndABadStartNamesItsField) {
    ApiClient k = kiosk();
    auto free = slots(k, "huurloket");
    ASSERT_GE(free.size(), 2u);
    ASSERT_EQ(k.post("/v1/appointments", encodeBookingRequest(request("huurloket", free[1].start))).status,
              201);
    HttpResult full = k.post("/v1/appointments", encodeBookingRequest(request("huurloket", free[1].start)));
    EXPECT_EQ(full.status, 409);
    EXPECT_EQ(decodeError(full.body)->code, "slot-taken");
    EXPECT_EQ(decodeError(full.body)->field, "start");

    HttpResult offGrid =
        k.post("/v1/appointments", encodeBookingRequest(request("huurloket", free[1].start + 5min)));
    EXPECT_EQ(offGrid.status, 422);
    EXPECT_EQ(decodeError(offGrid.body)->field, "start");
    HttpResult past =
        k.post("/v1/appointments", encodeBookingRequest(request("huurloket", free[0].start - 24h)));
    EXPECT_EQ(past.status, 422);
    HttpResult noAgenda =
        k.post("/v1/appointments", encodeBookingRequest(request("wijkteam", free[1].start)));
    EXPECT_EQ(noAgenda.status, 422);
    EXPECT_EQ(decodeError(noAgenda.body)->field, "service");
    json body = json::parse(encodeBookingRequest(request("huurloket", free[2].start)));
    body.erase("phone");
    HttpResult noPhone = k.post("/v1/appointments", body.dump());
    EXPECT_EQ(noPhone.status, 400);
    EXPECT_EQ(decodeError(noPhone.body)->field, "phone");
}

TEST_F(AppointmentsTest, WrongCodesGetOne404AndThenA429PerKioskAndPerSource) {
    ApiClient k2 = kiosk(), k3 = kiosk("kiosk3");
    auto free = slots(k2, "gemeente");
    HttpResult made = k2.post("/v1/appointments", encodeBookingRequest(request("gemeente", free[0].start)));
    ASSERT_EQ(made.status, 201);
    std::string code = decodeBookingView(made.body).value().code;

    std::string first404;
    for (int i = 0; i < 10; ++i) {
        std::string wrong = i % 3 == 0 ? "K7QM2XD0" : (i % 3 == 1 ? "ABCDEFGH" : "22222222");
        HttpResult r = k2.get("/v1/appointments/" + wrong);
        ASSERT_EQ(r.status, 404) << i;
        if (first404.empty()) first404 = r.body;
        EXPECT_EQ(r.body, first404) << "every wrong code gets the same answer";
    }
    HttpResult limited = k2.get("/v1/appointments/" + code);
    EXPECT_EQ(limited.status, 429);
    EXPECT_EQ(k2.post("/v1/appointments/" + code + "/cancel", "").status, 429);
    // Another kiosk at the same address is not held up by this kiosk's mistakes.
    EXPECT_EQ(k3.get("/v1/appointments/" + code).status, 200);

    advance(10min + 1s);
    EXPECT_EQ(k2.get("/v1/appointments/" + code).status, 200);
    // 30 per source address an hour: K2 10 (before), K3 10, K2 10 more.
    for (int i = 0; i < 10; ++i)
        ASSERT_EQ(k3.get("/v1/appointments/ZZZZZZZ" + std::to_string(2 + i % 8)).status, 404);
    for (int i = 0; i < 10; ++i)
        ASSERT_EQ(k2.get("/v1/appointments/YYYYYYY" + std::to_string(2 + i % 8)).status, 404);
    advance(10min + 1s);  // both kiosks' own windows have moved on; the address's hour has not
    EXPECT_EQ(k3.get("/v1/appointments/" + code).status, 429);
    advance(50min);
    EXPECT_EQ(k3.get("/v1/appointments/" + code).status, 200);
}

TEST_F(AppointmentsTest, CancelAndChangeByCode) {
    ApiClient k = kiosk();
    auto free = slots(k, "huurloket");
    ASSERT_GE(free.size(), 4u);
    HttpResult a = k.post("/v1/appointments", encodeBookingRequest(request("huurloket", free[0].start)));
    HttpResult b = k.post("/v1/appointments", encodeBookingRequest(request("huurloket", free[1].start)));
    ASSERT_EQ(a.status, 201);
    ASSERT_EQ(b.status, 201);
    std::string codeA = decodeBookingView(a.body).value().code,
                codeB = decodeBookingView(b.body).value().code;

    HttpResult toFull = k.post("/v1/appointments/" + codeA + "/change", encodeBookingChange({free[1].start}));
    EXPECT_EQ(toFull.status, 409);
    EXPECT_EQ(decodeError(toFull.body)->code, "slot-taken");
    HttpResult moved = k.post("/v1/appointments/" + codeA + "/change", encodeBookingChange({free[3].start}));
    ASSERT_EQ(moved.status, 200) << moved.body;
    EXPECT_EQ(decodeBookingView(moved.body).value().code, codeA);
    EXPECT_EQ(decodeBookingView(moved.body).value().start, free[3].start);
    // The old time is free again.
    EXPECT_EQ(k.post("/v1/appointments", encodeBookingRequest(request("huurloket", free[0].start))).status,
              201);

    HttpResult cancelled = k.post("/v1/appointments/" + codeB + "/cancel", "");
    ASSERT_EQ(cancelled.status, 200) << cancelled.body;
    EXPECT_EQ(decodeBookingView(cancelled.body).value().state, BookingState::Cancelled);
    EXPECT_EQ(k.get("/v1/appointments/" + codeB).status, 404);
    EXPECT_EQ(k.post("/v1/appointments/" + codeB + "/cancel", "").status, 404);
    EXPECT_EQ(k.post("/v1/appointments", encodeBookingRequest(request("huurloket", free[1].start))).status,
              201);
}

TEST_F(AppointmentsTest, TodaysListEventsStaffReadsAndTheWipe) {
    ApiClient k = kiosk();
    auto free = slots(k, "gemeente");
    HttpResult made = k.post("/v1/appointments", encodeBookingRequest(request("gemeente", free[0].start)));
    ASSERT_EQ(made.status, 201);
    BookingView view = decodeBookingView(made.body).value();
    std::string day = localDay(view.start);

    HttpResult today = k.get("/v1/appointments/today?day=" + day);
    ASSERT_EQ(today.status, 200) << today.body;
    auto list = decodeTodayBookings(today.body).value();
    ASSERT_EQ(list.bookings.size(), 1u);
    EXPECT_EQ(list.bookings[0].code, view.code);
    EXPECT_EQ(list.bookings[0].name, "Fatma Yilmaz");
    EXPECT_EQ(k.get("/v1/appointments/today?day=7-12-2026").status, 400);

    std::vector<AppointmentEvent> events = {
        {makeUuid(random_), view.code, AppointmentEventKind::Arrived, view.start}};
    HttpResult sent = k.post("/v1/appointments/events", encodeAppointmentEvents(events));
    ASSERT_EQ(sent.status, 200) << sent.body;
    EXPECT_EQ(decodeAcceptedCount(sent.body).value(), 1);
    EXPECT_EQ(
        decodeAcceptedCount(k.post("/v1/appointments/events", encodeAppointmentEvents(events)).body).value(),
        0);
    EXPECT_EQ(decodeBookingView(k.get("/v1/appointments/" + view.code).body).value().state,
              BookingState::Arrived);

    // Staff: a team member of gemeente reads the day's bookings, audited; huurloket's sees none of them.
    auto token = [&](const std::string& name, const std::string& team) {
        auto [status, out] = runCentralCommand(
            server_.config(), {"token", "create", "--name", name, "--role", "team", "--team", team});
        EXPECT_EQ(status, 0) << out;
        return out.substr(0, out.find('\n'));
    };
    ApiClient staff(server_.publicUrl(), {.cert = ""});
    std::string gemeente = token("Aisha", "gemeente"), huur = token("Bram", "huurloket");
    HttpResult read = staff.get("/v1/agendas/SGN/bookings?day=" + day, gemeente);
    ASSERT_EQ(read.status, 200) << read.body;
    EXPECT_NE(read.body.find("06 1234 5678"), std::string::npos);
    HttpResult other = staff.get("/v1/agendas/SGN/bookings?day=" + day, huur);
    ASSERT_EQ(other.status, 200) << other.body;
    EXPECT_EQ(other.body.find("Fatma"), std::string::npos);
    auto audit = openStore()->auditLog("SGN " + day, 10).value();
    ASSERT_EQ(audit.size(), 2u);
    EXPECT_EQ(audit[1].actor, "Aisha");
    EXPECT_EQ(audit[1].action, "read-bookings");
    EXPECT_EQ(audit[1].source, "127.0.0.1");
    HttpResult agendas = staff.get("/v1/agendas", huur);
    ASSERT_EQ(agendas.status, 200);
    json own = json::parse(agendas.body)["agendas"];
    ASSERT_EQ(own.size(), 1u);
    // A team member changes their own team's agenda, not another team's.
    own[0]["parallel"] = 3;
    HttpResult put = staff.put("/v1/agendas/SGN/huurloket", own[0].dump(), huur);
    ASSERT_EQ(put.status, 200) << put.body;
    EXPECT_EQ(json::parse(put.body)["parallel"], 3);
    own[0]["team"] = "gemeente";
    own[0]["service"] = "gemeente";
    EXPECT_EQ(staff.put("/v1/agendas/SGN/gemeente", own[0].dump(), huur).status, 403);
    own[0]["slot_minutes"] = 2;
    HttpResult bad = staff.put("/v1/agendas/SGN/gemeente", own[0].dump(), gemeente);
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(decodeError(bad.body)->field, "slot_minutes");

    // Seven days after the booking's day, and one more: name, phone and e-mail are gone.
    advance(24h * 9);
    ASSERT_TRUE(
        waitUntil([&] { return openStore()->bookingByCode(view.code).value()->personalDataWiped; }, 10s));
    auto wiped = openStore()->bookingByCode(view.code).value();
    EXPECT_EQ(wiped->name, "");
    EXPECT_EQ(wiped->phone, "");
    EXPECT_EQ(wiped->email, "");
}

// Sixteen clients, each with its own TLS connection, book one slot at the same moment: exactly as many win
// as the slot has seats, the rest get 409 slot-taken, and the database holds no double booking.
TEST_F(AppointmentsTest, TheRaceForOneSlotHasExactlyAsManyWinnersAsSeats) {
    constexpr int kClients = 16;
    for (auto [service, seats] :
         {std::pair{std::string("huurloket"), 1}, std::pair{std::string("gemeente"), 2}}) {
        SCOPED_TRACE(service);
        std::vector<ApiClient> clients;
        for (int i = 0; i < kClients; ++i) clients.push_back(kiosk(i % 2 == 0 ? "kiosk" : "kiosk3"));
        auto free = slots(clients[0], service);
        ASSERT_GE(free.size(), 6u);
        TimePoint start = free[5].start;
        // Warm every connection first, so the bookings themselves start together.
        for (auto& c : clients) ASSERT_EQ(c.get("/v1/appointments/offers").status, 200);
        std::vector<std::string> bodies;
        for (int i = 0; i < kClients; ++i) bodies.push_back(encodeBookingRequest(request(service, start)));
        std::atomic<int> created{0}, taken{0}, other{0};
        std::barrier sync(kClients);
        std::vector<std::thread> threads;
        for (int i = 0; i < kClients; ++i)
            threads.emplace_back([&, i] {
                sync.arrive_and_wait();
                HttpResult r = clients[static_cast<std::size_t>(i)].post("/v1/appointments",
                                                                         bodies[static_cast<std::size_t>(i)]);
                if (r.status == 201)
                    ++created;
                else if (r.status == 409 && r.body.find("slot-taken") != std::string::npos)
                    ++taken;
                else
                    ++other;
            });
        for (auto& t : threads) t.join();
        EXPECT_EQ(created.load(), seats);
        EXPECT_EQ(taken.load(), kClients - seats);
        EXPECT_EQ(other.load(), 0);
        auto seatsTaken = openStore()->takenSeats("SGN", service, start, start + 1min).value();
        ASSERT_EQ(seatsTaken.size(), 1u);
        EXPECT_EQ(seatsTaken[0].taken, seats);
    }
}

}  // namespace
}  // namespace wp::testing
