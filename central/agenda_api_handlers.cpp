// The handlers of the staff API's agendas: the list, one agenda put whole, and a contact point's bookings of
// a day with their personal data (read access audited by the store: who, which, when, from where). Admins
// see and change every agenda; a team member those of their own team only.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "central/agenda_json.h"
#include "central/appointment_slots.h"
#include "central/central_server_impl.h"
#include "central/http_exchange.h"
#include "common/appointment.h"
#include "common/log.h"

namespace wp {

using nlohmann::json;

namespace {

bool mayManage(const Person& p, const std::string& team) {
    return p.role == PersonRole::Admin || p.team == team;
}

}  // namespace

void CentralServer::Impl::listAgendas(const HttpRequest& req, HttpResponse& res) {
    auto person = personOf(req, res);
    if (!person) return;
    auto agendas = store.agendas();
    if (!agendas) return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
    std::vector<Agenda> visible;
    for (const Agenda& a : agendas.value())
        if (mayManage(*person, a.team)) visible.push_back(a);
    res.set_content(encodeAgendas(visible), kJson);
}

void CentralServer::Impl::putAgenda(const HttpRequest& req, HttpResponse& res) {
    auto person = personOf(req, res);
    if (!person) return;
    std::string contactPoint = req.matches[1].str(), service = req.matches[2].str();
    if (!isContactPointLetters(contactPoint))
        return sendError(res, 400, error_code::kInvalidValue,
                         "the contact point must be three characters of the code alphabet", "contact_point");
    if (!isServiceId(service))
        return sendError(res, 400, error_code::kInvalidValue, "the service must be a service id", "service");
    auto agenda = decodeAgenda(req.body, contactPoint, service);
    if (!agenda) return sendError(res, agenda.error());
    if (!mayManage(*person, agenda.value().team))
        return sendError(res, 403, error_code::kForbidden,
                         "team members manage their own team's agendas only", "team");
    auto existing = store.agendaOf(contactPoint, service);
    if (!existing) return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
    if (existing->has_value() && !mayManage(*person, (*existing)->team))
        return sendError(res, 403, error_code::kForbidden, "this agenda belongs to another team", "team");
    AuditEntry audit{clock.now(),
                     person->name,
                     "put-agenda",
                     contactPoint + "/" + service,
                     fmt::format("{} minutes, {} parallel, {}", agenda.value().slotMinutes,
                                 agenda.value().parallel, agenda.value().active ? "active" : "inactive"),
                     req.remote_addr};
    if (Status s = store.putAgenda(agenda.value(), audit); !s) {
        log::error("agendas: {}", s.message());
        return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
    }
    auto stored = store.agendaOf(contactPoint, service);
    if (!stored || !stored->has_value())
        return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
    res.set_content(encodeAgenda(**stored), kJson);
}

void CentralServer::Impl::getAgendaBookings(const HttpRequest& req, HttpResponse& res) {
    auto person = personOf(req, res);
    if (!person) return;
    std::string contactPoint = req.matches[1].str();
    if (!isContactPointLetters(contactPoint))
        return sendError(res, 400, error_code::kInvalidValue,
                         "the contact point must be three characters of the code alphabet", "contact_point");
    if (!req.has_param("day"))
        return sendError(res, 400, error_code::kMissingField, "'day' is required", "day");
    std::string day = req.get_param_value("day");
    if (!isLocalDay(day))
        return sendError(res, 400, error_code::kInvalidValue, "'day' must be a date like 2026-12-07", "day");
    auto agendas = store.agendas();
    if (!agendas) return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
    std::vector<std::string> services;  // of this contact point, that the person may see
    for (const Agenda& a : agendas.value())
        if (a.contactPoint == contactPoint && mayManage(*person, a.team)) services.push_back(a.service);
    if (services.empty() && person->role != PersonRole::Admin)
        return sendError(res, 403, error_code::kForbidden, "no agenda of your team at this contact point",
                         "contact_point");
    auto [from, to] = localDayBounds(day);
    AuditEntry audit{clock.now(),
                     person->name,
                     "read-bookings",
                     contactPoint + " " + day,
                     fmt::format("services: {}", fmt::join(services, ", ")),
                     req.remote_addr};
    auto bookings = store.staffBookingsOf(contactPoint, from, to, audit);
    if (!bookings) return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
    json list = json::array();
    for (const Booking& b : bookings.value()) {
        if (std::find(services.begin(), services.end(), b.service) == services.end()) continue;
        list.push_back({{"code", b.code},
                        {"service", b.service},
                        {"start", formatRfc3339(b.start)},
                        {"end", formatRfc3339(b.end)},
                        {"state", toString(b.state)},
                        {"name", b.name},
                        {"phone", b.phone},
                        {"email", b.email},
                        {"language", b.language},
                        {"booked_by", toString(b.bookedBy)},
                        {"personal_data_wiped", b.personalDataWiped}});
    }
    res.set_content(json{{"contact_point", contactPoint}, {"day", day}, {"bookings", std::move(list)}}.dump(),
                    kJson);
}

}  // namespace wp
