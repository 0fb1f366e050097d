// The handlers of the fleet's staff side, for admins with their personal bearer tokens (coordinators may list
// the kiosks): enroll tokens, the fleet view, revocation, commands and what kiosks uploaded for them. Every
// write and every read of an upload is audited by the store with the caller's name and remote address.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "central/backoffice/staff_credentials.h"
#include "central/central_server_impl.h"
#include "central/fleet_json.h"
#include "central/http_exchange.h"
#include "central/person_tokens.h"
#include "common/json_input.h"
#include "common/log.h"

namespace wp {

using nlohmann::json;

namespace {

constexpr std::size_t kMaxCommandMessage = 300;

std::optional<std::int64_t> idOf(const std::string& text) {
    if (text.empty() || text.size() > 18 || !std::all_of(text.begin(), text.end(), ::isdigit))
        return std::nullopt;
    return std::stoll(text);
}

}  // namespace

std::optional<Person> CentralServer::Impl::fleetAdminOf(const HttpRequest& req, HttpResponse& res,
                                                        bool coordinators) {
    auto person = personOf(req, res);
    if (!person) return std::nullopt;
    if (person->role == PersonRole::Admin) return person;
    if (coordinators) {
        auto account = store.staffAccountByName(person->name);
        if (!account) {
            sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
            return std::nullopt;
        }
        if (account.value() && account.value()->role == StaffRole::Coordinator && !account.value()->disabled)
            return person;
    }
    sendError(res, 403, error_code::kForbidden,
              coordinators ? "only admins and coordinators see the kiosks" : "only admins look after kiosks");
    return std::nullopt;
}

Result<std::vector<FleetEntry>> CentralServer::Impl::fleetNow() {
    auto stored = store.fleetKiosks();
    if (!stored) return stored.status();
    auto revoked = store.kioskRevocations();
    if (!revoked) return revoked.status();
    return fleetEntries(stored.value(), config.kiosks, revoked.value(), fleetRulesOf(config), clock.now());
}

void CentralServer::Impl::createEnrollToken(const HttpRequest& req, HttpResponse& res) {
    auto person = fleetAdminOf(req, res, false);
    if (!person) return;
    auto parsed = json_input::parseObject(req.body);
    if (!parsed) return sendError(res, parsed.error());
    const json& j = parsed.value();
    auto cp = j.find("contact_point");
    if (cp == j.end() || cp->is_null()) return sendError(res, json_input::missing("contact_point"));
    if (!cp->is_string()) return sendError(res, json_input::wrongType("contact_point", "a string"));
    const std::string contactPoint = cp->get<std::string>();
    if (!parseFleetKioskName(contactPoint + "-22"))
        return sendError(res,
                         json_input::invalid("contact_point",
                                             "'contact_point' must be the three letters of reference codes"));
    int hours = config.enrollment.tokenHours;
    if (auto h = j.find("hours"); h != j.end() && !h->is_null()) {
        if (!h->is_number_integer()) return sendError(res, json_input::wrongType("hours", "a whole number"));
        if (h->get<std::int64_t>() < 1 || h->get<std::int64_t>() > 24 * 30)
            return sendError(res, json_input::invalid("hours", "'hours' must be 1 to 720"));
        hours = h->get<int>();
    }
    const TimePoint now = clock.now();
    const TimePoint expires = now + std::chrono::hours(hours);
    const std::string token = randomToken();
    AuditEntry audit{now,
                     person->name,
                     "enroll-token",
                     "",
                     fmt::format("contact point {}, valid until {}", contactPoint, formatRfc3339(expires)),
                     req.remote_addr};
    if (Status s = store.createEnrollToken(hashPersonToken(token), contactPoint, expires, audit); !s) {
        log::error("enroll token: {}", s.message());
        return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
    }
    res.status = 201;
    res.set_content(
        json{{"token", token}, {"contact_point", contactPoint}, {"expires", formatRfc3339(expires)}}.dump(),
        kJson);
}

void CentralServer::Impl::listFleetKiosks(const HttpRequest& req, HttpResponse& res) {
    if (!fleetAdminOf(req, res, true)) return;
    auto fleet = fleetNow();
    if (!fleet) return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
    res.set_content(encodeFleet(fleet.value()), kJson);
}

void CentralServer::Impl::revokeFleetKiosk(const HttpRequest& req, HttpResponse& res) {
    auto person = fleetAdminOf(req, res, false);
    if (!person) return;
    auto key = parseFleetKioskName(req.matches[1].str());
    if (!key) return sendError(res, 404, error_code::kNotFound, "no such kiosk", "kiosk");
    auto fleet = fleetNow();
    if (!fleet) return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
    auto entry = std::find_if(fleet->begin(), fleet->end(), [&](const FleetEntry& e) {
        return e.contactPoint == key->first && e.kioskCode == key->second;
    });
    if (entry == fleet->end()) return sendError(res, 404, error_code::kNotFound, "no such kiosk", "kiosk");
    const TimePoint now = clock.now();
    const std::string serial = entry->enrollment ? entry->enrollment->serial : "";
    if (Status s = store.revokeKiosk(entry->subject, serial, now); !s)
        return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
    AuditEntry audit{
        now,
        person->name,
        "revoke-kiosk",
        "",
        fmt::format("{} ({}{})", entry->name, entry->subject, serial.empty() ? "" : ", serial " + serial),
        req.remote_addr};
    Status marked = entry->enrollment ? store.markKioskRevoked(entry->contactPoint, entry->kioskCode, audit)
                                      : store.appendAudit(audit);
    if (!marked) return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
    // In force on this server from the next request, also on open connections.
    revocations.refresh();
    log::warning("{} revoked kiosk {}", person->name, entry->name);
    auto after = fleetNow();
    if (!after) return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
    for (const FleetEntry& e : after.value())
        if (e.name == entry->name) return res.set_content(encodeFleetEntry(e), kJson);
    sendError(res, 404, error_code::kNotFound, "no such kiosk", "kiosk");
}

void CentralServer::Impl::postKioskCommand(const HttpRequest& req, HttpResponse& res) {
    auto person = fleetAdminOf(req, res, false);
    if (!person) return;
    auto key = parseFleetKioskName(req.matches[1].str());
    if (!key) return sendError(res, 404, error_code::kNotFound, "no such kiosk", "kiosk");
    auto parsed = json_input::parseObject(req.body);
    if (!parsed) return sendError(res, parsed.error());
    const json& j = parsed.value();
    auto kind = j.find("kind");
    if (kind == j.end() || kind->is_null()) return sendError(res, json_input::missing("kind"));
    if (!kind->is_string()) return sendError(res, json_input::wrongType("kind", "a string"));
    if (!isKioskCommandKind(kind->get<std::string>()))
        return sendError(res, json_input::invalid("kind",
                                                  "'kind' must be restart, out-of-service, in-service, "
                                                  "screenshot or logs"));
    std::string message;
    if (auto m = j.find("message"); m != j.end() && !m->is_null()) {
        if (!m->is_string()) return sendError(res, json_input::wrongType("message", "a string"));
        message = m->get<std::string>();
        if (message.size() > kMaxCommandMessage)
            return sendError(res, 400, error_code::kTooLong,
                             fmt::format("'message' is longer than {} bytes", kMaxCommandMessage), "message");
    }
    auto fleet = fleetNow();
    if (!fleet) return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
    auto entry = std::find_if(fleet->begin(), fleet->end(), [&](const FleetEntry& e) {
        return e.contactPoint == key->first && e.kioskCode == key->second;
    });
    if (entry == fleet->end()) return sendError(res, 404, error_code::kNotFound, "no such kiosk", "kiosk");
    if (entry->revoked) return sendError(res, 409, error_code::kConflict, "this kiosk is revoked", "kiosk");
    const std::string kindText = kind->get<std::string>();
    AuditEntry audit{clock.now(),
                     person->name,
                     "kiosk-command",
                     "",
                     message.empty() ? fmt::format("{}: {}", entry->name, kindText)
                                     : fmt::format("{}: {} \"{}\"", entry->name, kindText, message),
                     req.remote_addr};
    auto command = store.addKioskCommand(key->first, key->second, kindText, message, audit);
    if (!command) return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
    res.status = 201;
    res.set_content(encodeCommand(command.value()), kJson);
}

void CentralServer::Impl::getKioskCommand(const HttpRequest& req, HttpResponse& res) {
    if (!fleetAdminOf(req, res, false)) return;
    auto id = idOf(req.matches[1].str());
    if (!id) return sendError(res, 404, error_code::kNotFound, "no such command");
    auto command = store.kioskCommand(*id);
    if (!command) return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
    if (!command.value()) return sendError(res, 404, error_code::kNotFound, "no such command");
    res.set_content(encodeCommand(**command), kJson);
}

void CentralServer::Impl::getCommandUpload(const HttpRequest& req, HttpResponse& res) {
    auto person = fleetAdminOf(req, res, false);
    if (!person) return;
    auto id = idOf(req.matches[1].str());
    if (!id) return sendError(res, 404, error_code::kNotFound, "no such command");
    auto command = store.kioskCommand(*id);
    if (!command) return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
    if (!command.value()) return sendError(res, 404, error_code::kNotFound, "no such command");
    const KioskCommand& c = **command;
    AuditEntry audit{clock.now(),
                     person->name,
                     c.kind == "screenshot" ? "read-screenshot" : "read-log",
                     "",
                     fmt::format("{}: command {}", fleetKioskName(c.contactPoint, c.kioskCode), c.id),
                     req.remote_addr};
    auto upload = store.commandUpload(*id, audit);
    if (!upload) return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
    if (!upload.value())
        return sendError(res, 404, error_code::kNotFound, "the kiosk has not uploaded it yet");
    res.set_header("Cache-Control", "no-store");
    res.set_content(std::move(upload.value()->bytes), upload.value()->contentType);
}

}  // namespace wp
