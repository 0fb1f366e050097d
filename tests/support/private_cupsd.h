// PrivateCupsd: a throw-away CUPS scheduler for a C++ test, started through tests/support/private-cupsd.sh
// (read that script's header for the queues, the test backend and the paper-out flag).
//
// start() makes a fresh folder under /tmp, runs `private-cupsd.sh serve DIR` as a child and waits until it
// has written DIR/env (cupsd answers and both queues exist). The destructor stops it and removes the folder.
// The child gets SIGTERM when the thread that started it exits (parent-death signal), and cupsd in turn dies
// with the script, so a crashed test leaves no scheduler behind. Needs root; skip the test otherwise
// (canRun()). Not thread-safe; one instance per test.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"

namespace wp::test {

class PrivateCupsd {
  public:
    // Empty when this process can run one; otherwise why not (for GTEST_SKIP).
    static std::string canRun();
    static Result<std::unique_ptr<PrivateCupsd>> start(
        std::chrono::seconds timeout = std::chrono::seconds(30));
    ~PrivateCupsd();
    PrivateCupsd(const PrivateCupsd&) = delete;
    PrivateCupsd& operator=(const PrivateCupsd&) = delete;

    // A variable from DIR/env (CUPS_SERVER, WP_PDF_QUEUE, ...); empty when missing.
    std::string var(const std::string& name) const;
    std::string socket() const { return var("CUPS_SERVER"); }
    std::filesystem::path dir() const { return var("WP_CUPS_DIR"); }
    std::filesystem::path spool() const { return var("WP_CUPS_SPOOL"); }
    std::filesystem::path errorLog() const { return var("WP_CUPS_ERROR_LOG"); }
    std::string pdfQueue() const { return var("WP_PDF_QUEUE"); }
    std::filesystem::path pdfOutput() const { return var("WP_PDF_OUTPUT"); }
    std::string escposQueue() const { return var("WP_ESCPOS_QUEUE"); }
    std::filesystem::path escposCapture() const { return var("WP_ESCPOS_CAPTURE"); }
    std::filesystem::path escposJobsLog() const { return var("WP_ESCPOS_JOBS_LOG"); }
    std::filesystem::path paperOutFlag() const { return var("WP_PAPER_OUT_FLAG"); }

    // Runs a CUPS command-line tool against this scheduler: `tool -h SOCKET args...`. Returns its stdout and
    // stderr together; a non-zero exit is an error whose message holds that output.
    Result<std::string> runTool(const std::string& tool, const std::vector<std::string>& args) const;

    // The last lines of cupsd's error_log, to print when a test fails.
    std::string logTail(std::size_t lines = 40) const;
    // What private-cupsd.sh has written to stdout and stderr so far.
    std::string scriptOutput() const;

  private:
    PrivateCupsd() = default;
    pid_t pid_ = -1;
    int logFd_ = -1;
    std::filesystem::path dir_;
    std::map<std::string, std::string> env_;
};

// Runs argv (PATH lookup) and collects stdout+stderr. exitCode -1: could not start or killed by a signal.
struct CommandResult {
    int exitCode = -1;
    std::string output;
};
CommandResult runCommand(const std::vector<std::string>& argv);

}  // namespace wp::test
