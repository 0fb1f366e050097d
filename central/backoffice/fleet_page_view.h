// The fleet pages' views (templates/kiosks.mustache, kiosk.mustache, kiosk_trouble.mustache and the
// dashboard's kiosk table): the fleet (central/fleet_view.h) turned into the JSON the templates read, in
// Dutch at B1: trouble in words, "3 min geleden", the printer's state, the outbox. Pure; thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <string>
#include <vector>

#include "central/fleet_view.h"

namespace wp {

// The Dutch words of a trouble of fleet_view.h ("paper-out" -> "Papier op"); the id itself when unknown.
std::string troubleLabel(const std::string& trouble);
// True for the troubles that are the printer's: paper-out, printer-offline, printer-error.
bool isPrinterTrouble(const std::string& trouble);
// "zojuist" (under 5 s), "45 sec geleden", "3 min geleden", "2 uur geleden", "1 dag geleden", "3 dagen
// geleden"; "nog nooit" without a time.
std::string heardAgo(std::optional<TimePoint> at, TimePoint now);
// A kind of command in Dutch ("out-of-service" -> "Buiten dienst").
std::string commandKindLabel(const std::string& kind);
// A command's state in Dutch ("queued" -> "Wacht op de kiosk").
std::string commandStateLabel(CommandState state);

// Admins: every kiosk with its contact point, health, trouble and last screenshot (link), newest problems
// first is not the order: the fleet's own order (config kiosks, then by contact point and code).
nlohmann::json kiosksView(const std::vector<FleetEntry>& fleet, TimePoint now);
// Admins: one kiosk with its last heartbeat in full and its last commands (newest first).
nlohmann::json kioskView(const FleetEntry& kiosk, const std::vector<KioskCommand>& commands, TimePoint now);
// Per contact point, in letter order: how many kiosks, how many with trouble, how many with printer trouble,
// and the troubles in words. For coordinators' read-only page and the dashboard.
nlohmann::json contactPointTroubleView(const std::vector<FleetEntry>& fleet);

// The path of a kiosk's page and of a command's upload.
std::string kioskPagePath(const std::string& name);
std::string commandUploadPath(std::int64_t command);

}  // namespace wp
