// The dashboard's SVG charts (central/backoffice/svg_chart.h): well-formed XML with a title and a
// description, labels escaped, every value written as text, and sane drawings for no data and one value.
#include "central/backoffice/svg_chart.h"

#include <expat.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

namespace wp {
namespace {

// True when text is well-formed XML (expat); the error otherwise.
std::string xmlError(const std::string& text) {
    XML_Parser p = XML_ParserCreate("UTF-8");
    std::string error;
    if (XML_Parse(p, text.data(), static_cast<int>(text.size()), 1) == XML_STATUS_ERROR)
        error = std::string(XML_ErrorString(XML_GetErrorCode(p))) + " at column " +
                std::to_string(XML_GetCurrentColumnNumber(p));
    XML_ParserFree(p);
    return error;
}

// The widths of the bars (class chart-bar), in order.
std::vector<int> barWidths(const std::string& svg) {
    std::vector<int> out;
    std::regex bar("class=\"chart-bar\" x=\"[0-9]+\" y=\"[0-9]+\" width=\"([0-9]+)\"");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), bar); it != std::sregex_iterator(); ++it)
        out.push_back(std::stoi((*it)[1]));
    return out;
}

TEST(SvgChartTest, ABarChartIsWellFormedNamedAndWritesEveryValue) {
    std::string svg = barChartSvg({"types",
                                   "Vragen per soort",
                                   "Aantal vragen per soort in week 49",
                                   {{"Terugbellen", 12, ""}, {"Vraag", 3, "3 vragen"}}});
    EXPECT_EQ(xmlError(svg), "");
    EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
    EXPECT_NE(svg.find("aria-labelledby=\"types-title types-desc\""), std::string::npos);
    EXPECT_NE(svg.find("<title id=\"types-title\">Vragen per soort</title>"), std::string::npos);
    EXPECT_NE(svg.find("<desc id=\"types-desc\">Aantal vragen per soort in week 49</desc>"),
              std::string::npos);
    EXPECT_NE(svg.find(">Terugbellen</text>"), std::string::npos);
    EXPECT_NE(svg.find(">12</text>"), std::string::npos);
    EXPECT_NE(svg.find(">3 vragen</text>"), std::string::npos);
    EXPECT_EQ(svg.find("style="), std::string::npos);  // the CSP refuses inline styles
    // The largest value fills the bar area beside the labels' column (11 characters: 115 px of 640, and
    // 70 for the value); the others scale with it.
    auto widths = barWidths(svg);
    ASSERT_EQ(widths.size(), 2u);
    EXPECT_EQ(widths[0], 455);
    EXPECT_EQ(widths[1], 114);
}

TEST(SvgChartTest, TheLabelsColumnFitsTheLongestLabel) {
    std::string svg =
        barChartSvg({"answers",
                     "Op tijd antwoord",
                     "Vragen naar antwoord op tijd",
                     {{"Op tijd beantwoord", 2, ""}, {"Nog geen antwoord, nog op tijd", 5, ""}}});
    EXPECT_EQ(xmlError(svg), "");
    // A label is drawn right-aligned at the column's edge, so its column is at least as wide as its text
    // (30 characters at about 9 px) and the bars start after it.
    EXPECT_NE(svg.find("x=\"278\" y=\"53\" text-anchor=\"end\""), std::string::npos) << svg;
    auto widths = barWidths(svg);
    ASSERT_EQ(widths.size(), 2u);
    EXPECT_EQ(widths[1], 640 - 286 - 70);
}

TEST(SvgChartTest, LabelsTitlesAndIdsAreEscaped) {
    std::string svg =
        barChartSvg({"a\"b", "<script>alert(1)</script>", "Tom & Jerry's", {{"<b>vet</b> & \"zo\"", 1, ""}}});
    EXPECT_EQ(xmlError(svg), "");
    EXPECT_EQ(svg.find("<script>"), std::string::npos);
    EXPECT_EQ(svg.find("<b>"), std::string::npos);
    EXPECT_NE(svg.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(svg.find("Tom &amp; Jerry&#39;s"), std::string::npos);
    EXPECT_NE(svg.find("&lt;b&gt;vet&lt;/b&gt; &amp; &quot;zo&quot;"), std::string::npos);
    EXPECT_NE(svg.find("id=\"a&quot;b-title\""), std::string::npos);

    std::string hours = hourChartSvg({"h<1>", "<t>", "<d>", "<m>", "<p>", "<u>", {{9, 1.0, 2.0}}});
    EXPECT_EQ(xmlError(hours), "");
    EXPECT_EQ(hours.find("<t>"), std::string::npos);
    EXPECT_EQ(hours.find("<u>"), std::string::npos);
}

TEST(SvgChartTest, NoDataSaysSoAndAllZeroValuesDrawEmptyBars) {
    std::string empty = barChartSvg({"e", "Leeg", "Geen vragen", {}});
    EXPECT_EQ(xmlError(empty), "");
    EXPECT_NE(empty.find(">Geen gegevens</text>"), std::string::npos);
    EXPECT_TRUE(barWidths(empty).empty());

    std::string zeros = barChartSvg({"z", "Nul", "Alles nul", {{"A", 0, ""}, {"B", 0, ""}}});
    EXPECT_EQ(xmlError(zeros), "");
    EXPECT_EQ(barWidths(zeros), (std::vector<int>{0, 0}));
    EXPECT_EQ(zeros.find("nan"), std::string::npos);

    std::string noHours = hourChartSvg({"w", "Wachttijd", "Geen kaartjes", "mediaan", "9 van 10", "min", {}});
    EXPECT_EQ(xmlError(noHours), "");
    EXPECT_NE(noHours.find(">Geen gegevens</text>"), std::string::npos);
}

TEST(SvgChartTest, OneValueFillsTheScale) {
    std::string one = barChartSvg({"o", "Een", "Een soort", {{"Vraag", 7, ""}}});
    EXPECT_EQ(xmlError(one), "");
    EXPECT_EQ(barWidths(one), (std::vector<int>{490}));  // the labels' column is at its narrowest, 80 px
    EXPECT_NE(one.find(">7</text>"), std::string::npos);
}

TEST(SvgChartTest, AnHourChartNamesBothSeriesByPatternAndWritesValuesAndHours) {
    std::string svg = hourChartSvg({"wait",
                                    "Wachttijd per uur",
                                    "Minuten van kaartje tot oproep",
                                    "mediaan",
                                    "9 van de 10 binnen",
                                    "minuten",
                                    {{9, 4.0, 11.0}, {10, std::nullopt, std::nullopt}, {11, 0.0, 0.0}}});
    EXPECT_EQ(xmlError(svg), "");
    EXPECT_NE(svg.find("<pattern id=\"wait-hatch\""), std::string::npos);
    EXPECT_NE(svg.find("fill=\"url(#wait-hatch)\""), std::string::npos);  // the second series: hatched
    EXPECT_NE(svg.find(">mediaan</text>"), std::string::npos);
    EXPECT_NE(svg.find(">9 van de 10 binnen</text>"), std::string::npos);
    EXPECT_NE(svg.find(">9:00</text>"), std::string::npos);
    EXPECT_NE(svg.find(">10:00</text>"), std::string::npos);
    EXPECT_NE(svg.find(">11</text>"), std::string::npos);
    EXPECT_NE(svg.find(">4</text>"), std::string::npos);
    EXPECT_NE(svg.find(">geen</text>"), std::string::npos);  // an hour without values says so
    EXPECT_EQ(svg.find("nan"), std::string::npos);
    EXPECT_EQ(svg.find("style="), std::string::npos);
}

TEST(SvgChartTest, WaitsOfSecondsAreSliversLabelledBelowOneMinute) {
    std::string svg =
        hourChartSvg({"w", "Wachttijd", "Minuten", "mediaan", "9 van de 10", "minuten", {{9, 0.1, 0.3}}});
    EXPECT_EQ(xmlError(svg), "");
    EXPECT_NE(svg.find(">&lt;1</text>"), std::string::npos) << svg;
    EXPECT_EQ(svg.find(">0</text>"), std::string::npos) << svg;
    // The scale's top is one minute: 0.3 minutes fill less than a third of the plot's height.
    std::vector<double> heights;
    for (auto at = svg.find("<rect x="); at != std::string::npos; at = svg.find("<rect x=", at + 1)) {
        auto h = svg.find("height=\"", at);
        heights.push_back(std::stod(svg.substr(h + 8)));
    }
    ASSERT_FALSE(heights.empty());
    const double tallest = *std::max_element(heights.begin(), heights.end());
    EXPECT_GT(tallest, 0);
    EXPECT_LT(tallest, 60);
}

}  // namespace
}  // namespace wp
