// The appointment screens' states for every-screen checks (ScreenTest::addAppointmentStates), and the fake
// central server they are drawn against.
#include <fmt/format.h>

#include <chrono>
#include <thread>

#include "kiosk/core/queue.h"
#include "tests/unit/kiosk/ui/screen_fixture.h"

namespace wp::ui {

namespace {

HttpResult ok(std::string body, int status = 200) {
    HttpResult r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

std::string bookingJson(const std::string& code, const std::string& state) {
    return fmt::format(
        R"({{"code":"{}","contact_point":"SGN","service":"gemeente","place":"Wijkpunt Groenoord",
"address":"Nieuwe Damlaan 90, Schiedam","start":"2026-11-30T08:15:00Z","end":"2026-11-30T08:30:00Z",
"state":"{}"}})",
        code, state);
}

}  // namespace

void ScreenTest::setUpAppointmentServer() {
    testing::FakeAppointmentServer& server = *appointments_;
    server.answer("GET /v1/appointments/offers", ok(R"({"offers":[
 {"contact_point":"SGN","service":"gemeente","place":"Wijkpunt Groenoord","address":"Nieuwe Damlaan 90, Schiedam","slot_minutes":15},
 {"contact_point":"SGN","service":"huurloket","place":"Wijkpunt Groenoord","address":"Nieuwe Damlaan 90, Schiedam","slot_minutes":20},
 {"contact_point":"SGN","service":"wijkteam","place":"Wijkpunt Groenoord","address":"Nieuwe Damlaan 90, Schiedam","slot_minutes":30},
 {"contact_point":"SZU","service":"gemeente","place":"Wijkpunt Schiedam-Zuid","address":"Lange Kerkstraat 12, Schiedam","slot_minutes":15},
 {"contact_point":"SWE","service":"initiatief","place":"Stadskantoor Schiedam-West","address":"Stationsplein 1, Schiedam","slot_minutes":30}]})"));
    // Two weeks of weekdays from tomorrow, 09:00 to 16:45 every quarter of an hour: more times than fit.
    std::string slots;
    std::string day = localDay(clock_.now());
    for (int d = 0; d < 14; ++d) {
        day = nextDay(day);
        const LocalTime local = toLocalTime(fromLocalTime(day, 12 * 60));
        if (local.weekday >= 5) continue;
        for (int minute = 9 * 60; minute < 17 * 60; minute += 15) {
            const TimePoint start = fromLocalTime(day, minute);
            slots += fmt::format(R"({}{{"start":"{}","end":"{}","free":{}}})", slots.empty() ? "" : ",",
                                 formatRfc3339(start), formatRfc3339(start + std::chrono::minutes(15)),
                                 1 + minute % 2);
        }
    }
    server.answer("GET /v1/appointments/slots?contact_point=SGN&service=gemeente",
                  ok(R"({"contact_point":"SGN","service":"gemeente","slots":[)" + slots + "]}"));
    server.answer("GET /v1/appointments/slots?contact_point=SGN&service=huurloket",
                  ok(R"({"contact_point":"SGN","service":"huurloket","slots":[]})"));
    server.answer("POST /v1/appointments", ok(bookingJson("K7QM2XD9", "booked"), 201));
    server.answer("GET /v1/appointments/K7QM2XD9", ok(bookingJson("K7QM2XD9", "booked")));
    server.answer("POST /v1/appointments/K7QM2XD9/cancel", ok(bookingJson("K7QM2XD9", "cancelled")));
    server.answer("POST /v1/appointments/K7QM2XD9/change", ok(bookingJson("K7QM2XD9", "booked")));
    server.answer("GET /v1/appointments/TTTTTTTT", ok("{}", 429));
}

AppointmentBooking& ScreenTest::attachAppointments(ResidentSession& s) {
    s.attachAppointmentBooking(&appointments_->booking());
    return appointments_->booking();
}

void ScreenTest::settleAppointments() {
    frame();
    for (int i = 0; i < 1000 && appointments_->client().state() == AppointmentClient::State::Busy; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        frame();
    }
    frame();
}

void ScreenTest::addAppointmentStates(std::vector<State>& states) {
    auto add = [&](std::string name, std::function<void(ResidentSession&)> enter) {
        states.push_back({std::move(name), [enter](ResidentSession& s, testing::FakeClock&) { enter(s); }});
    };
    // Opens the service screen and waits for the offers.
    auto services = [this](ResidentSession& s, const std::string& arg = {}) {
        attachAppointments(s);
        s.open({"appointment-service", arg});
        settleAppointments();
    };
    auto days = [=, this](ResidentSession& s) {
        services(s);
        tapCentre(*control(s.tr("service.gemeente")));
        settleAppointments();
    };
    auto times = [=, this](ResidentSession& s) {
        days(s);
        const FrameRecord& f = ui_->lastFrame();
        for (const DrawnItem& item : f.items)
            if (item.clickable && item.kind == WidgetKind::Tile) {
                tapCentre(item);
                return;
            }
    };
    // Everything chosen and typed; the check screen.
    auto check = [=, this](ResidentSession& s) {
        times(s);
        const FrameRecord& f = ui_->lastFrame();
        for (const DrawnItem& item : f.items)
            if (item.clickable && item.kind == WidgetKind::Tile) {
                tapCentre(item);
                break;
            }
        AppointmentBooking& b = appointments_->booking();
        b.name().set("Fatma Yılmaz-van der Berg");
        b.phone().set("0612345678");
        b.email().set("fatma.yilmaz@voorbeeld.nl");
        s.open({"appointment-check", {}});
        frame();
    };
    auto make = [=, this](ResidentSession& s) {
        check(s);
        tapCentre(*control(s.tr("appointment.make")));
        settleAppointments();
    };
    add("appointment service", [=](ResidentSession& s) { services(s); });
    add("appointment service for the huurloket", [=](ResidentSession& s) { services(s, "huurloket"); });
    add("appointment elsewhere", [=](ResidentSession& s) { services(s, "elsewhere"); });
    add("appointment fetching", [=, this](ResidentSession& s) {
        attachAppointments(s);
        appointments_->hold(true);
        s.open({"appointment-service", {}});
        frame();
    });
    add("appointment day", [=, this](ResidentSession& s) {
        appointments_->hold(false);
        days(s);
    });
    add("appointment no free day", [=, this](ResidentSession& s) {
        services(s);
        tapCentre(*control(s.tr("service.huurloket")));
        settleAppointments();
    });
    add("appointment time", [=](ResidentSession& s) { times(s); });
    add("appointment time, later", [=, this](ResidentSession& s) {
        times(s);
        tapCentre(*control(s.tr("appointment.later")));
    });
    for (int step = 0; step < 3; ++step)
        add(fmt::format("appointment contact, question {}", step + 1), [=, this](ResidentSession& s) {
            check(s);
            s.back();  // the contact screen, at its first question
            frame();
            AppointmentBooking& b = appointments_->booking();
            b.phone().set("0612345678");
            for (int i = 0; i < step; ++i) tapCentre(*control(s.tr("appointment.next")));
        });
    add("appointment contact, wrong phone", [=, this](ResidentSession& s) {
        check(s);
        s.back();
        frame();
        tapCentre(*control(s.tr("appointment.next")));
        appointments_->booking().phone().set("12345");
        tapCentre(*control(s.tr("appointment.next")));
    });
    add("appointment check", [=](ResidentSession& s) { check(s); });
    add("appointment booking", [=, this](ResidentSession& s) {
        check(s);
        appointments_->hold(true);
        tapCentre(*control(s.tr("appointment.make")));
    });
    add("appointment done, printing", [=, this](ResidentSession& s) {
        appointments_->hold(false);
        make(s);
    });
    add("appointment done, printed", [=, this](ResidentSession& s) {
        make(s);
        for (int i = 0; i < 500 && appointments_->booking().printState() == PaperState::Printing; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            frame();
        }
    });
    add("appointment done, print failed", [=, this](ResidentSession& s) {
        printer_->failNext(PrintOutcome::PaperOut);
        make(s);
        for (int i = 0; i < 500 && appointments_->booking().printState() == PaperState::Printing; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            frame();
        }
    });
    auto outcome = [=, this](HttpResult r) {
        return [=, this](ResidentSession& s) {
            appointments_->answer("POST /v1/appointments", r);
            make(s);
            setUpAppointmentServer();
        };
    };
    HttpResult taken = ok("{}", 409), refused, lost;
    refused.transport = TransportError::Connect;
    lost.transport = TransportError::Timeout;
    add("appointment slot taken", outcome(taken));
    add("appointment not made: unreachable", outcome(refused));
    add("appointment unknown", outcome(lost));
    add("appointment unreachable", [=, this](ResidentSession& s) {
        attachAppointments(s);
        s.open({"appointment-unreachable", "gemeente"});
    });
    add("appointment change", [=, this](ResidentSession& s) {
        attachAppointments(s);
        s.open({"appointment-change", "K7QM2XD9"});
        settleAppointments();
    });
    add("appointment change, unknown code", [=, this](ResidentSession& s) {
        attachAppointments(s);
        s.open({"appointment-change", "22222222"});
        settleAppointments();
    });
    add("appointment change, too many", [=, this](ResidentSession& s) {
        attachAppointments(s);
        s.open({"appointment-change", "TTTTTTTT"});
        settleAppointments();
    });
    add("appointment change, check", [=, this](ResidentSession& s) {
        attachAppointments(s);
        s.open({"appointment-change", "K7QM2XD9"});
        settleAppointments();
        tapCentre(*control(s.tr("appointment.new_time")));
        settleAppointments();
        for (int pick = 0; pick < 2; ++pick)
            for (const DrawnItem& item : ui_->lastFrame().items)
                if (item.clickable && item.kind == WidgetKind::Tile) {
                    tapCentre(item);
                    break;
                }
    });
    add("appointment cancel", [=, this](ResidentSession& s) {
        attachAppointments(s);
        s.open({"appointment-cancel", "K7QM2XD9"});
        settleAppointments();
    });
    add("appointment cancelled", [=, this](ResidentSession& s) {
        attachAppointments(s);
        s.open({"appointment-cancel", "K7QM2XD9"});
        settleAppointments();
        tapCentre(*control(s.tr("appointment.cancel")));
        settleAppointments();
    });
}

}  // namespace wp::ui
