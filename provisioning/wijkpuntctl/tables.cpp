#include "provisioning/wijkpuntctl/tables.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "common/wire.h"

namespace wp::ctl {

using nlohmann::json;

namespace {

std::size_t characters(const std::string& s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0) != 0x80; }));
}

// The text of j[key] (a string, number or bool), or "" when it is missing or null.
std::string text(const json& j, const char* key) {
    if (!j.is_object() || !j.contains(key)) return "";
    const json& v = j[key];
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_integer()) return std::to_string(v.get<long long>());
    if (v.is_boolean()) return v.get<bool>() ? "yes" : "no";
    if (v.is_number()) return v.dump();
    return "";
}

long long number(const json& j, const char* key) {
    if (!j.is_object() || !j.contains(key) || !j[key].is_number()) return 0;
    return j[key].get<long long>();
}

std::string outboxText(const json& health) {
    if (!health.is_object() || !health.contains("outbox") || !health["outbox"].is_object()) return "";
    const json& o = health["outbox"];
    long long waiting = number(o, "waiting"), rejected = number(o, "rejected");
    if (waiting == 0 && rejected == 0) return "empty";
    std::string out = fmt::format("{} waiting", waiting);
    if (rejected > 0) out += fmt::format(", {} rejected", rejected);
    return out;
}

std::string printerText(const json& health) {
    if (!health.is_object() || !health.contains("printer")) return "";
    return text(health["printer"], "state");
}

std::string listText(const json& j, const char* key) {
    if (!j.is_object() || !j.contains(key) || !j[key].is_array()) return "";
    std::string out;
    for (const json& item : j[key])
        if (item.is_string()) out += (out.empty() ? "" : ", ") + item.get<std::string>();
    return out;
}

}  // namespace

TextTable::TextTable(std::vector<std::string> headings) {
    for (std::string& h : headings)
        std::transform(h.begin(), h.end(), h.begin(), [](unsigned char c) { return std::toupper(c); });
    rows_.push_back(std::move(headings));
}

void TextTable::addRow(std::vector<std::string> cells) {
    cells.resize(rows_.front().size());
    for (std::string& c : cells)
        if (c.empty()) c = "-";
    rows_.push_back(std::move(cells));
}

std::string TextTable::text() const {
    std::vector<std::size_t> widths(rows_.front().size(), 0);
    for (const auto& row : rows_)
        for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], characters(row[i]));
    std::string out;
    for (const auto& row : rows_) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            out += row[i];
            if (i + 1 < row.size()) out += std::string(widths[i] - characters(row[i]) + 2, ' ');
        }
        out += "\n";
    }
    return out;
}

std::string ageText(std::chrono::seconds age) {
    const long long s = age.count();
    if (s < 0) return "in the future";
    if (s < 5) return "just now";
    if (s < 60) return fmt::format("{} s ago", s);
    if (s < 3600) return fmt::format("{} min ago", s / 60);
    if (s < 48 * 3600) return fmt::format("{} h ago", s / 3600);
    return fmt::format("{} days ago", s / 86400);
}

std::string kiosksTable(const json& answer, TimePoint now) {
    TextTable table({"kiosk", "last heard", "version", "printer", "outbox", "certificate until", "trouble"});
    if (answer.is_object() && answer.contains("kiosks") && answer["kiosks"].is_array()) {
        for (const json& k : answer["kiosks"]) {
            std::string heard = "never";
            if (auto at = parseRfc3339(text(k, "last_heard")))
                heard = ageText(std::chrono::floor<std::chrono::seconds>(now - *at));
            const json health = k.is_object() && k.contains("health") ? k["health"] : json();
            std::string until = text(k, "not_after").substr(0, 10);
            table.addRow({text(k, "kiosk"), heard, text(health, "version"), printerText(health),
                          outboxText(health), until, listText(k, "trouble")});
        }
    }
    return table.text();
}

std::string auditTable(const json& answer, int limit) {
    TextTable table({"at", "actor", "action", "reference", "source", "detail"});
    if (answer.is_object() && answer.contains("entries") && answer["entries"].is_array()) {
        int shown = 0;
        for (const json& e : answer["entries"]) {
            if (shown++ >= limit) break;
            table.addRow({text(e, "at"), text(e, "actor"), text(e, "action"), text(e, "reference"),
                          text(e, "source"), text(e, "detail")});
        }
    }
    return table.text();
}

std::string commandSummary(const json& command) {
    std::string out = fmt::format("command {} for {}: {}", text(command, "id"), text(command, "kiosk"),
                                  text(command, "kind"));
    if (std::string m = text(command, "message"); !m.empty()) out += fmt::format(" \"{}\"", m);
    out += ", " + (text(command, "state").empty() ? std::string("?") : text(command, "state"));
    if (std::string d = text(command, "detail"); !d.empty()) out += " (" + d + ")";
    return out;
}

}  // namespace wp::ctl
