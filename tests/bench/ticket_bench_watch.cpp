// ticket_bench_watch: the outside observer of tests/bench/ticket-bench. Watches folders with inotify and
// writes one line per event, stamped with the wall clock when the event was read:
//
//   <unix ms, 3 decimals> <tag> <event> <file name>
//
// event is one of create, close-write, moved-to, delete. The bench watches the private cupsd's out/ folder
// (the PDF queue's file device closing ticket.pdf; the ESC/POS test backend renaming escpos.bin into place
// and appending to escpos-jobs.log) and its spool folder (a job's d-file goes when CUPS completes the job,
// since the private cupsd keeps no job files). Built by tests/bench/ticket-bench itself, not by CMake; not a
// ctest test (DESIGN.md: Testing, bench).
//
// Usage: ticket_bench_watch EVENTS_FILE TAG=DIR [TAG=DIR...]
// Prints "ready" on stdout once every watch is in place; runs until SIGTERM or SIGINT.
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <map>
#include <string>

namespace {

volatile std::sig_atomic_t stopping = 0;

void onSignal(int) {
    stopping = 1;
}

const char* eventName(std::uint32_t mask) {
    if (mask & IN_CREATE) return "create";
    if (mask & IN_CLOSE_WRITE) return "close-write";
    if (mask & IN_MOVED_TO) return "moved-to";
    if (mask & IN_DELETE) return "delete";
    return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: ticket_bench_watch EVENTS_FILE TAG=DIR [TAG=DIR...]\n");
        return 2;
    }
    std::FILE* out = std::fopen(argv[1], "a");
    if (out == nullptr) {
        std::fprintf(stderr, "ticket_bench_watch: cannot open %s: %s\n", argv[1], std::strerror(errno));
        return 2;
    }
    // Not SA_RESTART: the blocking read returns with EINTR and the loop ends.
    struct sigaction sa {};
    sa.sa_handler = onSignal;
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);

    int fd = inotify_init1(IN_CLOEXEC);
    if (fd < 0) {
        std::perror("ticket_bench_watch: inotify_init1");
        return 2;
    }
    std::map<int, std::string> tags;
    for (int i = 2; i < argc; ++i) {
        std::string arg = argv[i];
        auto eq = arg.find('=');
        if (eq == std::string::npos) {
            std::fprintf(stderr, "ticket_bench_watch: expected TAG=DIR, got %s\n", argv[i]);
            return 2;
        }
        std::string dir = arg.substr(eq + 1);
        int wd = inotify_add_watch(fd, dir.c_str(), IN_CREATE | IN_CLOSE_WRITE | IN_MOVED_TO | IN_DELETE);
        if (wd < 0) {
            std::fprintf(stderr, "ticket_bench_watch: cannot watch %s: %s\n", dir.c_str(),
                         std::strerror(errno));
            return 2;
        }
        tags[wd] = arg.substr(0, eq);
    }
    std::printf("ready\n");
    std::fflush(stdout);

    alignas(struct inotify_event) char buf[64 * 1024];
    while (!stopping) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            std::perror("ticket_bench_watch: read");
            return 1;
        }
        timespec ts{};
        clock_gettime(CLOCK_REALTIME, &ts);
        const double ms = static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
        for (char* p = buf; p < buf + n;) {
            auto* ev = reinterpret_cast<struct inotify_event*>(p);
            p += sizeof(struct inotify_event) + ev->len;
            if (ev->mask & IN_Q_OVERFLOW) {
                std::fprintf(out, "%.3f - overflow -\n", ms);
                continue;
            }
            const char* what = eventName(ev->mask);
            if (what == nullptr || ev->len == 0) continue;
            std::fprintf(out, "%.3f %s %s %s\n", ms, tags[ev->wd].c_str(), what, ev->name);
        }
        std::fflush(out);
    }
    std::fclose(out);
    return 0;
}
