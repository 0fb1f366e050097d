#include "kiosk/ui/host/help_banner.h"

#include <algorithm>
#include <cstdint>

#include "kiosk/core/host_alert_texts.h"

namespace wp::ui {

float HelpBanner::draw(Ui& ui, HostConsole& console, Rect area) {
    const Theme& t = ui.theme();
    const auto& c = t.colors;
    const Theme::Sizes& z = t.sizes;
    HostDesk& desk = console.desk();
    HostAlertBoard& board = console.alerts();
    const TimePoint now = console.clock().now();
    const std::string& language = console.bundle().settings.session.defaultLanguage;
    const float pad = z.panelPadding, bh = z.consoleRowHeight, labelPad = z.consoleLabelPadding * 2;
    float y = area.y0;
    bool first = true;
    std::int64_t acknowledge = 0;  // after the loop: acknowledging re-reads the alerts being drawn
    for (const HostAlert& a : board.alerts()) {
        if (a.kind != HostAlertKind::ResidentAsksForHost || !a.helpRequest) continue;
        const bool canSee = console.signedIn();
        // "Gezien" on the right, the sentence beside it.
        const std::string seen =
            first ? HostConsole::withKey(console.tr("console.seen") + " · " + a.detail, "F5")
                  : console.tr("console.seen") + " · " + a.detail;
        const float seenW = canSee ? ui.measureWidth(seen, FontRole::Body) + labelPad : 0.f;
        const std::string line = alertText(a, console.texts(), language, now);
        const float textW = area.width() - pad * 3 - seenW;
        const float textH = ui.measureHeight(line, textW, FontRole::Large);
        const float h = std::max(textH, bh) + pad * 2;
        if (y + h > area.y1) break;
        ui.fill({area.x0, y, area.x1, y + h}, c.help, t.cornerRadius);
        ui.text(line, {area.x0 + pad, y + (h - textH) / 2, area.x0 + pad + textW, y + h}, FontRole::Large,
                c.helpText, c.help);
        if (canSee) {
            const float by = y + (h - bh) / 2;
            const bool clicked =
                ui.button(seen, {area.x1 - pad - seenW, by, area.x1 - pad, by + bh}, FontRole::Body);
            if (clicked || (first && console.takeKey("F5"))) acknowledge = a.helpRequest->id;
        }
        y += h + z.lineGap;
        first = false;
    }
    if (acknowledge != 0)
        console.report(board.acknowledge(acknowledge, desk.host() ? desk.host()->name : desk.counter()));
    return y - area.y0;
}

}  // namespace wp::ui
