// Agendas as files (central/agenda_file.h) and as the staff API's JSON (central/agenda_json.h).
#include <gtest/gtest.h>

#include "central/agenda_file.h"
#include "central/agenda_json.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

const char* kOneAgenda = R"([[agenda]]
contact_point = "SGN"
service = "gemeente"
place = "Wijkpunt Groenoord"
address = "Nieuwe Damlaan 90, Schiedam"
team = "gemeente"
slot_minutes = 15
parallel = 2
closed = ["2026-12-25", "2026-12-24 13:00-17:00"]

[agenda.hours]
monday = ["09:00-12:00", "13:00-16:30"]
friday = ["09:00-12:00"]
)";

TEST(AgendaFileTest, TheDemoFileHasTheThreeAgendasOfGroenoord) {
    auto agendas = loadAgendaFile(std::string(WIJKPUNT_SOURCE_DIR) + "/central/agendas.example.toml");
    ASSERT_TRUE(agendas) << agendas.status().message();
    ASSERT_EQ(agendas->size(), 3u);
    EXPECT_EQ(agendas->at(0).service, "gemeente");
    EXPECT_EQ(agendas->at(0).slotMinutes, 15);
    EXPECT_EQ(agendas->at(0).parallel, 2);
    EXPECT_EQ(agendas->at(1).service, "huurloket");
    EXPECT_EQ(agendas->at(1).slotMinutes, 20);
    EXPECT_EQ(agendas->at(2).service, "wijkteam");
    EXPECT_EQ(agendas->at(2).slotMinutes, 30);
    for (const Agenda& a : agendas.value()) {
        EXPECT_EQ(a.contactPoint, "SGN");
        EXPECT_TRUE(a.weekly[5].empty() && a.weekly[6].empty()) << "weekdays only";
    }
}

TEST(AgendaFileTest, HoursAndClosuresAreRead) {
    testing::TempDir dir;
    auto agendas = loadAgendaFile(dir.write("agendas.toml", kOneAgenda));
    ASSERT_TRUE(agendas) << agendas.status().message();
    const Agenda& a = agendas->front();
    EXPECT_EQ(a.weekly[0], (std::vector<AgendaWindow>{{540, 720}, {780, 990}}));
    EXPECT_EQ(a.weekly[4], (std::vector<AgendaWindow>{{540, 720}}));
    EXPECT_TRUE(a.weekly[1].empty());
    // Sorted by day: the 24th's afternoon, then the 25th whole.
    EXPECT_EQ(a.closures, (std::vector<AgendaClosure>{{"2026-12-24", 780, 1020}, {"2026-12-25", 0, 1440}}));
}

TEST(AgendaFileTest, EveryProblemNamesFileLineAndColumn) {
    testing::TempDir dir;
    std::string text = kOneAgenda;
    text.replace(text.find("\"13:00-16:30\""), 13, "\"16:30-13:00\"");
    text.replace(text.find("\"2026-12-25\""), 12, "\"2026-12-32\"");
    auto bad = loadAgendaFile(dir.write("agendas.toml", text));
    ASSERT_FALSE(bad);
    const std::string& m = bad.status().message();
    EXPECT_NE(m.find("agendas.toml:12:"), std::string::npos) << m;  // the window, on monday's line
    EXPECT_NE(m.find("agendas.toml:9:"), std::string::npos) << m;   // the closed day
    EXPECT_NE(m.find("09:00-12:00"), std::string::npos) << m;

    std::string overlapping = kOneAgenda;
    overlapping.replace(overlapping.find("\"13:00-16:30\""), 13, "\"11:00-16:30\"");
    auto overlap = loadAgendaFile(dir.write("overlap.toml", overlapping));
    ASSERT_FALSE(overlap);
    EXPECT_NE(overlap.status().message().find("overlap.toml:12:"), std::string::npos)
        << overlap.status().message();

    auto twice = loadAgendaFile(dir.write("twice.toml", std::string(kOneAgenda) + kOneAgenda));
    ASSERT_FALSE(twice);
    EXPECT_NE(twice.status().message().find("second agenda"), std::string::npos) << twice.status().message();

    std::string typo = kOneAgenda;
    typo.replace(typo.find("parallel"), 8, "paralel ");
    auto misspelt = loadAgendaFile(dir.write("typo.toml", typo));
    ASSERT_FALSE(misspelt);
    EXPECT_NE(misspelt.status().message().find("typo.toml:8:"), std::string::npos)
        << misspelt.status().message();

    EXPECT_EQ(loadAgendaFile(dir.path() / "none.toml").status().code(), Status::Code::NotFound);
}

TEST(AgendaJsonTest, AnAgendaRoundTripsThroughItsJson) {
    testing::TempDir dir;
    Agenda a = loadAgendaFile(dir.write("agendas.toml", kOneAgenda)).value().front();
    auto back = decodeAgenda(encodeAgenda(a), "SGN", "gemeente");
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(back.value(), a);
}

TEST(AgendaJsonTest, ErrorsNameTheField) {
    auto e = decodeAgenda(R"({"place":"P","address":"A","team":"gemeente","slot_minutes":15,"parallel":2,)"
                          R"("hours":{"monday":["09:00-12:00","11:00-13:00"]}})",
                          "SGN", "gemeente");
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().field, "hours.monday[1]");
    e = decodeAgenda(R"({"place":"P","address":"A","team":"gemeente","slot_minutes":15,"parallel":2,)"
                     R"("hours":{"maandag":["09:00-12:00"]}})",
                     "SGN", "gemeente");
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().field, "hours.maandag");
    e = decodeAgenda(
        R"({"place":"P","address":"A","team":"bakkerij","slot_minutes":15,"parallel":2,"hours":{}})", "SGN",
        "gemeente");
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().field, "team");
    e = decodeAgenda(
        R"({"place":"P","address":"A","team":"gemeente","slot_minutes":15,"parallel":0,"hours":{}})", "SGN",
        "gemeente");
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().field, "parallel");
    e = decodeAgenda(
        R"({"service":"huurloket","place":"P","address":"A","team":"gemeente","slot_minutes":15,)"
        R"("parallel":1,"hours":{}})",
        "SGN", "gemeente");
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().field, "service");
    e = decodeAgenda(
        R"({"place":"P","address":"A","team":"gemeente","slot_minutes":15,"parallel":1,"hours":{},)"
        R"("closed":[{"day":"2026-12-24","from":"13:00"}]})",
        "SGN", "gemeente");
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().field, "closed[0].to");
}

}  // namespace
}  // namespace wp
