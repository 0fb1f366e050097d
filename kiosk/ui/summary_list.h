// A summary list, as GOV.UK's "check your answers": one row per answer, the question's short label (a third
// of the width, bold), the answer beside it and "Wijzig" at the end, a thin rule under each row. Rows are
// text on the page (they cannot be tapped and do not look like tiles); only "Wijzig" is a control, a
// secondary action named after its row ("Wijzig: Naam"), so each one is told apart by read-aloud, keypad
// focus and the script runner.
#pragma once

#include <string>
#include <string_view>

#include "kiosk/ui/ui.h"

namespace wp::ui {

struct SummaryRowView {
    std::string label;  // the question's short label: "Naam"
    std::string value;  // the answer, or a part of a long one
    // "Wijzig" and its name; an empty changeLabel: the row cannot be changed here (no control).
    std::string changeLabel, changeName;
};

// The width of the answer's column in a row as wide as width.
float summaryValueWidth(const Ui& ui, float width);
// The height summaryRow takes for row at width.
float summaryRowHeight(const Ui& ui, const SummaryRowView& row, float width);
// Draws row from the top of where (as wide as where); true when its "Wijzig" was tapped.
bool summaryRow(Ui& ui, const SummaryRowView& row, Rect where);

}  // namespace wp::ui
