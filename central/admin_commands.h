// The operator's commands of wijkpunt-central against its store (central/main.cpp parses the command line):
//
//   token create --name N --role admin|team [--team T] [--expires-days D]   prints the new token once
//   token list                                   every token: id, person, role, team, created, expires, state
//   token revoke --id ID | --name N              one token, or every live token of a person
//   token rotate --name N [--grace-hours H] [--expires-days D]
//                                                prints a new token; the person's other tokens end after H
//                                                hours (0, the default: at once)
//   kiosk revoke --subject S | --serial X        refused on every request from the next (within
//                                                [revocation] cache_ms); both may be given
//   kiosk list                                   the config's and the enrolled kiosks with their state, and
//                                                every revocation
//   agenda import AGENDAS.toml                   creates or replaces every agenda the file names
//                                                (central/agenda_file.h), audited as the command line's
//   agenda list                                  every agenda: hours, slot length, seats, closures
//
// Without --expires-days a token expires after [tokens] default_expiry_days (0: never). Results go to out,
// problems to err (a line each); the return value is the exit code: 0 fine, 1 the store failed, 2 the command
// cannot be done as given. No token hash or secret is ever listed.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>

#include "central/central_config.h"
#include "central/store/central_store.h"

namespace wp {

struct CommandStreams {
    std::FILE* out = stdout;
    std::FILE* err = stderr;
};

// expiresDays nullopt: the config's default; 0: never.
int createTokenCommand(PersonStore& store, const CentralConfig& config, const Person& person,
                       std::optional<int> expiresDays, TimePoint now, CommandStreams io = {});
int listTokensCommand(PersonStore& store, TimePoint now, CommandStreams io = {});
// Exactly one of id and name.
int revokeTokenCommand(PersonStore& store, std::optional<std::int64_t> id, const std::string& name,
                       TimePoint now, CommandStreams io = {});
int rotateTokenCommand(PersonStore& store, const CentralConfig& config, const std::string& name,
                       int graceHours, std::optional<int> expiresDays, TimePoint now, CommandStreams io = {});
int revokeKioskCommand(RevocationStore& store, const std::string& subject, const std::string& serial,
                       TimePoint now, CommandStreams io = {});
int listKiosksCommand(RevocationStore& store, FleetStore& fleet, const CentralConfig& config,
                      CommandStreams io = {});
// All or nothing per agenda: a file with any problem changes nothing.
int importAgendasCommand(AppointmentStore& store, const std::filesystem::path& file, TimePoint now,
                         CommandStreams io = {});
int listAgendasCommand(AppointmentStore& store, CommandStreams io = {});

}  // namespace wp
