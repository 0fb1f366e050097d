#include "kiosk/ui/screens/appointment_done_screen.h"

#include "kiosk/core/appointment_slip.h"
#include "kiosk/core/opening_hours.h"
#include "kiosk/ui/screens/appointment_parts.h"

namespace wp::ui {

void AppointmentDoneScreen::onEnter(ResidentSession& session) {
    codeSpoken_ = false;
    if (AppointmentBooking* booking = session.appointmentBooking())
        booking->printSlip(session.bundle(), session.texts(), session.language(), session.now());
}

float drawBookingFacts(Ui& ui, ResidentSession& session, const BookingView& booking, Rect area, float y) {
    const Theme& t = ui.theme();
    const auto& c = t.colors;
    const float gap = t.spacing;
    const float top = y;
    const std::string when =
        fillIn(session.tr("appointment.when_value"),
               {{"date", appointmentDate(booking.start, session.texts(), session.language())},
                {"time", formatLocalHourMinute(booking.start)}});
    y += ui.text(when, {area.x0, y, area.x1, area.y1}, FontRole::Large, c.text, c.background, 0.5f) + gap / 2;
    y += ui.text(serviceName(session, booking.service) + "\n" + booking.place + ", " + booking.address,
                 {area.x0, y, area.x1, area.y1}, FontRole::Body, c.text, c.background, 0.5f) +
         gap;
    y += ui.text(session.tr("appointment.code_label"), {area.x0, y, area.x1, area.y1}, FontRole::Body, c.text,
                 c.background, 0.5f);
    // The code between two rules: text to copy, not a control.
    const std::string code = groupedBookingCode(booking.code);
    const float codeH = ui.measureHeight(code, area.width() - gap * 2, FontRole::Title) + gap * 2;
    const Rect box{area.x0, y + t.sizes.lineGap, area.x1, y + t.sizes.lineGap + codeH};
    ui.fill({box.x0, box.y0, box.x1, box.y0 + t.sizes.borderWidth}, c.text);
    ui.fill({box.x0, box.y1 - t.sizes.borderWidth, box.x1, box.y1}, c.text);
    ui.text(code, {box.x0 + gap, box.y0 + gap, box.x1 - gap, box.y1}, FontRole::Title, c.text, c.background,
            0.5f);
    return box.y1 + gap - top;
}

void AppointmentDoneScreen::draw(Ui& ui, ResidentSession& session, Rect area) {
    const Theme& t = ui.theme();
    const auto& c = t.colors;
    const float gap = t.spacing;
    AppointmentBooking* booking = session.appointmentBooking();
    float y = area.y0;
    const bool moved = booking != nullptr && booking->changing();
    y += appointmentTitle(ui, session.tr(moved ? "appointment.moved_title" : "appointment.done_title"), area);
    const float navY = area.y1 - t.sizes.buttonHeight;
    bool back = false, go = false;
    if (booking == nullptr || booking->client().booking().code.empty()) {
        backAndMain(ui, session, session.tr("appointment.done"), area, navY, back, go);
        if (go || back) session.startAgain();
        return;
    }
    booking->collectPrintResults();
    const BookingView& b = booking->client().booking();
    y += drawBookingFacts(ui, session, b, area, y);
    if (const Service* s = findService(session.bundle().services, b.service); s && !s->bringKey.empty())
        y += ui.text(fillIn(session.tr("appointment.slip_bring"), {{"what", session.tr(s->bringKey)}}),
                     {area.x0, y, area.x1, area.y1}, FontRole::Body, c.text, c.background) +
             gap;
    std::string printLine;
    bool trouble = false;
    switch (booking->printState()) {
        case PaperState::Printing:
            printLine = session.tr("appointment.printing");
            break;
        case PaperState::Printed:
            printLine = session.tr("appointment.printed");
            break;
        case PaperState::Failed:
        case PaperState::None:
            printLine = session.tr("appointment.write_down");
            trouble = true;
            break;
    }
    appointmentNotice(ui, printLine, {area.x0, y, area.x1, navY - gap}, trouble);
    const std::string spoken =
        fillIn(session.tr("appointment.code_spoken"), {{"code", spokenBookingCode(b.code)}});
    if (trouble && !codeSpoken_) {
        codeSpoken_ = true;
        session.readAloud(spoken);
    }
    const float half = (area.width() - gap) / 2;
    if (ui.mainAction(session.tr("appointment.done"),
                      {area.x0 + half + gap, navY, area.x1, navY + t.sizes.buttonHeight})) {
        session.startAgain();
        return;
    }
    if (ui.button(session.tr("appointment.read_code"),
                  {area.x0, navY, area.x0 + half, navY + t.sizes.buttonHeight}))
        session.readAloud(spoken);
}

}  // namespace wp::ui
