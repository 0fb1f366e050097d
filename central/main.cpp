// wijkpunt-central: the municipality's central server (DESIGN.md: Central server).
//
//   wijkpunt-central --config FILE                      serve HTTPS until SIGTERM/SIGINT
//   wijkpunt-central --config FILE token create --name NAME --role admin|team [--team TEAM]
//                                               [--expires-days N]
//   wijkpunt-central --config FILE token list|revoke|rotate ...
//   wijkpunt-central --config FILE kiosk revoke|list ...
//                                                      personal tokens and kiosk revocations
//                                                      (central/admin_commands.h)
//   wijkpunt-central --config FILE account create --name NAME --email E --role team|coordinator|admin
//                                               [--team TEAM]
//   wijkpunt-central --config FILE account list|disable NAME|enable NAME|reset-2fa NAME
//                                                      back office accounts
//                                                      (central/backoffice/account_commands.h)
//   wijkpunt-central --config FILE agenda import AGENDAS.toml | list
//                                                      appointment agendas (central/agenda_file.h)
//   wijkpunt-central --config FILE backup [FILE]        encrypted online backup ([backup]; backup_file.h)
//                                                      into FILE or the backup folder, which it then prunes
//   wijkpunt-central restore --key PRIVATE.pem BACKUP OUT.db
//                                                      decrypts a backup into a new database file
//   wijkpunt-central backup-key create PRIVATE.pem PUBLIC.pem
//                                                      makes the key pair backups are encrypted to
//   wijkpunt-central openapi-schemas --spec-dir DIR [--write FILE]
//                                                      the request types of the API contract, from the specs
//
// Exit codes: 0 fine, 1 runtime failure, 2 bad command line or config.
#include <fmt/format.h>
#include <signal.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <thread>

#include "central/admin_commands.h"
#include "central/backoffice/account_commands.h"
#include "central/backup_file.h"
#include "central/central_config.h"
#include "central/central_server.h"
#include "central/openapi_schemas.h"
#include "central/person_tokens.h"
#include "central/store/sqlite_central_store.h"
#include "central/team_notifier.h"
#include "common/log.h"
#include "common/wire.h"

namespace {

// A failure of the server or of a command: a log line (the journal's, when it runs as a service).
int fail(const std::string& message, int code = 1) {
    wp::log::error("{}", message);
    return code;
}

// A command line that cannot be done as given: the answer to whoever typed it, not a log line.
int usageError(const std::string& message) {
    std::fprintf(stderr, "wijkpunt-central: %s\n", message.c_str());
    return 2;
}

// Writes the port next to its final name and renames it, so a reader never sees half a number.
bool writePortFile(const std::filesystem::path& file, int port) {
    auto tmp = file;
    tmp += ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << port << '\n';
        if (!out.flush()) return false;
    }
    std::error_code ec;
    std::filesystem::rename(tmp, file, ec);
    return !ec;
}

// The server's clock: the system's, or a test's shared ScriptClock ([testing] clock_file). The commands
// read the same one, so a token's expiry is on the clock the server checks it against.
std::unique_ptr<wp::Clock> clockOf(const wp::CentralConfig& config) {
    if (config.testing.clockFile.empty()) return std::make_unique<wp::SystemClock>();
    return std::make_unique<wp::ScriptClock>(config.testing.clockFile);
}

// config: the server's; its [backoffice] public_url is set to the bound public listener when it was empty.
int serve(wp::CentralConfig& config, wp::CentralStore& store) {
    std::unique_ptr<wp::Clock> clock = clockOf(config);

    // SIGINT/SIGTERM are taken by one thread with sigwait; block them before any other thread starts.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    signal(SIGPIPE, SIG_IGN);

    wp::CurlNotificationSender sender(config);
    auto server = wp::CentralServer::create(config, store, *clock, sender);
    if (!server) return fail(server.status().message(), 2);
    auto port = (*server)->bind();
    if (!port) return fail(port.status().message());
    int publicPort = (*server)->publicPort();
    // The links the server writes (set-up links, cancel links, notifications) name the port it bound, also
    // when [server] public_port is 0. Nothing reads them before run() serves and starts the senders.
    if (config.backOffice.publicUrl.empty())
        config.backOffice.publicUrl = fmt::format("https://{}:{}", config.server.address, publicPort);
    std::printf("wijkpunt-central: listening on https://%s:%d (kiosks) and https://%s:%d (public)\n",
                config.server.address.c_str(), port.value(), config.server.address.c_str(), publicPort);
    std::fflush(stdout);
    // The public port file first: a reader that sees the kiosk port file finds both.
    if (!config.server.publicPortFile.empty() && !writePortFile(config.server.publicPortFile, publicPort))
        return fail("cannot write the port file " + config.server.publicPortFile.string());
    if (!config.server.portFile.empty() && !writePortFile(config.server.portFile, port.value()))
        return fail("cannot write the port file " + config.server.portFile.string());

    std::thread signalThread([&] {
        int sig = 0;
        sigwait(&signals, &sig);
        (*server)->stop();
    });
    wp::Status s = (*server)->run();
    // run() returned: wake the signal thread if it is still waiting (stop came from elsewhere).
    pthread_kill(signalThread.native_handle(), SIGTERM);
    signalThread.join();
    if (!s) return fail(s.message());
    return 0;
}

// Prints the generated request types, or writes them between the markers of an openapi.yaml.
int openApiSchemas(const std::string& specDir, const std::string& writeFile) {
    auto specs = wp::loadRequestSpecs(specDir);
    if (!specs) return fail(specs.status().message(), 2);
    if (writeFile.empty()) {
        std::fputs(wp::requestSchemasYaml(specs.value()).c_str(), stdout);
        return 0;
    }
    std::ifstream in(writeFile);
    if (!in) return fail("cannot read " + writeFile, 2);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto updated = wp::withGeneratedPart(text, specs.value());
    if (!updated) return fail(writeFile + ": " + updated.status().message(), 2);
    if (updated.value() == text) return 0;
    std::ofstream out(writeFile, std::ios::trunc);
    out << updated.value();
    if (!out.flush()) return fail("cannot write " + writeFile);
    std::printf("wijkpunt-central: wrote the request types of %s\n", writeFile.c_str());
    return 0;
}

// An encrypted backup into file (or a new file in the backup folder), then the folder pruned of backups
// older than keep_days on the server's clock (the injected one under [testing]).
int makeBackup(const wp::CentralConfig& config, wp::CentralStore& store, const wp::Clock& clock,
               std::string file) {
    const auto& b = config.backup;
    if (b.recipientPublicKey.empty())
        return usageError(
            "backups are encrypted: set [backup] recipient_public_key in " + config.path +
            " (make a key pair with `wijkpunt-central backup-key create PRIVATE.pem PUBLIC.pem`)");
    wp::TimePoint now = clock.now();
    std::error_code ec;
    // A folder made here is the server user's alone, like the backups in it.
    if (std::filesystem::create_directories(b.folder, ec))
        std::filesystem::permissions(b.folder, std::filesystem::perms::owner_all,
                                     std::filesystem::perm_options::replace, ec);
    if (ec)
        return fail(fmt::format("{}: cannot make the backup folder: {}", b.folder.string(), ec.message()));
    if (file.empty()) file = (b.folder / fmt::format("central-{}.wpbackup", wp::formatRfc3339(now))).string();
    if (std::filesystem::exists(file)) return usageError(file + " exists; not overwriting it");
    auto bytes = store.backupBytes();
    if (!bytes) return fail(bytes.status().message());
    wp::Status s = wp::writeEncryptedBackup(file, bytes.value(), b.recipientPublicKey, now);
    std::fill(bytes->begin(), bytes->end(), '\0');
    if (!s) return fail(s.message());
    std::printf("wijkpunt-central: backup written to %s\n", file.c_str());
    auto pruned = wp::pruneBackups(b.folder, now - std::chrono::hours(24) * b.keepDays);
    if (!pruned) return fail(pruned.status().message());
    if (pruned.value() > 0)
        std::printf("wijkpunt-central: deleted %d backup(s) older than %d days from %s\n", pruned.value(),
                    b.keepDays, b.folder.string().c_str());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"wijkpunt-central: the Wijkpunt central server"};
    std::string configFile;
    auto* configOption = app.add_option("--config", configFile, "the server's TOML config");

    auto* schemas = app.add_subcommand(
        "openapi-schemas", "print (or --write into the contract) the request types of openapi.yaml");
    std::string specDir, writeFile;
    schemas->add_option("--spec-dir", specDir, "the folder of request specs (content/requests)")->required();
    schemas->add_option("--write", writeFile, "the openapi.yaml whose generated part to replace");

    auto* token = app.add_subcommand("token", "personal bearer tokens");
    auto* create = token->add_subcommand("create", "make a token and print it once");
    std::string name, role, team;
    std::optional<int> expiresDays;
    create->add_option("--name", name, "the person's name, as the audit log shows it")->required();
    create->add_option("--role", role, "admin or team")->required()->check(CLI::IsMember({"admin", "team"}));
    create->add_option("--team", team, "the team of a team member");
    create->add_option("--expires-days", expiresDays, "days the token works; 0: never (default: config)");
    auto* tokenList = token->add_subcommand("list", "every token, without secrets");
    auto* tokenRevoke = token->add_subcommand("revoke", "revoke one token, or every token of a person");
    std::optional<std::int64_t> tokenId;
    tokenRevoke->add_option("--id", tokenId, "the token's id (token list)");
    tokenRevoke->add_option("--name", name, "every live token of this person");
    auto* rotate = token->add_subcommand("rotate", "print a new token for a person and end the old ones");
    int graceHours = 0;
    rotate->add_option("--name", name, "the person")->required();
    rotate->add_option("--grace-hours", graceHours, "hours the old tokens keep working (default 0)");
    rotate->add_option("--expires-days", expiresDays, "days the new token works; 0: never (default: config)");
    token->require_subcommand(1);

    auto* kiosk = app.add_subcommand("kiosk", "kiosk certificates");
    auto* kioskRevoke = kiosk->add_subcommand("revoke", "refuse a kiosk certificate on every request");
    std::string subject, serial;
    kioskRevoke->add_option("--subject", subject, "the certificate's subject (RFC 2253)");
    kioskRevoke->add_option("--serial", serial, "the certificate's serial number (hex)");
    auto* kioskList = kiosk->add_subcommand("list", "enrolled kiosks and revoked certificates");
    kiosk->require_subcommand(1);

    auto* account = app.add_subcommand("account", "back office accounts");
    auto* accountCreate = account->add_subcommand("create", "make an account and print its set-up link");
    std::string email;
    accountCreate->add_option("--name", name, "the person's name, as the audit log shows it")->required();
    accountCreate->add_option("--email", email, "the e-mail address the person signs in with")->required();
    accountCreate->add_option("--role", role, "team, coordinator or admin")
        ->required()
        ->check(CLI::IsMember({"team", "coordinator", "admin"}));
    accountCreate->add_option("--team", team, "the team of a team account");
    auto* accountList = account->add_subcommand("list", "every account, without secrets");
    auto* accountDisable = account->add_subcommand("disable", "stop an account; its sessions end at once");
    accountDisable->add_option("NAME", name, "the account's name")->required();
    auto* accountEnable = account->add_subcommand("enable", "let a disabled account sign in again");
    accountEnable->add_option("NAME", name, "the account's name")->required();
    auto* accountReset =
        account->add_subcommand("reset-2fa", "print a new set-up link: password and second factor again");
    accountReset->add_option("NAME", name, "the account's name")->required();
    account->require_subcommand(1);

    auto* agenda = app.add_subcommand("agenda", "appointment agendas");
    agenda->fallthrough();
    auto* agendaImport = agenda->add_subcommand("import", "create or replace the agendas a TOML file names");
    agendaImport->fallthrough();
    std::string agendaFile;
    agendaImport->add_option("AGENDAS", agendaFile, "the agenda file (central/agendas.example.toml)")
        ->required();
    auto* agendaList = agenda->add_subcommand("list", "every agenda");
    agendaList->fallthrough();
    agenda->require_subcommand(1);

    auto* backup = app.add_subcommand("backup", "encrypted online backup of the database");
    std::string backupFile;
    backup->add_option("FILE", backupFile, "where the backup goes (default: a new file in [backup] folder)");

    auto* restore = app.add_subcommand("restore", "decrypt a backup into a new database file");
    std::string restoreKey, restoreFrom, restoreTo;
    restore->add_option("--key", restoreKey, "the backups' private key (PEM)")->required();
    restore->add_option("BACKUP", restoreFrom, "the backup file")->required();
    restore->add_option("OUT", restoreTo, "the database file to make")->required();

    auto* backupKey = app.add_subcommand("backup-key", "the key pair backups are encrypted to");
    auto* keyCreate = backupKey->add_subcommand("create", "make a key pair");
    std::string privateKey, publicKey;
    keyCreate->add_option("PRIVATE", privateKey, "where the private key goes (0600; keep it off the server)")
        ->required();
    keyCreate->add_option("PUBLIC", publicKey, "where the public key goes ([backup] recipient_public_key)")
        ->required();
    backupKey->require_subcommand(1);
    CLI11_PARSE(app, argc, argv);
    wp::log::setUp("wijkpunt-central");
    if (schemas->parsed()) return openApiSchemas(specDir, writeFile);
    if (restore->parsed()) {
        if (wp::Status s = wp::restoreBackup(restoreFrom, restoreKey, restoreTo); !s)
            return fail(s.message());
        std::printf("wijkpunt-central: restored %s into %s\n", restoreFrom.c_str(), restoreTo.c_str());
        return 0;
    }
    if (keyCreate->parsed()) {
        if (wp::Status s = wp::createBackupKeyPair(privateKey, publicKey); !s) return fail(s.message());
        std::printf("wijkpunt-central: private key in %s (keep it off the server), public key in %s\n",
                    privateKey.c_str(), publicKey.c_str());
        return 0;
    }
    if (configOption->count() == 0) return fail("--config is required", 2);

    auto config = wp::loadCentralConfig(configFile);
    if (!config) return fail(config.status().message(), 2);
    auto store = wp::SqliteCentralStore::open(config->database, config->requests.specs);
    if (!store) return fail(store.status().message());

    std::unique_ptr<wp::Clock> clock = clockOf(*config);
    wp::CentralStore& central = **store;
    if (create->parsed())
        return wp::createTokenCommand(central, *config, {name, *wp::personRoleFromString(role), team},
                                      expiresDays, clock->now());
    if (tokenList->parsed()) return wp::listTokensCommand(central, clock->now());
    if (tokenRevoke->parsed()) return wp::revokeTokenCommand(central, tokenId, name, clock->now());
    if (rotate->parsed())
        return wp::rotateTokenCommand(central, *config, name, graceHours, expiresDays, clock->now());
    if (kioskRevoke->parsed()) return wp::revokeKioskCommand(central, subject, serial, clock->now());
    if (kioskList->parsed()) return wp::listKiosksCommand(central, central, *config);
    if (accountCreate->parsed()) {
        wp::StaffAccount a;
        a.name = name;
        a.email = email;
        a.role = *wp::staffRoleFromString(role);
        a.team = team;
        return wp::createAccountCommand(central, *config, a, clock->now());
    }
    if (accountList->parsed()) return wp::listAccountsCommand(central);
    if (accountDisable->parsed()) return wp::setAccountDisabledCommand(central, name, true, clock->now());
    if (accountEnable->parsed()) return wp::setAccountDisabledCommand(central, name, false, clock->now());
    if (accountReset->parsed()) return wp::resetSecondFactorCommand(central, *config, name, clock->now());
    if (agendaImport->parsed()) return wp::importAgendasCommand(central, agendaFile, clock->now());
    if (agendaList->parsed()) return wp::listAgendasCommand(central);
    if (backup->parsed()) return makeBackup(*config, central, *clock, backupFile);
    return serve(*config, **store);
}
