#include "provisioning/wijkpuntctl/tables.h"

#include <gtest/gtest.h>

#include "common/wire.h"

namespace wp::ctl {
namespace {

using nlohmann::json;

TEST(WijkpuntctlTables, PadsColumnsByCharactersNotBytesAndMarksEmptyCells) {
    TextTable t({"kiosk", "trouble"});
    t.addRow({"SGN-K3", "paper-out"});
    t.addRow({"Één", ""});
    t.addRow({"SGN-K4"});
    EXPECT_EQ(t.text(),
              "KIOSK   TROUBLE\n"
              "SGN-K3  paper-out\n"
              "Één     -\n"
              "SGN-K4  -\n");
}

TEST(WijkpuntctlTables, SaysHowLongAgoInWholeUnits) {
    using namespace std::chrono;
    EXPECT_EQ(ageText(seconds(2)), "just now");
    EXPECT_EQ(ageText(seconds(42)), "42 s ago");
    EXPECT_EQ(ageText(seconds(3 * 60 + 59)), "3 min ago");
    EXPECT_EQ(ageText(hours(5) + minutes(10)), "5 h ago");
    EXPECT_EQ(ageText(hours(24 * 3)), "3 days ago");
    EXPECT_EQ(ageText(seconds(-30)), "in the future");
}

TEST(WijkpuntctlTables, ListsKiosksWithTheirHealthAndTrouble) {
    const TimePoint now = *parseRfc3339("2026-12-06T10:00:00Z");
    json answer = json::parse(R"({"kiosks":[
      {"kiosk":"SGN-K3","contact_point":"SGN","kiosk_code":"K3","not_after":"2027-03-01T00:00:00Z",
       "last_heard":"2026-12-06T09:57:00Z","missing":false,"trouble":["paper-out","outbox-stuck"],
       "health":{"version":"1.4.0","printer":{"state":"paper-out","reasons":["media-empty-error"]},
                 "outbox":{"waiting":4,"rejected":1,"oldest_waiting_s":2400}}},
      {"kiosk":"SGN-K2","contact_point":"SGN","kiosk_code":"K2","trouble":["missing"],"unknown":{"x":1}}
    ]})");
    EXPECT_EQ(kiosksTable(answer, now),
              "KIOSK   LAST HEARD  VERSION  PRINTER    OUTBOX                 CERTIFICATE UNTIL  TROUBLE\n"
              "SGN-K3  3 min ago   1.4.0    paper-out  4 waiting, 1 rejected  2027-03-01         paper-out, "
              "outbox-stuck\n"
              "SGN-K2  never       -        -          -                      -                  missing\n");
}

TEST(WijkpuntctlTables, AnEmptyFleetIsTheHeadingsAlone) {
    EXPECT_EQ(kiosksTable(json::parse(R"({"kiosks":[]})"), TimePoint()),
              "KIOSK  LAST HEARD  VERSION  PRINTER  OUTBOX  CERTIFICATE UNTIL  TROUBLE\n");
    EXPECT_EQ(kiosksTable(json::parse("{}"), TimePoint()),
              "KIOSK  LAST HEARD  VERSION  PRINTER  OUTBOX  CERTIFICATE UNTIL  TROUBLE\n");
}

TEST(WijkpuntctlTables, ShowsTheNewestAuditEntriesUpToTheLimit) {
    json answer = json::parse(R"({"entries":[
      {"at":"2026-12-06T10:00:00Z","actor":"Ada","action":"revoke-kiosk","reference":"","source":"10.0.0.5",
       "detail":"SGN-K3"},
      {"at":"2026-12-06T09:00:00Z","actor":"Ada","action":"enroll-token","reference":"","source":"10.0.0.5",
       "detail":"SGN"}]})");
    EXPECT_EQ(auditTable(answer, 1),
              "AT                    ACTOR  ACTION        REFERENCE  SOURCE    DETAIL\n"
              "2026-12-06T10:00:00Z  Ada    revoke-kiosk  -          10.0.0.5  SGN-K3\n");
}

TEST(WijkpuntctlTables, SummarisesACommandWithItsMessageAndDetail) {
    EXPECT_EQ(
        commandSummary(json::parse(
            R"({"id":18,"kiosk":"SGN-K3","kind":"out-of-service","message":"Storing","state":"queued"})")),
        "command 18 for SGN-K3: out-of-service \"Storing\", queued");
    EXPECT_EQ(
        commandSummary(json::parse(
            R"({"id":19,"kiosk":"SGN-K3","kind":"restart","message":null,"state":"failed","detail":"busy"})")),
        "command 19 for SGN-K3: restart, failed (busy)");
}

}  // namespace
}  // namespace wp::ctl
