// wp-central-load: the central bench's own load client. libcurl with keep-alive and a client
// certificate, N threads each on its own connection, POSTing unique valid requests to /v1/requests; the
// same client drives nginx for the ceiling (wrk cannot send client certificates: DESIGN.md pitfalls).
//
//   wp-central-load --url URL --ca CA --cert C --key K --clients N --seconds S [--offset O]
//       prints one JSON line: requests answered 201, other answers, transport errors, rate, p50/p99 (ms)
//   wp-central-load --fsync-probe DIR [--seconds S]
//       durable single-row SQLite commits a second (WAL, synchronous=FULL): one client's ceiling
//   wp-central-load --count-db FILE
//       requests stored in a central database
//   wp-central-load --guesses N [--offset O]
//       N well-formed six-character reference codes of kiosk K2 at SGN (right check character), drawn at
//       random (seed O), one a line: what one who guesses codes would look up
#include <curl/curl.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

#include "central/store/sqlite_central_store.h"
#include "common/bundle.h"
#include "common/reference_code.h"
#include "common/request.h"
#include "common/sqlite/sqlite_database.h"
#include "tests/support/shipped_request_specs.h"

namespace {

using namespace wp;
using Clock = std::chrono::steady_clock;

// Yields the base-31 digits of one number, so each request's "random" part is unique by construction.
class CounterDigits final : public RandomSource {
  public:
    explicit CounterDigits(std::uint64_t n) : n_(n) {}
    std::uint32_t below(std::uint32_t bound) override {
        auto d = static_cast<std::uint32_t>(n_ % bound);
        n_ /= bound;
        return d;
    }

  private:
    std::uint64_t n_;
};

std::string requestBody(std::uint64_t n, SeededRandom& random) {
    CounterDigits digits(n);
    Request r;
    r.uuid = makeUuid(random);
    r.type = "callback";
    r.reference = makeReferenceCode("SGN", "K2", digits);
    r.kioskCode = "K2";
    r.createdAt = std::chrono::system_clock::now();
    r.language = "nl";
    r.category = "huur";
    r.fields = {{"topic", "Huurverhoging"}, {"phone", "010 123 4567"}, {"name", "Bewoner"}};
    return encodeRequest(r, wp::testing::shippedRequestSpecs());
}

int printGuesses(int count, std::uint64_t seed) {
    SeededRandom random(seed);
    for (int i = 0; i < count; ++i) {
        std::string randomPart;
        for (int c = 0; c < kShortReferenceRandomLength; ++c)
            randomPart += kCodeAlphabet[random.below(static_cast<std::uint32_t>(kCodeAlphabet.size()))];
        char check = *referenceCheckCharacter("SGNK2" + randomPart);
        std::printf("SGN-K2-%s-%c\n", randomPart.c_str(), check);
    }
    return 0;
}

size_t discard(char*, size_t size, size_t n, void*) {
    return size * n;
}

struct ClientResult {
    std::vector<double> latenciesMs;
    long created = 0, otherStatus = 0, transportErrors = 0;
};

int runLoad(const std::string& url, const std::string& ca, const std::string& cert, const std::string& key,
            int clients, double seconds, std::uint64_t offset) {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    std::vector<ClientResult> results(static_cast<size_t>(clients));
    std::atomic<std::uint64_t> counter{offset};
    std::atomic<bool> go{false};
    auto start = Clock::now();
    auto end = start;
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&, c] {
            ClientResult& res = results[static_cast<size_t>(c)];
            SeededRandom random(offset * 1000 + static_cast<std::uint64_t>(c));
            CURL* curl = curl_easy_init();
            curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
            headers = curl_slist_append(headers, "Expect:");
            std::string target = url + "/v1/requests";
            curl_easy_setopt(curl, CURLOPT_URL, target.c_str());
            curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
            curl_easy_setopt(curl, CURLOPT_CAINFO, ca.c_str());
            if (!cert.empty()) {
                curl_easy_setopt(curl, CURLOPT_SSLCERT, cert.c_str());
                curl_easy_setopt(curl, CURLOPT_SSLKEY, key.c_str());
            }
            curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
            curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
            curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard);
            while (!go) std::this_thread::yield();
            while (Clock::now() < end) {
                std::string body = requestBody(counter++, random);
                curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
                curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
                auto t0 = Clock::now();
                CURLcode rc = curl_easy_perform(curl);
                auto t1 = Clock::now();
                long status = 0;
                curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
                if (rc != CURLE_OK) {
                    ++res.transportErrors;
                    continue;
                }
                if (status == 201) {
                    ++res.created;
                    res.latenciesMs.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
                } else {
                    ++res.otherStatus;
                }
            }
            curl_slist_free_all(headers);
            curl_easy_cleanup(curl);
        });
    }
    start = Clock::now();
    end = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    go = true;
    for (auto& t : threads) t.join();
    double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    std::vector<double> all;
    long created = 0, other = 0, transport = 0;
    for (auto& r : results) {
        all.insert(all.end(), r.latenciesMs.begin(), r.latenciesMs.end());
        created += r.created;
        other += r.otherStatus;
        transport += r.transportErrors;
    }
    std::sort(all.begin(), all.end());
    auto pct = [&](double p) {
        return all.empty()
                   ? 0.0
                   : all[std::min(all.size() - 1, static_cast<size_t>(p * static_cast<double>(all.size())))];
    };
    std::printf(
        "{\"clients\": %d, \"created\": %ld, \"other_status\": %ld, \"transport_errors\": %ld, "
        "\"seconds\": %.3f, \"rps\": %.1f, \"p50_ms\": %.3f, \"p99_ms\": %.3f}\n",
        clients, created, other, transport, elapsed, static_cast<double>(created) / elapsed, pct(0.50),
        pct(0.99));
    return other + transport == 0 ? 0 : 1;
}

int fsyncProbe(const std::string& dir, double seconds) {
    auto db = SqliteDatabase::open(std::filesystem::path(dir) / "fsync-probe.db");
    if (!db || !(*db)->exec("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, body TEXT)")) return 1;
    auto start = Clock::now();
    long commits = 0;
    while (Clock::now() - start < std::chrono::duration<double>(seconds)) {
        if (!(*db)->exec("INSERT INTO t (body) VALUES ('0123456789012345678901234567890123456789')"))
            return 1;
        ++commits;
    }
    double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf("{\"durable_single_row_commits_per_s\": %.1f}\n", static_cast<double>(commits) / elapsed);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"wp-central-load"};
    std::string url, ca, cert, key, probeDir, countDb;
    int clients = 1, guesses = 0;
    double seconds = 5;
    std::uint64_t offset = 0;
    app.add_option("--url", url);
    app.add_option("--ca", ca);
    app.add_option("--cert", cert);
    app.add_option("--key", key);
    app.add_option("--clients", clients);
    app.add_option("--seconds", seconds);
    app.add_option("--offset", offset);
    app.add_option("--fsync-probe", probeDir);
    app.add_option("--count-db", countDb);
    app.add_option("--guesses", guesses);
    CLI11_PARSE(app, argc, argv);
    if (!probeDir.empty()) return fsyncProbe(probeDir, seconds);
    if (guesses > 0) return printGuesses(guesses, offset);
    if (!countDb.empty()) {
        auto store = SqliteCentralStore::open(countDb, wp::testing::shippedRequestSpecs());
        if (!store) return 1;
        auto c = (*store)->counts();
        if (!c) return 1;
        std::printf("{\"requests\": %lld, \"distinct_uuids\": %lld}\n", static_cast<long long>(c->requests),
                    static_cast<long long>(c->distinctUuids));
        return 0;
    }
    return runLoad(url, ca, cert, key, clients, seconds, offset);
}
