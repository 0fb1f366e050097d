// The host console's table of alert messages: every kind of alert has a Dutch sentence that names the
// trouble and then says what to do, in every language of the demo content; a lost connection is told apart
// by its cause, and a resident's call for help has a text of its own.
#include "kiosk/core/host_alert_texts.h"

#include <gtest/gtest.h>

#include <set>

#include "tests/unit/kiosk/core/demo_content_fixture.h"

namespace wp {
namespace {

using testing::DemoContentTest;
using HostAlertTextsTest = DemoContentTest;

const HostAlertKind kKinds[] = {
    HostAlertKind::ResidentAsksForHost, HostAlertKind::PrinterPaperOut, HostAlertKind::PrinterOffline,
    HostAlertKind::PrintFailed,         HostAlertKind::ConnectionLost,  HostAlertKind::RequestRejected,
    HostAlertKind::SmsGatewayFailing,   HostAlertKind::OutboxTooOld,    HostAlertKind::OutOfService};

HostAlert alertOf(HostAlertKind kind, std::string lastError = {}) {
    HostAlert a;
    a.kind = kind;
    a.since = *parseLocalDateTime("2026-11-26 09:40");
    a.detail = "start";
    a.reference = "SGN-K2-7KQ4XD9M-3";
    a.lastError = std::move(lastError);
    return a;
}

TEST_F(HostAlertTextsTest, EveryTopicHasItsOwnTextInEveryLanguage) {
    std::set<std::string_view> keys;
    for (AlertTopic topic : kAlertTopics) {
        const std::string_view key = alertTextKey(topic);
        EXPECT_TRUE(keys.insert(key).second) << key << " is used for two topics";
        for (const std::string& language : bundle_.content.languages) {
            const std::string& text = texts_->get(language, key);
            EXPECT_FALSE(text.empty()) << key << " in " << language;
            EXPECT_NE(text.front(), '[') << key << " missing in " << language;
        }
    }
    EXPECT_TRUE(texts_->missingKeys().empty());
}

TEST_F(HostAlertTextsTest, EveryTechnicalMessageSaysInDutchWhatIsWrongAndWhatToDo) {
    const auto now = *parseLocalDateTime("2026-11-26 10:00");
    for (HostAlertKind kind : kKinds) {
        if (kind == HostAlertKind::ResidentAsksForHost) continue;
        for (const char* cause : {"connect: Couldn't connect", "HTTP 503", "tls: certificate refused"}) {
            const std::string text = alertText(alertOf(kind, cause), *texts_, "nl", now);
            // What is wrong, then what to do: at least two sentences.
            const auto firstStop = text.find(". ");
            ASSERT_NE(firstStop, std::string::npos) << "no sentence saying what to do: " << text;
            EXPECT_EQ(text.back(), '.') << text;
            EXPECT_EQ(text.find('{'), std::string::npos) << "not filled in: " << text;
        }
    }
    EXPECT_EQ(alertText(alertOf(HostAlertKind::PrinterPaperOut), *texts_, "nl", now),
              "Printer: geen papier. Leg een nieuwe rol in.");
}

TEST_F(HostAlertTextsTest, ALostConnectionIsToldApartByItsCause) {
    EXPECT_EQ(alertTopic(alertOf(HostAlertKind::ConnectionLost, "connect: Couldn't connect to server")),
              AlertTopic::NetworkDown);
    EXPECT_EQ(alertTopic(alertOf(HostAlertKind::ConnectionLost, "timeout: Operation timed out")),
              AlertTopic::NetworkDown);
    EXPECT_EQ(alertTopic(alertOf(HostAlertKind::ConnectionLost, "HTTP 503")), AlertTopic::ServerError);
    EXPECT_EQ(alertTopic(alertOf(HostAlertKind::ConnectionLost, "tls: handshake failed")),
              AlertTopic::CertificateRefused);
    const auto now = *parseLocalDateTime("2026-11-26 10:00");
    EXPECT_EQ(alertText(alertOf(HostAlertKind::ConnectionLost, "connect: refused"), *texts_, "nl", now),
              "Netwerk: geen verbinding sinds 09:40. Kijk of de netwerkkabel vastzit en het modem aan staat. "
              "Verzoeken blijven bewaard.");
}

TEST_F(HostAlertTextsTest, AnOldOutboxSaysHowLongPersonalDataWaits) {
    EXPECT_EQ(
        alertText(alertOf(HostAlertKind::OutboxTooOld), *texts_, "nl",
                  *parseLocalDateTime("2026-11-27 12:10")),
        "Verzending: het oudste verzoek wacht al 26 uur (sinds 09:40) en houdt persoonsgegevens op deze "
        "kiosk. Bel de ICT-servicedesk.");
}

TEST_F(HostAlertTextsTest, ACallForHelpHasItsOwnTextWithTheScreenAndTheMinutes) {
    EXPECT_EQ(alertTopic(alertOf(HostAlertKind::ResidentAsksForHost)), AlertTopic::HelpAsked);
    EXPECT_EQ(alertText(alertOf(HostAlertKind::ResidentAsksForHost), *texts_, "nl",
                        *parseLocalDateTime("2026-11-26 09:43")),
              "Iemand vraagt om hulp bij het scherm (start), 3 min geleden. Ga naar de bewoner toe.");
    for (HostAlertKind kind : kKinds) {
        if (kind != HostAlertKind::ResidentAsksForHost) {
            EXPECT_NE(alertTopic(alertOf(kind, "HTTP 500")), AlertTopic::HelpAsked);
        }
    }
}

}  // namespace
}  // namespace wp
