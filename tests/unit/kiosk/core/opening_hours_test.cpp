// The walk-in hours line on receipts and printed answers (kiosk/core/opening_hours.h), on the demo content's
// services and texts, in Dutch, English and Ukrainian.
#include "kiosk/core/opening_hours.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/kiosk/core/demo_content_fixture.h"

namespace wp {
namespace {

using ::testing::EndsWith;

class OpeningHoursTest : public testing::DemoContentTest {
  protected:
    const Service& service(std::string_view id) {
        const Service* s = findService(bundle_.services, id);
        EXPECT_NE(s, nullptr) << id;
        return s != nullptr ? *s : empty_;
    }
    std::string line(std::string_view id, std::string_view language) {
        return walkInHoursLine(service(id), *texts_, language);
    }

    Service empty_;
};

TEST_F(OpeningHoursTest, ClockTimesHaveNoLeadingZero) {
    EXPECT_EQ(formatClockTime(9 * 60), "9:00");
    EXPECT_EQ(formatClockTime(13 * 60 + 30), "13:30");
    EXPECT_EQ(formatClockTime(0), "0:00");
    EXPECT_EQ(formatClockTime(24 * 60), "24:00");
}

TEST_F(OpeningHoursTest, DaysWithTheSameHoursAreNamedTogetherInWeekdayOrder) {
    // Huurloket: Monday 9-12, Wednesday 13-16, Thursday 9-12 and 13-16.
    EXPECT_EQ(line("huurloket", "nl"),
              "Huurloket, zonder afspraak: maandag 9:00–12:00; woensdag 13:00–16:00; donderdag 9:00–12:00 en "
              "13:00–16:00");
    // Wijkteam: mornings Monday to Friday, afternoons on Tuesday and Thursday as well.
    EXPECT_EQ(line("wijkteam", "nl"),
              "Wijkteam, zonder afspraak: maandag, woensdag en vrijdag 9:00–12:00; dinsdag en donderdag "
              "9:00–12:00 en 13:30–16:00");
    EXPECT_EQ(
        line("wijkteam", "en"),
        "Neighbourhood team (Wijkteam), no appointment needed: Monday, Wednesday and Friday 9:00–12:00; "
        "Tuesday and Thursday "
        "9:00–12:00 and 13:30–16:00");
}

TEST_F(OpeningHoursTest, ThreeOrMoreDaysInARowAreARange) {
    // Gemeente: Monday to Thursday all day, Friday mornings.
    EXPECT_EQ(line("gemeente", "nl"),
              "Gemeente, zonder afspraak: maandag tot en met donderdag 9:00–12:30 en 13:30–16:30; vrijdag "
              "9:00–12:30");
    EXPECT_THAT(line("gemeente", "uk"),
                EndsWith("понеділок–четвер 9:00–12:30 і 13:30–16:30; п'ятниця 9:00–12:30"));
    // Two days in a row stay two names.
    Service s = service("huurloket");
    s.walkIn = {};
    s.walkIn[0] = s.walkIn[1] = {{9 * 60, 12 * 60}};
    EXPECT_EQ(describeWeekHours(s, *texts_, "nl"), "maandag en dinsdag 9:00–12:00");
    // A weekend and a gap: Monday to Wednesday, then Saturday and Sunday.
    s.walkIn[2] = s.walkIn[5] = s.walkIn[6] = {{9 * 60, 12 * 60}};
    EXPECT_EQ(describeWeekHours(s, *texts_, "en"), "Monday to Wednesday, Saturday and Sunday 9:00–12:00");
}

TEST_F(OpeningHoursTest, AServiceWithoutWalkInHoursIsByAppointmentOnly) {
    Service s = service("initiatief");
    s.walkIn = {};
    EXPECT_EQ(describeWeekHours(s, *texts_, "nl"), "");
    EXPECT_EQ(walkInHoursLine(s, *texts_, "nl"), "Initiatief-coach: alleen op afspraak.");
}

TEST_F(OpeningHoursTest, EveryServiceHasALineInEveryLanguage) {
    for (const Service& s : bundle_.services)
        for (const std::string& language : bundle_.content.languages) {
            const std::string text = walkInHoursLine(s, *texts_, language);
            EXPECT_EQ(text.find('['), std::string::npos) << s.id << "/" << language << ": " << text;
            EXPECT_EQ(text.find('{'), std::string::npos) << s.id << "/" << language << ": " << text;
            EXPECT_NE(text.find(':'), std::string::npos) << s.id << "/" << language << ": " << text;
        }
    EXPECT_TRUE(texts_->missingKeys().empty());
    EXPECT_EQ(findService(bundle_.services, "no-such-service"), nullptr);
}

}  // namespace
}  // namespace wp
