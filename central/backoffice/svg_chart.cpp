#include "central/backoffice/svg_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string_view>

#include "central/public_pages.h"

namespace wp {

namespace {

constexpr int kWidth = 640;
constexpr const char* kInk = "#1f3f66";  // 10.6:1 on white: bars, hatching and text

// A value as a whole number; one above 0 that would round to 0 is "<1".
std::string numberText(double v) {
    if (v > 0 && v < 0.5) return "<1";
    return fmt::format("{:.0f}", v);
}

// The opening tag with the accessible name and description, and the two elements they point at.
std::string openSvg(const std::string& id, int height, const std::string& title, const std::string& desc) {
    std::string eid = escapeHtml(id);
    return fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"{0}\" height=\"{1}\" "
        "viewBox=\"0 0 {0} {1}\" aria-labelledby=\"{2}-title {2}-desc\">"
        "<title id=\"{2}-title\">{3}</title><desc id=\"{2}-desc\">{4}</desc>",
        kWidth, height, eid, escapeHtml(title), escapeHtml(desc));
}

}  // namespace

namespace {

// About how wide text is drawn at the charts' size (DejaVu Sans at 16 px: about 9 px per character).
int textWidth(std::string_view text) {
    int chars = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80) ++chars;
    return chars * 9;
}

}  // namespace

std::string barChartSvg(const BarChart& chart) {
    constexpr int kRow = 28, kTop = 6;
    // The labels' column fits the longest label; the bars and their values take the rest.
    int longest = 0;
    for (const ChartBar& b : chart.bars) longest = std::max(longest, textWidth(b.label));
    const int kLabelWidth = std::clamp(longest + 16, 80, kWidth / 2);
    const int kBarMax = kWidth - kLabelWidth - 70;
    const int rows = std::max<int>(1, static_cast<int>(chart.bars.size()));
    const int height = kTop * 2 + rows * kRow;
    std::string svg = openSvg(chart.id, height, chart.title, chart.description);
    if (chart.bars.empty()) {
        svg += fmt::format("<text class=\"chart-text\" x=\"0\" y=\"{}\" fill=\"{}\">Geen gegevens</text>",
                           kTop + 19, kInk);
        return svg + "</svg>";
    }
    double max = 0;
    for (const ChartBar& b : chart.bars) max = std::max(max, b.value);
    for (std::size_t i = 0; i < chart.bars.size(); ++i) {
        const ChartBar& b = chart.bars[i];
        const int y = kTop + static_cast<int>(i) * kRow;
        const double length = max > 0 ? std::max(0.0, b.value) / max * kBarMax : 0;
        const int w = static_cast<int>(std::lround(length));
        svg += fmt::format(
            "<text class=\"chart-text\" x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"{}\">{}</text>",
            kLabelWidth - 8, y + 19, kInk, escapeHtml(b.label));
        svg += fmt::format(
            "<rect class=\"chart-bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>",
            kLabelWidth, y + 4, w, kRow - 8, kInk);
        svg += fmt::format("<text class=\"chart-text\" x=\"{}\" y=\"{}\" fill=\"{}\">{}</text>",
                           kLabelWidth + w + 6, y + 19, kInk,
                           escapeHtml(b.valueText.empty() ? numberText(b.value) : b.valueText));
    }
    return svg + "</svg>";
}

std::string hourChartSvg(const HourChart& chart) {
    constexpr int kHeight = 280, kLeft = 8, kRight = kWidth - 8, kLegend = 28, kPlotTop = kLegend + 22,
                  kBase = kHeight - 30;
    std::string svg = openSvg(chart.id, kHeight, chart.title, chart.description);
    std::string hatch = escapeHtml(chart.id) + "-hatch";
    svg += fmt::format(
        "<defs><pattern id=\"{0}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
        "<rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><path d=\"M0,6 L6,0\" stroke=\"{1}\" "
        "stroke-width=\"1.5\"/></pattern></defs>",
        hatch, kInk);
    // The legend: a sample of each series' fill with its name, the second after the first's name.
    const int second = kLeft + 22 + textWidth(chart.firstName) + 24;
    svg += fmt::format(
        "<rect x=\"{0}\" y=\"6\" width=\"16\" height=\"16\" fill=\"{1}\"/>"
        "<text class=\"chart-text\" x=\"{2}\" y=\"19\" fill=\"{1}\">{3}</text>"
        "<rect x=\"{4}\" y=\"6\" width=\"16\" height=\"16\" fill=\"url(#{5})\" stroke=\"{1}\"/>"
        "<text class=\"chart-text\" x=\"{6}\" y=\"19\" fill=\"{1}\">{7}</text>",
        kLeft, kInk, kLeft + 22, escapeHtml(chart.firstName), second, hatch, second + 22,
        escapeHtml(chart.secondName));
    if (chart.hours.empty()) {
        svg += fmt::format("<text class=\"chart-text\" x=\"{}\" y=\"{}\" fill=\"{}\">Geen gegevens</text>",
                           kLeft, kPlotTop + 40, kInk);
        return svg + "</svg>";
    }
    double max = chart.scaleAtLeast;
    for (const HourValues& h : chart.hours) max = std::max({max, h.first.value_or(0), h.second.value_or(0)});
    const double group = static_cast<double>(kRight - kLeft) / static_cast<double>(chart.hours.size());
    const double bar = std::min(28.0, group * 0.4);
    const double plot = kBase - kPlotTop - 18;  // room for the value above the highest bar
    svg += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\"/>", kLeft, kBase, kRight,
                       kBase, kInk);
    auto drawBar = [&](double x, std::optional<double> v, bool hatched) {
        if (!v) {
            svg += fmt::format(
                "<text class=\"chart-small\" x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" "
                "fill=\"{}\">geen</text>",
                x + bar / 2, kBase - 4, kInk);
            return;
        }
        const double h = max > 0 ? std::max(0.0, *v) / max * plot : 0;
        svg += fmt::format(
            "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\" stroke=\"{}\"/>",
            x, kBase - h, bar, h, hatched ? "url(#" + hatch + ")" : kInk, kInk);
        svg += fmt::format(
            "<text class=\"chart-small\" x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" "
            "fill=\"{}\">{}</text>",
            x + bar / 2, kBase - h - 4, kInk, escapeHtml(numberText(*v)));
    };
    for (std::size_t i = 0; i < chart.hours.size(); ++i) {
        const HourValues& hv = chart.hours[i];
        const double x0 = kLeft + group * static_cast<double>(i);
        const double start = x0 + (group - 2 * bar) / 2;
        drawBar(start, hv.first, false);
        drawBar(start + bar, hv.second, true);
        svg += fmt::format(
            "<text class=\"chart-small\" x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" "
            "fill=\"{}\">{}:00</text>",
            x0 + group / 2, kBase + 18, kInk, std::clamp(hv.hour, 0, 23));
    }
    if (!chart.unit.empty())
        svg += fmt::format(
            "<text class=\"chart-small\" x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"{}\">in {}</text>",
            kRight, kPlotTop - 8, kInk, escapeHtml(chart.unit));
    return svg + "</svg>";
}

}  // namespace wp
