// The dashboard page's view (templates/dashboard.mustache): DashboardFigures turned into the JSON the
// template reads, in Dutch at B1, with an SVG chart (svg_chart.h) and a table of the same numbers for each
// figure. It answers what a council asks about a contact point: how many came, for what, how long they
// waited, and whether they were answered in time. Counts and durations only, never personal data.
// Pure; thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "central/backoffice/dashboard_figures.h"

namespace wp {

struct DashboardContext {
    std::string contactPoint;                // the one shown: "SGN"
    std::vector<std::string> contactPoints;  // every one to choose from, in order
    IsoWeek week;
    IsoWeek currentWeek;  // the week of now: no link to a later week
    std::chrono::hours responseTarget{72};
    std::map<std::string, std::string> teamLabels;  // by team name; a team without one shows its name
};

// "12 min", "3 uur 5 min", "2 dagen 4 uur"; "-" for none.
std::string durationText(std::optional<std::chrono::seconds> d);
// "week 49: 30 november tot en met 6 december 2026"
std::string weekLabel(const IsoWeek& week);
// The Dutch name of a request type or walk-in service (their ids are English or lower case); the id itself
// when unknown. Teams' names are in the store (RoutingTable::labels).
std::string requestTypeLabel(const std::string& type);
std::string serviceLabel(const std::string& service);

nlohmann::json dashboardView(const DashboardFigures& figures, const DashboardContext& context);

}  // namespace wp
