#include "kiosk/ui/host/sign_in_panel.h"

#include <algorithm>

#include "kiosk/core/ticket_flow.h"

namespace wp::ui {

void SignInPanel::forgetHost() {
    chosenHost_.clear();
    std::fill(pin_.begin(), pin_.end(), '\0');
    pin_.clear();
}

void SignInPanel::draw(Ui& ui, HostConsole& console, Rect area) {
    const Theme& t = ui.theme();
    const auto& c = t.colors;
    HostDesk& desk = console.desk();
    const HostSnapshot& snap = console.snapshot();
    float y = area.y0;
    const std::string title =
        snap.state == HostDesk::State::IdleLocked
            ? console.tr("console.idle_locked")
            : fillIn(console.tr("console.sign_in_title"), {{"counter", desk.counter()}});
    y += ui.text(title, {area.x0, y, area.x1, area.y1}, FontRole::Title, c.text, c.background) + t.spacing;
    if (snap.lockedUntil && *snap.lockedUntil > console.clock().now()) {
        ui.text(
            fillIn(console.tr("console.locked_out"), {{"time", formatLocalHourMinute(*snap.lockedUntil)}}),
            {area.x0, y, area.x1, area.y1}, FontRole::Large, c.text, c.background);
        return;
    }
    if (chosenHost_.empty() && snap.state == HostDesk::State::IdleLocked && desk.host())
        chosenHost_ = desk.host()->id;
    // The hosts, one button each; the chosen one gets the PIN pad.
    y += ui.text(console.tr("console.choose_host"), {area.x0, y, area.x1, area.y1}, FontRole::Large, c.text,
                 c.background) +
         t.spacing;
    // As tall as the top bar, half as wide as the right column.
    const float w = t.sizes.consoleColumnWidth / 2, h = t.sizes.consoleBarHeight;
    float x = area.x0;
    for (const HostAccount& host : desk.hosts()) {
        if (ui.button(host.name, {x, y, x + w, y + h}, FontRole::Large, host.id == chosenHost_)) {
            chosenHost_ = host.id;
            pin_.clear();
        }
        x += w + t.spacing;
        if (x + w > area.x1) {
            x = area.x0;
            y += h + t.spacing;
        }
    }
    y += h + t.spacing * 2;
    if (!chosenHost_.empty()) drawPinPad(ui, console, {area.x0, y, area.x1, area.y1});
}

void SignInPanel::drawPinPad(Ui& ui, HostConsole& console, Rect area) {
    const Theme& t = ui.theme();
    const auto& c = t.colors;
    HostDesk& desk = console.desk();
    std::string name = chosenHost_;
    for (const HostAccount& h : desk.hosts())
        if (h.id == chosenHost_) name = h.name;
    float y = area.y0;
    y += ui.text(fillIn(console.tr("console.pin_for"), {{"name", name}}), {area.x0, y, area.x1, area.y1},
                 FontRole::Large, c.text, c.background);
    // The PIN shows as dots only.
    std::string dots;
    for (size_t i = 0; i < pin_.size(); ++i) dots += "• ";
    y += ui.text(dots.empty() ? std::string(" ") : dots, {area.x0, y, area.x1, area.y1}, FontRole::Title,
                 c.text, c.background) +
         t.spacing;
    const float key = t.sizes.consolePinKey, gap = t.sizes.controlPadding;
    const float buttonH = t.sizes.consoleBarHeight;
    const char* keys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"};
    for (int i = 0; i < 10; ++i) {
        float kx = area.x0 + static_cast<float>(i % 5) * (key + gap);
        float ky = y + static_cast<float>(i / 5) * (key + gap);
        if (ui.button(keys[i], {kx, ky, kx + key, ky + key}, FontRole::Title) && pin_.size() < 6)
            pin_ += keys[i];
    }
    // Digits typed on a keyboard go into the PIN as well; what was typed is wiped once read.
    std::string typed = ui.takeTypedText();
    for (char ch : typed)
        if (ch >= '0' && ch <= '9' && pin_.size() < 6) pin_ += ch;
    std::fill(typed.begin(), typed.end(), '\0');
    y += 2 * (key + gap);
    if (ui.button(console.tr("console.clear"), {area.x0, y, area.x0 + 2 * key + gap, y + buttonH},
                  FontRole::Large))
        pin_.clear();
    const std::string signInLabel = HostConsole::withKey(console.tr("console.sign_in"), "Enter");
    if (ui.button(signInLabel, {area.x0 + 2 * (key + gap), y, area.x0 + 5 * key + 4 * gap, y + buttonH},
                  FontRole::Large) ||
        console.takeKey("Enter")) {
        auto result = desk.signIn(chosenHost_, pin_);
        std::fill(pin_.begin(), pin_.end(), '\0');
        pin_.clear();
        if (!result) {
            console.report(result.status());
            return;
        }
        switch (result->outcome) {
            case HostDesk::SignIn::Outcome::SignedIn:
                console.setMessage({});
                chosenHost_.clear();
                break;
            case HostDesk::SignIn::Outcome::WrongPin:
                console.setMessage(fillIn(console.tr("console.wrong_pin"),
                                          {{"count", std::to_string(result->attemptsLeft)}}));
                break;
            case HostDesk::SignIn::Outcome::LockedOut:
                console.setMessage({});
                break;
        }
        console.refreshAfterFrame();
    }
}

}  // namespace wp::ui
