// Agenda files: agendas written by hand in TOML, read by `wijkpunt-central agenda import` (central/
// agendas.example.toml is the demo's). Every problem is reported as "file:line:col: what was expected", all
// of them at once.
//
//   [[agenda]]
//   contact_point = "SGN"                 # the contact point's reference-code letters
//   service = "gemeente"                  # a service id of content/services.toml
//   place = "Wijkpunt Groenoord"          # printed on slips and in e-mails
//   address = "Nieuwe Damlaan 90, Schiedam"
//   team = "gemeente"                     # the team that manages it in the back office
//   slot_minutes = 15
//   parallel = 2                          # residents booked at the same time
//   active = true                         # optional, default true
//   closed = ["2026-12-25", "2026-12-24 13:00-17:00"]   # optional: whole days, or part of a day
//   [agenda.hours]                        # local time; a weekday not listed has no appointments
//   monday = ["09:00-12:00", "13:00-16:00"]
//
// The rules are checkAgenda()'s (central/agenda_json.h), so a file imports exactly what the API would take;
// (contact_point, service) appears once per file. Pure, thread-safe.
#pragma once

#include <filesystem>
#include <vector>

#include "central/store/appointment_store.h"
#include "common/status.h"

namespace wp {

// Every agenda of the file, checked; NotFound for a missing file, InvalidInput with every problem.
Result<std::vector<Agenda>> loadAgendaFile(const std::filesystem::path& file);

}  // namespace wp
