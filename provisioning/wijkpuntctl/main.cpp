// wijkpuntctl: the admin's command-line tool. What it takes is in command_line.h; exit codes: 0 done, 1 the
// server or the network said no (the reason on stderr), 2 bad command line.
#include <iostream>
#include <thread>

#include "drivers/net/curl_http_client.h"
#include "provisioning/wijkpuntctl/command_line.h"
#include "provisioning/wijkpuntctl/fleet_commands.h"
#include "provisioning/wijkpuntctl/host_pin_command.h"

int main(int argc, char** argv) {
    using namespace wp::ctl;
    const EnvLookup env = processEnvironment();
    ParsedCommandLine parsed = parseCommandLine(argc, argv, env, std::cout, std::cerr);
    if (parsed.exitNow) return *parsed.exitNow;
    const CtlCommand& c = parsed.command;
    if (c.verb == Verb::HostPin) return runHostPin(c.iterations, std::cin, std::cout, std::cerr);

    auto token = adminToken(c, env);
    if (!token) {
        std::cerr << "wijkpuntctl: " << token.status().message() << "\n";
        return token.status().code() == wp::Status::Code::IoError ? kExitRefused : kExitUsage;
    }
    wp::CurlHttpClient http({.baseUrl = c.server, .caFile = c.ca, .transferTimeoutMs = 60'000});
    FleetClient client(http, *token);
    wp::SystemClock clock;
    CtlContext ctx{client, std::cout, std::cerr, clock,
                   [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); }};
    return runFleetCommand(c, ctx);
}
