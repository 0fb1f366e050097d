// CSV for the back office's exports: RFC 4180 (cells with a comma, quote, CR or LF quoted, quotes doubled,
// CRLF between rows), UTF-8 with a byte order mark so Excel reads the accents, and no formula injection: a
// cell whose text starts with = + - or @, also after leading spaces, tabs or CRs, gets a ' in front, so a
// spreadsheet shows it as text instead of running it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace wp {

// One cell as it goes into the file: escaped against formulas, then quoted when it must be.
std::string csvCell(std::string_view text);

class CsvTable {
  public:
    // Starts the text with the byte order mark.
    CsvTable();
    void addRow(const std::vector<std::string>& cells);
    const std::string& text() const { return text_; }

  private:
    std::string text_;
};

}  // namespace wp
