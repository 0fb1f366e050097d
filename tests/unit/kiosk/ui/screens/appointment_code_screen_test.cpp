// "Ik heb een afspraak" (kiosk/ui/screens/appointment_code_screen.cpp and the screens it leads to): the start
// screen's button opens the code screen; a code typed on the on-screen keyboard or scanned checks in and
// shows the appointment ticket; too early says when to come back; a code of another day shows when and where.
#include <gtest/gtest.h>

#include <algorithm>

#include "kiosk/core/appointment_checkin.h"
#include "tests/unit/kiosk/ui/screen_fixture.h"

namespace wp::ui {
namespace {

using namespace std::chrono_literals;

class AppointmentCodeScreenTest : public ScreenTest {
  protected:
    void SetUp() override {
        ScreenTest::SetUp();
        const TimePoint now = clock_.now();  // 10:00
        TodayAppointment a;
        a.code = "K7QM2XD9";
        a.day = localDay(now);
        a.serviceId = "gemeente";
        a.start = now + 15min;
        a.end = now + 30min;
        a.name = "J. Jansen";
        TodayAppointment later = a;
        later.code = "P3RS4TV5";
        later.start = now + 2h;
        later.end = now + 2h + 15min;
        ASSERT_TRUE(parts_->appointments->replaceDay(a.day, {a, later}, now));
    }
    bool shows(const std::string& text) {
        const FrameRecord& f = frame();
        return std::any_of(f.items.begin(), f.items.end(),
                           [&](const DrawnItem& i) { return i.text == text; });
    }
};

TEST_F(AppointmentCodeScreenTest, TypingTheCodeChecksInAndShowsTheTicket) {
    frame();
    tapCentre(*control("Ik heb een afspraak"));
    ASSERT_EQ(session_->screen().id, "appointment-code");
    frame();
    for (const char* key : {"K", "7", "Q", "M", "2", "X", "D", "9"}) {
        const DrawnItem* k = control(key);
        ASSERT_NE(k, nullptr) << key;
        tapCentre(*k);
    }
    EXPECT_TRUE(shows("K7QM 2XD9"));
    tapCentre(*control("Ik ben er"));
    frame();
    ASSERT_EQ(session_->screen().id, "appointment-checked-in");
    EXPECT_TRUE(shows("G-001"));
    EXPECT_TRUE(shows(fillIn(session_->tr("checkin.called_at"), {{"time", "10:15"}})));
    auto tickets = parts_->queueStore->allTicketsOfDay(localDay(clock_.now()));
    ASSERT_TRUE(tickets.isOk());
    ASSERT_EQ(tickets->size(), 1u);
    EXPECT_EQ((*tickets)[0].origin, TicketOrigin::Appointment);
    settlePrinting();
    ASSERT_EQ(printer_->printed().size(), 1u);
    EXPECT_EQ(printer_->printed()[0].number, "G-001");
    EXPECT_EQ(printer_->printed()[0].queueLines,
              std::vector<std::string>{fillIn(session_->tr("checkin.called_at"), {{"time", "10:15"}})});
    tapCentre(*control(session_->tr("ticket.done")));
    EXPECT_EQ(session_->screen().id, kStartScreen);
    EXPECT_TRUE(session_->appointmentCheckin()->holdsNothing());
}

TEST_F(AppointmentCodeScreenTest, TooEarlySaysWhenToComeBack) {
    session_->open({"appointment-code", {}});
    frame();
    ui_->typeText("p3rs-4tv5");  // a scanner, in lower case with a dash
    ui_->submitText();
    frame();
    EXPECT_TRUE(shows(fillIn(session_->tr("checkin.too_early"), {{"time", "12:00"}, {"opens", "11:30"}})));
    EXPECT_EQ(session_->screen().id, "appointment-code");
}

TEST_F(AppointmentCodeScreenTest, AnUnknownCodeSaysSoWithoutCheckingIn) {
    session_->open({"appointment-code", {}});
    frame();
    ui_->typeText("AAAAAAAA");
    ui_->submitText();
    frame();
    EXPECT_TRUE(shows(session_->tr("checkin.not_found")));
    EXPECT_TRUE(parts_->queueStore->allTicketsOfDay(localDay(clock_.now()))->empty());
}

}  // namespace
}  // namespace wp::ui
