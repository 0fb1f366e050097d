// Two walk-in processes issue 500 tickets together into one database file while this test kills them with
// SIGKILL, at random moments and at named crash points, on a seeded schedule; killed processes are started
// again until 500 numbers have been printed. Then no (service, day, number) may appear twice, neither in
// what the processes printed nor in the database, and every printed number must be in the database.
//
// The seed is printed at the start and with every failure; rerun one schedule with WIJKPUNT_SEED=<seed>.
// (Which statement a timed kill lands on still depends on the machine's speed; crash points do not.)
#include <fcntl.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "kiosk/store/sqlite_queue_store.h"

extern char** environ;

namespace wp {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr int kTotal = 500;
constexpr auto kDeadline = 50s;
const std::vector<std::string> kServiceArgs = {"huurloket:H", "wijkteam:W"};
const std::vector<std::string> kCrashPoints = {"issue-begun",         "after-counter-update",
                                               "after-ticket-insert", "after-event-insert",
                                               "after-commit",        "migration-before-commit"};

struct Issued {
    std::string service, day;
    int number = 0;
    bool operator<(const Issued& o) const {
        return std::tie(service, day, number) < std::tie(o.service, o.day, o.number);
    }
};

struct Issuer {
    int launch = 0;
    pid_t pid = -1;
    int fd = -1;         // read end of its stdout
    std::string buffer;  // an unfinished line
    int quota = 0;       // tickets it was asked to issue
    int printed = 0;
    std::string plan;  // what this launch is meant to suffer, for messages
    std::optional<Clock::time_point> killAt;
    fs::path errFile;
};

class QueueStress : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string tmpl = (fs::temp_directory_path() / "wp-queue-stress-XXXXXX").string();
        ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
        dir_ = tmpl;
    }
    void TearDown() override {
        if (!HasFailure())
            fs::remove_all(dir_);
        else
            std::cout << "kept " << dir_ << " for inspection\n";
    }

    // Starts queue_issuer with its stdout on a pipe and, when crashAt is set, WIJKPUNT_CRASH_AT in its env.
    Issuer spawn(int launch, int quota, const std::string& crashAt) {
        Issuer p;
        p.launch = launch;
        p.quota = quota;
        p.errFile = dir_ / fmt::format("issuer-{}.err", launch);
        int fds[2];
        EXPECT_EQ(pipe2(fds, O_CLOEXEC), 0);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, p.errFile.c_str(),
                                         O_WRONLY | O_CREAT | O_TRUNC, 0644);

        std::vector<std::string> env;
        for (char** e = environ; *e != nullptr; ++e)
            if (std::string_view(*e).rfind("WIJKPUNT_CRASH_AT=", 0) != 0) env.emplace_back(*e);
        if (!crashAt.empty()) env.push_back("WIJKPUNT_CRASH_AT=" + crashAt);
        std::vector<char*> envp;
        for (auto& e : env) envp.push_back(e.data());
        envp.push_back(nullptr);

        std::vector<std::string> args = {QUEUE_ISSUER_PATH, (dir_ / "kiosk.db").string(),
                                         std::to_string(quota)};
        args.insert(args.end(), kServiceArgs.begin(), kServiceArgs.end());
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);

        int rc = posix_spawn(&p.pid, QUEUE_ISSUER_PATH, &actions, nullptr, argv.data(), envp.data());
        posix_spawn_file_actions_destroy(&actions);
        EXPECT_EQ(rc, 0) << "cannot start " << QUEUE_ISSUER_PATH;
        close(fds[1]);
        p.fd = fds[0];
        return p;
    }

    fs::path dir_;
};

TEST_F(QueueStress, TwoProcessesIssue500TicketsThroughKillsWithoutARepeat) {
    unsigned seed = std::random_device{}();
    if (const char* s = std::getenv("WIJKPUNT_SEED"))
        seed = static_cast<unsigned>(std::strtoul(s, nullptr, 10));
    std::cout << "seed " << seed << " (rerun with WIJKPUNT_SEED=" << seed << ")\n";
    SCOPED_TRACE(fmt::format("seed {} (rerun with WIJKPUNT_SEED={})", seed, seed));
    std::mt19937 rng(seed);
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };

    std::vector<Issued> printed;
    std::vector<Issuer> running;
    int unassigned = kTotal, launches = 0, timedKills = 0, crashPointDeaths = 0, cleanExits = 0;
    auto start = Clock::now();
    // Whatever happens to this test, no issuer outlives it.
    struct Reaper {
        std::vector<Issuer>& running;
        ~Reaper() {
            for (Issuer& p : running) {
                kill(p.pid, SIGKILL);
                waitpid(p.pid, nullptr, 0);
                close(p.fd);
            }
        }
    } reaper{running};

    // Reads whatever a process wrote; returns false at end of file.
    auto drain = [&](Issuer& p) {
        char buf[4096];
        ssize_t n = read(p.fd, buf, sizeof buf);
        if (n <= 0) return false;
        p.buffer.append(buf, static_cast<size_t>(n));
        size_t nl;
        while ((nl = p.buffer.find('\n')) != std::string::npos) {
            std::istringstream line(p.buffer.substr(0, nl));
            p.buffer.erase(0, nl + 1);
            std::string word, display;
            Issued t;
            line >> word >> t.service >> t.day >> t.number >> display;
            EXPECT_EQ(word, "ISSUED");
            printed.push_back(t);
            ++p.printed;
        }
        return true;
    };

    while (unassigned > 0 || !running.empty()) {
        ASSERT_LT(Clock::now() - start, kDeadline) << printed.size() << " of " << kTotal << " issued";

        // Keep two processes running while there is work to hand out.
        while (running.size() < 2 && unassigned > 0) {
            int quota = std::min(unassigned, pick(5, 40));
            std::string crashAt, plan;
            Issuer p;
            int roll = pick(0, 9);
            if (roll < 4) {
                const std::string& point =
                    kCrashPoints[static_cast<size_t>(pick(0, static_cast<int>(kCrashPoints.size()) - 1))];
                crashAt =
                    point == "migration-before-commit" ? point : fmt::format("{}:{}", point, pick(1, quota));
                plan = "crash at " + crashAt;
                p = spawn(++launches, quota, crashAt);
            } else {
                p = spawn(++launches, quota, "");
                if (roll < 8) {
                    int ms = pick(1, 40);
                    p.killAt = Clock::now() + std::chrono::milliseconds(ms);
                    plan = fmt::format("kill -9 after {} ms", ms);
                } else {
                    plan = "no kill";
                }
            }
            p.plan = plan;
            unassigned -= quota;
            running.push_back(std::move(p));
        }

        std::vector<pollfd> fds;
        for (const Issuer& p : running) fds.push_back({p.fd, POLLIN, 0});
        poll(fds.data(), fds.size(), 2);

        for (size_t i = 0; i < running.size();) {
            Issuer& p = running[i];
            if (p.killAt && Clock::now() >= *p.killAt) {
                kill(p.pid, SIGKILL);
                p.killAt.reset();
                ++timedKills;
            }
            bool open = true;
            if (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) open = drain(p);
            if (open) {
                ++i;
                continue;
            }
            // End of its output: the process has exited or was killed.
            close(p.fd);
            int status = 0;
            ASSERT_EQ(waitpid(p.pid, &status, 0), p.pid);
            if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) {
                if (p.plan.rfind("crash at", 0) == 0) ++crashPointDeaths;
            } else {
                std::ifstream err(p.errFile);
                std::string text((std::istreambuf_iterator<char>(err)), {});
                ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
                    << "launch " << p.launch << " (" << p.plan << ") ended with status " << status << ": "
                    << text;
                ++cleanExits;
            }
            // What it did not print goes back to the pool (a number it committed but never printed is a gap).
            unassigned += p.quota - p.printed;
            running.erase(running.begin() + static_cast<long>(i));
            fds.erase(fds.begin() + static_cast<long>(i));
        }
    }
    auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
    std::cout << fmt::format(
        "{} tickets in {} ms: {} launches, {} timed kills, {} crash-point deaths, {} clean exits\n",
        printed.size(), elapsed.count(), launches, timedKills, crashPointDeaths, cleanExits);

    ASSERT_EQ(printed.size(), static_cast<size_t>(kTotal));
    EXPECT_GT(timedKills + crashPointDeaths, 0);

    // No number printed twice.
    std::map<Issued, int> seen;
    for (const Issued& t : printed) ++seen[t];
    for (const auto& [t, n] : seen)
        EXPECT_EQ(n, 1) << t.service << " " << t.day << " " << t.number << " was printed " << n << " times";

    // The database: every printed number is there, none twice, numbers per (service, day) strictly rising.
    std::vector<Service> services;
    for (const std::string& arg : kServiceArgs) {
        Service s;
        s.id = arg.substr(0, arg.find(':'));
        s.prefix = arg.substr(arg.find(':') + 1);
        services.push_back(s);
    }
    auto store = SqliteQueueStore::open(dir_ / "kiosk.db", services);
    ASSERT_TRUE(store.isOk()) << store.status().message();
    EXPECT_EQ(store.value()->database().pragma("integrity_check").value(), "ok");
    std::set<std::pair<std::string, std::string>> days;
    for (const Issued& t : printed) days.insert({t.service, t.day});
    std::set<Issued> inDatabase;
    size_t rows = 0;
    for (const auto& [service, day] : days) {
        auto tickets = store.value()->ticketsOfDay(service, day);
        ASSERT_TRUE(tickets.isOk()) << tickets.status().message();
        for (size_t i = 0; i < tickets->size(); ++i) {
            const Ticket& t = tickets.value()[i];
            EXPECT_TRUE(inDatabase.insert({t.serviceId, t.day, t.number}).second)
                << t.display << " is in the database twice";
            if (i > 0) {
                EXPECT_LT(tickets.value()[i - 1].number, t.number);
            }
        }
        rows += tickets->size();
        auto events = store.value()->eventsOfDay(service, day);
        ASSERT_TRUE(events.isOk());
        EXPECT_EQ(events->size(), tickets->size()) << "one issued event per ticket";
    }
    for (const Issued& t : printed)
        EXPECT_TRUE(inDatabase.contains(t))
            << t.service << " " << t.number << " was printed but is not stored";
    std::cout << fmt::format("{} tickets stored ({} committed but never printed: gaps)\n", rows,
                             rows - printed.size());
}

}  // namespace
}  // namespace wp
