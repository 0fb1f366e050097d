// The states of "Ik heb een afspraak" for the every-screen test (ScreenTest::addCheckinStates): the code
// screen, a wrong code, too early, checked in, too late, and a booking of another day found at the central
// server (a fake one). The bookings are kept in the walk-in role's own appointment store, as the sync keeps
// them.
#include "common/appointment.h"
#include "kiosk/core/appointment_checkin.h"
#include "tests/unit/kiosk/ui/screen_fixture.h"

namespace wp::ui {

namespace {

using namespace std::chrono_literals;

// A central server that knows one booking of another day, for GET /v1/appointments/{code}.
class OtherDayServer final : public HttpClient {
  public:
    explicit OtherDayServer(TimePoint start) : start_(start) {}
    HttpResult send(const HttpRequest& request) override {
        HttpResult r;
        if (request.path != "/v1/appointments/W8XY9ZA2") {
            r.status = 404;
            return r;
        }
        r.status = 200;
        r.body =
            encodeBookingView({"W8XY9ZA2", "SGN", "gemeente", "Wijkpunt Groenoord",
                               "Nieuwe Damlaan 90, Schiedam", start_, start_ + 15min, BookingState::Booked});
        return r;
    }

  private:
    TimePoint start_;
};

TodayAppointment kept(std::string code, TimePoint start) {
    TodayAppointment a;
    a.code = std::move(code);
    a.day = localDay(start);
    a.serviceId = "gemeente";
    a.start = start;
    a.end = start + 15min;
    a.name = "J. Jansen";
    return a;
}

}  // namespace

void ScreenTest::addCheckinStates(std::vector<State>& states) {
    const TimePoint now = clock_.now();
    ASSERT_TRUE(parts_->appointments->replaceDay(
        localDay(now),
        {kept("K7QM2XD9", now + 10min), kept("P3RS4TV5", now + 3h), kept("H4JK5MN6", now - 1h)}, now));
    auto typed = [this](ResidentSession& s, const std::string& code) {
        s.open({"appointment-code", {}});
        frame();
        if (code.empty()) return;
        ui_->typeText(code);  // as a scanner types the slip's QR code
        ui_->submitText();
        frame();
        for (int i = 0; i < 500 && s.appointmentCheckin()->state() == AppointmentCheckin::State::Busy; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            frame();
        }
        frame();
    };
    states.push_back({"appointment code", [=](ResidentSession& s, testing::FakeClock&) { typed(s, ""); }});
    states.push_back(
        {"appointment code wrong", [=](ResidentSession& s, testing::FakeClock&) { typed(s, "K7QM"); }});
    states.push_back(
        {"appointment too early", [=](ResidentSession& s, testing::FakeClock&) { typed(s, "P3RS4TV5"); }});
    states.push_back({"appointment checked in", [=, this](ResidentSession& s, testing::FakeClock&) {
                          typed(s, "K7QM2XD9");
                          settlePrinting();
                      }});
    states.push_back({"appointment too late", [=, this](ResidentSession& s, testing::FakeClock&) {
                          typed(s, "H4JK5MN6");
                          settlePrinting();
                      }});
    states.push_back({"appointment found", [=, this](ResidentSession& s, testing::FakeClock&) {
                          if (!otherDay_)
                              otherDay_ = std::make_unique<AppointmentCheckin>(
                                  CheckinParts{*parts_->appointments, *parts_->queueStore, *parts_->queue,
                                               clock_, parts_->random, "SGN"},
                                  CheckinRules{}, std::make_unique<OtherDayServer>(clock_.now() + 48h),
                                  nullptr);
                          s.attachAppointmentCheckin(otherDay_.get());
                          typed(s, "W8XY9ZA2");
                      }});
}

}  // namespace wp::ui
