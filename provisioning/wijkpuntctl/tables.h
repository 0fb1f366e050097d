// What wijkpuntctl prints for people: plain text tables (columns padded with spaces, upper-case headings,
// "-" for nothing) and one-line summaries, from the fleet API's JSON. Scripts use --json instead. Missing or
// odd fields print as "-", never fail. Pure; thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <string>
#include <vector>

#include "common/clock.h"

namespace wp::ctl {

class TextTable {
  public:
    explicit TextTable(std::vector<std::string> headings);
    // A row with as many cells as headings (fewer are padded with "-", more are dropped); an empty cell
    // prints as "-".
    void addRow(std::vector<std::string> cells);
    // Every row, the headings first, each line ending in "\n"; columns two spaces apart, the last one not
    // padded. Widths count UTF-8 characters.
    std::string text() const;

  private:
    std::vector<std::vector<std::string>> rows_;
};

// "just now" (under 5 s), "42 s ago", "3 min ago", "5 h ago", "2 days ago"; "in the future" for a negative
// age.
std::string ageText(std::chrono::seconds age);

// The kiosks answer's table: kiosk, last heard (from now), version, printer, outbox, certificate end,
// trouble.
std::string kiosksTable(const nlohmann::json& answer, TimePoint now);
// The audit log's newest `limit` entries: when, who, what, reference, from where, detail.
std::string auditTable(const nlohmann::json& answer, int limit);
// "command 18 for SGN-K3: out-of-service \"Storing\", done" (with its detail when there is one).
std::string commandSummary(const nlohmann::json& command);

}  // namespace wp::ctl
