#include "tests/support/private_cupsd.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <deque>
#include <fstream>
#include <thread>

#include <fmt/format.h>

#ifndef WIJKPUNT_PRIVATE_CUPSD_SCRIPT
#error "WIJKPUNT_PRIVATE_CUPSD_SCRIPT must name tests/support/private-cupsd.sh"
#endif

namespace wp::test {
namespace {

namespace fs = std::filesystem;
using Steady = std::chrono::steady_clock;

std::map<std::string, std::string> readEnvFile(const fs::path& file) {
    std::map<std::string, std::string> env;
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (auto eq = line.find('='); eq != std::string::npos) env[line.substr(0, eq)] = line.substr(eq + 1);
    }
    return env;
}

std::vector<char*> cArgs(const std::vector<std::string>& argv) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    return args;
}

}  // namespace

CommandResult runCommand(const std::vector<std::string>& argv) {
    CommandResult result;
    int fds[2];
    if (argv.empty() || pipe2(fds, O_CLOEXEC) != 0) return result;
    std::vector<char*> args = cArgs(argv);
    const pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return result;
    }
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        dup2(fds[1], STDERR_FILENO);
        int devnull = open("/dev/null", O_RDONLY);
        if (devnull >= 0) dup2(devnull, STDIN_FILENO);
        execvp(args[0], args.data());
        _exit(127);
    }
    close(fds[1]);
    char buf[4096];
    for (ssize_t n; (n = read(fds[0], buf, sizeof(buf))) != 0;) {
        if (n < 0) {
            if (errno == EINTR) continue;
            break;
        }
        result.output.append(buf, static_cast<std::size_t>(n));
    }
    close(fds[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

std::string PrivateCupsd::canRun() {
    if (geteuid() != 0)
        return "a private cupsd needs root (it runs filters as lp and the test backend as root)";
    if (access("/usr/sbin/cupsd", X_OK) != 0) return "no /usr/sbin/cupsd (package cups-daemon)";
    return {};
}

Result<std::unique_ptr<PrivateCupsd>> PrivateCupsd::start(std::chrono::seconds timeout) {
    if (std::string why = canRun(); !why.empty()) return Status::unavailable(why);

    std::unique_ptr<PrivateCupsd> cupsd(new PrivateCupsd());
    char tmpl[] = "/tmp/wpc.XXXXXX";
    if (mkdtemp(tmpl) == nullptr) return Status::ioError(fmt::format("mkdtemp: {}", std::strerror(errno)));
    cupsd->dir_ = tmpl;
    // The script's output goes to a file without a name: nothing is left behind even if we are killed.
    cupsd->logFd_ = open("/tmp", O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (cupsd->logFd_ < 0) return Status::ioError(fmt::format("O_TMPFILE in /tmp: {}", std::strerror(errno)));

    const std::string script = WIJKPUNT_PRIVATE_CUPSD_SCRIPT;
    std::vector<std::string> argv = {"/bin/bash", script, "serve", cupsd->dir_.string()};
    std::vector<char*> args = cArgs(argv);
    const int logFd = cupsd->logFd_;
    const pid_t parent = getpid();
    const pid_t pid = fork();
    if (pid < 0) return Status::internal(fmt::format("fork: {}", std::strerror(errno)));
    if (pid == 0) {
        // The script (and with it cupsd) goes when this test process goes, however it ends.
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (getppid() != parent) _exit(1);
        setpgid(0, 0);  // a Ctrl-C meant for the test reaches the script through our destructor
        int devnull = open("/dev/null", O_RDONLY);
        dup2(logFd, STDOUT_FILENO);
        dup2(logFd, STDERR_FILENO);
        if (devnull >= 0) dup2(devnull, STDIN_FILENO);
        execv(args[0], args.data());
        _exit(127);
    }
    cupsd->pid_ = pid;

    const fs::path envFile = cupsd->dir_ / "env";
    const auto deadline = Steady::now() + timeout;
    std::chrono::milliseconds pause(5);
    for (;;) {
        std::error_code ec;
        if (fs::exists(envFile, ec)) break;
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == pid) {
            cupsd->pid_ = -1;
            return Status::unavailable("private-cupsd.sh serve failed:\n" + cupsd->scriptOutput());
        }
        if (Steady::now() >= deadline) {
            return Status::unavailable(fmt::format("private cupsd not ready after {} s:\n{}", timeout.count(),
                                                   cupsd->scriptOutput()));
        }
        std::this_thread::sleep_for(pause);
        pause = std::min(pause * 2, std::chrono::milliseconds(50));
    }
    cupsd->env_ = readEnvFile(envFile);
    if (cupsd->socket().empty()) return Status::internal("env file without CUPS_SERVER");
    return cupsd;
}

std::string PrivateCupsd::scriptOutput() const {
    std::string out;
    char buf[4096];
    off_t offset = 0;
    for (ssize_t n; logFd_ >= 0 && (n = pread(logFd_, buf, sizeof(buf), offset)) > 0; offset += n) {
        out.append(buf, static_cast<std::size_t>(n));
    }
    return out;
}

PrivateCupsd::~PrivateCupsd() {
    if (pid_ > 0) {
        kill(pid_, SIGTERM);
        // The script stops cupsd (which finishes or kills its jobs) and removes the folder.
        const auto deadline = Steady::now() + std::chrono::seconds(15);
        int status = 0;
        while (waitpid(pid_, &status, WNOHANG) == 0) {
            if (Steady::now() >= deadline) {
                kill(pid_, SIGKILL);
                waitpid(pid_, &status, 0);
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    }
    std::error_code ec;
    if (!dir_.empty()) fs::remove_all(dir_, ec);
    if (logFd_ >= 0) close(logFd_);
}

std::string PrivateCupsd::var(const std::string& name) const {
    auto it = env_.find(name);
    return it == env_.end() ? std::string() : it->second;
}

Result<std::string> PrivateCupsd::runTool(const std::string& tool,
                                          const std::vector<std::string>& args) const {
    std::vector<std::string> argv = {tool, "-h", socket()};
    argv.insert(argv.end(), args.begin(), args.end());
    CommandResult r = runCommand(argv);
    if (r.exitCode != 0) {
        return Status::ioError(
            fmt::format("{} {} exited {}: {}", tool, fmt::join(args, " "), r.exitCode, r.output));
    }
    return r.output;
}

std::string PrivateCupsd::logTail(std::size_t lines) const {
    std::ifstream in(errorLog());
    std::deque<std::string> tail;
    std::string line;
    while (std::getline(in, line)) {
        tail.push_back(line);
        if (tail.size() > lines) tail.pop_front();
    }
    std::string out;
    for (const auto& l : tail) out += l + '\n';
    return out;
}

}  // namespace wp::test
