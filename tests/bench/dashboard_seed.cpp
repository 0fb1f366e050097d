// wp-dashboard-seed: fills a central database with a year of dashboard data for tests/bench/dashboard-bench:
// requests of every contact point (with a first answer by staff for most of them) and the walk-in queue's
// events (issued, called, done), spread over opening hours. Writes through SqliteCentralStore, as the server
// does, so the indexes and the audit log are the real ones. Deterministic (seeded). With --sign-in it also
// makes an admin account with a session and writes the session cookie for curl.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>

#include "central/backoffice/staff_credentials.h"
#include "central/store/sqlite_central_store.h"
#include "common/wire.h"
#include "tests/unit/central/central_test_requests.h"

using namespace std::chrono_literals;

int main(int argc, char** argv) {
    CLI::App app{"Fill a central database with a year of dashboard data"};
    std::string database, until = "2026-12-06T12:00:00Z";
    std::vector<std::string> contactPoints = {"SGN", "NWB", "ZKR"};
    int days = 365, requestsPerDay = 40, ticketsPerDay = 60;
    app.add_option("database", database, "the database file (made when missing)")->required();
    app.add_option("--until", until, "the last moment of the data (RFC 3339)");
    app.add_option("--contact-points", contactPoints,
                   "contact points; the first kiosk's code is K2, then K3...");
    app.add_option("--days", days, "days of data before --until");
    app.add_option("--requests-per-day", requestsPerDay, "requests per contact point per day");
    app.add_option("--tickets-per-day", ticketsPerDay, "walk-in tickets per contact point per day");
    std::string signIn, cookieJar;
    app.add_option("--sign-in", signIn, "also make an admin account of this name, signed in");
    app.add_option("--cookie-jar", cookieJar, "where --sign-in writes the session cookie (curl's format)");
    CLI11_PARSE(app, argc, argv);

    auto store = wp::SqliteCentralStore::open(database, wp::testing::shippedRequestSpecs());
    if (!store) {
        std::fprintf(stderr, "wp-dashboard-seed: %s\n", store.status().message().c_str());
        return 1;
    }
    auto end = wp::parseRfc3339(until);
    if (!end) {
        std::fprintf(stderr, "wp-dashboard-seed: --until is no RFC 3339 time\n");
        return 2;
    }
    wp::SeededRandom random(2026);
    std::mt19937 gen(7);
    const char* types[] = {"callback", "question", "home-visit", "initiative"};
    const char* categories[] = {"huur", "zorg", "geld", "", "gemeente"};
    const char* teams[] = {"huurloket", "wijkteam", "gemeente", "initiatief"};
    const char* services[] = {"huurloket", "wijkteam", "gemeente"};
    const char* prefixes[] = {"H", "W", "G"};
    long requests = 0, events = 0, answers = 0;

    for (std::size_t cp = 0; cp < contactPoints.size(); ++cp) {
        const std::string kiosk = "K" + std::to_string(cp + 2);
        std::vector<wp::IntakeItem> batch;
        std::vector<std::pair<std::string, wp::TimePoint>> toAnswer;
        std::int64_t seq = 1;
        for (int d = days; d > 0; --d) {
            const wp::TimePoint dayStart = std::chrono::floor<std::chrono::days>(*end - std::chrono::days(d));
            // Requests from 08:00 to 17:00 UTC.
            for (int i = 0; i < requestsPerDay; ++i) {
                const std::size_t t = gen() % 4;
                wp::Request r =
                    wp::testing::makeTestRequest(random, types[t], t < 2 ? categories[gen() % 5] : "");
                r.reference = wp::makeReferenceCode(contactPoints[cp], kiosk, random);
                r.kioskCode = kiosk;
                wp::IntakeItem item;
                item.receivedAt = dayStart + 8h + std::chrono::seconds(gen() % (9 * 3600));
                item.request = std::move(r);
                item.contactPoint = contactPoints[cp];
                item.team = teams[t];
                if (gen() % 10 < 8) toAnswer.push_back({item.request.reference, item.receivedAt});
                batch.push_back(std::move(item));
                if (batch.size() == 256) {
                    for (const auto& out : (*store)->storeBatch(batch))
                        if (out.kind != wp::IntakeOutcome::Kind::Stored) {
                            std::fprintf(stderr, "wp-dashboard-seed: %s\n", out.message.c_str());
                            return 1;
                        }
                    requests += static_cast<long>(batch.size());
                    batch.clear();
                }
            }
            // Tickets from 08:00 to 15:00 UTC, each called after 0..40 minutes and done 10 minutes later.
            wp::QueueStatBatch q;
            q.kioskCode = kiosk;
            const std::string day =
                wp::formatRfc3339(dayStart).substr(0, 10);  // 08:00-15:00 UTC: that local day
            for (int n = 1; n <= ticketsPerDay; ++n) {
                const std::size_t s = gen() % 3;
                const wp::TimePoint issued = dayStart + 8h + std::chrono::seconds(gen() % (7 * 3600));
                const wp::TimePoint called = issued + std::chrono::seconds(gen() % 2400);
                const std::string ticket = std::string(prefixes[s]) + "-" + std::to_string(n);
                for (auto [kind, at] : {std::pair{"issued", issued}, std::pair{"called", called},
                                        std::pair{"done", called + 10min}}) {
                    wp::QueueStatEvent e;
                    e.seq = seq++;
                    e.kind = kind;
                    e.service = services[s];
                    e.day = day;
                    e.number = n;
                    e.ticket = ticket;
                    e.at = at;
                    q.events.push_back(std::move(e));
                }
            }
            auto stored = (*store)->storeQueueEvents(q, contactPoints[cp], dayStart + 17h);
            if (!stored) {
                std::fprintf(stderr, "wp-dashboard-seed: %s\n", stored.status().message().c_str());
                return 1;
            }
            events += stored.value();
        }
        if (!batch.empty()) {
            for (const auto& out : (*store)->storeBatch(batch))
                if (out.kind != wp::IntakeOutcome::Kind::Stored) return 1;
            requests += static_cast<long>(batch.size());
        }
        // Staff answer most requests within 0..100 hours.
        for (const auto& [reference, received] : toAnswer) {
            wp::TimePoint at = received + std::chrono::minutes(gen() % (100 * 60));
            auto s = (*store)->updateStatus(reference, std::nullopt,
                                            {wp::RequestStatus::InProgress, "We nemen contact met u op.", {}},
                                            "Bench Medewerker", "127.0.0.1", at);
            if (!s) {
                std::fprintf(stderr, "wp-dashboard-seed: %s\n", s.status().message().c_str());
                return 1;
            }
            ++answers;
        }
    }
    if (!signIn.empty()) {
        wp::StaffAccount a;
        a.name = signIn;
        a.email = "bench@example.org";
        a.role = wp::StaffRole::Admin;
        const wp::TimePoint now = std::chrono::system_clock::now();
        auto id = (*store)->addStaffAccount(a, now);
        if (!id) {
            std::fprintf(stderr, "wp-dashboard-seed: %s\n", id.status().message().c_str());
            return 1;
        }
        const std::string session = wp::randomToken();
        if (wp::Status s =
                (*store)->addStaffSession(wp::hashSecretToken(session), id.value(), wp::randomToken(), now);
            !s) {
            std::fprintf(stderr, "wp-dashboard-seed: %s\n", s.message().c_str());
            return 1;
        }
        std::ofstream jar(cookieJar);
        jar << "127.0.0.1\tFALSE\t/\tTRUE\t0\t__Host-wp_session\t" << session << "\n";
        if (!jar) {
            std::fprintf(stderr, "wp-dashboard-seed: cannot write %s\n", cookieJar.c_str());
            return 1;
        }
    }
    (void)(*store)->checkpoint();
    std::printf("wp-dashboard-seed: %ld requests (%ld answered), %ld queue events in %s\n", requests, answers,
                events, database.c_str());
    return 0;
}
