#include "central/backoffice/dashboard_figures.h"

#include <date/iso_week.h>
#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>

namespace wp {

namespace {

using std::chrono::seconds;

const date::time_zone* amsterdam() {
    static const date::time_zone* zone = date::locate_zone("Europe/Amsterdam");
    return zone;
}

date::local_days mondayOf(const IsoWeek& w) {
    return date::local_days(iso_week::year_weeknum_weekday{
        iso_week::year{w.year}, iso_week::weeknum{static_cast<unsigned>(w.week)}, iso_week::mon});
}

IsoWeek weekOf(date::local_days day) {
    iso_week::year_weeknum_weekday ywd{day};
    return {static_cast<int>(ywd.year()), static_cast<int>(static_cast<unsigned>(ywd.weeknum()))};
}

std::string dayText(date::local_days day) {
    return date::format("%Y-%m-%d", day);
}

std::vector<Count> sorted(const std::map<std::string, int>& counts) {
    std::vector<Count> out;
    for (const auto& [name, n] : counts) out.push_back({name, n});
    std::stable_sort(out.begin(), out.end(),
                     [](const Count& a, const Count& b) { return a.count > b.count; });
    return out;
}

}  // namespace

std::optional<IsoWeek> IsoWeek::parse(const std::string& text) {
    int year = 0, week = 0;
    char tail = 0;
    if (text.size() < 7 || text.size() > 8 || text[4] != '-' || (text[5] != 'W' && text[5] != 'w'))
        return std::nullopt;
    if (std::sscanf(text.c_str(), "%4d-%*c%2d%c", &year, &week, &tail) != 2) return std::nullopt;
    if (year < 1970 || year > 9999 || week < 1) return std::nullopt;
    iso_week::year_weeknum_weekday ywd{iso_week::year{year}, iso_week::weeknum{static_cast<unsigned>(week)},
                                       iso_week::mon};
    if (!ywd.ok()) return std::nullopt;
    return IsoWeek{year, week};
}

IsoWeek IsoWeek::containing(TimePoint t) {
    auto local = amsterdam()->to_local(std::chrono::floor<seconds>(t));
    return weekOf(std::chrono::floor<date::days>(local));
}

std::string IsoWeek::text() const {
    return fmt::format("{:04}-W{:02}", year, week);
}

IsoWeek IsoWeek::previous() const {
    return weekOf(mondayOf(*this) - date::days{7});
}

IsoWeek IsoWeek::next() const {
    return weekOf(mondayOf(*this) + date::days{7});
}

TimePoint IsoWeek::start() const {
    return date::make_zoned(amsterdam(), mondayOf(*this), date::choose::earliest).get_sys_time();
}

TimePoint IsoWeek::end() const {
    return next().start();
}

std::string IsoWeek::firstDay() const {
    return dayText(mondayOf(*this));
}

std::string IsoWeek::lastDay() const {
    return dayText(mondayOf(*this) + date::days{6});
}

int localHour(TimePoint t) {
    auto local = amsterdam()->to_local(std::chrono::floor<seconds>(t));
    auto sinceMidnight = local - std::chrono::floor<date::days>(local);
    return static_cast<int>(std::chrono::duration_cast<std::chrono::hours>(sinceMidnight).count());
}

Spread spreadOf(std::vector<seconds> values) {
    Spread s;
    s.count = static_cast<int>(values.size());
    if (values.empty()) return s;
    std::sort(values.begin(), values.end());
    // Nearest rank: the value at rank ceil(p * n), counted from 1.
    auto rank = [&](int percent) {
        std::size_t r = (values.size() * static_cast<std::size_t>(percent) + 99) / 100;
        return values[std::max<std::size_t>(r, 1) - 1];
    };
    s.median = rank(50);
    s.p90 = rank(90);
    return s;
}

DashboardFigures dashboardFigures(const std::vector<DashboardRequest>& requests,
                                  const std::vector<QueueStatEvent>& events, TimePoint now,
                                  const DashboardOptions& options) {
    DashboardFigures f;
    std::map<std::string, int> types, teams, services;
    std::vector<seconds> responses;
    for (const DashboardRequest& r : requests) {
        ++f.requests;
        ++types[r.type];
        ++teams[r.team];
        if (r.firstResponseAt && *r.firstResponseAt <= now) {
            auto took = std::chrono::duration_cast<seconds>(*r.firstResponseAt - r.receivedAt);
            responses.push_back(std::max(seconds(0), took));
            (took <= options.responseTarget ? f.answeredInTime : f.answeredLate)++;
        } else {
            (now - r.receivedAt > options.responseTarget ? f.unansweredLate : f.unansweredInTime)++;
        }
    }
    f.byType = sorted(types);
    f.byTeam = sorted(teams);
    f.firstResponse = spreadOf(std::move(responses));

    // A ticket is its day and its display ("H-014"), or for kiosks that do not send the display its service
    // and number. Its wait is from the issue to the first call; a transfer or a recall does not restart it.
    struct Ticket {
        TimePoint issuedAt;
        std::optional<TimePoint> calledAt;
    };
    std::map<std::string, Ticket> tickets;
    auto keyOf = [](const QueueStatEvent& e) {
        return e.ticket.empty() ? fmt::format("{} {}#{}", e.day, e.service, e.number)
                                : fmt::format("{} {}", e.day, e.ticket);
    };
    for (const QueueStatEvent& e : events) {
        if (e.kind == "issued") {
            if (e.ticket.empty() && e.number <= 0) continue;
            ++f.tickets;
            ++services[e.service];
            tickets[keyOf(e)] = {e.at, std::nullopt};
        } else if (e.kind == "called") {
            auto it = tickets.find(keyOf(e));
            if (it != tickets.end() && !it->second.calledAt) it->second.calledAt = e.at;
        }
    }
    f.ticketsByService = sorted(services);
    std::map<int, std::vector<seconds>> byHour;
    std::map<int, bool> hoursWithTickets;
    std::vector<seconds> waits;
    for (const auto& [key, t] : tickets) {
        int hour = localHour(t.issuedAt);
        hoursWithTickets[hour] = true;
        if (!t.calledAt) {
            ++f.ticketsNotCalled;
            continue;
        }
        seconds w = std::max(seconds(0), std::chrono::duration_cast<seconds>(*t.calledAt - t.issuedAt));
        waits.push_back(w);
        byHour[hour].push_back(w);
    }
    f.wait = spreadOf(std::move(waits));
    for (const auto& [hour, any] : hoursWithTickets) f.waitByHour.push_back({hour, spreadOf(byHour[hour])});
    return f;
}

}  // namespace wp
