// The resident's appointment e-mails: the text in each language, the MIME message and its invitation.
#include "central/appointment_mail.h"

#include <gtest/gtest.h>

#include "tests/support/appointment_mail_reader.h"

namespace wp {
namespace {

using namespace std::chrono_literals;

const TimePoint kStart = std::chrono::system_clock::from_time_t(1796630400);  // Mon 2026-12-07 09:00 local

AppointmentMail sample(AppointmentMailKind kind, std::string language = "nl") {
    AppointmentMail m;
    m.kind = kind;
    m.code = "K7QM2XD9";
    m.service = "gemeente";
    m.place = "Wijkpunt Groenoord";
    m.address = "Nieuwe Damlaan 90, Schiedam";
    m.start = kStart;
    m.end = kStart + 15min;
    m.language = std::move(language);
    m.to = "jan@example.org";
    m.cancelLink = "https://wijkpunt.example.org/afspraak/annuleren/tok3n";
    return m;
}

TEST(AppointmentMailTest, DutchConfirmationNamesServiceTimePlaceCodeAndCancelLink) {
    MailText t = appointmentMailText(sample(AppointmentMailKind::Confirmation));
    EXPECT_EQ(t.subject, "Uw afspraak op maandag 7 december 2026 om 09:00");
    EXPECT_NE(t.body.find("Wat: Gemeente\n"), std::string::npos) << t.body;
    EXPECT_NE(t.body.find("Wanneer: maandag 7 december 2026, 09:00 - 09:15\n"), std::string::npos) << t.body;
    EXPECT_NE(t.body.find("Waar: Wijkpunt Groenoord, Nieuwe Damlaan 90, Schiedam\n"), std::string::npos);
    EXPECT_NE(t.body.find("Uw code: K7QM 2XD9\n"), std::string::npos);
    EXPECT_NE(t.body.find("https://wijkpunt.example.org/afspraak/annuleren/tok3n"), std::string::npos);
}

TEST(AppointmentMailTest, EveryLanguageHasItsOwnTextAndUnknownOnesGetDutch) {
    const std::pair<std::string, std::string> expected[] = {
        {"nl", "Herinnering: uw afspraak op maandag 7 december 2026 om 09:00"},
        {"en", "Reminder: your appointment on Monday 7 December 2026 at 09:00"},
        {"tr", "Hatırlatma: randevunuz 7 Aralık 2026 Pazartesi, saat 09:00"},
        {"pl", "Przypomnienie: Twoja wizyta poniedziałek, 7 grudnia 2026, godz. 09:00"},
        {"uk", "Нагадування: ваш запис понеділок, 7 грудня 2026 р., 09:00"},
        {"de", "Herinnering: uw afspraak op maandag 7 december 2026 om 09:00"},
    };
    for (const auto& [language, subject] : expected) {
        EXPECT_EQ(isMailLanguage(language), language != "de");
        MailText t = appointmentMailText(sample(AppointmentMailKind::Reminder, language));
        EXPECT_EQ(t.subject, subject) << language;
        EXPECT_NE(t.body.find("K7QM 2XD9"), std::string::npos) << language;
        EXPECT_NE(t.body.find("/afspraak/annuleren/tok3n"), std::string::npos) << language;
    }
    EXPECT_EQ(serviceNameIn("huurloket", "en"), "Rent desk (Huurloket)");
    EXPECT_EQ(serviceNameIn("onbekend", "en"), "onbekend");
}

TEST(AppointmentMailTest, CancellationHasNoCancelLink) {
    MailText t = appointmentMailText(sample(AppointmentMailKind::Cancellation));
    EXPECT_EQ(t.subject, "Afgezegd: uw afspraak op maandag 7 december 2026 om 09:00");
    EXPECT_NE(t.body.find("Uw afspraak is afgezegd."), std::string::npos);
    EXPECT_EQ(t.body.find("/afspraak/annuleren/"), std::string::npos) << t.body;
}

TEST(AppointmentMailTest, SummerTimeIsShownAsTheLocalHour) {
    AppointmentMail m = sample(AppointmentMailKind::Confirmation, "en");
    m.start = std::chrono::system_clock::from_time_t(1774767600);  // 2026-03-29 07:00 UTC, 09:00 CEST
    m.end = m.start + 20min;
    EXPECT_EQ(appointmentWhen(m.start, m.end, "en"), "Sunday 29 March 2026, 09:00 - 09:20");
}

TEST(AppointmentMailTest, MessageCarriesTheTextAndARequestInvitation) {
    const std::string message =
        appointmentMailMessage(sample(AppointmentMailKind::Confirmation, "uk"), "wijkpunt@example.org",
                               kStart - 48h, "wijkpunt.example.org");
    EXPECT_NE(message.find("From: <wijkpunt@example.org>\r\n"), std::string::npos);
    EXPECT_NE(message.find("To: <jan@example.org>\r\n"), std::string::npos);
    EXPECT_NE(message.find("Subject: =?UTF-8?B?"), std::string::npos) << "a non-ASCII subject is encoded";
    EXPECT_NE(message.find("MIME-Version: 1.0\r\n"), std::string::npos);
    for (size_t pos = 0, end; (end = message.find("\r\n", pos)) != std::string::npos; pos = end + 2)
        EXPECT_LE(end - pos, 78u) << message.substr(pos, end - pos);
    for (unsigned char c : message) EXPECT_LT(c, 0x80) << "the message itself is 7-bit";

    auto text = testing::mimePart(message, "text/plain");
    ASSERT_TRUE(text);
    EXPECT_NE(text->find("Ваш код: K7QM 2XD9"), std::string::npos) << *text;
    std::string headers;
    auto calendar = testing::mimePart(message, "text/calendar", &headers);
    ASSERT_TRUE(calendar);
    EXPECT_NE(headers.find("method=REQUEST"), std::string::npos) << headers;
    auto invitation = testing::parseInvitation(*calendar);
    ASSERT_TRUE(invitation);
    EXPECT_EQ(invitation->method, "REQUEST");
    EXPECT_EQ(invitation->uid, "K7QM2XD9@wijkpunt.example.org");
    EXPECT_EQ(invitation->start, kStart);
    EXPECT_EQ(invitation->end, kStart + 15min);
    EXPECT_EQ(invitation->location, "Wijkpunt Groenoord, Nieuwe Damlaan 90, Schiedam");
    EXPECT_EQ(invitation->attendee, "mailto:jan@example.org");
}

TEST(AppointmentMailTest, CancellationMessageCarriesACancelInvitation) {
    AppointmentMail m = sample(AppointmentMailKind::Cancellation);
    m.sequence = 1;
    const std::string message = appointmentMailMessage(m, "wijkpunt@example.org", kStart, "example.org");
    std::string headers;
    auto calendar = testing::mimePart(message, "text/calendar", &headers);
    ASSERT_TRUE(calendar);
    EXPECT_NE(headers.find("method=CANCEL"), std::string::npos);
    auto invitation = testing::parseInvitation(*calendar);
    ASSERT_TRUE(invitation);
    EXPECT_EQ(invitation->method, "CANCEL");
    EXPECT_EQ(invitation->status, "CANCELLED");
    EXPECT_EQ(invitation->uid, "K7QM2XD9@example.org");
    EXPECT_EQ(invitation->sequence, 1);
}

TEST(AppointmentMailTest, DomainComesFromThePublicUrlElseTheSender) {
    EXPECT_EQ(mailDomain("https://wijkpunt.schiedam.nl", "x@y.nl"), "wijkpunt.schiedam.nl");
    EXPECT_EQ(mailDomain("https://127.0.0.1:8444/", "x@y.nl"), "127.0.0.1");
    EXPECT_EQ(mailDomain("", "wijkpunt@schiedam.nl"), "schiedam.nl");
    EXPECT_EQ(mailDomain("", ""), "localhost");
}

}  // namespace
}  // namespace wp
