#include "central/backoffice/csv_table.h"

namespace wp {

std::string csvCell(std::string_view text) {
    std::string cell;
    const size_t first = text.find_first_not_of(" \t\r");
    if (first != std::string_view::npos &&
        std::string_view("=+-@").find(text[first]) != std::string_view::npos)
        cell = "'";
    cell += text;
    if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
    std::string quoted = "\"";
    for (char c : cell) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

CsvTable::CsvTable() : text_("\xEF\xBB\xBF") {}

void CsvTable::addRow(const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) text_ += ',';
        text_ += csvCell(cells[i]);
    }
    text_ += "\r\n";
}

}  // namespace wp
