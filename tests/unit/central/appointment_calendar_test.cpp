// The iCalendar invitation of the appointment e-mails, read back with libical.
#include "central/appointment_calendar.h"

#include <gtest/gtest.h>

#include "tests/support/appointment_mail_reader.h"

namespace wp {
namespace {

using namespace std::chrono_literals;

// 2026-12-07 08:00:00 UTC (09:00 in Schiedam).
const TimePoint kStart = std::chrono::system_clock::from_time_t(1796630400);

AppointmentInvitation sample() {
    AppointmentInvitation in;
    in.uid = appointmentUid("K7QM2XD9", "wijkpunt.example.org");
    in.start = kStart;
    in.end = kStart + 15min;
    in.summary = "Afspraak: Gemeente";
    in.location = "Wijkpunt Groenoord, Nieuwe Damlaan 90, Schiedam";
    in.description = "Uw code: K7QM 2XD9\nhttps://wijkpunt.example.org/afspraak/annuleren/abc";
    in.organizer = "wijkpunt@example.org";
    in.attendee = "jan@example.org";
    return in;
}

TEST(AppointmentCalendarTest, RequestParsesBackWithTheSameTimesUidAndPlace) {
    const std::string text = invitationCalendar(sample(), InvitationMethod::Request, kStart - 24h);
    auto parsed = testing::parseInvitation(text);
    ASSERT_TRUE(parsed) << text;
    EXPECT_EQ(parsed->method, "REQUEST");
    EXPECT_EQ(parsed->events, 1);
    EXPECT_EQ(parsed->uid, "K7QM2XD9@wijkpunt.example.org");
    EXPECT_EQ(parsed->start, kStart);
    EXPECT_EQ(parsed->end, kStart + 15min);
    EXPECT_TRUE(parsed->startIsUtc);
    EXPECT_TRUE(parsed->endIsUtc);
    EXPECT_EQ(parsed->location, "Wijkpunt Groenoord, Nieuwe Damlaan 90, Schiedam");
    EXPECT_EQ(parsed->summary, "Afspraak: Gemeente");
    EXPECT_EQ(parsed->description, sample().description);
    EXPECT_EQ(parsed->status, "CONFIRMED");
    EXPECT_EQ(parsed->sequence, 0);
    EXPECT_EQ(parsed->organizer, "mailto:wijkpunt@example.org");
    EXPECT_EQ(parsed->attendee, "mailto:jan@example.org");
    EXPECT_NE(text.find("DTSTART:20261207T080000Z\r\n"), std::string::npos) << text;
    EXPECT_NE(text.find("DTEND:20261207T081500Z\r\n"), std::string::npos) << text;
    EXPECT_NE(text.find("DTSTAMP:20261206T080000Z\r\n"), std::string::npos) << text;
    EXPECT_EQ(text.rfind("BEGIN:VCALENDAR\r\n", 0), 0u) << text;
}

TEST(AppointmentCalendarTest, CancelKeepsTheUidAndSaysCancelled) {
    AppointmentInvitation in = sample();
    in.sequence = 1;
    auto parsed = testing::parseInvitation(invitationCalendar(in, InvitationMethod::Cancel, kStart - 2h));
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->method, "CANCEL");
    EXPECT_EQ(parsed->uid, "K7QM2XD9@wijkpunt.example.org");
    EXPECT_EQ(parsed->status, "CANCELLED");
    EXPECT_EQ(parsed->sequence, 1);
    EXPECT_EQ(parsed->start, kStart);
}

TEST(AppointmentCalendarTest, LongAndNonLatinTextIsFoldedAndComesBackWhole) {
    AppointmentInvitation in = sample();
    in.summary = "Запис: Муніципалітет (Gemeente), консультація з питань оренди житла; довгий текст";
    in.location =
        "Wijkpunt Groenoord, Nieuwe Damlaan 90, Schiedam; ingang aan de achterkant, naast de bibliotheek";
    const std::string text = invitationCalendar(in, InvitationMethod::Request, kStart);
    for (size_t pos = 0, end; (end = text.find("\r\n", pos)) != std::string::npos; pos = end + 2)
        EXPECT_LE(end - pos, 75u) << text.substr(pos, end - pos);
    auto parsed = testing::parseInvitation(text);
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->summary, in.summary);
    EXPECT_EQ(parsed->location, in.location);
}

TEST(AppointmentCalendarTest, TimesAcrossTheClockChangeStayInUtc) {
    AppointmentInvitation in = sample();
    // 2026-03-29 09:00 local is 07:00 UTC (summer time began that night).
    in.start = std::chrono::system_clock::from_time_t(1774767600);
    in.end = in.start + 20min;
    const std::string text = invitationCalendar(in, InvitationMethod::Request, in.start);
    EXPECT_NE(text.find("DTSTART:20260329T070000Z"), std::string::npos) << text;
    auto parsed = testing::parseInvitation(text);
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->start, in.start);
    EXPECT_EQ(parsed->end, in.end);
}

}  // namespace
}  // namespace wp
