// Charts for the back office's dashboard, drawn on the server as SVG from numbers (no script, no colour
// needed to read them): every bar carries its value as text, series differ by fill pattern as well as shade
// and are named in a legend, and each chart has a <title> and a description (aria-labelledby) for screen
// readers. The page shows the same numbers as a table beside the chart.
//
// Labels and texts are escaped here, so the markup may go into a template unescaped ({{{svg}}}). The SVG has
// no inline style attributes (the Content-Security-Policy refuses them): its looks are classes that
// central/backoffice/static/backoffice.css styles, with presentation attributes (fill) as the fallback.
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wp {

struct ChartBar {
    std::string label;      // "Huurloket"
    double value = 0;       // >= 0
    std::string valueText;  // shown at the bar's end: "12", "4 min"; empty: the value as a whole number
};

// Horizontal bars, one per row, the label at the left and the value at the end of the bar.
struct BarChart {
    std::string id;  // unique on the page; names the title and description elements
    std::string title;
    std::string description;
    std::vector<ChartBar> bars;
};

// One hour of the day with up to two values (for instance the median and the 90th percentile of waits).
struct HourValues {
    int hour = 0;                  // 0..23: the hour that starts at hour:00
    std::optional<double> first;   // nullopt: no value this hour (drawn as "geen")
    std::optional<double> second;  // nullopt: no value this hour
};

// Grouped vertical bars per hour: the first series solid, the second hatched, each value written above its
// bar.
struct HourChart {
    std::string id;
    std::string title;
    std::string description;
    std::string firstName;   // legend: "mediaan"
    std::string secondName;  // legend: "9 van de 10 binnen"
    std::string unit;        // after each value: "min"
    std::vector<HourValues> hours;
    // The top of the scale is at least this, so a few seconds' wait is a sliver, not a full bar.
    double scaleAtLeast = 1;
};

std::string barChartSvg(const BarChart& chart);
std::string hourChartSvg(const HourChart& chart);

}  // namespace wp
