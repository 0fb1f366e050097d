#include "kiosk/ui/display_shell.h"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <cmath>

#include "kiosk/core/ticket_flow.h"

namespace wp::ui {

namespace {

// The counter in capitals, for the ticket font (digits, capitals, '-' and space only).
std::string capitals(const std::string& s) {
    std::string out = s;
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

// The pixel size at which font draws a capital H mm millimetres high on a screen of mmPerPx.
float sizeForCapital(ImFont* font, double mm, double mmPerPx) {
    const ImFontGlyph* h = font->FindGlyphNoFallback('H');
    const float capital = h != nullptr ? h->Y1 - h->Y0 : font->FontSize * 0.73f;
    return std::ceil(static_cast<float>(mm / mmPerPx) * font->FontSize / capital);
}

}  // namespace

std::string DisplayShell::serviceName(const std::string& id) const {
    for (const Service& s : bundle_.services)
        if (s.id == id) return tr(s.nameKey);
    return id;
}

float DisplayShell::drawWaitingStrip(Ui& ui, const CallBoard& board, float width, float height) {
    const Theme& t = ui.theme();
    const auto& c = t.colors;
    const auto counts = board.counts();
    if (counts.empty()) return height;
    const float pad = t.spacing * 2, gap = t.spacing;
    const float size =
        sizeForCapital(ui.fonts().title, kWaitingCapitalMm, bundle_.settings.displayScreen.mmPerPx);
    const float colW = (width - pad * 2) / static_cast<float>(counts.size());
    std::vector<std::string> names, lines;
    float nameH = 0, lineH = 0;
    for (const BoardServiceCount& sc : counts) {
        names.push_back(serviceName(sc.serviceId));
        lines.push_back(sc.paused ? tr("display.paused")
                        : sc.closed && sc.waiting == 0
                            ? tr("display.closed")
                            : fillIn(tr("display.waiting"), {{"count", std::to_string(sc.waiting)}}));
        nameH = std::max(nameH, ui.measureHeight(names.back(), colW - gap, FontRole::Large));
        lineH = std::max(lineH, ui.measureHeightAtSize(lines.back(), colW - gap, FontRole::Title, size));
    }
    const float top = height - (gap + nameH + lineH + gap);
    ui.fill({0, top, width, height}, c.bar);
    float x = pad;
    for (size_t i = 0; i < counts.size(); ++i) {
        ui.text(names[i], {x, top + gap, x + colW - gap, height}, FontRole::Large, c.barText, c.bar, 0.5f);
        ui.textAtSize(lines[i], {x, top + gap + nameH, x + colW - gap, height}, FontRole::Title, size,
                      c.barText, c.bar, 0.5f);
        x += colW;
    }
    return top;
}

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

    const float stripTop = drawWaitingStrip(ui, board, width, height);

    // The latest call, left and big (lit up in the tile colour while new); the calls before it on the right.
    const float listW = width * 0.26f;
    const bool lit = board.latest() && highlighted(now);
    const Rgba& ink = lit ? c.tileText : c.text;
    const Rgba& paper = lit ? c.tile : c.background;
    const Rect main{pad, topH + pad / 2, width - listW - pad, stripTop - pad / 2};
    if (lit) ui.fill({main.x0 - t.spacing, main.y0, main.x1 + t.spacing, main.y1}, c.tile, t.cornerRadius);
    const Rect list{width - listW, topH + pad / 2, width - pad, stripTop - pad / 2};
    float y = main.y0;
    y +=
        ui.text(tr("display.now_serving"), {main.x0, y, main.x1, main.y1}, FontRole::Large, ink, paper, 0.5f);
    if (const auto& latest = board.latest()) {
        y += ui.text(latest->ticket, {main.x0, y, main.x1, main.y1}, FontRole::Ticket, ink, paper, 0.5f);
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
            ImGui::ColorConvertFloat4ToU32(ImVec4(ink.r, ink.g, ink.b, 1.f)));
        y += ui.text(counter, {x0 + arrowW + gap, y, main.x1, main.y1}, FontRole::Ticket, ink, paper);
        ui.text(serviceName(latest->serviceId), {main.x0, y, main.x1, main.y1}, FontRole::Title, ink, paper,
                0.5f);
    } else {
        ui.text(tr("display.no_calls"), {main.x0, y + t.spacing * 4, main.x1, main.y1}, FontRole::Title,
                c.textMuted, c.background, 0.5f);
    }

    float ly = list.y0;
    ui.fill({list.x0 - t.spacing, list.y0, list.x1 + t.spacing, list.y1}, c.warning, t.cornerRadius);
    ly += t.spacing / 2;
    ly += ui.text(tr("display.previous"), {list.x0, ly, list.x1, list.y1}, FontRole::Large, c.warningText,
                  c.warning, 0.5f);
    ly += t.spacing / 2;
    size_t shown = 0;
    for (const BoardCall& call : board.previous()) {
        if (shown++ == kPreviousShown) break;
        const std::string line = call.ticket + "  →  " + call.counter;
        if (ly + ui.measureHeight(line, list.width(), FontRole::Large) > list.y1) break;
        ly += ui.text(line, {list.x0, ly, list.x1, list.y1}, FontRole::Large, c.warningText, c.warning, 0.5f);
        ly += t.spacing * 0.5f;
    }
    ui.endFrame();
}

}  // namespace wp::ui
