#include "provisioning/wijkpuntctl/command_line.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <string_view>

#include "common/appointment.h"
#include "common/bundle.h"
#include "common/hosts.h"

namespace wp::ctl {

namespace {

constexpr std::string_view kKinds[] = {"restart", "out-of-service", "in-service", "screenshot", "logs"};

std::string upper(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
    return s;
}

int refuse(std::ostream& err, const std::string& why) {
    err << "wijkpuntctl: " << why << "\n";
    return kExitUsage;
}

// Checks what CLI11 cannot: the kiosk name, the command's message, and where the server is.
std::optional<int> checkCommand(CtlCommand& c, const EnvLookup& env, std::ostream& err) {
    if (c.verb == Verb::HostPin) return std::nullopt;
    if (c.server.empty()) c.server = env("WIJKPUNTCTL_SERVER").value_or("");
    if (c.ca.empty()) c.ca = env("WIJKPUNTCTL_CA").value_or("");
    while (!c.server.empty() && c.server.back() == '/') c.server.pop_back();
    if (c.server.empty())
        return refuse(err, "give the central server with --server URL or WIJKPUNTCTL_SERVER");
    if (c.server.rfind("https://", 0) != 0) return refuse(err, "the server's URL starts with https://");
    if (c.ca.empty()) return refuse(err, "give the server's CA file with --ca FILE or WIJKPUNTCTL_CA");
    if (c.verb == Verb::EnrollToken) {
        c.contactPoint = upper(c.contactPoint);
        if (!isContactPointLetters(c.contactPoint))
            return refuse(err, "--contact-point takes a contact point's three letters, such as SGN");
    }
    if (!c.kiosk.empty()) {
        auto name = kioskName(c.kiosk);
        if (!name)
            return refuse(
                err, "'" + c.kiosk + "' is no kiosk name: use its contact point and code, such as SGN-K3");
        c.kiosk = *name;
    }
    if (c.verb == Verb::Command) {
        if (std::find(std::begin(kKinds), std::end(kKinds), c.kind) == std::end(kKinds))
            return refuse(
                err,
                "'" + c.kind + "' is no command: restart, out-of-service, in-service, screenshot or logs");
        if (c.kind == "out-of-service" && c.message.empty())
            return refuse(err, "out-of-service needs --message with the text residents see");
        if (c.kind != "out-of-service" && !c.message.empty())
            return refuse(err, "only out-of-service takes a --message");
    }
    return std::nullopt;
}

}  // namespace

EnvLookup processEnvironment() {
    return [](const char* name) -> std::optional<std::string> {
        const char* value = std::getenv(name);
        if (value == nullptr) return std::nullopt;
        return std::string(value);
    };
}

std::optional<std::string> kioskName(const std::string& name) {
    std::string n = upper(name);
    if (n.size() != 6 || n[3] != '-' || !isContactPointLetters(n.substr(0, 3))) return std::nullopt;
    for (char ch : n.substr(4))
        if (kCodeAlphabet.find(ch) == std::string_view::npos) return std::nullopt;
    return n;
}

ParsedCommandLine parseCommandLine(int argc, const char* const* argv, const EnvLookup& env, std::ostream& out,
                                   std::ostream& err) {
    ParsedCommandLine parsed;
    CtlCommand& c = parsed.command;
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == "--token" || arg.rfind("--token=", 0) == 0) {
            parsed.exitNow =
                refuse(err,
                       "a token is never given on the command line (other users can read it there); "
                       "use --token-file FILE or WIJKPUNTCTL_TOKEN");
            return parsed;
        }
    }

    CLI::App app{"Wijkpunt admin tool", "wijkpuntctl"};
    app.require_subcommand(1);
    app.fallthrough();
    app.add_option("--server", c.server, "The central server's public listener (or WIJKPUNTCTL_SERVER)");
    app.add_option("--ca", c.ca, "The CA file that signed the server's certificate (or WIJKPUNTCTL_CA)");
    app.add_option("--token-file", c.tokenFile, "A file holding your personal token (or WIJKPUNTCTL_TOKEN)");
    app.add_flag("--json", c.json, "Print the server's JSON, for scripts");

    CLI::App* hostPin = app.add_subcommand("host-pin", "Read a host PIN from stdin and print its pin= line");
    hostPin->add_option("--iterations", c.iterations, "PBKDF2 iterations")
        ->check(CLI::Range(kMinPinIterations, 10'000'000));

    CLI::App* enroll = app.add_subcommand("enroll-token", "Make a one-time enroll token for a new kiosk");
    enroll->add_option("--contact-point", c.contactPoint, "The contact point's letters, such as SGN")
        ->required();
    enroll->add_option("--hours", c.hours, "How long the token works (default: the server's)")
        ->check(CLI::Range(1, 24 * 30));

    CLI::App* kiosks = app.add_subcommand("kiosks", "List every kiosk with its health and trouble");

    CLI::App* revoke = app.add_subcommand("revoke", "Refuse a kiosk from its next request on");
    revoke->add_option("KIOSK", c.kiosk, "The kiosk, such as SGN-K3")->required();

    CLI::App* command = app.add_subcommand("command", "Send a kiosk a command with its next heartbeat");
    command->add_option("KIOSK", c.kiosk, "The kiosk, such as SGN-K3")->required();
    command->add_option("KIND", c.kind, "restart, out-of-service, in-service, screenshot or logs")
        ->required();
    command->add_option("--message", c.message, "out-of-service: the text residents see");
    command->add_option("--wait", c.waitSeconds, "Wait this long for the kiosk's result")
        ->check(CLI::Range(0, 3600));

    CLI::App* screenshot = app.add_subcommand("screenshot", "Ask a kiosk for a screenshot and save it");
    screenshot->add_option("KIOSK", c.kiosk, "The kiosk, such as SGN-K3")->required();
    screenshot->add_option("FILE", c.outputFile, "Where to write the PNG")->required();
    c.waitSeconds = kDefaultUploadWait;
    screenshot->add_option("--wait", c.waitSeconds, "How long to wait for it")
        ->capture_default_str()
        ->check(CLI::Range(1, 3600));

    CLI::App* logs = app.add_subcommand("logs", "Ask a kiosk for its last log lines and print them");
    logs->add_option("KIOSK", c.kiosk, "The kiosk, such as SGN-K3")->required();
    logs->add_option("--wait", c.waitSeconds, "How long to wait for them")
        ->capture_default_str()
        ->check(CLI::Range(1, 3600));

    CLI::App* audit = app.add_subcommand("audit", "Show the newest entries of the audit log");
    audit->add_option("--limit", c.limit, "How many entries")
        ->capture_default_str()
        ->check(CLI::Range(1, 1000));

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        parsed.exitNow = app.exit(e, out, err) == 0 ? kExitDone : kExitUsage;
        return parsed;
    }
    if (hostPin->parsed()) c.verb = Verb::HostPin;
    if (enroll->parsed()) c.verb = Verb::EnrollToken;
    if (kiosks->parsed()) c.verb = Verb::Kiosks;
    if (revoke->parsed()) c.verb = Verb::Revoke;
    if (command->parsed()) c.verb = Verb::Command;
    if (screenshot->parsed()) c.verb = Verb::Screenshot;
    if (logs->parsed()) c.verb = Verb::Logs;
    if (audit->parsed()) c.verb = Verb::Audit;
    if (c.verb == Verb::Command && c.waitSeconds == kDefaultUploadWait && !command->count("--wait"))
        c.waitSeconds = 0;
    parsed.exitNow = checkCommand(c, env, err);
    return parsed;
}

Result<std::string> adminToken(const CtlCommand& command, const EnvLookup& env) {
    std::string token;
    if (!command.tokenFile.empty()) {
        std::ifstream in(command.tokenFile);
        if (!in) return Status::ioError("cannot read the token file " + command.tokenFile.string());
        std::getline(in, token);
    } else {
        token = env("WIJKPUNTCTL_TOKEN").value_or("");
    }
    while (!token.empty() && std::isspace(static_cast<unsigned char>(token.back()))) token.pop_back();
    if (token.empty())
        return Status::invalidInput(
            "give your personal token in a file (--token-file FILE) or in WIJKPUNTCTL_TOKEN");
    return token;
}

}  // namespace wp::ctl
