#include "kiosk/ui/host/alerts_panel.h"

#include "kiosk/core/ticket_flow.h"

namespace wp::ui {

void AlertsPanel::draw(Ui& ui, HostConsole& console, Rect area) {
    const Theme& t = ui.theme();
    const auto& c = t.colors;
    HostDesk& desk = console.desk();
    HostAlertBoard& board = console.alerts();
    auto tr = [&](std::string_view key) -> const std::string& { return console.tr(key); };
    const Theme::Sizes& z = t.sizes;
    const float padX = z.panelPadding, padY = z.controlPadding;  // inside an alert's box
    float y = area.y0;
    y +=
        ui.text(tr("console.alerts"), {area.x0, y, area.x1, area.y1}, FontRole::Large, c.text, c.background) +
        z.lineGap;
    const auto& alerts = board.alerts();
    if (alerts.empty())
        y += ui.text(tr("console.no_alerts"), {area.x0, y, area.x1, area.y1}, FontRole::Body, c.textMuted,
                     c.background);
    const TimePoint now = console.clock().now();
    for (const HostAlert& a : alerts) {
        std::string line;
        switch (a.kind) {
            case HostAlertKind::ResidentAsksForHost:
                line =
                    fillIn(tr("console.asks_host"),
                           {{"screen", a.detail},
                            {"minutes",
                             std::to_string(
                                 std::chrono::duration_cast<std::chrono::minutes>(now - a.since).count())}});
                break;
            case HostAlertKind::PrinterPaperOut:
                line = tr("console.paper_out");
                break;
            case HostAlertKind::PrinterOffline:
                line = fillIn(tr("console.printer_offline"), {{"detail", a.detail}});
                break;
            case HostAlertKind::PrintFailed:
                line = tr("console.print_failed");
                break;
            case HostAlertKind::ConnectionLost:
                line = fillIn(tr("console.connection_lost"), {{"time", formatLocalHourMinute(a.since)}});
                break;
            case HostAlertKind::RequestRejected:
                line = fillIn(tr("console.rejected"), {{"reference", a.reference}, {"detail", a.detail}});
                break;
            case HostAlertKind::SmsGatewayFailing:
                line = fillIn(tr("sms.console_gateway"),
                              {{"time", formatLocalHourMinute(a.since)}, {"detail", a.detail}});
                break;
        }
        // Alerts that cannot be missed: on the warning colour, each in its own box.
        const bool seen = a.helpRequest && console.signedIn();
        // "Seen" under the sentence: a list row, half a line gap above it and a console gap under it.
        const float seenH = z.lineGap / 2 + z.consoleRowHeight + z.consoleGap;
        const float h =
            ui.measureHeight(line, area.width() - padX * 2, FontRole::Body) + padY * 2 + (seen ? seenH : 0.f);
        if (y + h > area.y1) break;
        ui.fill({area.x0, y, area.x1, y + h}, c.warning, t.cornerRadius);
        float ty = y + padY;
        ty += ui.text(line, {area.x0 + padX, ty, area.x1 - padX, area.y1}, FontRole::Body, c.warningText,
                      c.warning);
        if (seen) {
            std::string label = tr("console.seen") + " · " + a.detail;
            if (ui.button(label,
                          {area.x0 + padX, ty + z.lineGap / 2, area.x1 - padX,
                           ty + z.lineGap / 2 + z.consoleRowHeight},
                          FontRole::Body))
                console.report(
                    board.acknowledge(a.helpRequest->id, desk.host() ? desk.host()->name : desk.counter()));
        }
        y += h + z.lineGap;
    }
    if (const auto& o = board.outbox()) {
        y += t.spacing;
        y += ui.text(tr("console.outbox"), {area.x0, y, area.x1, area.y1}, FontRole::Large, c.text,
                     c.background);
        y += ui.text(fillIn(tr("console.outbox_waiting"), {{"count", std::to_string(o->waiting)}}),
                     {area.x0, y, area.x1, area.y1}, FontRole::Body, c.text, c.background);
        ui.text(o->lastDelivery
                    ? fillIn(tr("console.outbox_last"), {{"time", formatLocalHourMinute(*o->lastDelivery)}})
                    : tr("console.outbox_never"),
                {area.x0, y, area.x1, area.y1}, FontRole::Body, c.text, c.background);
    }
}

}  // namespace wp::ui
