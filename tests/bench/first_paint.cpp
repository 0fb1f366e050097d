// first-paint: measures a windowed program from outside its process, the same way for the kiosk and for
// the Chromium reference (DESIGN.md: Testing, bench).
//
//   first-paint [options] -- COMMAND [ARGS...]
//
// It forks and execs COMMAND and polls pixels of the X root window ($DISPLAY) until every --probe pixel
// shows its expected colour: that moment is the first painted frame. Then, from /proc, over the command's
// whole process tree (this tool is a child subreaper, so daemonised helpers stay in the tree):
//   - the total PSS, --pss-after-ms after the first paint;
//   - optionally the CPU used over --idle-seconds while nothing happens on screen but the clock;
// and finally ends the tree (SIGTERM, then SIGKILL) and reaps it.
//
// Options:
//   --probe X,Y,RRGGBB  a pixel of the painted frame (repeat; all must match; the first should change
//                       as soon as anything is drawn, e.g. the top bar)
//   --tolerance N       per colour channel (8)       --timeout-ms N   wait for the frame (20000)
//   --poll-us N         pause between polls (500)    --pss-after-ms N when PSS is sampled (2000)
//   --idle-seconds S    CPU measurement (0: none)    --dump FILE      the screen as PPM after the PSS sample
//   --log FILE          the command's stdout and stderr (default: our stderr)
//
// Output on stdout, one `key=value` a line, for the bench script to read:
//   first_change_ms  the first time a probe pixel changed (a blank window counts); the first probe is
//                    watched all the time, the others once those before them match
//   first_paint_ms   exec to the frame with every probe matching
//   pss_kib          summed Pss of smaps_rollup over the tree;  processes  how many there were
//   idle_s, cpu_ticks, idle_cpu_pct    (utime+stime) of /proc/PID/stat over the tree, % of one core
//   sched_cpu_pct    the same from /proc/PID/task/TID/schedstat (nanoseconds, finer than clock ticks)
//   wakeups_per_s    voluntary + involuntary context switches of every thread, per second
//   minute_ticks     wall-clock minute changes inside the idle window (an HH:MM clock repaints then)
// Exit status: 0 measured; 1 the measurement failed (command died, frame never shown, interrupted);
// 2 bad usage or no X display.
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

volatile sig_atomic_t g_stop = 0;  // set by SIGINT/SIGTERM/SIGHUP: end the tree and leave

void onStopSignal(int) {
    g_stop = 1;
}

struct Rgb {
    int r = 0, g = 0, b = 0;
};

struct Probe {
    int x = 0, y = 0;
    Rgb expected;
};

struct Options {
    std::vector<Probe> probes;
    int tolerance = 8;
    long timeoutMs = 20000;
    long pollUs = 500;
    long pssAfterMs = 2000;
    double idleSeconds = 0;
    std::string dumpPath;
    std::string logPath;
    std::vector<char*> command;
};

void usage() {
    std::fprintf(stderr,
                 "usage: first-paint --probe X,Y,RRGGBB [--probe ...] [--tolerance N] [--timeout-ms N]\n"
                 "                   [--poll-us N] [--pss-after-ms N] [--idle-seconds S] [--dump FILE.ppm]\n"
                 "                   [--log FILE] -- COMMAND [ARGS...]\n");
}

bool parseProbe(const char* text, Probe& p) {
    unsigned rgb = 0;
    char tail = 0;
    if (std::sscanf(text, "%d,%d,%6x%c", &p.x, &p.y, &rgb, &tail) != 3 || p.x < 0 || p.y < 0) return false;
    p.expected = {static_cast<int>((rgb >> 16) & 0xff), static_cast<int>((rgb >> 8) & 0xff),
                  static_cast<int>(rgb & 0xff)};
    return true;
}

bool parseArgs(int argc, char** argv, Options& o) {
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--") {
            for (++i; i < argc; ++i) o.command.push_back(argv[i]);
            break;
        }
        if (i + 1 >= argc) return false;
        const char* v = argv[++i];
        if (a == "--probe") {
            Probe p;
            if (!parseProbe(v, p)) return false;
            o.probes.push_back(p);
        } else if (a == "--tolerance") {
            o.tolerance = std::atoi(v);
        } else if (a == "--timeout-ms") {
            o.timeoutMs = std::atol(v);
        } else if (a == "--poll-us") {
            o.pollUs = std::atol(v);
        } else if (a == "--pss-after-ms") {
            o.pssAfterMs = std::atol(v);
        } else if (a == "--idle-seconds") {
            o.idleSeconds = std::atof(v);
        } else if (a == "--dump") {
            o.dumpPath = v;
        } else if (a == "--log") {
            o.logPath = v;
        } else {
            return false;
        }
    }
    o.command.push_back(nullptr);
    return o.command.size() > 1 && !o.probes.empty() && o.timeoutMs > 0 && o.pollUs >= 0;
}

double nowMs() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// --- Pixels of the root window -----------------------------------------------------------------------

// Reads single pixels of the root window, decoded through the default visual's channel masks.
class RootPixels {
  public:
    explicit RootPixels(Display* dpy) : dpy_(dpy), root_(DefaultRootWindow(dpy)) {
        Visual* v = DefaultVisual(dpy, DefaultScreen(dpy));
        red_ = Channel::of(v->red_mask);
        green_ = Channel::of(v->green_mask);
        blue_ = Channel::of(v->blue_mask);
    }
    int width() const { return DisplayWidth(dpy_, DefaultScreen(dpy_)); }
    int height() const { return DisplayHeight(dpy_, DefaultScreen(dpy_)); }

    // One round trip to the X server; false when the server refused.
    bool read(int x, int y, Rgb& out) const {
        XImage* img = XGetImage(dpy_, root_, x, y, 1, 1, AllPlanes, ZPixmap);
        if (!img) return false;
        out = decode(XGetPixel(img, 0, 0));
        XDestroyImage(img);
        return true;
    }

    // The whole screen as binary PPM, to check by eye that both sides show the same start screen.
    bool dump(const std::string& path) const {
        XImage* img = XGetImage(dpy_, root_, 0, 0, static_cast<unsigned>(width()),
                                static_cast<unsigned>(height()), AllPlanes, ZPixmap);
        if (!img) return false;
        std::ofstream out(path, std::ios::binary);
        out << "P6\n" << width() << " " << height() << "\n255\n";
        std::string row(static_cast<size_t>(width()) * 3, '\0');
        for (int y = 0; y < height(); ++y) {
            for (int x = 0; x < width(); ++x) {
                Rgb c = decode(XGetPixel(img, x, y));
                row[static_cast<size_t>(x) * 3] = static_cast<char>(c.r);
                row[static_cast<size_t>(x) * 3 + 1] = static_cast<char>(c.g);
                row[static_cast<size_t>(x) * 3 + 2] = static_cast<char>(c.b);
            }
            out.write(row.data(), static_cast<std::streamsize>(row.size()));
        }
        XDestroyImage(img);
        return static_cast<bool>(out);
    }

  private:
    struct Channel {
        unsigned long mask = 0;
        int shift = 0;
        int bits = 0;
        static Channel of(unsigned long mask) {
            Channel c;
            c.mask = mask;
            while (mask && !(mask & 1)) {
                mask >>= 1;
                ++c.shift;
            }
            while (mask & 1) {
                mask >>= 1;
                ++c.bits;
            }
            return c;
        }
        int value(unsigned long pixel) const {
            if (bits == 0) return 0;
            unsigned long v = (pixel & mask) >> shift;
            return static_cast<int>(v * 255 / ((1ul << bits) - 1));
        }
    };
    Rgb decode(unsigned long pixel) const {
        return {red_.value(pixel), green_.value(pixel), blue_.value(pixel)};
    }

    Display* dpy_;
    Window root_;
    Channel red_, green_, blue_;
};

bool near(const Rgb& a, const Rgb& b, int tolerance) {
    return std::abs(a.r - b.r) <= tolerance && std::abs(a.g - b.g) <= tolerance &&
           std::abs(a.b - b.b) <= tolerance;
}

// --- The process tree, from /proc ----------------------------------------------------------------------

struct ProcStat {
    int ppid = 0;
    unsigned long long ticks = 0;  // utime + stime
    unsigned long long start = 0;  // starttime: tells a reused pid apart
};

bool readFile(const std::string& path, std::string& out) {
    std::ifstream in(path);
    if (!in) return false;
    std::ostringstream s;
    s << in.rdbuf();
    out = s.str();
    return true;
}

// /proc/PID/stat; the command name may hold spaces and parentheses, so fields count from the last ')'.
bool readStat(int pid, ProcStat& st) {
    std::string text;
    if (!readFile("/proc/" + std::to_string(pid) + "/stat", text)) return false;
    size_t close = text.rfind(')');
    if (close == std::string::npos) return false;
    std::istringstream in(text.substr(close + 2));
    std::vector<std::string> f;  // f[0] is field 3 (state)
    for (std::string w; in >> w;) f.push_back(w);
    if (f.size() < 20) return false;
    st.ppid = std::atoi(f[1].c_str());
    st.ticks = std::strtoull(f[11].c_str(), nullptr, 10) + std::strtoull(f[12].c_str(), nullptr, 10);
    st.start = std::strtoull(f[19].c_str(), nullptr, 10);
    return true;
}

std::vector<int> numericEntries(const std::string& dir) {
    std::vector<int> out;
    if (DIR* d = opendir(dir.c_str())) {
        while (dirent* e = readdir(d))
            if (e->d_name[0] >= '1' && e->d_name[0] <= '9') out.push_back(std::atoi(e->d_name));
        closedir(d);
    }
    return out;
}

// Every live descendant of this process, with its stat.
std::map<int, ProcStat> processTree() {
    std::map<int, ProcStat> all;
    for (int pid : numericEntries("/proc")) {
        ProcStat st;
        if (readStat(pid, st)) all[pid] = st;
    }
    std::map<int, ProcStat> tree;
    std::vector<int> frontier{getpid()};
    while (!frontier.empty()) {
        int parent = frontier.back();
        frontier.pop_back();
        for (const auto& [pid, st] : all)
            if (st.ppid == parent && !tree.count(pid)) {
                tree[pid] = st;
                frontier.push_back(pid);
            }
    }
    return tree;
}

long long pssKib(int pid) {
    std::string text;
    if (!readFile("/proc/" + std::to_string(pid) + "/smaps_rollup", text)) return 0;
    size_t at = text.find("\nPss:");
    return at == std::string::npos ? 0 : std::atoll(text.c_str() + at + 5);
}

// Per thread: nanoseconds on a CPU and context switches (each one a wakeup or a preemption).
struct ThreadCounters {
    unsigned long long runNs = 0;
    unsigned long long switches = 0;
};

std::map<std::pair<int, int>, ThreadCounters> threadCounters(const std::map<int, ProcStat>& tree) {
    std::map<std::pair<int, int>, ThreadCounters> out;
    for (const auto& [pid, st] : tree) {
        std::string taskDir = "/proc/" + std::to_string(pid) + "/task";
        for (int tid : numericEntries(taskDir)) {
            ThreadCounters c;
            std::string text;
            if (readFile(taskDir + "/" + std::to_string(tid) + "/schedstat", text))
                c.runNs = std::strtoull(text.c_str(), nullptr, 10);
            if (readFile(taskDir + "/" + std::to_string(tid) + "/status", text)) {
                for (const char* key : {"\nvoluntary_ctxt_switches:", "\nnonvoluntary_ctxt_switches:"}) {
                    size_t at = text.find(key);
                    if (at != std::string::npos)
                        c.switches += std::strtoull(text.c_str() + at + std::strlen(key), nullptr, 10);
                }
            }
            out[{pid, tid}] = c;
        }
    }
    return out;
}

// --- The command --------------------------------------------------------------------------------------

// Reaps whatever has exited (our child and orphans handed to us); true while `child` is alive.
bool reap(pid_t child, bool& childAlive, int& childStatus) {
    int status = 0;
    pid_t pid;
    while ((pid = waitpid(-1, &status, WNOHANG)) > 0)
        if (pid == child) {
            childAlive = false;
            childStatus = status;
        }
    return childAlive;
}

void sleepMs(double ms) {
    if (ms <= 0) return;
    timespec ts{static_cast<time_t>(ms / 1000),
                static_cast<long>(static_cast<long long>(ms * 1e6) % 1000000000)};
    nanosleep(&ts, nullptr);  // a stop signal cuts it short
}

// Sleeps up to ms, reaping as it goes; false when the child died or a stop signal came.
bool watch(double ms, pid_t child, bool& alive, int& status) {
    double until = nowMs() + ms;
    while (!g_stop && reap(child, alive, status)) {
        double left = until - nowMs();
        if (left <= 0) return true;
        sleepMs(left < 50 ? left : 50);
    }
    return false;
}

// SIGTERM to every process of the tree, SIGKILL to what is left after 3 s; reaps them all.
void endTree(pid_t child) {
    for (int sig : {SIGTERM, SIGKILL}) {
        auto tree = processTree();
        if (tree.empty()) break;
        if (child > 0) kill(-child, sig);  // its process group, then each one (some leave the group)
        for (const auto& [pid, st] : tree) kill(pid, sig);
        double until = nowMs() + (sig == SIGTERM ? 3000 : 1000);
        while (nowMs() < until) {
            while (waitpid(-1, nullptr, WNOHANG) > 0) {
            }
            if (processTree().empty()) break;
            sleepMs(20);
        }
    }
    while (waitpid(-1, nullptr, WNOHANG) > 0) {
    }
}

std::string describeExit(int status) {
    if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) return std::string("was killed by signal ") + strsignal(WTERMSIG(status));
    return "stopped";
}

// Forks and execs the command in its own process group; -1 with a message when exec failed.
pid_t launch(const Options& o) {
    int report[2];
    if (pipe2(report, O_CLOEXEC) != 0) return -1;
    pid_t pid = fork();
    if (pid < 0) return -1;
    if (pid == 0) {
        setpgid(0, 0);
        prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive the bench
        signal(SIGINT, SIG_DFL);           // a background job of a script starts with these ignored
        signal(SIGQUIT, SIG_DFL);
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, nullptr);
        if (!o.logPath.empty()) {
            int fd = open(o.logPath.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
            if (fd >= 0) {
                dup2(fd, STDOUT_FILENO);
                dup2(fd, STDERR_FILENO);
                close(fd);
            }
        } else {
            dup2(STDERR_FILENO, STDOUT_FILENO);  // our stdout carries the results only
        }
        execvp(o.command[0], o.command.data());
        int err = errno;
        ssize_t ignored = write(report[1], &err, sizeof err);
        (void)ignored;
        _exit(127);
    }
    close(report[1]);
    int err = 0;
    ssize_t n = read(report[0], &err, sizeof err);  // 0 bytes: exec succeeded and closed the pipe
    close(report[0]);
    if (n > 0) {
        std::fprintf(stderr, "first-paint: cannot run %s: %s\n", o.command[0], std::strerror(err));
        waitpid(pid, nullptr, 0);
        return -1;
    }
    return pid;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    if (!parseArgs(argc, argv, o)) {
        usage();
        return 2;
    }
    Display* dpy = XOpenDisplay(nullptr);
    if (!dpy) {
        std::fprintf(stderr, "first-paint: cannot open X display '%s'\n",
                     std::getenv("DISPLAY") ? std::getenv("DISPLAY") : "");
        return 2;
    }
    fcntl(ConnectionNumber(dpy), F_SETFD, FD_CLOEXEC);  // the command gets no share of our X connection
    RootPixels screen(dpy);
    for (const Probe& p : o.probes)
        if (p.x >= screen.width() || p.y >= screen.height()) {
            std::fprintf(stderr, "first-paint: probe %d,%d is off the %dx%d screen\n", p.x, p.y,
                         screen.width(), screen.height());
            return 2;
        }

    // What the screen shows before the command runs; it must not already look like the frame.
    std::vector<Rgb> before(o.probes.size());
    bool alreadyThere = true;
    for (size_t i = 0; i < o.probes.size(); ++i) {
        if (!screen.read(o.probes[i].x, o.probes[i].y, before[i])) return 2;
        alreadyThere = alreadyThere && near(before[i], o.probes[i].expected, o.tolerance);
    }
    if (alreadyThere) {
        std::fprintf(stderr, "first-paint: the screen already shows the expected frame before the start\n");
        return 2;
    }

    struct sigaction sa {};
    sa.sa_handler = onStopSignal;  // no SA_RESTART: sleeps end early
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaction(sig, &sa, nullptr);
    prctl(PR_SET_CHILD_SUBREAPER, 1);  // helpers that daemonise stay ours to measure and to end

    // --- exec to first painted frame
    const double t0 = nowMs();
    pid_t child = launch(o);
    if (child < 0) return 1;
    bool alive = true;
    int status = 0;
    double firstChange = -1, firstPaint = -1;
    std::vector<Rgb> seen(o.probes.size());
    while (!g_stop && reap(child, alive, status)) {
        // Probes are read in order and reading stops at the first that does not match yet: while the
        // screen is still blank a poll costs one round trip, which keeps the probe off the CPU the
        // measured command and the X server need.
        bool all = true;
        for (size_t i = 0; i < o.probes.size() && all; ++i) {
            if (!screen.read(o.probes[i].x, o.probes[i].y, seen[i])) seen[i] = before[i];
            if (firstChange < 0 && !near(seen[i], before[i], 0)) firstChange = nowMs() - t0;
            all = near(seen[i], o.probes[i].expected, o.tolerance);
        }
        double t = nowMs() - t0;
        if (all) {
            firstPaint = t;
            break;
        }
        if (t > static_cast<double>(o.timeoutMs)) break;
        if (o.pollUs > 0) sleepMs(static_cast<double>(o.pollUs) / 1000.0);
    }
    auto fail = [&](const std::string& why) {
        std::fprintf(stderr, "first-paint: %s\n", why.c_str());
        endTree(child);
        XCloseDisplay(dpy);
        return 1;
    };
    if (firstPaint < 0) {
        if (g_stop) return fail("interrupted");
        if (!alive)
            return fail(std::string(o.command[0]) + " " + describeExit(status) + " before its first frame");
        std::string got;
        for (size_t i = 0; i < o.probes.size(); ++i) {
            screen.read(o.probes[i].x, o.probes[i].y, seen[i]);
            char buf[96];
            std::snprintf(buf, sizeof buf, " (%d,%d)=#%02X%02X%02X want #%02X%02X%02X", o.probes[i].x,
                          o.probes[i].y, seen[i].r, seen[i].g, seen[i].b, o.probes[i].expected.r,
                          o.probes[i].expected.g, o.probes[i].expected.b);
            got += buf;
        }
        if (!o.dumpPath.empty()) screen.dump(o.dumpPath);
        return fail("no frame within " + std::to_string(o.timeoutMs) + " ms; probes:" + got);
    }
    std::printf("first_change_ms=%.1f\nfirst_paint_ms=%.1f\n", firstChange, firstPaint);
    std::fflush(stdout);

    // --- total PSS once shown
    if (!watch(static_cast<double>(o.pssAfterMs), child, alive, status))
        return fail(g_stop
                        ? "interrupted"
                        : std::string(o.command[0]) + " " + describeExit(status) + " after its first frame");
    auto tree = processTree();
    long long pss = 0;
    for (const auto& [pid, st] : tree) pss += pssKib(pid);
    std::printf("pss_kib=%lld\nprocesses=%zu\n", pss, tree.size());
    std::fflush(stdout);
    if (!o.dumpPath.empty() && !screen.dump(o.dumpPath))
        std::fprintf(stderr, "first-paint: cannot write %s\n", o.dumpPath.c_str());

    // --- CPU while idle: deltas over the tree; a process born meanwhile counts from zero
    if (o.idleSeconds > 0) {
        const time_t wallStart = time(nullptr);
        auto statsBefore = processTree();
        auto threadsBefore = threadCounters(statsBefore);
        double start = nowMs();
        if (!watch(o.idleSeconds * 1000, child, alive, status))
            return fail(g_stop ? "interrupted"
                               : std::string(o.command[0]) + " " + describeExit(status) + " while idle");
        auto statsAfter = processTree();
        // A clock showing HH:MM repaints when the minute changes: say how many such changes fell inside.
        const long minuteTicks = static_cast<long>(time(nullptr) / 60 - wallStart / 60);
        auto threadsAfter = threadCounters(statsAfter);
        double seconds = (nowMs() - start) / 1000;
        unsigned long long ticks = 0, runNs = 0, switches = 0;
        for (const auto& [pid, st] : statsAfter) {
            auto was = statsBefore.find(pid);
            bool same = was != statsBefore.end() && was->second.start == st.start;
            ticks += st.ticks - (same ? was->second.ticks : 0);
        }
        for (const auto& [key, c] : threadsAfter) {
            auto was = threadsBefore.find(key);
            bool same = was != threadsBefore.end() && statsBefore.count(key.first) &&
                        statsBefore[key.first].start == statsAfter[key.first].start;
            runNs += c.runNs - (same ? was->second.runNs : 0);
            switches += c.switches - (same ? was->second.switches : 0);
        }
        const double hz = static_cast<double>(sysconf(_SC_CLK_TCK));
        std::printf(
            "idle_s=%.1f\ncpu_ticks=%llu\nidle_cpu_pct=%.3f\nsched_cpu_pct=%.3f\nwakeups_per_s=%.1f\n",
            seconds, ticks, static_cast<double>(ticks) / hz / seconds * 100,
            static_cast<double>(runNs) / 1e9 / seconds * 100, static_cast<double>(switches) / seconds);
        std::printf("minute_ticks=%ld\n", minuteTicks);
        std::fflush(stdout);
    }

    endTree(child);
    XCloseDisplay(dpy);
    return 0;
}
