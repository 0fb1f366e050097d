#include "kiosk/ui/screens/appointment_change_screen.h"

#include "kiosk/core/appointment_slip.h"
#include "kiosk/ui/screens/appointment_done_screen.h"
#include "kiosk/ui/screens/appointment_parts.h"

namespace wp::ui {

void AppointmentByCodeScreen::onEnter(ResidentSession& session) {
    problemKey_.clear();
    view_ = View::Busy;
    AppointmentBooking* booking = session.appointmentBooking();
    auto code = normalizeBookingCode(session.screen().arg);
    if (booking == nullptr) {
        view_ = View::Problem;
        problemKey_ = "appointment.unreachable";
    } else if (!code) {
        view_ = View::Problem;
        problemKey_ = "appointment.not_found";
    } else {
        booking->wipe();
        booking->client().lookUp(*code);
    }
}

void AppointmentByCodeScreen::draw(Ui& ui, ResidentSession& session, Rect area) {
    AppointmentBooking* booking = session.appointmentBooking();
    float y = area.y0;
    bool back = false, go = false;
    if (booking != nullptr && (view_ == View::Busy || view_ == View::Cancelling) &&
        booking->client().collect()) {
        using State = AppointmentClient::State;
        const State state = booking->client().state();
        if (state == State::Done)
            view_ = view_ == View::Cancelling ? View::Cancelled : View::Found;
        else if (state != State::Busy) {
            view_ = View::Problem;
            problemKey_ = state == State::NotFound  ? "appointment.not_found"
                          : state == State::TooMany ? "appointment.too_many"
                                                    : "appointment.unreachable";
        }
    }
    switch (view_) {
        case View::Busy:
        case View::Cancelling:
            y += appointmentTitle(
                ui, session.tr(cancel_ ? "appointment.cancel_title" : "appointment.change_title"), area);
            appointmentNotice(
                ui, session.tr(view_ == View::Busy ? "appointment.looking_up" : "appointment.cancelling"),
                {area.x0, y, area.x1, area.y1}, false);
            return;
        case View::Problem:
            y += appointmentTitle(
                ui, session.tr(cancel_ ? "appointment.cancel_title" : "appointment.change_title"), area);
            y += appointmentNotice(ui, session.tr(problemKey_), {area.x0, y, area.x1, area.y1}, true);
            backAndMain(ui, session, session.tr("appointment.done"), area, y, back, go);
            if (go) session.startAgain();
            if (back) session.back();
            return;
        case View::Cancelled:
            y += appointmentTitle(ui, session.tr("appointment.cancelled_title"), area);
            y += drawBookingFacts(ui, session, booking->client().booking(), area, y);
            backAndMain(ui, session, session.tr("appointment.done"), area, y, back, go);
            if (go || back) session.startAgain();
            return;
        case View::Found:
            break;
    }
    const BookingView& b = booking->client().booking();
    const std::string when = fillIn(session.tr("appointment.when_value"),
                                    {{"date", appointmentDate(b.start, session.texts(), session.language())},
                                     {"time", formatLocalHourMinute(b.start)}});
    y += appointmentTitle(ui,
                          cancel_ ? fillIn(session.tr("appointment.cancel_question"), {{"when", when}})
                                  : session.tr("appointment.change_title"),
                          area);
    y += drawBookingFacts(ui, session, b, area, y);
    backAndMain(ui, session, session.tr(cancel_ ? "appointment.cancel" : "appointment.new_time"), area, y,
                back, go);
    if (go) {
        session.noteActivity();
        if (cancel_) {
            view_ = View::Cancelling;
            booking->client().cancel(b.code);
        } else {
            booking->startChange(b);
            session.open({kAppointmentDayScreen, {}});
        }
    } else if (back) {
        booking->wipe();
        session.back();
    }
}

}  // namespace wp::ui
