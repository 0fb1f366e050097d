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

TEST_F(ResidentSessionTest, OutOfServiceTakesTheStartScreensPlaceUntilBackInService) {
    session->setOutOfService("Storing, kom morgen terug");
    EXPECT_EQ(session->screen().id, kOutOfServiceScreen);
    EXPECT_EQ(session->outOfService(), "Storing, kom morgen terug");
    EXPECT_TRUE(session->isPristine());
    session->setLanguage("en");
    session->startAgain();  // a wipe, or "Begin opnieuw", stays out of service
    EXPECT_EQ(session->screen().id, kOutOfServiceScreen);
    EXPECT_EQ(session->language(), "nl");
    session->setOutOfService(std::nullopt);
    EXPECT_EQ(session->screen().id, kStartScreen);
    EXPECT_TRUE(session->isPristine());
    session->startAgain();
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
    EXPECT_EQ(alerts.screens[0], "appointment-service");
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

// Holds one marker; counts its wipes and checks that the session is back on the start screen before it runs.
class MarkerHolder final : public PersonalDataHolder {
  public:
    MarkerHolder(std::string_view name, const ResidentSession& session) : name_(name), session_(session) {}
    std::string_view holderName() const override { return name_; }
    void wipe() override {
        ++wipes;
        EXPECT_EQ(session_.screen().id, kStartScreen) << "the session is reset before its holders are wiped";
        marker.clear();
    }
    bool holdsNothing() const override { return marker.empty(); }
    std::string marker;
    int wipes = 0;

  private:
    std::string_view name_;
    const ResidentSession& session_;
};

std::vector<std::string> holderNames(const ResidentSession& session) {
    std::vector<std::string> names;
    for (const PersonalDataHolder* h : session.holders()) names.emplace_back(h->holderName());
    return names;
}

TEST_F(ResidentSessionTest,
       RegisteredHoldersAreWipedAtStartAgainAndTheIdleTimeoutUntilTheirRegistrationEnds) {
    MarkerHolder first("first", *session), second("second", *session);
    PersonalDataRegistration a = session->registerHolder(first);
    PersonalDataRegistration b = session->registerHolder(second);
    EXPECT_EQ(holderNames(*session), (std::vector<std::string>{"first", "second"}));
    first.marker = second.marker = "ZQXMARK";
    session->openTile("question");
    session->startAgain();
    EXPECT_EQ(first.wipes, 1);
    EXPECT_EQ(second.wipes, 1);
    EXPECT_TRUE(first.holdsNothing());
    EXPECT_TRUE(second.holdsNothing());
    session->openTile("question");
    clock.advance(std::chrono::seconds(bundle.settings.session.idleTimeoutSeconds + 1));
    EXPECT_TRUE(session->tick());
    EXPECT_EQ(first.wipes, 2);
    a.reset();
    EXPECT_EQ(holderNames(*session), (std::vector<std::string>{"second"}));
    session->startAgain();
    EXPECT_EQ(first.wipes, 2);
    EXPECT_EQ(second.wipes, 3);
    {
        PersonalDataRegistration moved = std::move(b);  // the registration moves with its handle
        EXPECT_FALSE(b.registered());
        EXPECT_TRUE(moved.registered());
        session->startAgain();
        EXPECT_EQ(second.wipes, 4);
    }
    EXPECT_TRUE(session->holders().empty()) << "a registration ends with its handle";
    session->startAgain();
    EXPECT_EQ(second.wipes, 4);
}

TEST_F(ResidentSessionTest, EveryWipeStartsANewVisit) {
    const std::uint64_t first = session->visit();
    session->openTile("question");
    EXPECT_EQ(session->visit(), first);
    session->startAgain();
    EXPECT_EQ(session->visit(), first + 1);
    session->openTile("question");
    clock.advance(std::chrono::seconds(bundle.settings.session.idleTimeoutSeconds + 1));
    EXPECT_TRUE(session->tick());
    EXPECT_EQ(session->visit(), first + 2);
}

}  // namespace
}  // namespace wp
