// The handlers of what admins and team members call with their personal bearer tokens: the list of
// requests, one request with its personal data (read access is audited by the store, with the caller's
// remote address), a status change, and the audit log. A team member sees their own team's requests only.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <tuple>

#include "central/central_server_impl.h"
#include "central/http_exchange.h"
#include "central/public_note_check.h"
#include "common/json_input.h"
#include "common/reference_code.h"

namespace wp {

using nlohmann::json;

namespace {

json summaryJson(const RequestSummary& s) {
    return {{"reference", s.reference},
            {"type", s.type},
            {"category", s.category},
            {"team", s.team},
            {"flagged", s.flagged},
            {"status", toString(s.status)},
            {"kiosk", s.kioskCode},
            {"contact_point", s.contactPoint},
            {"created_at", formatRfc3339(s.createdAt)},
            {"received_at", formatRfc3339(s.receivedAt)},
            {"updated_at", formatRfc3339(s.updatedAt)},
            {"personal_data_wiped", s.personalDataWiped},
            {"coach", s.coach}};
}

}  // namespace

void CentralServer::Impl::listRequests(const HttpRequest& req, HttpResponse& res) {
    auto person = personOf(req, res);
    if (!person) return;
    RequestFilter f;
    if (req.has_param("team")) f.team = req.get_param_value("team");
    if (person->role == PersonRole::Team) {
        if (f.team && *f.team != person->team)
            return sendError(res, 403, error_code::kForbidden, "team members see their own team only",
                             "team");
        f.team = person->team;
    }
    if (req.has_param("status")) {
        f.status = requestStatusFromString(req.get_param_value("status"));
        if (!f.status) return sendError(res, 400, error_code::kInvalidValue, "no such status", "status");
    }
    if (req.has_param("type")) {
        f.type = req.get_param_value("type");
        if (!config.requests.specs.latest(*f.type))
            return sendError(res, 400, error_code::kInvalidValue, "no such request type", "type");
    }
    if (req.has_param("flagged")) {
        std::string v = req.get_param_value("flagged");
        if (v != "true" && v != "false")
            return sendError(res, 400, error_code::kInvalidValue, "'flagged' must be true or false",
                             "flagged");
        f.flagged = v == "true";
    }
    if (req.has_param("received_since")) {
        f.receivedSince = parseRfc3339(req.get_param_value("received_since"));
        if (!f.receivedSince)
            return sendError(res, 400, error_code::kInvalidValue, "'received_since' must be an RFC 3339 time",
                             "received_since");
    }
    for (auto [name, out, max] :
         {std::tuple{"limit", &f.limit, 1000}, std::tuple{"offset", &f.offset, 1 << 30}}) {
        if (!req.has_param(name)) continue;
        std::string v = req.get_param_value(name);
        int n = -1;
        if (!v.empty() && v.size() < 10 && std::all_of(v.begin(), v.end(), ::isdigit)) n = std::stoi(v);
        if (n < 0 || n > max || (n == 0 && out == &f.limit))
            return sendError(res, 400, error_code::kInvalidValue, fmt::format("'{}' is out of range", name),
                             name);
        *out = n;
    }
    auto list = store.listRequests(f);
    if (!list) return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
    json items = json::array();
    for (const auto& s : *list) items.push_back(summaryJson(s));
    res.set_content(json{{"requests", std::move(items)}}.dump(), kJson);
}

void CentralServer::Impl::getRequestDetail(const HttpRequest& req, HttpResponse& res) {
    auto person = personOf(req, res);
    if (!person) return;
    std::string reference = normalizeReferenceCode(req.matches[1].str());
    if (!verifyReferenceCode(reference))
        return sendError(res, 400, error_code::kInvalidValue, "this is no reference code", "reference");
    std::optional<std::string> onlyTeam;
    if (person->role == PersonRole::Team) onlyTeam = person->team;
    auto detail = store.requestDetail(reference, onlyTeam, person->name, req.remote_addr, clock.now());
    if (!detail) return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
    if (!detail->has_value()) return sendError(res, 404, error_code::kNotFound, "no such request for you");
    const RequestDetail& d = **detail;
    json j = summaryJson(d.summary);
    j["uuid"] = d.request.uuid;
    j["language"] = d.request.language;
    j["fields"] = json::object();
    for (const auto& [k, v] : d.request.fields) j["fields"][k] = v;
    j["public_note"] = d.publicNote;
    j["internal_note"] = d.internalNote;
    res.set_content(j.dump(), kJson);
}

void CentralServer::Impl::setRequestStatus(const HttpRequest& req, HttpResponse& res) {
    auto person = personOf(req, res);
    if (!person) return;
    std::string reference = normalizeReferenceCode(req.matches[1].str());
    if (!verifyReferenceCode(reference))
        return sendError(res, 400, error_code::kInvalidValue, "this is no reference code", "reference");
    auto body = json_input::parseObject(req.body);
    if (!body) return sendError(res, body.error());
    const json& j = body.value();
    StatusUpdate u;
    auto st = j.find("status");
    if (st == j.end() || st->is_null()) return sendError(res, json_input::missing("status"));
    if (!st->is_string()) return sendError(res, json_input::wrongType("status", "a string"));
    auto status = requestStatusFromString(st->get<std::string>());
    if (!status)
        return sendError(res, json_input::invalid("status",
                                                  "'status' must be received, in-progress, answered "
                                                  "or closed"));
    u.status = *status;
    for (auto [key, out] :
         {std::pair{"public_note", &u.publicNote}, std::pair{"internal_note", &u.internalNote}}) {
        auto it = j.find(key);
        if (it == j.end() || it->is_null()) continue;
        if (!it->is_string()) return sendError(res, json_input::wrongType(key, "a string"));
        if (it->get_ref<const std::string&>().size() > 2000)
            return sendError(res, 400, error_code::kTooLong,
                             fmt::format("'{}' is longer than 2000 bytes", key), key);
        *out = it->get<std::string>();
    }
    // Anyone with the code reads the public note: no contact details there.
    if (u.publicNote)
        if (auto found = contactDetailInNote(*u.publicNote))
            return sendError(
                res, 400, error_code::kInvalidValue,
                fmt::format("'public_note' seems to hold {}; anyone with the reference code reads "
                            "it, so it may not hold a phone number, e-mail address or postcode "
                            "(put those in 'internal_note')",
                            *found),
                "public_note");
    std::optional<std::string> onlyTeam;
    if (person->role == PersonRole::Team) onlyTeam = person->team;
    auto summary = store.updateStatus(reference, onlyTeam, u, person->name, req.remote_addr, clock.now());
    if (!summary) {
        if (summary.status().code() == Status::Code::NotFound)
            return sendError(res, 404, error_code::kNotFound, "no such request for you");
        return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
    }
    res.set_content(summaryJson(*summary).dump(), kJson);
}

void CentralServer::Impl::getAuditLog(const HttpRequest& req, HttpResponse& res) {
    auto person = personOf(req, res);
    if (!person) return;
    if (person->role != PersonRole::Admin)
        return sendError(res, 403, error_code::kForbidden, "only admins read the audit log");
    std::optional<std::string> reference;
    if (req.has_param("reference")) reference = normalizeReferenceCode(req.get_param_value("reference"));
    auto log = store.auditLog(reference, 1000);
    if (!log) return sendError(res, 503, error_code::kUnavailable, "the store is unavailable");
    json entries = json::array();
    for (const auto& e : *log)
        entries.push_back({{"at", formatRfc3339(e.at)},
                           {"actor", e.actor},
                           {"action", e.action},
                           {"reference", e.reference},
                           {"detail", e.detail},
                           {"source", e.source}});
    res.set_content(json{{"entries", std::move(entries)}}.dump(), kJson);
}

}  // namespace wp
