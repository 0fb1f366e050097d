#include "kiosk/ui/summary_list.h"

#include <algorithm>

namespace wp::ui {

namespace {

// The three columns of a row: the label (a third), the answer, and "Wijzig" at the end.
struct Columns {
    float labelX0, labelX1, valueX0, valueX1, changeX0;
};

Columns columnsOf(const Ui& ui, Rect where) {
    const Theme& t = ui.theme();
    const float gap = t.spacing;
    const float labelW = (where.width() - t.sizes.changeWidth - gap * 2) / 3;
    const float changeX0 = where.x1 - t.sizes.changeWidth;
    return {where.x0, where.x0 + labelW, where.x0 + labelW + gap, changeX0 - gap, changeX0};
}

float innerHeight(const Ui& ui, const SummaryRowView& row, float width) {
    const Columns c = columnsOf(ui, {0, 0, width, 0});
    const float labelH = ui.measureHeight(row.label, c.labelX1 - c.labelX0, FontRole::Large);
    const float valueH = ui.measureHeight(row.value, c.valueX1 - c.valueX0, FontRole::Body);
    const float changeH = row.changeLabel.empty() ? 0.f : ui.theme().sizes.compactRowHeight;
    return std::max({labelH, valueH, changeH});
}

}  // namespace

float summaryValueWidth(const Ui& ui, float width) {
    const Columns c = columnsOf(ui, {0, 0, width, 0});
    return c.valueX1 - c.valueX0;
}

float summaryRowHeight(const Ui& ui, const SummaryRowView& row, float width) {
    const Theme& t = ui.theme();
    return innerHeight(ui, row, width) + t.sizes.lineGap * 2 + t.sizes.borderWidth;
}

bool summaryRow(Ui& ui, const SummaryRowView& row, Rect where) {
    const Theme& t = ui.theme();
    const auto& c = t.colors;
    const Columns col = columnsOf(ui, where);
    const float innerH = innerHeight(ui, row, where.width());
    const float y = where.y0 + t.sizes.lineGap;
    ui.text(row.label, {col.labelX0, y, col.labelX1, y + innerH}, FontRole::Large, c.text, c.background);
    ui.text(row.value, {col.valueX0, y, col.valueX1, y + innerH}, FontRole::Body, c.text, c.background);
    bool change = false;
    if (!row.changeLabel.empty()) {
        ui.nameNextControl(row.changeName);
        change = ui.button(row.changeLabel, {col.changeX0, y, where.x1, y + t.sizes.compactRowHeight},
                           FontRole::Body);
    }
    const float ruleY = y + innerH + t.sizes.lineGap;
    ui.fill({where.x0, ruleY, where.x1, ruleY + t.sizes.borderWidth}, c.textMuted);
    return change;
}

}  // namespace wp::ui
