// The appointment pages' rules: who sees and edits which agenda, the hours and closure forms, and the day's
// list of appointments.
#include "central/backoffice/agenda_view.h"

#include <gtest/gtest.h>

namespace wp {
namespace {

using namespace std::chrono_literals;

Agenda sampleAgenda(std::string team = "gemeente") {
    Agenda a;
    a.contactPoint = "SGN";
    a.service = "gemeente";
    a.team = std::move(team);
    a.place = "Wijkpunt Groenoord";
    a.address = "Nieuwe Damlaan 90, Schiedam";
    a.weekly[0] = {{9 * 60, 12 * 60}, {13 * 60, 16 * 60}};
    a.closures = {{"2026-12-01", 0, 1440}, {"2026-12-24", 13 * 60, 17 * 60}};
    return a;
}

StaffSession sessionOf(StaffRole role, std::string team = "") {
    StaffSession s;
    s.name = "Anna";
    s.role = role;
    s.team = std::move(team);
    return s;
}

AgendaFormFields goodForm() {
    return {{"place", " Wijkpunt Groenoord "},
            {"address", "Nieuwe Damlaan 90, Schiedam"},
            {"slot_minutes", "20"},
            {"parallel", "2"},
            {"active", "1"},
            {"hours_0", "13:00-16:00, 9:00-12:00"},
            {"hours_2", ""},
            {"hours_4", "09:00-12:30"}};
}

TEST(AgendaViewTest, TeamMembersSeeAndEditOnlyTheirOwnTeamsAgendas) {
    const Agenda own = sampleAgenda("gemeente"), other = sampleAgenda("wijkteam");
    const StaffSession team = sessionOf(StaffRole::Team, "gemeente");
    EXPECT_TRUE(maySeeAgenda(team, own));
    EXPECT_TRUE(mayEditAgenda(team, own));
    EXPECT_FALSE(maySeeAgenda(team, other));
    EXPECT_FALSE(mayEditAgenda(team, other));
    const StaffSession coordinator = sessionOf(StaffRole::Coordinator);
    EXPECT_TRUE(maySeeAgenda(coordinator, other));
    EXPECT_FALSE(mayEditAgenda(coordinator, other));
    const StaffSession admin = sessionOf(StaffRole::Admin);
    EXPECT_TRUE(maySeeAgenda(admin, other));
    EXPECT_TRUE(mayEditAgenda(admin, other));

    auto view = agendasView({own, other}, team, "2026-12-07");
    ASSERT_EQ(view["agendas"].size(), 1u);
    EXPECT_EQ(view["agendas"][0]["href"], "/backoffice/afspraken/agenda/SGN/gemeente");
    EXPECT_EQ(view["agendas"][0]["days"], 1);
    EXPECT_EQ(view["dayLinks"][0]["href"], "/backoffice/afspraken/dag/SGN?dag=2026-12-07");
    EXPECT_EQ(agendasView({own, other}, coordinator, "2026-12-07")["agendas"].size(), 2u);
    EXPECT_FALSE(agendasView({own}, sessionOf(StaffRole::Team, "huurloket"), "2026-12-07")["hasAgendas"]);
}

TEST(AgendaViewTest, HoursAreReadAsSeveralWindowsADay) {
    auto w = readWindows("13:00-16:30; 9:00-12:00");
    ASSERT_TRUE(w) << w.status().message();
    ASSERT_EQ(w->size(), 2u);
    EXPECT_EQ((*w)[0], (AgendaWindow{540, 720}));
    EXPECT_EQ((*w)[1], (AgendaWindow{780, 990}));
    EXPECT_EQ(windowsText(*w), "09:00-12:00, 13:00-16:30");
    EXPECT_TRUE(readWindows("")->empty());
    EXPECT_EQ(readWindows("20:00-24:00").value()[0].toMinute, 1440);
    EXPECT_FALSE(readWindows("09:00"));
    EXPECT_FALSE(readWindows("12:00-09:00"));
    EXPECT_FALSE(readWindows("25:00-26:00"));
    EXPECT_FALSE(readWindows("09:00-12:60"));
    auto overlap = readWindows("09:00-12:00, 11:00-13:00");
    ASSERT_FALSE(overlap);
    EXPECT_NE(overlap.status().message().find("overlappen"), std::string::npos);
}

TEST(AgendaViewTest, AGoodFormChangesSettingsAndHoursButKeepsKeyTeamAndClosures) {
    const Agenda base = sampleAgenda();
    AgendaFormResult r = readAgendaForm(goodForm(), base);
    ASSERT_TRUE(r.errors.empty());
    EXPECT_EQ(r.agenda.contactPoint, "SGN");
    EXPECT_EQ(r.agenda.team, "gemeente");
    EXPECT_EQ(r.agenda.closures, base.closures);
    EXPECT_EQ(r.agenda.place, "Wijkpunt Groenoord");
    EXPECT_EQ(r.agenda.slotMinutes, 20);
    EXPECT_EQ(r.agenda.parallel, 2);
    EXPECT_TRUE(r.agenda.active);
    EXPECT_EQ(windowsText(r.agenda.weekly[0]), "09:00-12:00, 13:00-16:00");
    EXPECT_TRUE(r.agenda.weekly[2].empty());
    EXPECT_EQ(windowsText(r.agenda.weekly[4]), "09:00-12:30");
    EXPECT_TRUE(r.agenda.weekly[6].empty());
}

TEST(AgendaViewTest, EveryBadFieldGetsItsOwnMessageAndIsShownAsTyped) {
    AgendaFormFields form = {{"place", ""},        {"address", "x"},    {"slot_minutes", "4"},
                             {"parallel", "many"}, {"hours_1", "9-12"}, {"hours_3", "09:00-12:00"}};
    AgendaFormResult r = readAgendaForm(form, sampleAgenda());
    EXPECT_EQ(r.errors.count("place"), 1u);
    EXPECT_EQ(r.errors.count("address"), 0u);
    EXPECT_EQ(r.errors.count("slot_minutes"), 1u);
    EXPECT_EQ(r.errors.count("parallel"), 1u);
    EXPECT_EQ(r.errors.count("hours_1"), 1u);
    EXPECT_EQ(r.errors.count("hours_3"), 0u);
    EXPECT_FALSE(r.agenda.active) << "an unticked box switches booking off";
    auto view = agendaView(sampleAgenda(), true, "2026-12-07", r.typed, r.errors);
    EXPECT_EQ(view["form"]["parallel"], "many");
    EXPECT_EQ(view["days"][1]["value"], "9-12");
    EXPECT_TRUE(view["days"][1].contains("error"));
    EXPECT_FALSE(view["days"][0].contains("error"));
    EXPECT_TRUE(view["hasSettingsErrors"]);
    EXPECT_FALSE(view["hasClosureErrors"]);
}

TEST(AgendaViewTest, ANewAgendaHasItsKeyTeamAndPlaceButNoHoursAndTakesNoBookings) {
    const std::vector<std::string> services = {"huurloket", "gemeente"}, teams = {"huurloket", "gemeente"};
    AgendaFormFields form = {{"contact_point", " sgn "},
                             {"service", "huurloket"},
                             {"team", "huurloket"},
                             {"place", "Wijkpunt Groenoord"},
                             {"address", "Nieuwe Damlaan 90, Schiedam"}};
    AgendaFormResult r = readNewAgendaForm(form, services, teams);
    ASSERT_TRUE(r.errors.empty());
    EXPECT_EQ(r.agenda.contactPoint, "SGN");
    EXPECT_EQ(r.agenda.service, "huurloket");
    EXPECT_EQ(r.agenda.team, "huurloket");
    EXPECT_FALSE(r.agenda.active);
    for (const auto& day : r.agenda.weekly) EXPECT_TRUE(day.empty());

    // Letters outside the code alphabet, a service and a team that are not offered, no place: each said.
    form = {{"contact_point", "S0N"}, {"service", "wijkteam"}, {"team", "niemand"}, {"address", "x"}};
    r = readNewAgendaForm(form, services, teams);
    EXPECT_EQ(r.errors.size(), 4u);
    for (const char* field : {"contact_point", "service", "team", "place"})
        EXPECT_TRUE(r.errors.count(field));
    EXPECT_EQ(r.typed["contact_point"], "S0N");
    const nlohmann::json view = newAgendaView(services, teams, r.typed, r.errors);
    EXPECT_EQ(view["form"]["contact_point"], "S0N");
    EXPECT_EQ(view["services"][0]["label"], "Huurloket");
    EXPECT_TRUE(view["hasErrors"]);
}

TEST(AgendaViewTest, TheEditPageShowsStoredHoursAndUpcomingClosures) {
    auto view = agendaView(sampleAgenda(), false, "2026-12-07", nlohmann::json::object(), {});
    EXPECT_EQ(view["days"][0]["value"], "09:00-12:00, 13:00-16:00");
    EXPECT_EQ(view["days"][0]["label"], "Maandag");
    EXPECT_EQ(view["days"][6]["value"], "");
    ASSERT_EQ(view["closures"].size(), 1u) << "a closure of a past day is left out";
    EXPECT_EQ(view["closures"][0]["label"], "24-12-2026, 13:00 tot 17:00");
    EXPECT_FALSE(view["editable"]);
    EXPECT_EQ(view["form"]["slot_minutes"], "15");
}

TEST(AgendaViewTest, AClosureIsAWholeDayOrAPartWithAReason) {
    auto whole =
        readClosureForm({{"closure_day", "2026-12-24"}, {"closure_reason", "Kerstavond"}}, "2026-12-07");
    EXPECT_TRUE(whole.errors.empty());
    EXPECT_TRUE(whole.closure.wholeDay());
    EXPECT_EQ(whole.closure.reason, "Kerstavond");
    auto part = readClosureForm({{"closure_day", "2026-12-24"},
                                 {"closure_from", "13:00"},
                                 {"closure_to", "17:00"},
                                 {"closure_reason", "Kerstavond"}},
                                "2026-12-07");
    EXPECT_TRUE(part.errors.empty());
    EXPECT_EQ(part.closure, (AgendaClosure{"2026-12-24", 780, 1020, "Kerstavond"}));
    EXPECT_EQ(closureLabel(whole.closure), "24-12-2026, hele dag");

    auto bad = readClosureForm({{"closure_day", "2026-12-01"}, {"closure_from", "13:00"}}, "2026-12-07");
    EXPECT_EQ(bad.errors.count("closure_day"), 1u) << "a past day";
    EXPECT_EQ(bad.errors.count("closure_to"), 1u);
    EXPECT_EQ(bad.errors.count("closure_reason"), 1u);
    auto backwards = readClosureForm({{"closure_day", "2026-12-24"},
                                      {"closure_from", "17:00"},
                                      {"closure_to", "13:00"},
                                      {"closure_reason", "x"}},
                                     "2026-12-07");
    EXPECT_EQ(backwards.errors.count("closure_to"), 1u);
    EXPECT_EQ(readClosureForm({{"closure_day", "24-12-2026"}, {"closure_reason", "x"}}, "2026-12-07")
                  .errors.count("closure_day"),
              1u);
}

TEST(AgendaViewTest, TheDayListsTheVisibleServicesBookingsWithStateWords) {
    const auto [from, to] = localDayBounds("2026-12-07");
    EXPECT_EQ(from, std::chrono::system_clock::from_time_t(1796598000));  // 2026-12-06 23:00 UTC
    EXPECT_EQ(to - from, 24h);
    Booking a;
    a.code = "K7QM2XD9";
    a.service = "gemeente";
    a.start = from + 9h;
    a.end = a.start + 15min;
    a.name = "Jan de Vries";
    a.state = BookingState::Arrived;
    Booking b = a;
    b.code = "M3PQ7RST";
    b.state = BookingState::Cancelled;
    b.name = "";
    b.personalDataWiped = true;
    Booking c = a;
    c.service = "wijkteam";
    auto view = appointmentDayView("SGN", "2026-12-07", {a, b, c}, {"gemeente"});
    ASSERT_EQ(view["bookings"].size(), 2u);
    EXPECT_EQ(view["bookings"][0]["time"], "09:00 - 09:15");
    EXPECT_EQ(view["bookings"][0]["code"], "K7QM 2XD9");
    EXPECT_EQ(view["bookings"][0]["name"], "Jan de Vries");
    EXPECT_EQ(view["bookings"][0]["state"], "Aangekomen");
    EXPECT_EQ(view["bookings"][1]["state"], "Afgezegd");
    EXPECT_EQ(view["bookings"][1]["name"], "(gewist)");
    EXPECT_EQ(view["dayLabel"], "maandag 7 december 2026");
    EXPECT_EQ(view["previousHref"], "/backoffice/afspraken/dag/SGN?dag=2026-12-06");
    EXPECT_EQ(view["nextHref"], "/backoffice/afspraken/dag/SGN?dag=2026-12-08");
    EXPECT_EQ(view["summary"][1]["count"], 1);
    EXPECT_EQ(nextDay("2026-12-31"), "2027-01-01");
    EXPECT_EQ(previousDay("2026-03-01"), "2026-02-28");
    EXPECT_EQ(localDay(from), "2026-12-07");
    EXPECT_EQ(localDay(from - 1s), "2026-12-06");
}

TEST(AgendaViewTest, TheDayOfTheClockChangeHasItsRealLength) {
    const auto [from, to] = localDayBounds("2026-03-29");
    EXPECT_EQ(to - from, 23h);
    const auto [from2, to2] = localDayBounds("2026-10-25");
    EXPECT_EQ(to2 - from2, 25h);
}

}  // namespace
}  // namespace wp
