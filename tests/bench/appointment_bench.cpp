// wp-appointment-bench: the appointment bench's driver (tests/bench/appointment-bench.sh).
//
//   wp-appointment-bench --seed-busy DB --fill 0.85
//       books that share of every seat of SGN's gemeente agenda (imported before) for the next 14 days,
//       straight into the store: a busy agenda to ask free slots of
//   wp-appointment-bench --slots URL --ca CA --cert C --key K --queries N
//       asks GET /v1/appointments/slots N times, one after the other on one connection; prints one JSON
//       line with the slots answered and the latency (median, p95, max, ms)
//   wp-appointment-bench --race URL --ca CA --cert C --key K --clients 16 --service S --first 50
//       16 clients, each on its own connection, book the first 50 free slots of S at once (every client
//       tries every slot, in its own order); prints one JSON line: 201s, 409s, other answers, seconds,
//       booking attempts and bookings a second
//   wp-appointment-bench --count-double DB
//       seats taken beyond their agenda's parallel in the database, and live bookings per slot over parallel
#include <curl/curl.h>
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <random>
#include <thread>
#include <vector>

#include "central/appointment_slots.h"
#include "central/store/sqlite_central_store.h"
#include "common/appointment.h"
#include "common/random_source.h"
#include "common/sqlite/sqlite_database.h"
#include "tests/support/shipped_request_specs.h"

namespace {

using namespace wp;
using Steady = std::chrono::steady_clock;

size_t collect(char* data, size_t size, size_t n, void* out) {
    static_cast<std::string*>(out)->append(data, size * n);
    return size * n;
}

// One keep-alive connection with the kiosk's client certificate.
class Connection {
  public:
    Connection(const std::string& ca, const std::string& cert, const std::string& key)
        : curl_(curl_easy_init()) {
        curl_easy_setopt(curl_, CURLOPT_CAINFO, ca.c_str());
        curl_easy_setopt(curl_, CURLOPT_SSLCERT, cert.c_str());
        curl_easy_setopt(curl_, CURLOPT_SSLKEY, key.c_str());
        curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, collect);
        curl_easy_setopt(curl_, CURLOPT_TIMEOUT, 30L);
        headers_ = curl_slist_append(nullptr, "Content-Type: application/json");
    }
    ~Connection() {
        curl_slist_free_all(headers_);
        curl_easy_cleanup(curl_);
    }
    // The status (0 for a transport error) and body.
    std::pair<long, std::string> call(const std::string& url, const std::string* postBody) {
        std::string body;
        curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
        curl_easy_setopt(curl_, CURLOPT_WRITEDATA, &body);
        if (postBody != nullptr) {
            curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, headers_);
            curl_easy_setopt(curl_, CURLOPT_POSTFIELDS, postBody->c_str());
            curl_easy_setopt(curl_, CURLOPT_POSTFIELDSIZE, static_cast<long>(postBody->size()));
        } else {
            curl_easy_setopt(curl_, CURLOPT_HTTPGET, 1L);
        }
        if (curl_easy_perform(curl_) != CURLE_OK) return {0, ""};
        long status = 0;
        curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &status);
        return {status, body};
    }

  private:
    CURL* curl_;
    curl_slist* headers_;
};

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

int seedBusy(const std::string& db, double fill) {
    auto store = SqliteCentralStore::open(db, wp::testing::shippedRequestSpecs());
    if (!store) return std::fprintf(stderr, "%s\n", store.status().message().c_str()), 1;
    auto agenda = (*store)->agendaOf("SGN", "gemeente");
    if (!agenda || !agenda->has_value()) return std::fprintf(stderr, "no agenda SGN/gemeente\n"), 1;
    SlotHorizon horizon{std::chrono::system_clock::now(), std::chrono::minutes(0), 14};
    SystemRandom random;
    std::mt19937 pick(7);
    int booked = 0, seats = 0;
    for (const FreeSlot& slot : freeSlots(**agenda, {}, horizon)) {
        for (int seat = 0; seat < slot.free; ++seat) {
            ++seats;
            if (std::uniform_real_distribution<double>(0, 1)(pick) >= fill) continue;
            NewBooking nb;
            nb.request = {makeUuid(random), "SGN", "gemeente", slot.start,     "Bewoner",
                          "010 123 4567",   "",    "nl",       BookedBy::Kiosk};
            nb.code = makeBookingCode(random);
            nb.kioskCode = "K2";
            nb.end = slot.end;
            nb.now = horizon.now;
            if ((*store)->book(nb).kind == BookingOutcome::Kind::Booked) ++booked;
        }
    }
    std::printf("{\"seats\":%d,\"booked\":%d}\n", seats, booked);
    return 0;
}

int querySlots(const std::string& url, const std::string& ca, const std::string& cert, const std::string& key,
               int queries) {
    Connection c(ca, cert, key);
    std::vector<double> ms;
    std::size_t slots = 0;
    for (int i = 0; i < queries; ++i) {
        auto t0 = Steady::now();
        auto [status, body] =
            c.call(url + "/v1/appointments/slots?contact_point=SGN&service=gemeente", nullptr);
        ms.push_back(std::chrono::duration<double, std::milli>(Steady::now() - t0).count());
        if (status != 200) return std::fprintf(stderr, "slots answered %ld: %s\n", status, body.c_str()), 1;
        auto free = decodeFreeSlots(body);
        if (!free) return std::fprintf(stderr, "slots: %s\n", free.error().message.c_str()), 1;
        slots = free.value().slots.size();
    }
    std::printf("{\"queries\":%d,\"slots\":%zu,\"median_ms\":%.2f,\"p95_ms\":%.2f,\"max_ms\":%.2f}\n",
                queries, slots, percentile(ms, 0.5), percentile(ms, 0.95), percentile(ms, 1.0));
    return 0;
}

int race(const std::string& url, const std::string& ca, const std::string& cert, const std::string& key,
         int clients, const std::string& service, int first) {
    std::vector<TimePoint> starts;
    {
        Connection c(ca, cert, key);
        auto [status, body] =
            c.call(url + "/v1/appointments/slots?contact_point=SGN&service=" + service, nullptr);
        if (status != 200) return std::fprintf(stderr, "slots answered %ld\n", status), 1;
        auto free = decodeFreeSlots(body);
        if (!free) return std::fprintf(stderr, "slots: %s\n", free.error().message.c_str()), 1;
        for (const FreeSlot& s : free.value().slots)
            if (static_cast<int>(starts.size()) < first) starts.push_back(s.start);
    }
    std::atomic<int> created{0}, taken{0}, other{0}, ready{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (int i = 0; i < clients; ++i)
        threads.emplace_back([&, i] {
            Connection c(ca, cert, key);
            c.call(url + "/v1/appointments/offers", nullptr);  // the handshake before the start
            SystemRandom random;
            std::vector<TimePoint> order = starts;
            std::shuffle(order.begin(), order.end(), std::mt19937(static_cast<unsigned>(i)));
            std::vector<std::string> bodies;
            for (TimePoint start : order)
                bodies.push_back(encodeBookingRequest({makeUuid(random), "SGN", service, start, "Bewoner",
                                                       "010 123 4567", "", "nl", BookedBy::Kiosk}));
            ++ready;
            while (!go) std::this_thread::yield();
            for (const std::string& body : bodies) {
                auto [status, answer] = c.call(url + "/v1/appointments", &body);
                if (status == 201)
                    ++created;
                else if (status == 409 && answer.find("slot-taken") != std::string::npos)
                    ++taken;
                else
                    ++other;
            }
        });
    while (ready < clients) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    auto t0 = Steady::now();
    go = true;
    for (auto& t : threads) t.join();
    double seconds = std::chrono::duration<double>(Steady::now() - t0).count();
    int attempts = created + taken + other;
    std::printf(
        "{\"slots\":%zu,\"clients\":%d,\"created\":%d,\"slot_taken\":%d,\"other\":%d,\"seconds\":%.3f,"
        "\"attempts_per_second\":%.1f,\"bookings_per_second\":%.1f}\n",
        starts.size(), clients, created.load(), taken.load(), other.load(), seconds, attempts / seconds,
        created / seconds);
    return other == 0 ? 0 : 1;
}

int countDouble(const std::string& db) {
    auto c = SqliteDatabase::open(db);
    if (!c) return std::fprintf(stderr, "%s\n", c.status().message().c_str()), 1;
    // Live bookings of a slot beyond the agenda's seats, and two live bookings on one seat.
    auto over = (*c)->queryInt(
        "SELECT COALESCE(SUM(n - a.parallel), 0) FROM (SELECT contact_point, service, start_ms, COUNT(*) AS "
        "n "
        "FROM booking WHERE state <> 'cancelled' GROUP BY contact_point, service, start_ms) b "
        "JOIN agenda a ON a.contact_point = b.contact_point AND a.service = b.service WHERE n > a.parallel");
    auto shared = (*c)->queryInt(
        "SELECT COUNT(*) FROM (SELECT 1 FROM booking WHERE seat IS NOT NULL "
        "GROUP BY contact_point, service, start_ms, seat HAVING COUNT(*) > 1) s");
    auto live = (*c)->queryInt("SELECT COUNT(*) FROM booking WHERE state <> 'cancelled'");
    if (!over || !shared || !live) return std::fprintf(stderr, "count failed\n"), 1;
    std::printf("{\"live_bookings\":%lld,\"over_parallel\":%lld,\"shared_seats\":%lld}\n",
                static_cast<long long>(live.value()), static_cast<long long>(over.value()),
                static_cast<long long>(shared.value()));
    return over.value() == 0 && shared.value() == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"wp-appointment-bench: the appointment bench's driver"};
    std::string seedDb, slotsUrl, raceUrl, countDb, ca, cert, key, service = "huurloket";
    double fill = 0.85;
    int queries = 200, clients = 16, first = 50;
    app.add_option("--seed-busy", seedDb);
    app.add_option("--fill", fill);
    app.add_option("--slots", slotsUrl);
    app.add_option("--queries", queries);
    app.add_option("--race", raceUrl);
    app.add_option("--clients", clients);
    app.add_option("--service", service);
    app.add_option("--first", first);
    app.add_option("--count-double", countDb);
    app.add_option("--ca", ca);
    app.add_option("--cert", cert);
    app.add_option("--key", key);
    CLI11_PARSE(app, argc, argv);
    curl_global_init(CURL_GLOBAL_DEFAULT);
    if (!seedDb.empty()) return seedBusy(seedDb, fill);
    if (!slotsUrl.empty()) return querySlots(slotsUrl, ca, cert, key, queries);
    if (!raceUrl.empty()) return race(raceUrl, ca, cert, key, clients, service, first);
    if (!countDb.empty()) return countDouble(countDb);
    std::fprintf(stderr, "%s", app.help().c_str());
    return 2;
}
