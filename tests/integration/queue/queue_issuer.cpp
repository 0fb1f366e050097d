// queue_issuer: issues tickets against a kiosk database file and prints each number once it is committed.
//
//   queue_issuer DB COUNT SERVICE:PREFIX [SERVICE:PREFIX ...]
//
// Issues COUNT tickets, taking the services in turn, and after each issue writes one line to stdout:
//   ISSUED <service> <day> <number> <display>
// A line is written with one write(2) after the commit, so a reader never sees half a line and every line
// names a number the database holds. Exit 0 when done, 2 on a usage error, 1 on a store error (on stderr).
// Used by the two-process stress test (run with WIJKPUNT_CRASH_AT or killed from outside) and by
// tests/bench/queue-bench.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "common/clock.h"
#include "kiosk/store/sqlite_queue_store.h"

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: %s DB COUNT SERVICE:PREFIX [SERVICE:PREFIX ...]\n", argv[0]);
        return 2;
    }
    std::string db = argv[1];
    long count = std::strtol(argv[2], nullptr, 10);
    std::vector<wp::Service> services;
    for (int i = 3; i < argc; ++i) {
        std::string arg = argv[i];
        auto colon = arg.find(':');
        if (colon == std::string::npos || colon == 0 || colon + 1 == arg.size()) {
            std::fprintf(stderr, "queue_issuer: '%s' is not SERVICE:PREFIX\n", argv[i]);
            return 2;
        }
        wp::Service s;
        s.id = arg.substr(0, colon);
        s.prefix = arg.substr(colon + 1);
        services.push_back(std::move(s));
    }

    auto store = wp::SqliteQueueStore::open(db, services);
    if (!store) {
        std::fprintf(stderr, "queue_issuer: %s\n", store.status().message().c_str());
        return 1;
    }
    wp::SystemClock clock;
    for (long i = 0; i < count; ++i) {
        const wp::Service& s = services[static_cast<size_t>(i) % services.size()];
        auto t = store.value()->issueTicket(s.id, clock.now());
        if (!t) {
            std::fprintf(stderr, "queue_issuer: %s\n", t.status().message().c_str());
            return 1;
        }
        std::string line = fmt::format("ISSUED {} {} {} {}\n", t->serviceId, t->day, t->number, t->display);
        if (::write(STDOUT_FILENO, line.data(), line.size()) != static_cast<ssize_t>(line.size())) return 1;
    }
    return 0;
}
