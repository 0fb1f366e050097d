#include "central/backoffice/fleet_page_view.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "central/backoffice/case_labels.h"

namespace wp {

namespace {

using nlohmann::json;

const std::vector<std::pair<std::string_view, std::string_view>>& troubleLabels() {
    static const std::vector<std::pair<std::string_view, std::string_view>> labels = {
        {"missing", "Geen contact"},
        {"paper-out", "Papier op"},
        {"printer-offline", "Printer uit of los"},
        {"printer-error", "Printer heeft een fout"},
        {"outbox-stuck", "Aanvragen blijven hangen"},
        {"outbox-rejected", "Aanvragen geweigerd"},
        {"out-of-service", "Buiten dienst"},
        {"revoked", "Ingetrokken"},
        {"certificate-expiring", "Certificaat verloopt bijna"},
    };
    return labels;
}

std::string printerLabel(const std::string& state) {
    if (state == "ready") return "Klaar";
    if (state == "paper-out") return "Papier op";
    if (state == "offline") return "Uit of los";
    if (state == "error") return "Fout";
    if (state == "none") return "Geen printer";
    return state.empty() ? "Onbekend" : state;
}

std::string outboxLabel(const KioskHealth& h) {
    if (h.outboxWaiting == 0 && h.outboxRejected == 0) return "Leeg";
    std::string out = fmt::format("{} wachten", h.outboxWaiting);
    if (h.outboxRejected > 0) out += fmt::format(", {} geweigerd", h.outboxRejected);
    return out;
}

json troubleList(const std::vector<std::string>& trouble) {
    json out = json::array();
    for (const std::string& t : trouble)
        out.push_back({{"id", t}, {"label", troubleLabel(t)}, {"printer", isPrinterTrouble(t)}});
    return out;
}

json kioskRow(const FleetEntry& k, TimePoint now) {
    json row = {{"name", k.name},
                {"href", kioskPagePath(k.name)},
                {"contactPoint", k.contactPoint},
                {"lastHeard", heardAgo(k.lastHeard, now)},
                {"printer", k.health ? printerLabel(k.health->printerState) : "-"},
                {"outbox", k.health ? outboxLabel(*k.health) : "-"},
                {"version", k.health && !k.health->version.empty() ? k.health->version : "-"},
                {"trouble", troubleList(k.trouble)},
                {"ok", k.trouble.empty()},
                {"revoked", k.revoked},
                {"enrolled", k.enrollment.has_value()}};
    if (k.lastScreenshot) row["screenshotHref"] = commandUploadPath(*k.lastScreenshot);
    return row;
}

}  // namespace

std::string troubleLabel(const std::string& trouble) {
    for (const auto& [id, label] : troubleLabels())
        if (id == trouble) return std::string(label);
    return trouble;
}

bool isPrinterTrouble(const std::string& trouble) {
    return trouble == "paper-out" || trouble == "printer-offline" || trouble == "printer-error";
}

std::string heardAgo(std::optional<TimePoint> at, TimePoint now) {
    if (!at) return "nog nooit";
    const long long s = std::chrono::floor<std::chrono::seconds>(now - *at).count();
    if (s < 5) return "zojuist";
    if (s < 60) return fmt::format("{} sec geleden", s);
    if (s < 3600) return fmt::format("{} min geleden", s / 60);
    if (s < 48 * 3600) return fmt::format("{} uur geleden", s / 3600);
    return fmt::format("{} dagen geleden", s / 86400);
}

std::string commandKindLabel(const std::string& kind) {
    if (kind == "restart") return "Opnieuw starten";
    if (kind == "out-of-service") return "Buiten dienst";
    if (kind == "in-service") return "Weer in dienst";
    if (kind == "screenshot") return "Schermafbeelding";
    if (kind == "logs") return "Logregels";
    return kind;
}

std::string commandStateLabel(CommandState state) {
    switch (state) {
        case CommandState::Queued:
            return "Wacht op de kiosk";
        case CommandState::Delivered:
            return "Bij de kiosk";
        case CommandState::Done:
            return "Gedaan";
        case CommandState::Failed:
            return "Mislukt";
    }
    return "";
}

std::string kioskPagePath(const std::string& name) {
    return "/backoffice/kiosks/" + name;
}

std::string commandUploadPath(std::int64_t command) {
    return fmt::format("/backoffice/kiosks/commands/{}/upload", command);
}

json kiosksView(const std::vector<FleetEntry>& fleet, TimePoint now) {
    json rows = json::array();
    int withTrouble = 0;
    for (const FleetEntry& k : fleet) {
        rows.push_back(kioskRow(k, now));
        if (!k.trouble.empty()) ++withTrouble;
    }
    return {{"title", "Kiosks"},     {"section", "kiosks"},   {"kiosks", rows},
            {"any", !fleet.empty()}, {"count", fleet.size()}, {"withTrouble", withTrouble}};
}

json kioskView(const FleetEntry& k, const std::vector<KioskCommand>& commands, TimePoint now) {
    json view = kioskRow(k, now);
    view["title"] = "Kiosk " + k.name;
    view["section"] = "kiosks";
    view["subject"] = k.subject;
    view["commandAction"] = kioskPagePath(k.name) + "/command";
    view["revokeAction"] = kioskPagePath(k.name) + "/revoke";
    view["heard"] = k.lastHeard.has_value();
    if (k.lastHeard) view["heardAt"] = localDateTime(*k.lastHeard);
    if (k.enrollment) {
        view["enrolledAt"] = localDateTime(k.enrollment->enrolledAt);
        view["notAfter"] = localDate(k.enrollment->notAfter);
    }
    if (k.health) {
        const KioskHealth& h = *k.health;
        std::string reasons;
        for (const std::string& r : h.printerReasons) reasons += (reasons.empty() ? "" : ", ") + r;
        view["health"] = {{"bundleVersion", h.bundleVersion.empty() ? "-" : h.bundleVersion},
                          {"uptime", heardAgo(now - std::chrono::seconds(h.uptimeSeconds), now)},
                          {"printerReasons", reasons.empty() ? "-" : reasons},
                          {"diskFree", fmt::format("{} MB", h.diskFreeMb)},
                          {"lastError", h.lastError.empty() ? "-" : h.lastError},
                          {"inService", h.inService ? "Ja" : "Nee, buiten dienst"}};
    }
    json rows = json::array();
    for (const KioskCommand& c : commands) {
        json row = {{"id", c.id},
                    {"kind", commandKindLabel(c.kind)},
                    {"createdBy", c.createdBy},
                    {"created", localDateTime(c.createdAt)},
                    {"state", commandStateLabel(c.state)},
                    {"detail", c.detail}};
        // Only when set: Mustache takes an empty text for true.
        if (!c.message.empty()) row["message"] = c.message;
        if (!c.uploadType.empty()) {
            row["uploadHref"] = commandUploadPath(c.id);
            row["uploadLabel"] = c.kind == "screenshot" ? "Schermafbeelding bekijken" : "Logregels bekijken";
        }
        rows.push_back(std::move(row));
    }
    view["commands"] = rows;
    view["anyCommands"] = !rows.empty();
    return view;
}

json contactPointTroubleView(const std::vector<FleetEntry>& fleet) {
    struct Point {
        int kiosks = 0, withTrouble = 0, printerTrouble = 0;
        std::set<std::string> trouble;
    };
    std::map<std::string, Point> points;
    for (const FleetEntry& k : fleet) {
        Point& p = points[k.contactPoint];
        ++p.kiosks;
        if (!k.trouble.empty()) ++p.withTrouble;
        if (std::any_of(k.trouble.begin(), k.trouble.end(), isPrinterTrouble)) ++p.printerTrouble;
        p.trouble.insert(k.trouble.begin(), k.trouble.end());
    }
    json rows = json::array();
    int troubled = 0;
    for (const auto& [letters, p] : points) {
        // In the order of troubleLabels, not alphabetical.
        std::string words;
        for (const auto& [id, label] : troubleLabels())
            if (p.trouble.contains(std::string(id)))
                words += (words.empty() ? "" : ", ") + std::string(label);
        rows.push_back({{"contactPoint", letters},
                        {"kiosks", p.kiosks},
                        {"withTrouble", p.withTrouble},
                        {"printerTrouble", p.printerTrouble},
                        {"trouble", words.empty() ? "Geen" : words},
                        {"ok", p.withTrouble == 0}});
        if (p.withTrouble > 0) ++troubled;
    }
    return {{"contactPoints", rows}, {"anyContactPoints", !rows.empty()}, {"troubled", troubled}};
}

}  // namespace wp
