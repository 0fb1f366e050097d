#include "kiosk/ui/host_shell.h"

#include <algorithm>
#include <iterator>
#include <string>

namespace wp::ui {

float HostShell::drawTopBar(Ui& ui, float width) {
    const Theme& t = ui.theme();
    const auto& c = t.colors;
    HostDesk& desk = console_.desk();
    // Where, who, when; sign out.
    const Theme::Sizes& z = t.sizes;
    const float barH = z.consoleBarHeight;
    const float pad = t.spacing;
    // Sign out over the right column, half its width; the clock ends before it.
    const Rect signOut{width - pad - z.consoleColumnWidth / 2, z.controlPadding, width - pad,
                       barH - z.controlPadding};
    ui.fill({0, 0, width, barH}, c.bar);
    std::string who = console_.bundle().settings.contactPoint.name + " · " + desk.counter();
    if (desk.host() && console_.snapshot().state != HostDesk::State::SignedOut)
        who += " · " + desk.host()->name;
    ui.text(who, {pad, (barH - t.largeSize * 1.15f) / 2, width * 0.6f, barH}, FontRole::Large, c.barText,
            c.bar);
    ui.text(formatLocalHourMinute(console_.clock().now()),
            {width * 0.6f, (barH - t.largeSize * 1.15f) / 2, signOut.x0 - z.consoleLabelPadding, barH},
            FontRole::Large, c.barText, c.bar, 1.f);
    if (console_.signedIn() && ui.button(console_.tr("console.sign_out"), signOut, FontRole::Body)) {
        console_.report(desk.signOut());
        signIn_.forgetHost();
    }
    return barH;
}

bool HostShell::shortcut(std::string_view key) {
    static constexpr std::string_view kKeys[] = {"Enter", "F2", "F3", "F4", "F5"};
    if (std::find(std::begin(kKeys), std::end(kKeys), key) == std::end(kKeys)) return false;
    // Signed out, only Enter acts, and only on a PIN pad: it signs in.
    if (!console_.signedIn() && (key != "Enter" || !signIn_.pinPadShown())) return false;
    console_.pressKey(std::string(key));
    return true;
}

void HostShell::drawFrame(Ui& ui, float width, float height) {
    const Bundle& bundle = console_.bundle();
    const Theme& t = bundle.themes.at(bundle.settings.hostTheme);
    const auto& c = t.colors;
    ui.beginFrame("host", t, width, height);
    const float pad = t.spacing;
    float y = drawTopBar(ui, width) + pad;
    if (const float help = helpBanner_.draw(ui, console_, {pad, y, width - pad, height / 2}); help > 0)
        y += help + pad - t.sizes.lineGap;
    if (const std::string& message = console_.message(); !message.empty()) {
        const float h = ui.measureHeight(message, width - pad * 4, FontRole::Body) + pad;
        ui.fill({pad, y, width - pad, y + h}, c.warning, t.cornerRadius);
        ui.text(message, {pad * 2, y + pad / 2, width - pad * 2, y + h}, FontRole::Body, c.warningText,
                c.warning);
        y += h + pad;
    }
    // The right column: the alerts, and under them adding a ticket by hand (its buttons stay in one place).
    const float alertsW = t.sizes.consoleColumnWidth;
    const Rect right{width - alertsW, y, width - pad, height - pad};
    const bool signedIn = console_.signedIn();
    float alertsBottom = right.y1;
    if (signedIn) alertsBottom -= handTickets_.height(ui, console_, right) + pad;
    if (const float bookingH = booking_.buttonHeight(t); signedIn && bookingH > 0) {
        alertsBottom -= bookingH + pad;
        booking_.drawButton(ui, console_,
                            {right.x0, alertsBottom + pad, right.x1, alertsBottom + pad + bookingH});
    }
    if (signedIn && console_.appointments() != nullptr) {
        // Today's appointments under the alerts, which keep the upper half.
        const float split = right.y0 + (alertsBottom - right.y0) * 0.5f;
        appointments_.draw(ui, console_, {right.x0, split + pad, right.x1, alertsBottom});
        alertsBottom = split;
    }
    alerts_.draw(ui, console_, {right.x0, right.y0, right.x1, alertsBottom});
    if (signedIn) handTickets_.draw(ui, console_, {right.x0, alertsBottom + pad, right.x1, right.y1});
    // The left: the counter, the waiting lists and today's figures; or signing in.
    const Rect main{pad, y, width - alertsW - pad * 2, height - pad};
    if (signedIn && booking_.isOpen()) {
        booking_.draw(ui, console_, main);
    } else if (signedIn) {
        const float counterBottom = counter_.draw(ui, console_, main);
        const float figuresH = t.sizes.consoleFiguresHeight;
        waitingLists_.draw(ui, console_, {main.x0, counterBottom + pad, main.x1, main.y1 - figuresH - pad});
        figures_.draw(ui, console_, {main.x0, main.y1 - figuresH, main.x1, main.y1});
    } else {
        signIn_.draw(ui, console_, main);
    }
    ui.endFrame();
    console_.endFrame();
    console_.refreshIfActedOn();
}

}  // namespace wp::ui
