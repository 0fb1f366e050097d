#include "central/backoffice/dashboard_view.h"

#include <date/date.h>
#include <fmt/format.h>

#include <array>
#include <functional>
#include <map>

#include "central/backoffice/svg_chart.h"

namespace wp {

namespace {

using nlohmann::json;

std::string labelOf(const std::map<std::string, std::string>& names, const std::string& id) {
    auto it = names.find(id);
    return it != names.end() ? it->second : id;
}

// A chart and its table rows from counts, with labels made by label().
json countsView(const std::string& id, const std::string& title, const std::string& description,
                const std::vector<Count>& counts,
                const std::function<std::string(const std::string&)>& label) {
    BarChart chart{id, title, description, {}};
    json rows = json::array();
    for (const Count& c : counts) {
        chart.bars.push_back({label(c.name), static_cast<double>(c.count), ""});
        rows.push_back({{"label", label(c.name)}, {"count", c.count}});
    }
    return {{"svg", barChartSvg(chart)}, {"rows", rows}, {"any", !counts.empty()}};
}

std::optional<double> minutesOf(std::optional<std::chrono::seconds> s) {
    if (!s) return std::nullopt;
    return static_cast<double>(s->count()) / 60.0;
}

std::string dashboardHref(const std::string& contactPoint, const IsoWeek& week) {
    return fmt::format("/backoffice/dashboard?contact_point={}&week={}", contactPoint, week.text());
}

}  // namespace

std::string durationText(std::optional<std::chrono::seconds> d) {
    if (!d) return "-";
    long long minutes = (d->count() + 30) / 60;
    if (minutes == 0) return "minder dan 1 min";
    if (minutes < 60) return fmt::format("{} min", minutes);
    long long hours = minutes / 60;
    if (hours < 48)
        return minutes % 60 ? fmt::format("{} uur {} min", hours, minutes % 60)
                            : fmt::format("{} uur", hours);
    return hours % 24 ? fmt::format("{} dagen {} uur", hours / 24, hours % 24)
                      : fmt::format("{} dagen", hours / 24);
}

std::string weekLabel(const IsoWeek& week) {
    static constexpr std::array<const char*, 12> kMonths = {"januari",   "februari", "maart",    "april",
                                                            "mei",       "juni",     "juli",     "augustus",
                                                            "september", "oktober",  "november", "december"};
    auto day = [](const std::string& text) {
        date::year_month_day ymd{date::year(std::stoi(text.substr(0, 4))),
                                 date::month(static_cast<unsigned>(std::stoi(text.substr(5, 2)))),
                                 date::day(static_cast<unsigned>(std::stoi(text.substr(8, 2))))};
        return ymd;
    };
    auto first = day(week.firstDay()), last = day(week.lastDay());
    auto dayMonth = [&](const date::year_month_day& d) {
        return fmt::format("{} {}", static_cast<unsigned>(d.day()),
                           kMonths[static_cast<unsigned>(d.month()) - 1]);
    };
    std::string from = first.year() == last.year()
                           ? dayMonth(first)
                           : fmt::format("{} {}", dayMonth(first), static_cast<int>(first.year()));
    return fmt::format("week {} van {}: {} tot en met {} {}", week.week, week.year, from, dayMonth(last),
                       static_cast<int>(last.year()));
}

std::string requestTypeLabel(const std::string& type) {
    static const std::map<std::string, std::string> names = {
        {"question", "Vraag"},
        {"callback", "Terugbellen"},
        {"home-visit", "Huisbezoek"},
        {"initiative", "Initiatief"},
        {"appointment-callback", "Afspraak maken"},
        {"event-registration", "Aanmelding activiteit"},
        {"volunteer", "Vrijwilliger worden"},
        {"agenda-topic", "Onderwerp voor de agenda"},
        {"pin", "Punt op de kaart"},
        {"pin-support", "Steun voor een punt"},
        {"poll-vote", "Stem"},
    };
    return labelOf(names, type);
}

std::string serviceLabel(const std::string& service) {
    static const std::map<std::string, std::string> names = {
        {"huurloket", "Huurloket"},
        {"wijkteam", "Wijkteam"},
        {"gemeente", "Gemeente"},
        {"initiatief", "Initiatief-coach"},
    };
    return labelOf(names, service);
}

json dashboardView(const DashboardFigures& f, const DashboardContext& c) {
    const std::string week = weekLabel(c.week);
    json points = json::array();
    for (const std::string& p : c.contactPoints)
        points.push_back({{"code", p}, {"selected", p == c.contactPoint}});

    json view = {
        {"title", fmt::format("Dashboard {}", c.contactPoint)},
        {"section", "dashboard"},
        {"contactPoint", c.contactPoint},
        {"contactPoints", points},
        {"weekText", c.week.text()},
        {"weekLabel", week},
        {"previousHref", dashboardHref(c.contactPoint, c.week.previous())},
        {"requests", f.requests},
        {"tickets", f.tickets},
    };
    if (c.week.start() < c.currentWeek.start())
        view["nextHref"] = dashboardHref(c.contactPoint, c.week.next());
    if (c.week != c.currentWeek) view["currentHref"] = dashboardHref(c.contactPoint, c.currentWeek);

    view["byType"] = countsView("chart-types", "Vragen per soort",
                                fmt::format("Aantal vragen per soort bij {} in {}.", c.contactPoint, week),
                                f.byType, requestTypeLabel);
    view["byTeam"] = countsView("chart-teams", "Vragen per team",
                                fmt::format("Aantal vragen per team bij {} in {}.", c.contactPoint, week),
                                f.byTeam, [&](const std::string& team) {
                                    auto it = c.teamLabels.find(team);
                                    return it == c.teamLabels.end() ? team : it->second;
                                });
    view["services"] =
        countsView("chart-services", "Wachtnummers per dienst",
                   fmt::format("Aantal wachtnummers per dienst bij {} in {}.", c.contactPoint, week),
                   f.ticketsByService, serviceLabel);

    // Were they answered in time?
    const int target = static_cast<int>(c.responseTarget.count());
    const int answered = f.answeredInTime + f.answeredLate;
    BarChart answers{
        "chart-answers",
        "Op tijd antwoord",
        fmt::format("Hoeveel vragen binnen {} uur een eerste antwoord kregen, in {}.", target, week),
        {{"Op tijd beantwoord", static_cast<double>(f.answeredInTime), ""},
         {"Te laat beantwoord", static_cast<double>(f.answeredLate), ""},
         {"Nog geen antwoord, te laat", static_cast<double>(f.unansweredLate), ""},
         {"Nog geen antwoord, nog op tijd", static_cast<double>(f.unansweredInTime), ""}}};
    view["answers"] = {
        {"svg", f.requests > 0 ? barChartSvg(answers)
                               : barChartSvg({answers.id, answers.title, answers.description, {}})},
        {"targetHours", target},
        {"inTime", f.answeredInTime},
        {"late", f.answeredLate},
        {"unansweredLate", f.unansweredLate},
        {"unansweredInTime", f.unansweredInTime},
        {"answered", answered},
        {"anyAnswered", answered > 0},
        {"median", durationText(f.firstResponse.median)},
        {"p90", durationText(f.firstResponse.p90)},
        {"inTimePercent", f.requests > 0 ? (f.answeredInTime * 100 + f.requests / 2) / f.requests : 0},
        {"any", f.requests > 0},
    };

    // How long did they wait?
    HourChart waits{
        "chart-waits",
        "Wachttijd per uur",
        fmt::format("Minuten van wachtnummer tot oproep, per uur van de dag waarin het wachtnummer is "
                    "getrokken, bij {} in {}. Per uur de mediaan en de tijd waarbinnen 9 van de 10 "
                    "mensen werden opgeroepen.",
                    c.contactPoint, week),
        "mediaan (de helft wachtte korter)",
        "9 van de 10 wachtten korter",
        "minuten",
        {}};
    json hours = json::array();
    for (const HourWait& h : f.waitByHour) {
        waits.hours.push_back({h.hour, minutesOf(h.wait.median), minutesOf(h.wait.p90)});
        hours.push_back({{"hour", fmt::format("{}:00 tot {}:00", h.hour, h.hour + 1)},
                         {"called", h.wait.count},
                         {"median", durationText(h.wait.median)},
                         {"p90", durationText(h.wait.p90)}});
    }
    view["waits"] = {
        {"svg", hourChartSvg(waits)},      {"hours", hours},
        {"any", !f.waitByHour.empty()},    {"called", f.wait.count},
        {"notCalled", f.ticketsNotCalled}, {"median", durationText(f.wait.median)},
        {"p90", durationText(f.wait.p90)},
    };
    return view;
}

}  // namespace wp
