#include "kiosk/core/resident_session.h"

#include <gtest/gtest.h>

#include "drivers/speech/recording_speaker.h"
#include "tests/unit/fake_clock.h"

namespace wp {
namespace {

using namespace std::chrono_literals;

class RecordingAlerts final : public HostAlerts {
  public:
    void residentAsksForHost(const std::string& screen, TimePoint when) override {
        screens.push_back(screen);
        last = when;
    }
    std::vector<std::string> screens;
    TimePoint last{};
};

class ResidentSessionTest : public ::testing::Test {
  protected:
    ResidentSessionTest() {
        auto loaded =
            loadBundle(std::filesystem::path(WIJKPUNT_SOURCE_DIR) / "provisioning/demo/settings.toml");
        EXPECT_TRUE(loaded) << loaded.status().message();
        bundle = std::move(loaded).value();
        session = std::make_unique<ResidentSession>(bundle, clock, speaker, alerts);
    }
    Bundle bundle;
    testing::FakeClock clock;
    RecordingSpeaker speaker;
    RecordingAlerts alerts;
    std::unique_ptr<ResidentSession> session;
};

TEST_F(ResidentSessionTest, StartsPristineOnTheStartScreenInDutch) {
    EXPECT_EQ(session->screen().id, kStartScreen);
    EXPECT_EQ(session->language(), "nl");
    EXPECT_TRUE(session->isPristine());
    EXPECT_EQ(session->tr("tile.ticket"), "Wachtnummer");
}

TEST_F(ResidentSessionTest, TileOpensItsScreenAndBackReturns) {
    session->openTile("ticket");
    EXPECT_EQ(session->screen(), (ScreenRef{"ticket-service", "ticket"}));
    EXPECT_FALSE(session->isPristine());
    session->back();
    EXPECT_EQ(session->screen().id, kStartScreen);
    session->back();  // nothing below the start screen
    EXPECT_EQ(session->screen().id, kStartScreen);
}

TEST_F(ResidentSessionTest, LanguageSwitchesTextsAndIgnoresUnknownCodes) {
    session->setLanguage("en");
    EXPECT_EQ(session->tr("tile.ticket"), "Take a number");
    session->setLanguage("xx");
    EXPECT_EQ(session->language(), "en");
}

TEST_F(ResidentSessionTest, StartAgainForgetsEverything) {
    session->setLanguage("uk");
    session->setHighContrast(true);
    session->setVolume(100);
    session->openTile("question");
    session->askForHost();
    int stopsBefore = speaker.stops();
    session->startAgain();
    EXPECT_TRUE(session->isPristine());
    EXPECT_EQ(session->language(), "nl");
    EXPECT_FALSE(session->highContrast());
    EXPECT_FALSE(session->hostNoticeShown());
    EXPECT_EQ(session->volume(), kDefaultVolume);
    EXPECT_EQ(speaker.volume(), kDefaultVolume);
    EXPECT_GT(speaker.stops(), stopsBefore);  // speech stops too
    EXPECT_EQ(session->theme().id, "gemeente");
}

TEST_F(ResidentSessionTest, IdleWarnsThenWipes) {
    session->setLanguage("tr");
    session->openTile("initiative");
    // demo settings: 90 s timeout, warning 30 s before
    clock.advance(59s);
    EXPECT_EQ(session->idlePhase(), IdleTimer::Phase::Active);
    EXPECT_FALSE(session->tick());
    clock.advance(2s);
    EXPECT_EQ(session->idlePhase(), IdleTimer::Phase::Warning);
    EXPECT_EQ(session->idleSecondsLeft(), 29);
    EXPECT_FALSE(session->tick());
    clock.advance(29s);
    EXPECT_TRUE(session->tick());
    EXPECT_TRUE(session->isPristine());
    EXPECT_EQ(session->language(), "nl");
    EXPECT_EQ(session->screen().id, kStartScreen);
}

TEST_F(ResidentSessionTest, StillHereExtendsTheSession) {
    session->openTile("initiative");
    clock.advance(70s);
    ASSERT_EQ(session->idlePhase(), IdleTimer::Phase::Warning);
    session->stillHere();
    EXPECT_EQ(session->idlePhase(), IdleTimer::Phase::Active);
    clock.advance(70s);
    EXPECT_FALSE(session->tick());
    EXPECT_EQ(session->screen().arg, "initiative");
}

TEST_F(ResidentSessionTest, PristineStartScreenNeverTimesOut) {
    clock.advance(24h);
    EXPECT_EQ(session->idlePhase(), IdleTimer::Phase::Active);
    EXPECT_FALSE(session->tick());
    EXPECT_EQ(session->nextTimedChange(), TimePoint::max());
}

TEST_F(ResidentSessionTest, AskForHostAlertsWithTheScreen) {
    session->openTile("appointment");
    session->askForHost();
    ASSERT_EQ(alerts.screens.size(), 1u);
    EXPECT_EQ(alerts.screens[0], "coming-soon");
    EXPECT_EQ(alerts.last, clock.now());
    EXPECT_TRUE(session->hostNoticeShown());
    session->dismissHostNotice();
    EXPECT_FALSE(session->hostNoticeShown());
}

TEST_F(ResidentSessionTest, ReadAloudSpeaksInTheSessionLanguage) {
    session->setLanguage("pl");
    session->readAloud("W czym możemy pomóc?");
    auto said = speaker.utterances();
    ASSERT_EQ(said.size(), 1u);
    EXPECT_EQ(said[0].language, "pl");
    EXPECT_EQ(said[0].text, "W czym możemy pomóc?");
}

TEST_F(ResidentSessionTest, HighContrastSwitchesTheTheme) {
    session->setHighContrast(true);
    EXPECT_EQ(session->theme().id, "hoog-contrast");
}

}  // namespace
}  // namespace wp

namespace wp {
namespace {

TEST_F(ResidentSessionTest, WipeListenersRunAtStartAgainAndTheIdleTimeoutUntilRemoved) {
    int first = 0, second = 0;
    auto a = session->addWipeListener([&] { ++first; });
    auto b = session->addWipeListener([&] {
        ++second;
        EXPECT_EQ(session->screen().id, kStartScreen) << "the session is reset before listeners run";
    });
    EXPECT_NE(a, b);
    session->openTile("question");
    session->startAgain();
    EXPECT_EQ(first, 1);
    EXPECT_EQ(second, 1);
    session->openTile("question");
    clock.advance(std::chrono::seconds(bundle.settings.session.idleTimeoutSeconds + 1));
    EXPECT_TRUE(session->tick());
    EXPECT_EQ(first, 2);
    session->removeWipeListener(a);
    session->startAgain();
    EXPECT_EQ(first, 2);
    EXPECT_EQ(second, 3);
    session->removeWipeListener(b);
}

}  // namespace
}  // namespace wp
