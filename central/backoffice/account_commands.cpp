#include "central/backoffice/account_commands.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fstream>

#include "central/backoffice/staff_credentials.h"
#include "central/backoffice/totp.h"
#include "common/wire.h"

namespace wp {

namespace {

int storeFailed(const Status& s, CommandStreams io) {
    std::fprintf(io.err, "wijkpunt-central: %s\n", s.message().c_str());
    return 1;
}

int refuse(const std::string& message, CommandStreams io) {
    std::fprintf(io.err, "wijkpunt-central: %s\n", message.c_str());
    return 2;
}

Result<StaffAccount> accountNamed(StaffAccountStore& store, const std::string& name) {
    auto a = store.staffAccountByName(name);
    if (!a) return a.status();
    if (!a.value()) return Status::notFound(fmt::format("no account named '{}'", name));
    return **a;
}

}  // namespace

std::string backOfficeBase(const CentralConfig& config) {
    if (!config.backOffice.publicUrl.empty()) return config.backOffice.publicUrl;
    int port = config.server.publicPort;
    if (port == 0 && !config.server.publicPortFile.empty()) {
        std::ifstream in(config.server.publicPortFile);
        int bound = 0;
        if (in >> bound && bound > 0) port = bound;
    }
    return fmt::format("https://{}:{}", config.server.address, port);
}

Result<std::string> newSetupLink(StaffAccountStore& store, const CentralConfig& config,
                                 std::int64_t accountId, TimePoint now) {
    const std::string token = randomToken();
    const TimePoint expires = now + std::chrono::hours(config.backOffice.setupLinkHours);
    if (Status s = store.startStaffSetup(accountId, hashSecretToken(token), newTotpSecret(), expires, now);
        !s)
        return s;
    return backOfficeBase(config) + "/backoffice/setup/" + token;
}

std::string accountProblem(const StaffAccount& a) {
    if (a.name.empty() || a.name.find('\n') != std::string::npos)
        return "the name must be one line, not empty";
    const size_t at = a.email.find('@');
    if (at == std::string::npos || at == 0 || at + 1 >= a.email.size() ||
        a.email.find_first_of(" \t\n<>\"") != std::string::npos)
        return "the e-mail address must look like name@example.org";
    if (a.role == StaffRole::Team && a.team.empty()) return "a team account needs --team";
    if (a.role != StaffRole::Team && !a.team.empty()) return "only a team account has a team";
    return "";
}

int createAccountCommand(StaffAccountStore& store, const CentralConfig& config, StaffAccount account,
                         TimePoint now, CommandStreams io) {
    std::transform(account.email.begin(), account.email.end(), account.email.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    if (std::string problem = accountProblem(account); !problem.empty()) return refuse(problem, io);
    auto id = store.addStaffAccount(account, now);
    if (!id)
        return id.status().code() == Status::Code::Conflict ? refuse(id.status().message(), io)
                                                            : storeFailed(id.status(), io);
    auto link = newSetupLink(store, config, id.value(), now);
    if (!link) return storeFailed(link.status(), io);
    std::fprintf(io.out, "account '%s' (%s) made; its one-time set-up link works for %d hours:\n%s\n",
                 account.name.c_str(), std::string(toString(account.role)).c_str(),
                 config.backOffice.setupLinkHours, link->c_str());
    return 0;
}

int listAccountsCommand(StaffAccountStore& store, CommandStreams io) {
    auto accounts = store.staffAccounts();
    if (!accounts) return storeFailed(accounts.status(), io);
    std::fprintf(io.out, "%-24s %-32s %-12s %-14s %-10s %s\n", "name", "email", "role", "team", "state",
                 "last sign-in");
    for (const StaffAccount& a : accounts.value()) {
        const char* state = a.disabled ? "disabled" : a.setUp() ? "active" : "set-up";
        std::fprintf(io.out, "%-24s %-32s %-12s %-14s %-10s %s\n", a.name.c_str(), a.email.c_str(),
                     std::string(toString(a.role)).c_str(), a.team.empty() ? "-" : a.team.c_str(), state,
                     a.lastSignInAt ? formatRfc3339(*a.lastSignInAt).c_str() : "never");
    }
    return 0;
}

int setAccountDisabledCommand(StaffAccountStore& store, const std::string& name, bool disabled, TimePoint now,
                              CommandStreams io) {
    auto a = accountNamed(store, name);
    if (!a)
        return a.status().code() == Status::Code::NotFound ? refuse(a.status().message(), io)
                                                           : storeFailed(a.status(), io);
    if (Status s = store.setStaffAccountDisabled(a->id, disabled, now); !s) return storeFailed(s, io);
    std::fprintf(io.out, "account '%s' %s\n", name.c_str(),
                 disabled ? "disabled; its sessions have ended" : "enabled");
    return 0;
}

int resetSecondFactorCommand(StaffAccountStore& store, const CentralConfig& config, const std::string& name,
                             TimePoint now, CommandStreams io) {
    auto a = accountNamed(store, name);
    if (!a)
        return a.status().code() == Status::Code::NotFound ? refuse(a.status().message(), io)
                                                           : storeFailed(a.status(), io);
    auto link = newSetupLink(store, config, a->id, now);
    if (!link) return storeFailed(link.status(), io);
    std::fprintf(
        io.out,
        "account '%s': password and second factor cleared, sessions ended; its new set-up link works "
        "for %d hours:\n%s\n",
        name.c_str(), config.backOffice.setupLinkHours, link->c_str());
    return 0;
}

}  // namespace wp
