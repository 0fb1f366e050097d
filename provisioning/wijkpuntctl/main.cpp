// wijkpuntctl: the admin's command-line tool.
//
//   wijkpuntctl host-pin [--iterations N]
//       Reads a host's PIN (5 or 6 digits) from the first line of stdin and prints the line to put in
//       content/hosts.toml:  pin = "pbkdf2-sha256$<iterations>$<salt>$<hash>"
//       Each run draws a new random salt, so the same PIN gives a different line every time.
//
// Exit codes: 0 done, 1 bad input (the reason on stderr), 2 bad command line.
#include <CLI/CLI.hpp>

#include <iostream>
#include <string>

#include "common/hosts.h"

int main(int argc, char** argv) {
    CLI::App app{"Wijkpunt admin tool", "wijkpuntctl"};
    app.require_subcommand(1);

    int iterations = 210'000;
    CLI::App* hostPin = app.add_subcommand("host-pin", "Read a host PIN from stdin and print its pin= line");
    hostPin->add_option("--iterations", iterations, "PBKDF2 iterations")
        ->check(CLI::Range(wp::kMinPinIterations, 10'000'000));

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }

    if (hostPin->parsed()) {
        std::string pin;
        std::getline(std::cin, pin);
        if (!pin.empty() && pin.back() == '\r') pin.pop_back();
        if (!wp::isValidPin(pin)) {
            std::cerr << "wijkpuntctl host-pin: a PIN is 5 or 6 digits (read from the first line of stdin)\n";
            return 1;
        }
        auto hash = wp::hashPin(pin, iterations, wp::randomPinSalt());
        pin.assign(pin.size(), '\0');
        if (!hash) {
            std::cerr << "wijkpuntctl host-pin: " << hash.status().message() << "\n";
            return 1;
        }
        std::cout << "pin = \"" << hash.value() << "\"\n";
    }
    return 0;
}
