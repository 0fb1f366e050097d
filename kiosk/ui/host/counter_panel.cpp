#include "kiosk/ui/host/counter_panel.h"

#include <imgui.h>

#include <algorithm>
#include <functional>

#include "kiosk/core/ticket_flow.h"

namespace wp::ui {

float CounterPanel::nextFromWidth(Ui& ui, HostConsole& console) {
    if (console.desk().servingServices().size() < 2) return 0.f;
    const Theme::Sizes& z = ui.theme().sizes;
    float w = ui.measureWidth(console.tr("console.next_from"), FontRole::Body) + z.lineGap * 2;
    for (const char* key : {"console.next_from_same", "console.next_from_all"})
        w += ui.measureWidth(console.tr(key), FontRole::Body) + z.consoleLabelPadding * 2 + z.lineGap;
    return w;
}

void CounterPanel::drawNextFrom(Ui& ui, HostConsole& console, float x, float y, float h) {
    HostDesk& desk = console.desk();
    if (desk.servingServices().size() < 2) return;
    const Theme& t = ui.theme();
    const Theme::Sizes& z = t.sizes;
    const float labelPad = z.consoleLabelPadding * 2;
    const std::string& title = console.tr("console.next_from");
    const float titleW = ui.measureWidth(title, FontRole::Body);
    ui.text(title, {x, y + (h - t.bodySize * 1.15f) / 2, x + titleW + 1, y + h}, FontRole::Body,
            t.colors.warningText, t.colors.warning);
    x += titleW + z.lineGap * 2;
    using NextFrom = HostDesk::NextFrom;
    for (auto [from, key] : {std::pair{NextFrom::SameService, "console.next_from_same"},
                             std::pair{NextFrom::AllServices, "console.next_from_all"}}) {
        const std::string& label = console.tr(key);
        const float w = ui.measureWidth(label, FontRole::Body) + labelPad;
        if (ui.button(label, {x, y, x + w, y + h}, FontRole::Body, desk.nextFrom() == from))
            desk.setNextFrom(from);
        x += w + z.lineGap;
    }
}

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
    const float bh = z.consoleButtonHeight;
    const float labelPad = z.consoleLabelPadding * 2;
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
        // "Niemand aan de balie." under the title; "Volgende" and the choice of where it comes from beside
        // them, as tall as the two lines, so the box keeps its height.
        const std::string& nobody = console.tr("console.nobody_at_counter");
        const float textW = std::max(ui.measureWidth(console.tr("console.at_counter"), FontRole::Large),
                                     ui.measureWidth(nobody, FontRole::Body));
        y += pad / 2;
        const float textH = ui.text(nobody, {area.x0 + pad, y, area.x0 + pad + textW + 1, area.y1},
                                    FontRole::Body, c.warningText, c.warning);
        const float top = area.y0 + pad / 2, rowH = std::max(z.consoleRowHeight, y + textH - top);
        float x = area.x0 + pad * 3 + textW;
        const std::string label = HostConsole::withKey(console.tr("console.call_next"), "Enter");
        const float w = std::max(rowH * 3.f, ui.measureWidth(label, FontRole::Large) + labelPad);
        const bool clicked = ui.button(label, {x, top, x + w, top + rowH}, FontRole::Large);
        if (clicked || console.takeKey("Enter")) console.report(desk.callChosenNext().status());
        x += w + pad;
        if (x + nextFromWidth(ui, console) <= area.x1 - pad) drawNextFrom(ui, console, x, top, rowH);
        return closeBox(top + rowH + pad);
    }
    // The oldest call first; its actions on the rows below it, the most used first.
    const Ticket& ticket = snap.atCounter.front();
    const std::string state =
        console.tr(ticket.state == TicketState::Serving ? "console.state_serving" : "console.state_called");
    y += ui.text(ticket.display + " · " + console.serviceName(ticket.serviceId) + " · " + state,
                 {area.x0 + pad, y, area.x1 - pad, area.y1}, FontRole::Title, c.warningText, c.warning) +
         gap;
    struct Action {
        const char* label;
        const char* key;  // the shortcut, or null
        std::function<Status()> run;
    };
    const Action actions[] = {
        {"console.finish_next", "Enter", [&] { return desk.finishAndCallNext(ticket).status(); }},
        {"console.recall", "F2", [&] { return desk.recall(ticket).status(); }},
        {"console.no_show", "F3", [&] { return desk.markNoShow(ticket).status(); }},
        {"console.helped", "F4", [&] { return desk.finish(ticket, TicketOutcome::Helped).status(); }},
        {"console.referred", nullptr, [&] { return desk.finish(ticket, TicketOutcome::Referred).status(); }},
        {"console.follow_up", nullptr, [&] { return desk.finish(ticket, TicketOutcome::FollowUp).status(); }},
        {"console.serving", nullptr, [&] { return desk.startServing(ticket).status(); }},
        {"console.park", nullptr, [&] { return desk.park(ticket).status(); }},
        {"console.put_back", nullptr, [&] { return desk.putBack(ticket).status(); }},
    };
    float x = area.x0 + pad;
    bool first = true;
    for (const Action& a : actions) {
        const std::string label =
            a.key ? HostConsole::withKey(console.tr(a.label), a.key) : console.tr(a.label);
        // The main action in the large font, so it is the first thing the eye finds.
        const FontRole font = first ? FontRole::Large : FontRole::Body;
        const float w = std::max(bh * 2.5f, ui.measureWidth(label, font) + labelPad);
        if (x + w > area.x1 - pad) {
            x = area.x0 + pad;
            y += bh + gap;
        }
        const bool clicked = ui.button(label, {x, y, x + w, y + bh}, font);
        if (clicked || (a.key && console.takeKey(a.key))) console.report(a.run());
        x += w + gap;
        first = false;
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
    // Where the next ticket comes from, at the end of the transfer row when it fits, else under it.
    const float choiceW = nextFromWidth(ui, console);
    if (choiceW > 0) {
        x = x == area.x0 + pad ? x : x + pad;
        if (x + choiceW > area.x1 - pad) {
            x = area.x0 + pad;
            y += bh + gap;
        }
        drawNextFrom(ui, console, x, y, bh);
    }
    return closeBox(y + bh + pad);
}

}  // namespace wp::ui
