#include "kiosk/ui/screens/appointment_check_screen.h"

#include "kiosk/core/appointment_slip.h"
#include "kiosk/ui/screens/appointment_parts.h"
#include "kiosk/ui/summary_list.h"

namespace wp::ui {

void AppointmentCheckScreen::onEnter(ResidentSession& session) {
    view_ = View::Check;
    if (AppointmentBooking* booking = session.appointmentBooking()) booking->client().settle();
}

void AppointmentCheckScreen::draw(Ui& ui, ResidentSession& session, Rect area) {
    const Theme& t = ui.theme();
    const float gap = t.spacing;
    AppointmentBooking* booking = session.appointmentBooking();
    float y = area.y0;
    y += appointmentTitle(ui, session.tr("appointment.check_title"), area);
    bool back = false, go = false;
    if (booking == nullptr || !booking->offer() || !booking->slot()) {
        onlyBack(ui, session, area, y);
        return;
    }
    const AgendaOffer& offer = *booking->offer();
    const FreeSlot& slot = *booking->slot();
    const std::string service = serviceName(session, offer.service);
    const std::string when =
        fillIn(session.tr("appointment.when_value"),
               {{"date", appointmentDate(slot.start, session.texts(), session.language())},
                {"time", formatLocalHourMinute(slot.start)}});

    AppointmentClient& client = booking->client();
    if (view_ == View::Busy && client.collect()) {
        switch (client.state()) {
            case AppointmentClient::State::Done:
                session.open({kAppointmentDoneScreen, {}});
                return;
            case AppointmentClient::State::SlotTaken:
                view_ = View::Taken;
                break;
            case AppointmentClient::State::Unknown:
                view_ = View::Unknown;
                break;
            case AppointmentClient::State::NotFound:
            case AppointmentClient::State::TooMany:
                view_ = View::Gone;  // a change of a booking that is no longer there
                break;
            case AppointmentClient::State::Busy:
                break;
            default:
                openAppointmentUnreachable(session, offer.service);
                return;
        }
    }
    switch (view_) {
        case View::Busy:
            appointmentNotice(ui, session.tr("appointment.booking"), {area.x0, y, area.x1, area.y1}, false);
            return;
        case View::Taken:
            y += appointmentNotice(ui, session.tr("appointment.taken"), {area.x0, y, area.x1, area.y1}, true);
            backAndMain(ui, session, session.tr("appointment.other_time"), area, y, back, go);
            if (go) session.open({kAppointmentDayScreen, {}});
            if (back) session.back();
            return;
        case View::Unknown:
            y += appointmentNotice(
                ui, fillIn(session.tr("appointment.unknown"), {{"service", service}, {"when", when}}),
                {area.x0, y, area.x1, area.y1}, true);
            backAndMain(ui, session, session.tr("appointment.call_host"), area, y, back, go);
            if (go) session.askForHost();
            if (back) session.startAgain();
            return;
        case View::Gone:
            y += appointmentNotice(ui, session.tr("appointment.gone"), {area.x0, y, area.x1, area.y1}, true);
            backAndMain(ui, session, session.tr("appointment.done"), area, y, back, go);
            if (go) session.startAgain();
            if (back) session.back();
            return;
        case View::Check:
            break;
    }
    std::vector<SummaryRowView> rows{
        {session.tr("appointment.label_what"), service, {}, {}},
        {session.tr("appointment.label_where"), offer.place + ", " + offer.address, {}, {}},
        {session.tr("appointment.label_when"), when, {}, {}},
    };
    if (!booking->changing()) {
        rows.push_back({session.tr("appointment.name_label"), booking->name().value(), {}, {}});
        rows.push_back({session.tr("appointment.label_phone"), booking->phone().value(), {}, {}});
        if (!booking->email().empty())
            rows.push_back({session.tr("appointment.email_label"), booking->email().value(), {}, {}});
    }
    for (const SummaryRowView& row : rows) {
        const float h = summaryRowHeight(ui, row, area.width());
        summaryRow(ui, row, {area.x0, y, area.x1, y + h});
        y += h;
    }
    y += gap;
    backAndMain(ui, session, session.tr(booking->changing() ? "appointment.move" : "appointment.make"), area,
                y, back, go);
    if (go) {
        session.noteActivity();
        view_ = View::Busy;
        booking->send(session.language());
    } else if (back) {
        session.back();
    }
}

}  // namespace wp::ui
