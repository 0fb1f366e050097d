// Agendas as the staff API shows and takes them (GET /v1/agendas, PUT /v1/agendas/{contact_point}/{service}),
// and the rules every agenda keeps, whichever way it comes in (the API, `wijkpunt-central agenda import`, the
// back office).
//
// {"contact_point": "SGN", "service": "gemeente", "place": "Wijkpunt Groenoord",
//  "address": "Nieuwe Damlaan 90, Schiedam", "team": "gemeente", "slot_minutes": 15, "parallel": 2,
//  "active": true, "hours": {"monday": ["09:00-12:00", "13:00-16:00"], ...},
//  "closed": [{"day": "2026-12-24", "from": "13:00", "to": "17:00"}, {"day": "2026-12-25"}],
//  "updated_at": "2026-12-01T10:00:00.000Z"}
// Weekdays not in "hours" have no appointments; a closure without from and to is the whole day. Decoding is a
// tolerant reader like every decoder of the API; updated_at is written, never read. Pure, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "central/store/appointment_store.h"
#include "common/wire.h"

namespace wp {

std::string encodeAgendas(const std::vector<Agenda>& agendas);  // {"agendas": [...]}
std::string encodeAgenda(const Agenda& agenda);
// The agenda of the body for (contactPoint, service), which the path gives; the body's own contact_point
// and service, when present, must be the same.
Parsed<Agenda> decodeAgenda(std::string_view json, const std::string& contactPoint,
                            const std::string& service);

// What is wrong with an agenda, the field named as in the JSON ("hours.monday[1]", "closed[0].to",
// "slot_minutes"); nullopt when nothing. Windows of a day sorted and not overlapping, times of day on whole
// minutes, slot_minutes 5..480, parallel 1..50, a known team, place and address one line each.
std::optional<ApiError> checkAgenda(const Agenda& agenda);

// "09:00-12:00" -> {540, 720}; nullopt for anything else (from before to, 00:00..24:00).
std::optional<AgendaWindow> parseAgendaWindow(std::string_view text);
std::string formatAgendaWindow(const AgendaWindow& w);  // "09:00-12:00"

}  // namespace wp
