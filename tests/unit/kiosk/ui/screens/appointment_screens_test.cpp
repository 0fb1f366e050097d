// The appointment screens against a fake central server: the whole booking from the start tile to the done
// screen and its slip, the outcomes that must not invite a second booking, the call back when the server
// cannot be reached, and changing and cancelling by code.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "kiosk/core/request_flow.h"
#include "tests/unit/kiosk/ui/screen_fixture.h"

namespace wp::ui {
namespace {

class AppointmentScreensTest : public ScreenTest {
  protected:
    void SetUp() override {
        ScreenTest::SetUp();
        attachAppointments(*session_);
    }
    // Taps the first way on (a tile or menu item) of the last frame.
    void tapFirstPick() {
        for (const DrawnItem& item : ui_->lastFrame().items)
            if (item.clickable && item.kind == WidgetKind::Tile) {
                tapCentre(item);
                return;
            }
        FAIL() << "nothing to pick";
    }
    void tap(const std::string& label) {
        const DrawnItem* item = control(label);
        ASSERT_NE(item, nullptr) << label;
        tapCentre(*item);
    }
    bool shows(const std::string& text) {
        const FrameRecord& f = frame();
        return std::any_of(f.items.begin(), f.items.end(),
                           [&](const DrawnItem& i) { return i.text.find(text) != std::string::npos; });
    }
    // From the start screen's tile to the check screen, typing on the on-screen keyboard.
    void walkToCheck() {
        frame();
        tap("Afspraak");
        settleAppointments();
        tap("Gemeente");
        settleAppointments();
        ASSERT_EQ(session_->screen().id, "appointment-day");
        ASSERT_TRUE(shows("vrijdag 27 november"));  // tomorrow, the soonest day, first
        tapFirstPick();
        ASSERT_EQ(session_->screen().id, "appointment-time");
        ASSERT_TRUE(shows("09:00"));
        tapFirstPick();
        ASSERT_EQ(session_->screen().id, "appointment-contact");
        ui_->typeText("jan de vries");
        frame();
        tap("Verder");
        tap("Verder");  // no phone yet
        ASSERT_TRUE(shows("Het telefoonnummer klopt niet"));
        ui_->typeText("06 1234 5678");
        frame();
        tap("Verder");
        tap("Verder");  // no e-mail: it may stay empty
        ASSERT_EQ(session_->screen().id, "appointment-check");
    }
};

TEST_F(AppointmentScreensTest, TheStartTileLeadsToABookingWithItsCodeAndSlip) {
    walkToCheck();
    EXPECT_TRUE(shows("Jan de Vries"));
    EXPECT_TRUE(shows("0612345678"));
    EXPECT_TRUE(shows("vrijdag 27 november om 09:00"));
    tap("Afspraak maken");
    settleAppointments();
    ASSERT_EQ(session_->screen().id, "appointment-done");
    EXPECT_TRUE(shows("K7QM 2XD9"));
    EXPECT_TRUE(shows("Nieuwe Damlaan 90, Schiedam"));
    EXPECT_TRUE(shows("paspoort"));
    for (int i = 0; i < 1000 && appointments_->booking().printState() == PaperState::Printing; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        frame();
    }
    EXPECT_TRUE(shows("Neem uw bon mee"));
    ASSERT_FALSE(printer_->printedReceipts().empty());
    const ReceiptPrintout slip = printer_->printedReceipts().back();
    EXPECT_EQ(slip.reference, "K7QM 2XD9");
    for (const std::string& line : slip.lines) {
        EXPECT_EQ(line.find("0612345678"), std::string::npos) << line;
        EXPECT_EQ(line.find("Vries"), std::string::npos) << line;
    }
    tap("Klaar");
    EXPECT_EQ(session_->screen().id, kStartScreen);
    EXPECT_TRUE(appointments_->booking().holdsNothing());
}

TEST_F(AppointmentScreensTest, AnUnknownOutcomeSendsToTheHostAndOffersNoSecondBooking) {
    HttpResult lost;
    lost.transport = TransportError::Timeout;
    appointments_->answer("POST /v1/appointments", lost);
    walkToCheck();
    tap("Afspraak maken");
    settleAppointments();
    EXPECT_EQ(session_->screen().id, "appointment-check");
    EXPECT_TRUE(shows("Maak geen nieuwe afspraak"));
    EXPECT_EQ(control("Afspraak maken"), nullptr);
    EXPECT_EQ(control("Bel mij terug"), nullptr);
    tap("Roep de gastvrouw of gastheer");
    EXPECT_TRUE(session_->hostNoticeShown());
}

TEST_F(AppointmentScreensTest, ABookingKnownNotMadeOffersTheCallBackWithTheServiceFilledIn) {
    HttpResult refused;
    refused.transport = TransportError::Connect;
    appointments_->answer("POST /v1/appointments", refused);
    walkToCheck();
    tap("Afspraak maken");
    settleAppointments();
    ASSERT_EQ(session_->screen(), (ScreenRef{"appointment-unreachable", "gemeente"}));
    tap("Bel mij terug");
    ASSERT_EQ(session_->screen(), (ScreenRef{"request", "appointment-callback:service=gemeente"}));
    frame();
    EXPECT_TRUE(requestFlow_->isChosen("service", "gemeente"));
    EXPECT_NE(requestFlow_->step().id, "service");
}

TEST_F(AppointmentScreensTest, AServerThatCannotBeReachedShowsTheUnreachableScreen) {
    HttpResult refused;
    refused.transport = TransportError::Connect;
    appointments_->answer("GET /v1/appointments/offers", refused);
    frame();
    tap("Afspraak");
    settleAppointments();
    EXPECT_EQ(session_->screen().id, "appointment-unreachable");
    tap("Terug");
    EXPECT_EQ(session_->screen().id, kStartScreen);
}

TEST_F(AppointmentScreensTest, ATakenSlotSaysSoAndOffersAnotherTime) {
    HttpResult taken;
    taken.status = 409;
    appointments_->answer("POST /v1/appointments", taken);
    walkToCheck();
    tap("Afspraak maken");
    settleAppointments();
    EXPECT_TRUE(shows("Iemand anders heeft deze tijd net gekozen"));
    tap("Kies een andere tijd");
    settleAppointments();
    EXPECT_EQ(session_->screen().id, "appointment-day");
}

TEST_F(AppointmentScreensTest, ACodeIsCancelledAfterTheQuestionAndChangedToANewTime) {
    session_->open({"appointment-cancel", "k7qm 2xd9"});
    settleAppointments();
    EXPECT_TRUE(shows("Wilt u uw afspraak op maandag 30 november om 09:15 afzeggen?"));
    tap("Afspraak afzeggen");
    settleAppointments();
    EXPECT_TRUE(shows("Uw afspraak is afgezegd"));

    session_->startAgain();
    session_->open({"appointment-change", "K7QM2XD9"});
    settleAppointments();
    tap("Kies een nieuwe tijd");
    settleAppointments();
    ASSERT_EQ(session_->screen().id, "appointment-day");
    tapFirstPick();
    tapFirstPick();
    ASSERT_EQ(session_->screen().id, "appointment-check");
    EXPECT_FALSE(shows("Naam"));
    tap("Afspraak verzetten");
    settleAppointments();
    EXPECT_EQ(session_->screen().id, "appointment-done");
    EXPECT_TRUE(shows("Uw afspraak is verzet"));
}

TEST_F(AppointmentScreensTest, ATopicsAppointmentRouteAndAClosedDeskOpenTheBooking) {
    session_->openTile("question");
    session_->open({"question-topic", "passport"});
    const DrawnItem* route = onSomePart("Afspraak maken");
    ASSERT_NE(route, nullptr);
    tapCentre(*route);
    EXPECT_EQ(session_->screen(), (ScreenRef{"appointment-service", "gemeente"}));

    session_->startAgain();
    clock_.advance(std::chrono::hours(10));  // Thursday 20:00: the Huurloket is closed
    frame();
    tap("Wachtnummer");
    tap("Huurloket");
    ASSERT_EQ(session_->screen(), (ScreenRef{"ticket-closed", "huurloket"}));
    frame();
    ASSERT_NE(control("Afspraak maken"), nullptr);
    EXPECT_EQ(control("Afspraak maken")->kind, WidgetKind::MainAction);
    tap("Afspraak maken");
    EXPECT_EQ(session_->screen(), (ScreenRef{"appointment-service", "huurloket"}));
}

TEST_F(AppointmentScreensTest, AWrongCodeSaysNothingAboutOtherBookings) {
    session_->open({"appointment-change", "22222222"});
    settleAppointments();
    EXPECT_TRUE(shows("We kunnen geen afspraak vinden met deze code"));
}

}  // namespace
}  // namespace wp::ui
