#include "kiosk/ui/host/counter_panel.h"

#include <imgui.h>

#include <algorithm>
#include <functional>

#include "kiosk/core/ticket_flow.h"

namespace wp::ui {

float CounterPanel::draw(Ui& ui, HostConsole& console, Rect area) {
    const Theme& t = ui.theme();
    const auto& c = t.colors;
    HostDesk& desk = console.desk();
    const HostSnapshot& snap = console.snapshot();
    // The box behind is drawn first on a channel below, once its height is known.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    const Theme::Sizes& z = t.sizes;
    const float pad = t.spacing, gap = z.lineGap;
    float y = area.y0 + pad / 2;
    y += ui.text(console.tr("console.at_counter"), {area.x0 + pad, y, area.x1 - pad, area.y1},
                 FontRole::Large, c.warningText, c.warning);
    auto closeBox = [&](float bottom) {
        dl->ChannelsSetCurrent(0);
        ui.fill({area.x0, area.y0, area.x1, bottom}, c.warning, t.cornerRadius);
        dl->ChannelsMerge();
        return bottom;
    };
    if (snap.atCounter.empty()) {
        y += ui.text(console.tr("console.nobody_at_counter"),
                     {area.x0 + pad, y + pad / 2, area.x1 - pad, area.y1}, FontRole::Body, c.warningText,
                     c.warning);
        return closeBox(y + pad);
    }
    // The oldest call first; its actions on the row below it.
    const Ticket& ticket = snap.atCounter.front();
    const std::string state =
        console.tr(ticket.state == TicketState::Serving ? "console.state_serving" : "console.state_called");
    y += ui.text(ticket.display + " · " + console.serviceName(ticket.serviceId) + " · " + state,
                 {area.x0 + pad, y, area.x1 - pad, area.y1}, FontRole::Title, c.warningText, c.warning) +
         gap;
    struct Action {
        const char* key;
        std::function<Status()> run;
    };
    const Action actions[] = {
        {"console.recall", [&] { return desk.recall(ticket).status(); }},
        {"console.serving", [&] { return desk.startServing(ticket).status(); }},
        {"console.helped", [&] { return desk.finish(ticket, TicketOutcome::Helped).status(); }},
        {"console.referred", [&] { return desk.finish(ticket, TicketOutcome::Referred).status(); }},
        {"console.follow_up", [&] { return desk.finish(ticket, TicketOutcome::FollowUp).status(); }},
        {"console.no_show", [&] { return desk.markNoShow(ticket).status(); }},
        {"console.park", [&] { return desk.park(ticket).status(); }},
        {"console.put_back", [&] { return desk.putBack(ticket).status(); }},
    };
    float x = area.x0 + pad;
    const float bh = z.consoleButtonHeight;
    const float labelPad = z.consoleLabelPadding * 2;
    for (const Action& a : actions) {
        const std::string& label = console.tr(a.key);
        const float w = std::max(bh * 2.5f, ui.measureWidth(label, FontRole::Body) + labelPad);
        if (x + w > area.x1 - pad) {
            x = area.x0 + pad;
            y += bh + gap;
        }
        if (ui.button(label, {x, y, x + w, y + bh}, FontRole::Body)) console.report(a.run());
        x += w + gap;
    }
    // Transfer to another service.
    y += bh + gap;
    x = area.x0 + pad;
    for (const ServiceLine& l : snap.lines) {
        if (l.service->id == ticket.serviceId) continue;
        std::string label =
            fillIn(console.tr("console.transfer_to"), {{"prefix", console.serviceName(l.service->id)}});
        const float w = ui.measureWidth(label, FontRole::Body) + labelPad;
        if (x + w > area.x1 - pad) {
            x = area.x0 + pad;
            y += bh + gap;
        }
        if (ui.button(label, {x, y, x + w, y + bh}, FontRole::Body))
            console.report(desk.transfer(ticket, l.service->id).status());
        x += w + gap;
    }
    return closeBox(y + bh + pad);
}

}  // namespace wp::ui
