#include "central/fleet_json.h"

#include <nlohmann/json.hpp>

#include "common/json_input.h"

namespace wp {

using nlohmann::json;

namespace {

constexpr std::string_view kPrinterStates[] = {"ready", "paper-out", "offline", "error", "none"};

json timeOrNull(const std::optional<TimePoint>& t) {
    return t ? json(formatRfc3339(*t)) : json(nullptr);
}

// Reads member key of object o into out when present and not null; an error when it has another type.
template <typename T>
std::optional<ApiError> read(const json& o, const std::string& path, const char* key, T& out) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) return std::nullopt;
    const std::string field = json_input::join(path, key);
    if constexpr (std::is_same_v<T, std::string>) {
        if (!it->is_string()) return json_input::wrongType(field, "a string");
        out = it->get<std::string>();
        if (out.size() > 4096) out.resize(4096);
    } else if constexpr (std::is_same_v<T, bool>) {
        if (!it->is_boolean()) return json_input::wrongType(field, "true or false");
        out = it->get<bool>();
    } else {
        if (!it->is_number_integer()) return json_input::wrongType(field, "an integer");
        out = it->get<T>();
    }
    return std::nullopt;
}

json commandJson(const KioskCommand& c) {
    return {{"id", c.id},
            {"kiosk", fleetKioskName(c.contactPoint, c.kioskCode)},
            {"kind", c.kind},
            {"message", c.message},
            {"state", std::string(toString(c.state))},
            {"detail", c.detail},
            {"created", formatRfc3339(c.createdAt)},
            {"created_by", c.createdBy},
            {"delivered_at", timeOrNull(c.deliveredAt)},
            {"done_at", timeOrNull(c.doneAt)},
            {"upload", c.uploadType.empty() ? json(nullptr) : json(c.uploadType)}};
}

json entryJson(const FleetEntry& e) {
    json health = nullptr;
    if (e.health) {
        health = json::parse(e.health->json, nullptr, false);
        if (!health.is_object()) health = json::object();
    }
    json open = json::array();
    for (const KioskCommand& c : e.openCommands) open.push_back(commandJson(c));
    return {{"kiosk", e.name},
            {"contact_point", e.contactPoint},
            {"kiosk_code", e.kioskCode},
            {"subject", e.subject},
            {"enrolled", e.enrollment.has_value()},
            {"serial", e.enrollment ? json(e.enrollment->serial) : json(nullptr)},
            {"not_after", e.enrollment ? json(formatRfc3339(e.enrollment->notAfter)) : json(nullptr)},
            {"enrolled_at", e.enrollment ? json(formatRfc3339(e.enrollment->enrolledAt)) : json(nullptr)},
            {"revoked", e.revoked},
            {"last_heard", timeOrNull(e.lastHeard)},
            {"missing", e.missing},
            {"trouble", e.trouble},
            {"health", std::move(health)},
            {"open_commands", std::move(open)},
            {"screenshot_command", e.lastScreenshot ? json(*e.lastScreenshot) : json(nullptr)}};
}

}  // namespace

Parsed<Heartbeat> decodeHeartbeat(std::string_view body, TimePoint receivedAt) {
    auto parsed = json_input::parseObject(body);
    if (!parsed) return parsed.error();
    json j = std::move(parsed).value();
    Heartbeat hb;
    KioskHealth& h = hb.health;
    h.receivedAt = receivedAt;
    h.printerState = "none";
    for (auto e : {read(j, "", "version", h.version), read(j, "", "bundle_version", h.bundleVersion),
                   read(j, "", "uptime_s", h.uptimeSeconds), read(j, "", "disk_free_mb", h.diskFreeMb),
                   read(j, "", "last_error", h.lastError), read(j, "", "in_service", h.inService)})
        if (e) return *e;
    if (auto p = j.find("printer"); p != j.end() && !p->is_null()) {
        if (!p->is_object()) return json_input::wrongType("printer", "an object");
        if (auto e = read(*p, "printer", "state", h.printerState)) return *e;
        bool known = false;
        for (std::string_view s : kPrinterStates) known = known || s == h.printerState;
        if (!known)
            return json_input::invalid("printer.state",
                                       "'printer.state' must be ready, paper-out, offline, error or none");
        if (auto r = p->find("reasons"); r != p->end() && !r->is_null()) {
            if (!r->is_array()) return json_input::wrongType("printer.reasons", "a list of strings");
            for (const json& reason : *r) {
                if (!reason.is_string()) return json_input::wrongType("printer.reasons", "a list of strings");
                if (h.printerReasons.size() < 32) h.printerReasons.push_back(reason.get<std::string>());
            }
        }
    }
    if (auto o = j.find("outbox"); o != j.end() && !o->is_null()) {
        if (!o->is_object()) return json_input::wrongType("outbox", "an object");
        for (auto e : {read(*o, "outbox", "waiting", h.outboxWaiting),
                       read(*o, "outbox", "rejected", h.outboxRejected),
                       read(*o, "outbox", "oldest_waiting_s", h.oldestWaitingSeconds)})
            if (e) return *e;
    }
    if (auto r = j.find("results"); r != j.end() && !r->is_null()) {
        if (!r->is_array()) return json_input::wrongType("results", "a list");
        for (const json& item : *r) {
            if (!item.is_object()) return json_input::wrongType("results", "a list of objects");
            CommandResult c;
            if (auto e = read(item, "results", "command", c.command)) return *e;
            if (auto e = read(item, "results", "ok", c.ok)) return *e;
            if (auto e = read(item, "results", "detail", c.detail)) return *e;
            if (c.command <= 0) return json_input::missing("results.command");
            hb.results.push_back(std::move(c));
        }
        j.erase("results");
    }
    h.json = j.dump();
    return hb;
}

std::string encodeHeartbeatAnswer(int intervalSeconds, bool renew,
                                  const std::vector<KioskCommand>& commands) {
    json list = json::array();
    for (const KioskCommand& c : commands)
        list.push_back({{"id", c.id}, {"kind", c.kind}, {"message", c.message}});
    return json{{"interval_s", intervalSeconds}, {"renew", renew}, {"commands", std::move(list)}}.dump();
}

std::string encodeCommand(const KioskCommand& command) {
    return commandJson(command).dump();
}

std::string encodeFleetEntry(const FleetEntry& entry) {
    return entryJson(entry).dump();
}

std::string encodeFleet(const std::vector<FleetEntry>& entries) {
    json list = json::array();
    for (const FleetEntry& e : entries) list.push_back(entryJson(e));
    return json{{"kiosks", std::move(list)}}.dump();
}

}  // namespace wp
