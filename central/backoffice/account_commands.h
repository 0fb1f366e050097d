// The operator's commands for back office accounts (central/main.cpp parses the command line):
//
//   account create --name N --email E --role team|coordinator|admin [--team T]
//                                  makes the account and prints its one-time set-up link
//   account list                   every account: name, e-mail, role, team, state, last sign-in
//   account disable NAME           the account cannot sign in; its sessions end at once
//   account enable NAME
//   account reset-2fa NAME         prints a new set-up link: the person chooses a password and second factor
//                                  again; the old ones and every session end at once
//
// A set-up link is [backoffice] public_url (else https://ADDRESS:PUBLIC_PORT) + /backoffice/setup/TOKEN; it
// works [backoffice] setup_link_hours and once. There is no command that sets a password or second factor:
// a person does that on the set-up page. Results go to out, problems to err; the return value is the exit
// code: 0 fine, 1 the store failed, 2 the command cannot be done as given.
#pragma once

#include <string>

#include "central/admin_commands.h"
#include "central/central_config.h"
#include "central/store/central_store.h"

namespace wp {

// Starts the set-up of the account (StaffAccountStore::startStaffSetup) and returns its link.
Result<std::string> newSetupLink(StaffAccountStore& store, const CentralConfig& config,
                                 std::int64_t accountId, TimePoint now);
// The base of the back office's links: [backoffice] public_url, else https://ADDRESS:PUBLIC_PORT. A
// public_port of 0 (any free port) is read from public_port_file, which the running server writes; the
// server itself sets public_url to its bound address before it serves (main.cpp).
std::string backOfficeBase(const CentralConfig& config);
// Why an account cannot be made like this (in English, for the command line), or "" when it can.
std::string accountProblem(const StaffAccount& account);

int createAccountCommand(StaffAccountStore& store, const CentralConfig& config, StaffAccount account,
                         TimePoint now, CommandStreams io = {});
int listAccountsCommand(StaffAccountStore& store, CommandStreams io = {});
int setAccountDisabledCommand(StaffAccountStore& store, const std::string& name, bool disabled, TimePoint now,
                              CommandStreams io = {});
int resetSecondFactorCommand(StaffAccountStore& store, const CentralConfig& config, const std::string& name,
                             TimePoint now, CommandStreams io = {});

}  // namespace wp
