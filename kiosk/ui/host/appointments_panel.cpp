#include "kiosk/ui/host/appointments_panel.h"

#include <algorithm>

#include "kiosk/core/appointment_checkin.h"
#include "kiosk/core/ticket_flow.h"

namespace wp::ui {

void AppointmentsPanel::draw(Ui& ui, HostConsole& console, Rect area) {
    AppointmentBoard* board = console.appointments();
    if (board == nullptr) return;
    const Theme& t = ui.theme();
    const auto& c = t.colors;
    const Theme::Sizes& z = t.sizes;
    auto tr = [&](std::string_view key) -> const std::string& { return console.tr(key); };
    const std::vector<TodayAppointment>& today = console.snapshot().appointments;
    const TimePoint now = console.clock().now();
    float y = area.y0;
    y += ui.text(tr("console.appointments"), {area.x0, y, area.x1, area.y1}, FontRole::Large, c.text,
                 c.background) +
         z.lineGap;
    if (today.empty()) {
        ui.text(tr("console.no_appointments"), {area.x0, y, area.x1, area.y1}, FontRole::Body, c.textMuted,
                c.background);
        return;
    }
    // Per booking its words, and under them its action when there is one; as many as fit, with "Vorige"
    // and "Meer" at the foot when they do not all fit.
    const float bh = z.consoleRowHeight;
    const int total = static_cast<int>(today.size());
    const float bottom = area.y1 - bh - z.lineGap;  // the foot stays free for "Vorige" and "Meer"
    first_ = std::clamp(first_, 0, total - 1);
    int shown = 0;
    for (int i = first_; i < total; ++i) {
        const TodayAppointment& a = today[static_cast<size_t>(i)];
        const char* stateKey = a.state == AppointmentState::Arrived  ? "console.appointment_arrived"
                               : a.state == AppointmentState::NoShow ? "console.appointment_no_show"
                                                                     : "console.appointment_not_yet";
        std::string line = formatLocalHourMinute(a.start) + " · " + console.serviceName(a.serviceId);
        if (!a.name.empty()) line += " · " + a.name;
        line += " · " + groupedBookingCode(a.code) + " · " + tr(stateKey);
        const bool undo = a.state == AppointmentState::NoShow;
        const bool mark = a.state == AppointmentState::Booked && now >= a.start;
        const float textH = ui.measureHeight(line, area.width(), FontRole::Body) + z.lineGap;
        if (shown > 0 && y + textH + (undo || mark ? bh + z.lineGap : 0) > bottom) break;
        y += ui.text(line, {area.x0, y, area.x1, area.y1}, FontRole::Body, c.text, c.background) + z.lineGap;
        const std::string code = a.code;
        if (undo || mark) {
            const Rect where{area.x0 + z.panelPadding, y, area.x1, y + bh};
            const std::string label =
                fillIn(tr(undo ? "console.appointment_undo" : "console.appointment_mark_no_show"),
                       {{"code", groupedBookingCode(code)}});
            if (ui.button(label, where, FontRole::Body))
                console.report(undo ? board->undoNoShow(code) : board->markNoShow(code));
            y += bh + z.lineGap;
        }
        ++shown;
    }
    const float ny = area.y1 - bh, half = (area.width() - z.consoleGap) / 2;
    if (first_ > 0 && ui.button(tr("console.appointments_previous"), {area.x0, ny, area.x0 + half, ny + bh},
                                FontRole::Body))
        first_ = std::max(0, first_ - std::max(shown, 1));
    if (first_ + shown < total &&
        ui.button(tr("console.appointments_more"), {area.x1 - half, ny, area.x1, ny + bh}, FontRole::Body))
        first_ += shown;
}

}  // namespace wp::ui
