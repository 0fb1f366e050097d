#include "kiosk/ui/display_shell.h"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cfloat>

#include "kiosk/core/ticket_flow.h"

namespace wp::ui {

namespace {

// The counter in capitals, for the ticket font (digits, capitals, '-' and space only).
std::string capitals(const std::string& s) {
    std::string out = s;
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

void DisplayShell::drawFrame(Ui& ui, const CallBoard& board, TimePoint now, float width, float height) {
    const Theme& t = bundle_.themes.at(bundle_.settings.theme);
    const auto& c = t.colors;
    ui.beginFrame("display", t, width, height);
    const float pad = t.spacing * 2;

    // Top bar: where this is, and the time.
    const float topH = t.titleSize * 2.f;
    ui.fill({0, 0, width, topH}, c.bar);
    const float nameY = (topH - t.largeSize * 1.15f) / 2;
    ui.text(bundle_.settings.contactPoint.name, {pad, nameY, width * 0.7f, topH}, FontRole::Large, c.barText,
            c.bar);
    ui.text(formatLocalHourMinute(now), {width * 0.7f, (topH - t.titleSize * 1.15f) / 2, width - pad, topH},
            FontRole::Title, c.barText, c.bar, 1.f);

    // Bottom strip: how many wait for each service.
    const float stripH = t.largeSize * 2.6f;
    const Rect strip{0, height - stripH, width, height};
    ui.fill(strip, c.bar);
    const auto counts = board.counts();
    if (!counts.empty()) {
        const float w = (width - pad * 2) / static_cast<float>(counts.size());
        float x = pad;
        for (const BoardServiceCount& sc : counts) {
            const Service* service = nullptr;
            for (const Service& s : bundle_.services)
                if (s.id == sc.serviceId) service = &s;
            std::string line =
                (service ? tr(service->nameKey) : sc.serviceId) + "\n" +
                (sc.paused ? tr("display.paused")
                           : fillIn(tr("display.waiting"), {{"count", std::to_string(sc.waiting)}}));
            ui.text(line, {x, strip.y0 + t.spacing, x + w - t.spacing, strip.y1}, FontRole::Body, c.barText,
                    c.bar, 0.5f);
            x += w;
        }
    }

    // The latest call, left and big; the five before it on the right.
    const float listW = width * 0.34f;
    const Rect main{pad, topH + pad, width - listW - pad, strip.y0 - pad};
    const Rect list{width - listW, topH + pad, width - pad, strip.y0 - pad};
    float y = main.y0;
    y += ui.text(tr("display.now_serving"), {main.x0, y, main.x1, main.y1}, FontRole::Title, c.text,
                 c.background, 0.5f);
    y += t.spacing;
    if (const auto& latest = board.latest()) {
        y += ui.text(latest->ticket, {main.x0, y, main.x1, main.y1}, FontRole::Ticket, c.text, c.background,
                     0.5f);
        // An arrow drawn as a shape (the ticket font holds no arrow), then the counter in capitals, centred
        // together under the number.
        const std::string counter = capitals(latest->counter);
        ImFont* font = ui.fonts().ticket;
        const float textW = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.f, counter.c_str()).x;
        const float arrowW = font->FontSize * 0.5f;
        const float gap = t.spacing * 2;
        const float x0 = main.x0 + std::max(0.f, (main.width() - arrowW - gap - textW) / 2);
        const float cy = y + font->FontSize * 0.6f;
        ImGui::GetWindowDrawList()->AddTriangleFilled(
            ImVec2(x0, cy - arrowW * 0.4f), ImVec2(x0, cy + arrowW * 0.4f), ImVec2(x0 + arrowW, cy),
            ImGui::ColorConvertFloat4ToU32(ImVec4(c.text.r, c.text.g, c.text.b, 1.f)));
        y += ui.text(counter, {x0 + arrowW + gap, y, main.x1, main.y1}, FontRole::Ticket, c.text,
                     c.background);
    } else {
        y += ui.text(tr("display.no_calls"), {main.x0, y + t.spacing * 4, main.x1, main.y1}, FontRole::Title,
                     c.textMuted, c.background, 0.5f);
    }

    float ly = list.y0;
    ui.fill({list.x0 - t.spacing, list.y0 - t.spacing, list.x1 + t.spacing, list.y1}, c.warning,
            t.cornerRadius);
    ly += ui.text(tr("display.previous"), {list.x0, ly, list.x1, list.y1}, FontRole::Large, c.warningText,
                  c.warning, 0.5f);
    ly += t.spacing;
    for (const BoardCall& call : board.previous()) {
        ly += ui.text(call.ticket + "  →  " + call.counter, {list.x0, ly, list.x1, list.y1}, FontRole::Title,
                      c.warningText, c.warning, 0.5f);
        ly += t.spacing * 0.5f;
    }
    ui.endFrame();
}

}  // namespace wp::ui
