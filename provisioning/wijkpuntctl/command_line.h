// wijkpuntctl's command line: what each subcommand takes, read into a CtlCommand without doing anything.
//
//   wijkpuntctl [--server URL] [--ca FILE] [--token-file FILE] [--json] SUBCOMMAND ...
//   host-pin [--iterations N]                      a host's PIN (from stdin) as its pin= line
//   enroll-token --contact-point SGN [--hours H]   a one-time enroll token for a new kiosk
//   kiosks                                         every kiosk with its health and trouble
//   revoke KIOSK                                   refuse that kiosk from its next request on
//   command KIOSK KIND [--message M] [--wait S]    restart | out-of-service --message M | in-service |
//                                                  screenshot | logs
//   screenshot KIOSK FILE [--wait S]               ask for a screenshot, wait for it, write it to FILE
//   logs KIOSK [--wait S]                          ask for the last log lines, wait, print them
//   audit [--limit N]                              the newest entries of the audit log
//
// The server is the central server's public listener (--server or WIJKPUNTCTL_SERVER), verified against
// --ca or WIJKPUNTCTL_CA. The admin's personal token comes from --token-file or WIJKPUNTCTL_TOKEN, never from
// the command line: an argument --token is refused. KIOSK is a kiosk name such as SGN-K3 (any case).
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string>

#include "common/status.h"

namespace wp::ctl {

enum class Verb { HostPin, EnrollToken, Kiosks, Revoke, Command, Screenshot, Logs, Audit };

// Exit codes of every subcommand.
inline constexpr int kExitDone = 0;
inline constexpr int kExitRefused = 1;  // the server or the network said no, or the input was wrong
inline constexpr int kExitUsage = 2;    // bad command line

struct CtlCommand {
    Verb verb = Verb::HostPin;
    // Where and as whom; empty for host-pin.
    std::string server;  // "https://central.example.org:9443", no trailing slash
    std::filesystem::path ca, tokenFile;
    bool json = false;  // print the server's JSON instead of text for people
    int iterations = 210'000;
    std::string contactPoint;  // enroll-token: "SGN"
    int hours = 0;             // enroll-token: 0 lets the server choose ([enrollment] token_hours)
    std::string kiosk;         // "SGN-K3", upper case
    std::string kind;          // command: restart, out-of-service, in-service, screenshot, logs
    std::string message;       // command out-of-service: shown to residents
    int waitSeconds = 0;       // command: 0 does not wait; screenshot and logs wait kDefaultUploadWait
    std::filesystem::path outputFile;  // screenshot
    int limit = 50;                    // audit
};

// How long screenshot and logs wait for the kiosk's upload by default: two heartbeats and some.
inline constexpr int kDefaultUploadWait = 180;

// Reads an environment variable; nullopt when unset.
using EnvLookup = std::function<std::optional<std::string>(const char*)>;
EnvLookup processEnvironment();

struct ParsedCommandLine {
    std::optional<int> exitNow;  // set: stop with this code (help printed, or the line refused)
    CtlCommand command;
};

// Reads argv. Help goes to out; a refused line goes to err with what is wrong, and exitNow is kExitUsage.
// Server, CA and token file fall back on WIJKPUNTCTL_SERVER and WIJKPUNTCTL_CA; every subcommand but
// host-pin needs a server and a CA.
ParsedCommandLine parseCommandLine(int argc, const char* const* argv, const EnvLookup& env, std::ostream& out,
                                   std::ostream& err);

// The admin's token: the first line of the token file (trailing whitespace dropped), else
// WIJKPUNTCTL_TOKEN. InvalidInput naming both when neither gives one; IoError when the file cannot be read.
Result<std::string> adminToken(const CtlCommand& command, const EnvLookup& env);

// "SGN-K3" for "sgn-k3": three contact-point letters and a two-character kiosk code of kCodeAlphabet;
// nullopt when name is not one.
std::optional<std::string> kioskName(const std::string& name);

}  // namespace wp::ctl
