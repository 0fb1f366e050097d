// wp-backoffice-bench: the inbox bench's own tool (tests/bench/backoffice-bench).
//
//   wp-backoffice-bench seed --db FILE --count N
//       stores N requests in a central database (through SqliteCentralStore, as the intake does, in
//       batches of 1,000) spread over the year before now: five teams, four types, three contact points,
//       about a fifth of them open; prints one JSON line with the count and the seconds it took
//   wp-backoffice-bench session --db FILE --name NAME --role ROLE [--team TEAM]
//       makes a staff account with a session straight in the database (a bench has no person to type a TOTP
//       code) and prints the session cookie, NAME=VALUE
//   wp-backoffice-bench cursor --db FILE --team TEAM --skip N
//       prints the inbox cursor ("received_at_ms.id") after the team's first N requests, oldest first
//   wp-backoffice-bench time --url URL --ca CA --cookie COOKIE --path PATH [--runs N]
//       GETs PATH over HTTPS N times on one keep-alive connection (the first, with the handshake, is not
//       counted) and prints one JSON line: status, bytes, median and p95 in milliseconds
// Timing is the wall clock of this process: the server is measured from outside.
#include <curl/curl.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "central/backoffice/staff_credentials.h"
#include "central/store/sqlite_central_store.h"
#include "common/reference_code.h"
#include "common/request.h"
#include "common/sqlite/sqlite_database.h"
#include "tests/support/shipped_request_specs.h"

namespace {

using namespace wp;
using Steady = std::chrono::steady_clock;

// Yields the base-31 digits of one number, so each request's random part is unique by construction.
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

constexpr const char* kTeams[] = {"huurloket", "wijkteam", "gemeente", "initiatief", "wijkmanager"};
constexpr const char* kTypes[] = {"callback", "question", "home-visit", "initiative"};
constexpr const char* kPlaces[] = {"SGN", "KET", "NWW"};  // three letters of the code alphabet

int seed(const std::string& file, int count) {
    const RequestSpecs& specs = wp::testing::shippedRequestSpecs();
    auto store = SqliteCentralStore::open(file, specs);
    if (!store) {
        std::fprintf(stderr, "%s\n", store.status().message().c_str());
        return 1;
    }
    SeededRandom random(42);
    const auto started = Steady::now();
    const TimePoint now = std::chrono::system_clock::now();
    const auto year = std::chrono::hours(24 * 365);
    std::vector<IntakeItem> batch;
    for (int i = 0; i < count; ++i) {
        CounterDigits digits(static_cast<std::uint64_t>(i) * 7919 + 1);
        Request r;
        r.uuid = makeUuid(random);
        r.type = kTypes[i % 4];
        r.reference = makeReferenceCode(kPlaces[i % 3], "K2", digits);
        r.kioskCode = "K2";
        r.language = "nl";
        r.category = r.type == "initiative" ? "" : "huur";
        for (const FieldSpec& f : specs.latest(r.type)->fields) {
            switch (f.kind) {
                case FieldKind::Phone:
                    r.fields[f.name] = "010 123 4567";
                    break;
                case FieldKind::Email:
                    r.fields[f.name] = "bewoner@example.org";
                    break;
                case FieldKind::Id:
                    r.fields[f.name] = "huur";
                    break;
                case FieldKind::Number:
                case FieldKind::Integer:
                    r.fields[f.name] = "1";
                    break;
                default:
                    r.fields[f.name] = "Bewoner " + std::to_string(i);
            }
        }
        // Oldest first in the store, spread evenly over the year before now.
        const TimePoint at = now - year + year * i / count;
        r.createdAt = at;
        batch.push_back({r, kPlaces[i % 3], kTeams[(i / 4) % 5], false, {}, at});
        if (batch.size() == 1000 || i + 1 == count) {
            for (const IntakeOutcome& o : (*store)->storeBatch(batch))
                if (o.kind != IntakeOutcome::Kind::Stored) {
                    std::fprintf(stderr, "not stored: %s\n", o.message.c_str());
                    return 1;
                }
            batch.clear();
        }
    }
    store->reset();
    // A year of work: four in five are closed, the rest spread over the open statuses; some assigned.
    auto db = SqliteDatabase::open(file);
    if (!db || !db.value()
                    ->exec("UPDATE request SET status = CASE id % 10 WHEN 0 THEN 'received' WHEN 1 THEN "
                           "'in-progress' ELSE 'closed' END, assignee_id = CASE WHEN id % 3 = 0 THEN 1 "
                           "ELSE 0 END, assignee = CASE WHEN id % 3 = 0 THEN 'Bench' ELSE '' END;"
                           "UPDATE request SET status = 'received' WHERE received_at_ms > " +
                           std::to_string(toUnixMillis(now - std::chrono::hours(24 * 30))) + ";")
                    .isOk()) {
        std::fprintf(stderr, "the statuses could not be set\n");
        return 1;
    }
    std::printf("{\"seeded\": %d, \"seconds\": %.1f}\n", count,
                std::chrono::duration<double>(Steady::now() - started).count());
    return 0;
}

int session(const std::string& file, const std::string& name, const std::string& role,
            const std::string& team) {
    auto store = SqliteCentralStore::open(file, wp::testing::shippedRequestSpecs());
    if (!store) {
        std::fprintf(stderr, "%s\n", store.status().message().c_str());
        return 1;
    }
    const TimePoint now = std::chrono::system_clock::now();
    StaffAccount account;
    account.name = name;
    account.email = "bench-" + role + "@example.org";
    account.role = staffRoleFromString(role).value_or(StaffRole::Team);
    account.team = team;
    auto id = (*store)->addStaffAccount(account, now);
    if (!id) {
        std::fprintf(stderr, "%s\n", id.status().message().c_str());
        return 1;
    }
    const std::string token = randomToken();
    if (Status s = (*store)->addStaffSession(hashSecretToken(token), *id, randomToken(), now); !s) {
        std::fprintf(stderr, "%s\n", s.message().c_str());
        return 1;
    }
    std::printf("__Host-wp_session=%s\n", token.c_str());
    return 0;
}

int cursor(const std::string& file, const std::string& team, int skip) {
    auto db = SqliteDatabase::open(file);
    if (!db) {
        std::fprintf(stderr, "%s\n", db.status().message().c_str());
        return 1;
    }
    auto st = db.value()->prepare(
        "SELECT received_at_ms, id FROM request WHERE team = ? ORDER BY received_at_ms, id LIMIT 1 OFFSET ?");
    if (!st) return 1;
    st->bind(1, team).bind(2, std::int64_t(skip));
    auto row = st->step();
    if (!row || !row.value()) {
        std::fprintf(stderr, "team %s has no %d requests\n", team.c_str(), skip + 1);
        return 1;
    }
    std::printf("%lld.%lld\n", static_cast<long long>(st->integer(0)),
                static_cast<long long>(st->integer(1)));
    return 0;
}

size_t collect(char* data, size_t size, size_t n, void* user) {
    static_cast<std::string*>(user)->append(data, size * n);
    return size * n;
}

int timePage(const std::string& url, const std::string& ca, const std::string& cookie,
             const std::string& path, int runs) {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    CURL* curl = curl_easy_init();
    std::string body;
    const std::string target = url + path;
    curl_easy_setopt(curl, CURLOPT_URL, target.c_str());
    curl_easy_setopt(curl, CURLOPT_CAINFO, ca.c_str());
    curl_easy_setopt(curl, CURLOPT_COOKIE, cookie.c_str());
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    std::vector<double> ms;
    long status = 0;
    for (int i = 0; i <= runs; ++i) {
        body.clear();
        const auto started = Steady::now();
        CURLcode rc = curl_easy_perform(curl);
        const double took = std::chrono::duration<double, std::milli>(Steady::now() - started).count();
        if (rc != CURLE_OK) {
            std::fprintf(stderr, "%s: %s\n", target.c_str(), curl_easy_strerror(rc));
            return 1;
        }
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
        if (status != 200) {
            std::fprintf(stderr, "%s: HTTP %ld\n%s\n", target.c_str(), status, body.substr(0, 500).c_str());
            return 1;
        }
        if (i > 0) ms.push_back(took);
    }
    curl_easy_cleanup(curl);
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<size_t>(q * ms.size()))]; };
    std::printf(
        "{\"path\": \"%s\", \"status\": %ld, \"bytes\": %zu, \"runs\": %d, \"median_ms\": %.1f, "
        "\"p95_ms\": %.1f}\n",
        path.c_str(), status, body.size(), runs, at(0.5), at(0.95));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"wp-backoffice-bench: seeds a central database and times back office pages"};
    app.require_subcommand(1);
    std::string db, url, ca, cookie, path;
    int count = 100000, runs = 200;
    auto* seedCmd = app.add_subcommand("seed", "store requests in a central database");
    seedCmd->add_option("--db", db, "the database file")->required();
    seedCmd->add_option("--count", count, "how many requests");
    std::string team, name, role;
    int skip = 0;
    auto* sessionCmd =
        app.add_subcommand("session", "a staff account with a session, straight in the database");
    sessionCmd->add_option("--db", db, "the database file")->required();
    sessionCmd->add_option("--name", name, "the account's name")->required();
    sessionCmd->add_option("--role", role, "team, coordinator or admin")->required();
    sessionCmd->add_option("--team", team, "the team of a team account");
    auto* cursorCmd = app.add_subcommand("cursor", "the inbox cursor after a team's first N requests");
    cursorCmd->add_option("--db", db, "the database file")->required();
    cursorCmd->add_option("--team", team, "the team")->required();
    cursorCmd->add_option("--skip", skip, "how many requests come before it");
    auto* timeCmd = app.add_subcommand("time", "time a page over HTTPS");
    timeCmd->add_option("--url", url, "https://HOST:PORT of the public listener")->required();
    timeCmd->add_option("--ca", ca, "the CA of the server's certificate")->required();
    timeCmd->add_option("--cookie", cookie, "the session cookie, NAME=VALUE")->required();
    timeCmd->add_option("--path", path, "the page's path and query")->required();
    timeCmd->add_option("--runs", runs, "timed requests");
    CLI11_PARSE(app, argc, argv);
    if (*seedCmd) return seed(db, count);
    if (*cursorCmd) return cursor(db, team, skip);
    if (*sessionCmd) return session(db, name, role, team);
    return timePage(url, ca, cookie, path, runs);
}
