// The walk-in role: the resident's touch screen. What it is made of lives in WalkinParts
// (kiosk/app/walkin_parts.h), which owns it all in dependency order; the role draws the shell and does the
// periodic work on the UI thread.
#include <fmt/format.h>

#include "common/log.h"
#include "common/log_recent.h"
#include "kiosk/app/kiosk_app.h"
#include "kiosk/app/role.h"
#include "kiosk/app/walkin_parts.h"

namespace wp {

namespace {

class WalkinRole final : public Role {
  public:
    explicit WalkinRole(std::unique_ptr<WalkinParts> parts) : parts_(std::move(parts)) {}

    const Settings::Screen& screen() const override { return parts_->bundle.settings.screen; }
    std::vector<std::string> themeIds() const override {
        const Settings& s = parts_->bundle.settings;
        return {s.theme, s.highContrastTheme};
    }

    void drawFrame(ui::Ui& ui, float width, float height) override {
        parts_->shell->drawFrame(ui, *parts_->session, width, height);
    }

    bool update() override {
        WalkinParts& p = *parts_;
        bool changed = p.session->tick();
        // The admin's commands, each when its time has come: between residents for what shows or cuts off.
        if (p.fleet && p.fleet->runner->update(p.session->isPristine())) {
            p.session->setOutOfService(p.fleet->runner->outOfService());
            changed = true;
        }
        changed |= p.ticketFlow->collectPrintResults();
        changed |= p.ticketFlow->refreshTicket();  // a host's call shows on the ticket screen too
        changed |= p.requestFlow->collectPrintResults();
        changed |= p.answerPrinter->collectPrintResults();
        // The printer's state for the start screen (read by the ticket flow) and the host.
        p.printer->update();
        return changed;
    }

    std::string timedStateKey() const override {
        const ResidentSession& session = *parts_->session;
        std::string key = formatLocalHourMinute(session.now());
        if (parts_->ticketFlow->printerTrouble()) key += "/printer-trouble";
        if (session.idlePhase() == IdleTimer::Phase::Warning)
            key += fmt::format("/w{}", session.idleSecondsLeft());
        return key;
    }

    // A finger on the screen keeps the session alive, except while the idle warning is up: then the warning
    // stays until its "Ik ben er nog" (or any other control) is tapped, so the press does not land on the
    // screen that the warning covered.
    void noteActivity() override {
        if (parts_->session->idlePhase() != IdleTimer::Phase::Warning) parts_->session->noteActivity();
    }
    void back() override { parts_->session->back(); }

    std::vector<std::string> spoken() const override { return parts_->speaker.texts(); }

  private:
    std::unique_ptr<WalkinParts> parts_;
};

}  // namespace

Result<std::unique_ptr<Role>> makeWalkinRole(RoleContext& context) {
    auto parts = makeWalkinParts(context.bundle, context.clock, context.options.speechLog, context.wake);
    if (!parts) return parts.status();
    WalkinParts& p = *parts.value();
    FleetCommandRunner::Actions actions;
    actions.screenshotPng = context.framePng;
    actions.logLines = [] { return log::recentLines(); };
    actions.restart = context.restart;
    auto fleet = startWalkinFleet(p.bundle, p.clock, kioskDatabase(p.bundle.settings), p.printer->spooler(),
                                  std::move(actions));
    if (!fleet) return fleet.status();
    p.fleet = std::move(fleet).value();
    p.session->setOutOfService(p.fleet->runner->outOfService());
    return std::unique_ptr<Role>(std::make_unique<WalkinRole>(std::move(parts).value()));
}

}  // namespace wp
