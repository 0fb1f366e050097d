#include "kiosk/ui/host/alerts_panel.h"

#include <vector>

#include "kiosk/core/host_alert_texts.h"
#include "kiosk/core/ticket_flow.h"

namespace wp::ui {

void AlertsPanel::draw(Ui& ui, HostConsole& console, Rect area) {
    const Theme& t = ui.theme();
    const auto& c = t.colors;
    HostAlertBoard& board = console.alerts();
    auto tr = [&](std::string_view key) -> const std::string& { return console.tr(key); };
    const Theme::Sizes& z = t.sizes;
    const float padX = z.panelPadding, padY = z.controlPadding;  // inside an alert's box
    float y = area.y0;
    y +=
        ui.text(tr("console.alerts"), {area.x0, y, area.x1, area.y1}, FontRole::Large, c.text, c.background) +
        z.lineGap;
    // The technical messages; a resident's call for help is the banner at the top (HostShell), not here.
    std::vector<const HostAlert*> technical;
    for (const HostAlert& a : board.alerts())
        if (a.kind != HostAlertKind::ResidentAsksForHost) technical.push_back(&a);
    if (technical.empty())
        y += ui.text(tr("console.no_alerts"), {area.x0, y, area.x1, area.y1}, FontRole::Body, c.textMuted,
                     c.background);
    const TimePoint now = console.clock().now();
    const std::string& language = console.bundle().settings.session.defaultLanguage;
    for (const HostAlert* a : technical) {
        const std::string line = alertText(*a, console.texts(), language, now);
        // Each in its own box on the warning colour, so it cannot be missed.
        const float h = ui.measureHeight(line, area.width() - padX * 2, FontRole::Body) + padY * 2;
        if (y + h > area.y1) break;
        ui.fill({area.x0, y, area.x1, y + h}, c.warning, t.cornerRadius);
        ui.text(line, {area.x0 + padX, y + padY, area.x1 - padX, area.y1}, FontRole::Body, c.warningText,
                c.warning);
        y += h + z.lineGap;
    }
    if (const auto& o = board.outbox()) {
        y += t.spacing;
        y += ui.text(tr("console.outbox"), {area.x0, y, area.x1, area.y1}, FontRole::Large, c.text,
                     c.background);
        y += ui.text(fillIn(tr("console.outbox_waiting"), {{"count", std::to_string(o->waiting)}}),
                     {area.x0, y, area.x1, area.y1}, FontRole::Body, c.text, c.background);
        // The oldest waiting request keeps a resident's personal data here: its age, once it is long.
        if (auto age = outboxAgeToShow(*o, now, board.policy()))
            y += ui.text(
                fillIn(tr("console.outbox_oldest"), {{"minutes", std::to_string(age->count())},
                                                     {"time", formatLocalHourMinute(*o->oldestWaiting)}}),
                {area.x0, y, area.x1, area.y1}, FontRole::Body, c.text, c.background);
        ui.text(o->lastDelivery
                    ? fillIn(tr("console.outbox_last"), {{"time", formatLocalHourMinute(*o->lastDelivery)}})
                    : tr("console.outbox_never"),
                {area.x0, y, area.x1, area.y1}, FontRole::Body, c.text, c.background);
    }
}

}  // namespace wp::ui
