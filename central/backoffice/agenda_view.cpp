#include "central/backoffice/agenda_view.h"

#include <date/date.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "central/backoffice/dashboard_view.h"
#include "common/appointment.h"

namespace wp {

namespace {

using nlohmann::json;

constexpr std::string_view kWeekdayLabels[7] = {"Maandag", "Dinsdag",  "Woensdag", "Donderdag",
                                                "Vrijdag", "Zaterdag", "Zondag"};
constexpr std::string_view kWeekdaysLower[7] = {"zondag",    "maandag", "dinsdag", "woensdag",
                                                "donderdag", "vrijdag", "zaterdag"};
constexpr std::string_view kMonths[12] = {"januari",   "februari", "maart",    "april",
                                          "mei",       "juni",     "juli",     "augustus",
                                          "september", "oktober",  "november", "december"};

std::string field(const AgendaFormFields& form, const std::string& name) {
    auto it = form.find(name);
    return it == form.end() ? std::string() : it->second;
}

std::string trimmed(std::string_view s) {
    auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    auto last = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(first, last - first + 1));
}

std::optional<int> readNumber(const std::string& text) {
    const std::string t = trimmed(text);
    if (t.empty() || t.size() > 6 || !std::all_of(t.begin(), t.end(), ::isdigit)) return std::nullopt;
    return std::stoi(t);
}

date::local_days localDays(const std::string& day) {
    int y = std::stoi(day.substr(0, 4)), m = std::stoi(day.substr(5, 2)), d = std::stoi(day.substr(8, 2));
    return date::local_days(date::year(y) / m / d);
}

// "2026-12-24" -> "24-12-2026".
std::string dutchDate(const std::string& day) {
    return day.size() == 10 ? fmt::format("{}-{}-{}", day.substr(8, 2), day.substr(5, 2), day.substr(0, 4))
                            : day;
}

// The place and address printed on slips and in e-mails: one line each, not empty.
void checkPlace(const Agenda& a, std::map<std::string, std::string>& errors) {
    if (a.place.empty() || a.place.size() > 200 || a.place.find('\n') != std::string::npos)
        errors["place"] = "Vul de naam van de plek in, zoals Wijkpunt Groenoord.";
    if (a.address.empty() || a.address.size() > 200 || a.address.find('\n') != std::string::npos)
        errors["address"] = "Vul het adres in, zoals Nieuwe Damlaan 90, Schiedam.";
}

}  // namespace

bool maySeeAgenda(const StaffSession& session, const Agenda& agenda) {
    return session.role != StaffRole::Team || agenda.team == session.team;
}

bool mayEditAgenda(const StaffSession& session, const Agenda& agenda) {
    return session.role == StaffRole::Admin ||
           (session.role == StaffRole::Team && agenda.team == session.team);
}

std::string agendaPath(const std::string& contactPoint, const std::string& service) {
    return fmt::format("/backoffice/afspraken/agenda/{}/{}", contactPoint, service);
}

std::string appointmentDayPath(const std::string& contactPoint, const std::string& day) {
    return fmt::format("/backoffice/afspraken/dag/{}?dag={}", contactPoint, day);
}

std::string minuteText(int minute) {
    return fmt::format("{:02}:{:02}", minute / 60, minute % 60);
}

std::optional<int> readMinute(const std::string& text) {
    const std::string t = trimmed(text);
    const size_t colon = t.find(':');
    if (colon == std::string::npos || colon == 0 || colon > 2 || t.size() - colon != 3) return std::nullopt;
    const std::string h = t.substr(0, colon), m = t.substr(colon + 1);
    if (!std::all_of(h.begin(), h.end(), ::isdigit) || !std::all_of(m.begin(), m.end(), ::isdigit))
        return std::nullopt;
    const int hours = std::stoi(h), minutes = std::stoi(m);
    if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) return std::nullopt;
    return hours * 60 + minutes;
}

std::string windowsText(const std::vector<AgendaWindow>& windows) {
    std::string out;
    for (const AgendaWindow& w : windows)
        out +=
            fmt::format("{}{}-{}", out.empty() ? "" : ", ", minuteText(w.fromMinute), minuteText(w.toMinute));
    return out;
}

Result<std::vector<AgendaWindow>> readWindows(const std::string& text) {
    std::vector<AgendaWindow> out;
    std::string token;
    auto flush = [&]() -> Status {
        if (token.empty()) return Status::ok();
        const size_t dash = token.find('-');
        std::optional<int> from, to;
        if (dash != std::string::npos) {
            from = readMinute(token.substr(0, dash));
            to = readMinute(token.substr(dash + 1));
        }
        if (!from || !to)
            return Status::invalidInput(
                fmt::format("\"{}\" is geen tijd van ... tot .... Schrijf het zoals 09:00-12:00.", token));
        if (*from >= *to)
            return Status::invalidInput(
                fmt::format("In \"{}\" komt de eindtijd niet na de begintijd.", token));
        out.push_back({*from, *to});
        token.clear();
        return Status::ok();
    };
    for (char c : text) {
        if (c == ',' || c == ';' || c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            if (Status s = flush(); !s) return s;
        } else {
            token += c;
        }
    }
    if (Status s = flush(); !s) return s;
    std::sort(out.begin(), out.end(),
              [](const AgendaWindow& a, const AgendaWindow& b) { return a.fromMinute < b.fromMinute; });
    for (size_t i = 1; i < out.size(); ++i)
        if (out[i].fromMinute < out[i - 1].toMinute)
            return Status::invalidInput(fmt::format("De tijden {} en {} overlappen. Maak er één tijd van.",
                                                    windowsText({out[i - 1]}), windowsText({out[i]})));
    return out;
}

std::string_view bookingStateLabel(BookingState state) {
    switch (state) {
        case BookingState::Booked:
            return "Geboekt";
        case BookingState::Arrived:
            return "Aangekomen";
        case BookingState::NoShow:
            return "Niet gekomen";
        case BookingState::Cancelled:
            return "Afgezegd";
    }
    return "?";
}

std::string longDayLabel(const std::string& day) {
    const date::local_days d = localDays(day);
    const date::year_month_day ymd(d);
    return fmt::format("{} {} {} {}", kWeekdaysLower[date::weekday(d).c_encoding()],
                       static_cast<unsigned>(ymd.day()), kMonths[static_cast<unsigned>(ymd.month()) - 1],
                       static_cast<int>(ymd.year()));
}

std::string closureLabel(const AgendaClosure& c) {
    if (c.wholeDay()) return fmt::format("{}, hele dag", dutchDate(c.day));
    return fmt::format("{}, {} tot {}", dutchDate(c.day), minuteText(c.fromMinute), minuteText(c.toMinute));
}

json agendasView(const std::vector<Agenda>& agendas, const StaffSession& session, const std::string& today) {
    json rows = json::array();
    std::vector<std::string> contactPoints;
    for (const Agenda& a : agendas) {
        if (!maySeeAgenda(session, a)) continue;
        int days = 0;
        for (const auto& windows : a.weekly) days += windows.empty() ? 0 : 1;
        rows.push_back({{"contactPoint", a.contactPoint},
                        {"service", serviceLabel(a.service)},
                        {"place", a.place},
                        {"team", a.team},
                        {"slotMinutes", a.slotMinutes},
                        {"parallel", a.parallel},
                        {"days", days},
                        {"active", a.active},
                        {"href", agendaPath(a.contactPoint, a.service)},
                        {"editable", mayEditAgenda(session, a)}});
        if (std::find(contactPoints.begin(), contactPoints.end(), a.contactPoint) == contactPoints.end())
            contactPoints.push_back(a.contactPoint);
    }
    json days = json::array();
    for (const std::string& cp : contactPoints)
        days.push_back({{"contactPoint", cp}, {"href", appointmentDayPath(cp, today)}});
    return {{"title", "Afspraken"}, {"section", "appointments"},
            {"agendas", rows},      {"hasAgendas", !rows.empty()},
            {"dayLinks", days},     {"readOnly", session.role == StaffRole::Coordinator}};
}

json agendaView(const Agenda& a, bool editable, const std::string& today, const json& typed,
                const std::map<std::string, std::string>& errors) {
    auto value = [&](const std::string& name, const std::string& stored) {
        return typed.contains(name) ? typed[name].get<std::string>() : stored;
    };
    json days = json::array();
    for (int d = 0; d < 7; ++d) {
        const std::string name = fmt::format("hours_{}", d);
        json day = {{"name", name},
                    {"label", kWeekdayLabels[d]},
                    {"value", value(name, windowsText(a.weekly[static_cast<size_t>(d)]))}};
        if (auto e = errors.find(name); e != errors.end()) day["error"] = e->second;
        days.push_back(day);
    }
    json closures = json::array();
    for (const AgendaClosure& c : a.closures) {
        if (c.day < today) continue;
        closures.push_back({{"label", closureLabel(c)},
                            {"reason", c.reason},
                            {"day", c.day},
                            {"from", c.fromMinute},
                            {"to", c.toMinute},
                            {"id", fmt::format("{}-{}", c.day, c.fromMinute)}});
    }
    json errorJson = json::object();
    for (const auto& [k, v] : errors) errorJson[k] = v;
    const std::string title = fmt::format("Agenda {} {}", serviceLabel(a.service), a.contactPoint);
    return {
        {"title", title},
        {"section", "appointments"},
        {"heading", title},
        {"contactPoint", a.contactPoint},
        {"service", serviceLabel(a.service)},
        {"team", a.team},
        {"editable", editable},
        {"action", agendaPath(a.contactPoint, a.service)},
        {"closureAction", agendaPath(a.contactPoint, a.service) + "/uitzondering"},
        {"removeAction", agendaPath(a.contactPoint, a.service) + "/uitzondering/weg"},
        {"dayHref", appointmentDayPath(a.contactPoint, today)},
        {"form",
         {{"place", value("place", a.place)},
          {"address", value("address", a.address)},
          {"slot_minutes", value("slot_minutes", std::to_string(a.slotMinutes))},
          {"parallel", value("parallel", std::to_string(a.parallel))},
          {"active", typed.contains("active") ? typed["active"].get<bool>() : a.active},
          {"closure_day", value("closure_day", "")},
          {"closure_from", value("closure_from", "")},
          {"closure_to", value("closure_to", "")},
          {"closure_reason", value("closure_reason", "")}}},
        {"days", days},
        {"closures", closures},
        {"hasClosures", !closures.empty()},
        {"errors", errorJson},
        {"hasErrors", !errors.empty()},
        {"hasSettingsErrors", std::any_of(errors.begin(), errors.end(),
                                          [](const auto& e) { return e.first.rfind("closure_", 0) != 0; })},
        {"hasClosureErrors", std::any_of(errors.begin(), errors.end(),
                                         [](const auto& e) { return e.first.rfind("closure_", 0) == 0; })}};
}

AgendaFormResult readAgendaForm(const AgendaFormFields& form, const Agenda& base) {
    AgendaFormResult out;
    out.agenda = base;
    Agenda& a = out.agenda;
    a.place = trimmed(field(form, "place"));
    a.address = trimmed(field(form, "address"));
    out.typed = {{"place", field(form, "place")},
                 {"address", field(form, "address")},
                 {"slot_minutes", field(form, "slot_minutes")},
                 {"parallel", field(form, "parallel")},
                 {"active", field(form, "active") == "1"}};
    a.active = field(form, "active") == "1";
    checkPlace(a, out.errors);
    auto slot = readNumber(field(form, "slot_minutes"));
    if (!slot || *slot < 5 || *slot > 480)
        out.errors["slot_minutes"] = "Vul een aantal minuten in van 5 tot en met 480.";
    else
        a.slotMinutes = *slot;
    auto parallel = readNumber(field(form, "parallel"));
    if (!parallel || *parallel < 1 || *parallel > 50)
        out.errors["parallel"] = "Vul een aantal in van 1 tot en met 50.";
    else
        a.parallel = *parallel;
    for (int d = 0; d < 7; ++d) {
        const std::string name = fmt::format("hours_{}", d);
        const std::string text = field(form, name);
        out.typed[name] = text;
        auto windows = readWindows(text);
        if (!windows)
            out.errors[name] = windows.status().message();
        else
            a.weekly[static_cast<size_t>(d)] = std::move(windows).value();
    }
    return out;
}

json newAgendaView(const std::vector<std::string>& services, const std::vector<std::string>& teams,
                   const json& typed, const std::map<std::string, std::string>& errors) {
    auto value = [&](const char* name) { return typed.contains(name) ? typed[name].get<std::string>() : ""; };
    json serviceChoices = json::array();
    for (const std::string& s : services)
        serviceChoices.push_back(
            {{"id", s}, {"label", serviceLabel(s)}, {"selected", value("service") == s}});
    json teamChoices = json::array();
    for (const std::string& t : teams) teamChoices.push_back({{"name", t}, {"selected", value("team") == t}});
    json errorJson = json::object();
    for (const auto& [k, v] : errors) errorJson[k] = v;
    return {{"services", serviceChoices},
            {"teams", teamChoices},
            {"form",
             {{"contact_point", value("contact_point")},
              {"place", value("place")},
              {"address", value("address")}}},
            {"errors", errorJson},
            {"hasErrors", !errors.empty()}};
}

AgendaFormResult readNewAgendaForm(const AgendaFormFields& form, const std::vector<std::string>& services,
                                   const std::vector<std::string>& teams) {
    AgendaFormResult out;
    Agenda& a = out.agenda;
    a.contactPoint = trimmed(field(form, "contact_point"));
    std::transform(a.contactPoint.begin(), a.contactPoint.end(), a.contactPoint.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    a.service = field(form, "service");
    a.team = field(form, "team");
    a.place = trimmed(field(form, "place"));
    a.address = trimmed(field(form, "address"));
    a.active = false;
    out.typed = {{"contact_point", field(form, "contact_point")},
                 {"service", a.service},
                 {"team", a.team},
                 {"place", field(form, "place")},
                 {"address", field(form, "address")}};
    if (!isContactPointLetters(a.contactPoint))
        out.errors["contact_point"] =
            "Vul de drie letters van het contactpunt in, zoals SGN. In codes staan geen O, I, L, 0 of 1.";
    if (std::find(services.begin(), services.end(), a.service) == services.end())
        out.errors["service"] = "Kies een dienst.";
    if (std::find(teams.begin(), teams.end(), a.team) == teams.end()) out.errors["team"] = "Kies een team.";
    checkPlace(a, out.errors);
    return out;
}

ClosureFormResult readClosureForm(const AgendaFormFields& form, const std::string& today) {
    ClosureFormResult out;
    const std::string day = trimmed(field(form, "closure_day"));
    const std::string from = trimmed(field(form, "closure_from"));
    const std::string to = trimmed(field(form, "closure_to"));
    out.closure.reason = trimmed(field(form, "closure_reason"));
    out.typed = {{"closure_day", day},
                 {"closure_from", from},
                 {"closure_to", to},
                 {"closure_reason", field(form, "closure_reason")}};
    if (!isLocalDay(day))
        out.errors["closure_day"] = "Vul een datum in, zoals 2026-12-24.";
    else if (day < today)
        out.errors["closure_day"] = "Deze datum is al voorbij. Kies vandaag of een dag daarna.";
    out.closure.day = day;
    if (from.empty() && to.empty()) {
        out.closure.fromMinute = 0;
        out.closure.toMinute = 1440;
    } else {
        auto f = readMinute(from);
        auto t = readMinute(to);
        if (!f) out.errors["closure_from"] = "Vul een begintijd in, zoals 13:00. Of laat beide tijden leeg.";
        if (!t) out.errors["closure_to"] = "Vul een eindtijd in, zoals 17:00. Of laat beide tijden leeg.";
        if (f && t && *f >= *t) out.errors["closure_to"] = "De eindtijd moet na de begintijd komen.";
        if (f && t) {
            out.closure.fromMinute = *f;
            out.closure.toMinute = *t;
        }
    }
    const std::string& reason = out.closure.reason;
    if (reason.empty() || reason.size() > 200 || reason.find('\n') != std::string::npos)
        out.errors["closure_reason"] = "Schrijf kort waarom, zoals Kerstavond.";
    return out;
}

json appointmentDayView(const std::string& contactPoint, const std::string& day,
                        const std::vector<Booking>& bookings,
                        const std::vector<std::string>& visibleServices) {
    json rows = json::array();
    std::map<BookingState, int> counts;
    for (const Booking& b : bookings) {
        if (std::find(visibleServices.begin(), visibleServices.end(), b.service) == visibleServices.end())
            continue;
        ++counts[b.state];
        rows.push_back(
            {{"time", fmt::format("{} - {}", formatLocalHourMinute(b.start), formatLocalHourMinute(b.end))},
             {"service", serviceLabel(b.service)},
             {"code", groupedBookingCode(b.code)},
             {"name", b.personalDataWiped || b.name.empty() ? "(gewist)" : b.name},
             {"state", bookingStateLabel(b.state)},
             {"stateClass", std::string(toString(b.state))},
             {"cancelled", b.state == BookingState::Cancelled},
             {"byHost", b.bookedBy == BookedBy::Host}});
    }
    json summary = json::array();
    for (BookingState s :
         {BookingState::Booked, BookingState::Arrived, BookingState::NoShow, BookingState::Cancelled})
        summary.push_back({{"label", bookingStateLabel(s)}, {"count", counts[s]}});
    const std::string title = fmt::format("Afspraken {} op {}", contactPoint, longDayLabel(day));
    return {{"title", title},
            {"section", "appointments"},
            {"heading", title},
            {"contactPoint", contactPoint},
            {"day", day},
            {"dayLabel", longDayLabel(day)},
            {"previousHref", appointmentDayPath(contactPoint, previousDay(day))},
            {"previousLabel", longDayLabel(previousDay(day))},
            {"nextHref", appointmentDayPath(contactPoint, nextDay(day))},
            {"nextLabel", longDayLabel(nextDay(day))},
            {"formAction", fmt::format("/backoffice/afspraken/dag/{}", contactPoint)},
            {"bookings", rows},
            {"hasBookings", !rows.empty()},
            {"summary", summary}};
}

}  // namespace wp
