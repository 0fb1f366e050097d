#include "kiosk/ui/ui.h"

#include "kiosk/ui/pictograms.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace wp::ui {

namespace {

ImU32 toU32(const Rgba& c) {
    return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, c.a));
}

// Splits text into lines that fit width: first at each '\n', then at word boundaries.
std::vector<std::string_view> wrapLines(ImFont* font, float size, std::string_view text, float width) {
    std::vector<std::string_view> lines;
    const float scale = size / font->FontSize;
    size_t from = 0;
    while (from <= text.size()) {
        size_t nl = text.find('\n', from);
        std::string_view paragraph =
            text.substr(from, nl == std::string_view::npos ? std::string_view::npos : nl - from);
        const char* p = paragraph.data();
        const char* end = p + paragraph.size();
        while (p < end) {
            const char* brk = font->CalcWordWrapPositionA(scale, p, end, width);
            if (brk == p) brk = p + 1;  // a single glyph wider than the box: take it anyway
            const char* lineEnd = brk;
            while (lineEnd > p && lineEnd[-1] == ' ') --lineEnd;
            lines.emplace_back(p, static_cast<size_t>(lineEnd - p));
            p = brk;
            while (p < end && *p == ' ') ++p;
        }
        if (nl == std::string_view::npos) break;
        from = nl + 1;
    }
    return lines;
}

Rect currentClip() {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 a = dl->GetClipRectMin(), b = dl->GetClipRectMax();
    return {a.x, a.y, b.x, b.y};
}

}  // namespace

void Ui::beginFrame(const char* name, const Theme& theme, float width, float height) {
    theme_ = &theme;
    current_ = FrameRecord{};
    actedOn_ = false;
    current_.width = width;
    current_.height = height;
    region_ = Region::Content;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(width, height));
    ImGui::Begin(name, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    fill({0, 0, width, height}, theme.colors.background);
}

void Ui::endFrame() {
    ImGui::End();
    // Enter applies to one frame only; focus on a control that no longer exists is dropped.
    activateId_ = 0;
    lastActedOn_ = actedOn_;
    last_ = std::move(current_);
    lastKeys_ = std::move(keys_);
    keys_.clear();
    // Typed text that no keyboard took in this frame is not kept for a later field.
    for (char& c : typedPending_) c = '\0';
    typedPending_.clear();
    submitPending_ = false;
    if (focusId_ != 0 && std::none_of(last_.items.begin(), last_.items.end(),
                                      [&](const DrawnItem& i) { return i.id == focusId_; }))
        focusId_ = 0;
}

ImFont* Ui::fontFor(FontRole role) const {
    const ThemeFonts& f = fonts();
    switch (role) {
        case FontRole::Body:
            return f.body;
        case FontRole::Large:
            return f.large;
        case FontRole::Title:
            return f.title;
        case FontRole::Ticket:
            return f.ticket;
    }
    return f.body;
}

float Ui::measureHeight(std::string_view text, float width, FontRole role) const {
    ImFont* font = fontFor(role);
    return static_cast<float>(wrapLines(font, font->FontSize, text, width).size()) * font->FontSize * 1.15f;
}

float Ui::measureWidth(std::string_view text, FontRole role) const {
    ImFont* font = fontFor(role);
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.f, text.data(), text.data() + text.size()).x;
}

Rect Ui::drawWrapped(std::string_view text, Rect where, FontRole role, const Rgba& color, float align,
                     float atSize) {
    ImFont* font = fontFor(role);
    const float size = atSize > 0 ? atSize : font->FontSize;
    const float lineHeight = size * 1.15f;
    auto lines = wrapLines(font, size, text, where.width());
    float totalHeight = static_cast<float>(lines.size()) * lineHeight;
    // Vertically centred in the box when the box is taller than the text.
    float y = where.y0 + std::max(0.f, (where.height() - totalHeight) * 0.5f);
    Rect used{where.x1, y, where.x0, y + totalHeight};
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (std::string_view line : lines) {
        float w = font->CalcTextSizeA(size, FLT_MAX, 0.f, line.data(), line.data() + line.size()).x;
        float x = where.x0 + (where.width() - w) * align;
        dl->AddText(font, size, ImVec2(x, y), toU32(color), line.data(), line.data() + line.size());
        used.x0 = std::min(used.x0, x);
        used.x1 = std::max(used.x1, x + w);
        y += lineHeight;
    }
    if (lines.empty()) used = {where.x0, where.y0, where.x0, where.y0};
    return used;
}

float Ui::text(std::string_view text, Rect where, FontRole role, const Rgba& color, const Rgba& background,
               float align) {
    where.y1 = where.y0 + measureHeight(text, where.width(), role);  // plain text sits at the top of its box
    Rect used = drawWrapped(text, where, role, color, align);
    DrawnItem item;
    item.text = std::string(text);
    item.region = region_;
    item.rect = used;
    item.clip = currentClip();
    item.fontSize = fontFor(role)->FontSize;
    item.ticketFont = role == FontRole::Ticket;
    item.fg = color;
    item.bg = background;
    current_.items.push_back(std::move(item));
    return used.height();
}

float Ui::measureHeightAtSize(std::string_view text, float width, FontRole role, float size) const {
    return static_cast<float>(wrapLines(fontFor(role), size, text, width).size()) * size * 1.15f;
}

float Ui::textAtSize(std::string_view text, Rect where, FontRole role, float size, const Rgba& color,
                     const Rgba& background, float align) {
    where.y1 = where.y0 + measureHeightAtSize(text, where.width(), role, size);
    Rect used = drawWrapped(text, where, role, color, align, size);
    DrawnItem item;
    item.text = std::string(text);
    item.region = region_;
    item.rect = used;
    item.clip = currentClip();
    item.fontSize = size;
    item.ticketFont = role == FontRole::Ticket;
    item.fg = color;
    item.bg = background;
    current_.items.push_back(std::move(item));
    return used.height();
}

void Ui::fill(Rect where, const Rgba& color, float rounding) {
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(where.x0, where.y0), ImVec2(where.x1, where.y1),
                                              toU32(color), rounding);
}

float Ui::warningPanelHeight(std::string_view text, float width) const {
    const float pad = theme_->sizes.panelPadding;
    return measureHeight(text, width - pad * 3, FontRole::Body) + pad * 2;
}

float Ui::warningPanel(std::string_view text, Rect where) {
    const Theme& t = *theme_;
    const float pad = t.sizes.panelPadding;
    const float h = warningPanelHeight(text, where.width());
    const Rect panel{where.x0, where.y0, where.x1, where.y0 + h};
    fill(panel, t.colors.warning, t.cornerRadius);
    fill({panel.x0, panel.y0, panel.x0 + t.sizes.markerWidth, panel.y1}, t.colors.warningText, 0.f);
    this->text(text, {panel.x0 + pad * 2, panel.y0 + pad, panel.x1 - pad, panel.y1}, FontRole::Body,
               t.colors.warningText, t.colors.warning);
    return h;
}

void Ui::qrCode(const QrCode& code, Rect where, const Rgba& dark, const Rgba& light) {
    const float side = std::min(where.width(), where.height());
    const int modules = code.size + 8;
    const float m = std::floor(side / static_cast<float>(modules));
    const float x0 = std::floor(where.x0 + (where.width() - m * static_cast<float>(modules)) / 2);
    const float y0 = where.y0;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(x0, y0),
                      ImVec2(x0 + m * static_cast<float>(modules), y0 + m * static_cast<float>(modules)),
                      toU32(light));
    const ImU32 d = toU32(dark);
    for (int y = 0; y < code.size; ++y)
        for (int x = 0; x < code.size; ++x)
            if (code.at(x, y)) {
                float px = x0 + m * static_cast<float>(x + 4), py = y0 + m * static_cast<float>(y + 4);
                dl->AddRectFilled(ImVec2(px, py), ImVec2(px + m, py + m), d);
            }
}

Ui::ControlState Ui::control(std::string_view label, Rect where) {
    ImGui::SetCursorScreenPos(ImVec2(where.x0, where.y0));
    ControlState s;
    s.name = std::exchange(nextName_, {});
    std::string id = s.name.empty() ? std::string(label) : s.name;
    s.id = ImGui::GetID(id.c_str());
    bool clicked = ImGui::InvisibleButton(id.c_str(), ImVec2(where.width(), where.height()));
    s.held = ImGui::IsItemActive();
    s.focused = focusId_ != 0 && focusId_ == s.id;
    s.activated = clicked || (activateId_ != 0 && activateId_ == s.id);
    actedOn_ |= s.activated;
    if (clicked) focusId_ = 0;  // touch use: the keypad focus ring goes away
    return s;
}

Ui::Look Ui::secondaryLook(bool selected) const {
    const auto& c = theme_->colors;
    if (selected)
        return {c.tile,
                c.tilePressed,
                c.tileText,
                c.controlBorder,
                c.background,
                theme_->sizes.borderWidth,
                WidgetKind::Secondary};
    return {c.button,     c.buttonPressed,           c.buttonText,         c.controlBorder,
            c.background, theme_->sizes.borderWidth, WidgetKind::Secondary};
}

Ui::Look Ui::mainLook() const {
    const auto& c = theme_->colors;
    return {c.main,
            c.mainPressed,
            c.mainText,
            c.controlBorder,
            c.background,
            theme_->sizes.borderWidth,
            WidgetKind::MainAction};
}

void Ui::drawControl(const ControlState& s, Rect where, const Look& look) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Theme& t = *theme_;
    ImVec2 a(where.x0, where.y0), b(where.x1, where.y1);
    dl->AddRectFilled(a, b, toU32(s.held || s.activated ? look.pressedFill : look.fill), t.cornerRadius);
    dl->AddRect(a, b, toU32(look.border), t.cornerRadius, 0, look.borderWidth);
    if (s.focused) {
        const float grow = t.sizes.focusWidth;
        dl->AddRect(ImVec2(a.x - grow, a.y - grow), ImVec2(b.x + grow, b.y + grow), toU32(t.colors.focus),
                    t.cornerRadius + grow, 0, grow);
    }
}

void Ui::recordControl(std::string_view label, const ControlState& s, Rect where, Rect textRect,
                       FontRole role, const Look& look, bool selected) {
    DrawnItem item;
    item.text = std::string(label);
    item.id = s.id;
    item.clickable = true;
    item.kind = look.kind;
    item.name = s.name;
    item.selected = selected;
    item.region = region_;
    item.rect = where;
    item.clip = currentClip();
    if (!item.clip.contains(textRect))
        item.clip = Rect{};  // the label spills out of the control: not visible
    else if (!where.contains(textRect))
        item.clip = Rect{};
    item.fontSize = fontFor(role)->FontSize;
    item.fg = look.text;
    item.bg = look.fill;
    item.boundary = look.border;
    item.surround = look.surround;
    current_.items.push_back(std::move(item));
}

void Ui::recordInnerText(std::string_view text, Rect used, Rect box, FontRole role, const Rgba& fg,
                         const Rgba& bg) {
    DrawnItem item;
    item.text = std::string(text);
    item.region = region_;
    item.rect = used;
    item.clip = box.contains(used) ? currentClip() : Rect{};
    item.fontSize = fontFor(role)->FontSize;
    item.fg = fg;
    item.bg = bg;
    current_.items.push_back(std::move(item));
}

Rect Ui::drawOneLine(std::string_view text, Rect where, FontRole role, const Rgba& color) {
    ImFont* font = fontFor(role);
    float size = font->FontSize;
    const char* b = text.data();
    const char* e = text.data() + text.size();
    float w = font->CalcTextSizeA(size, FLT_MAX, 0.f, b, e).x;
    if (w > where.width()) {
        size = std::max(size * 0.75f, size * where.width() / w);
        w = font->CalcTextSizeA(size, FLT_MAX, 0.f, b, e).x;
    }
    float x = where.x0 + (where.width() - w) * 0.5f;
    float y = where.y0 + (where.height() - size) * 0.5f;
    ImGui::GetWindowDrawList()->AddText(font, size, ImVec2(x, y), toU32(color), b, e);
    return {x, y, x + w, y + size};
}

bool Ui::mainAction(std::string_view label, Rect where, FontRole role) {
    return buttonImpl(label, where, role, false, false, mainLook());
}

bool Ui::button(std::string_view label, Rect where, FontRole role, bool selected) {
    return buttonImpl(label, where, role, selected, false, secondaryLook(selected));
}

bool Ui::menuItem(std::string_view label, Rect where, FontRole role) {
    Look look = secondaryLook(false);
    look.kind = WidgetKind::Tile;
    ControlState s = control(label, where);
    drawControl(s, where, look);
    const Theme::Sizes& z = theme_->sizes;
    const float pad = z.controlPadding * 2;
    // A way on rather than an action: the label reads from the left, a chevron at the right points on.
    const float half = std::min(z.markSize, where.height() - z.controlPadding * 2) / 4;
    const ImVec2 tip(where.x1 - pad, (where.y0 + where.y1) / 2);
    const ImVec2 chevron[] = {{tip.x - half, tip.y - half * 2}, tip, {tip.x - half, tip.y + half * 2}};
    ImGui::GetWindowDrawList()->AddPolyline(chevron, 3, toU32(look.text), 0, z.borderWidth * 1.5f);
    const Rect labelBox{where.x0 + pad, where.y0 + z.controlPadding, tip.x - half - pad,
                        where.y1 - z.controlPadding};
    Rect used = drawWrapped(label, labelBox, role, look.text, 0.f);
    recordControl(label, s, where, used, role, look, false);
    return s.activated;
}

bool Ui::compactButton(std::string_view label, Rect where, FontRole role, bool selected) {
    return buttonImpl(label, where, role, selected, true, secondaryLook(selected));
}

bool Ui::quietButton(std::string_view label, Rect where, bool selected) {
    const auto& c = theme_->colors;
    const Look look{selected ? c.barText : c.bar,
                    selected ? c.barText : c.buttonPressed,
                    selected ? c.bar : c.barText,
                    c.barText,
                    c.bar,
                    theme_->sizes.borderWidth,
                    WidgetKind::Secondary};
    // Pressed, the label is drawn on the pressed colour; the quiet look keeps to the bar's two colours.
    Look shown = look;
    if (!selected) shown.pressedFill = c.bar;
    return buttonImpl(label, where, FontRole::Body, selected, false, shown);
}

bool Ui::buttonImpl(std::string_view label, Rect where, FontRole role, bool selected, bool oneLine,
                    const Look& look) {
    ControlState s = control(label, where);
    drawControl(s, where, look);
    const Theme::Sizes& z = theme_->sizes;
    const float pad = oneLine ? z.controlPadding / 2 : z.controlPadding;
    // A chosen option keeps room at the bottom for its bar, a bar's height above the control's edge.
    const float bar = z.selectionBar;
    Rect inner{where.x0 + pad, where.y0 + pad, where.x1 - pad,
               where.y1 - pad - (selected ? bar * 1.5f : 0.f)};
    Rect used = oneLine ? drawOneLine(label, inner, role, look.text)
                        : drawWrapped(label, inner, role, look.text, 0.5f);
    if (selected) {
        // Not by colour alone: the chosen option also carries a thick bar under its label.
        fill(Rect{where.x0 + bar * 3, where.y1 - bar * 2, where.x1 - bar * 3, where.y1 - bar}, look.text,
             bar / 2);
    }
    recordControl(label, s, where, used, role, look, selected);
    return s.activated;
}

bool Ui::tile(std::string_view label, std::string_view hint, Rect where, std::string_view pictogram,
              bool main) {
    Look look = main ? mainLook() : secondaryLook(false);
    if (!main) look.kind = WidgetKind::Tile;
    ControlState s = control(label, where);
    drawControl(s, where, look);
    // Pictogram, label and hint as one block, centred in the tile.
    const float pad = theme_->sizes.tilePadding, gap = theme_->sizes.tileGap;
    const float innerW = where.width() - pad * 2;
    const float labelH = measureHeight(label, innerW, FontRole::Large);
    const float hintH = measureHeight(hint, innerW, FontRole::Body);
    const float textH = labelH + gap + hintH;
    // The pictogram takes what room the words leave, up to the pictogram size of the theme.
    const float picH = pictogram.empty()
                           ? 0.f
                           : std::min(theme_->sizes.pictogramSize, where.height() - pad * 2 - textH - gap);
    const bool withPicture = picH >= theme_->sizes.pictogramSize / 2;
    const float blockH = textH + (withPicture ? picH + gap : 0.f);
    float top = where.y0 + std::max(pad, (where.height() - blockH) / 2);
    if (withPicture) {
        const float cx = (where.x0 + where.x1) / 2;
        drawPictogram(pictogram, {cx - picH / 2, top, cx + picH / 2, top + picH}, look.text,
                      theme_->sizes.borderWidth * 2);
        top += picH + gap;
    }
    Rect labelBox{where.x0 + pad, top, where.x1 - pad, top + labelH};
    Rect used = drawWrapped(label, labelBox, FontRole::Large, look.text, 0.5f);
    recordControl(label, s, where, used, FontRole::Large, look, false);
    // The hint is part of the tile; it is recorded as text so it is read aloud and can be expected.
    Rect hintBox{where.x0 + pad, labelBox.y1 + gap, where.x1 - pad, where.y1 - pad};
    Rect hintUsed = drawWrapped(hint, hintBox, FontRole::Body, look.text, 0.5f);
    recordInnerText(hint, hintUsed, hintBox, FontRole::Body, look.text, look.fill);
    return s.activated;
}

bool Ui::choice(std::string_view label, Rect where, bool several, bool chosen, std::string_view chosenWord) {
    const Theme::Sizes& z = theme_->sizes;
    Look look = secondaryLook(false);
    look.kind = WidgetKind::Choice;
    if (chosen) look.borderWidth *= 2;
    ControlState s = control(label, where);
    drawControl(s, where, look);
    const float pad = z.controlPadding * 2;
    // The mark: a circle for one answer, a square for several; chosen, filled with a check on it.
    const float mark = std::min(z.markSize, where.height() - z.controlPadding * 2);
    const float my = (where.y0 + where.y1 - mark) / 2;
    const Rect markBox{where.x0 + pad, my, where.x0 + pad + mark, my + mark};
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 centre((markBox.x0 + markBox.x1) / 2, (markBox.y0 + markBox.y1) / 2);
    const float stroke = z.borderWidth;
    if (several) {
        const ImVec2 a(markBox.x0 + stroke / 2, markBox.y0 + stroke / 2),
            b(markBox.x1 - stroke / 2, markBox.y1 - stroke / 2);
        if (chosen)
            dl->AddRectFilled(a, b, toU32(look.text), stroke);
        else
            dl->AddRect(a, b, toU32(look.text), stroke, 0, stroke);
    } else {
        if (chosen)
            dl->AddCircleFilled(centre, mark / 2, toU32(look.text), 32);
        else
            dl->AddCircle(centre, mark / 2 - stroke / 2, toU32(look.text), 32, stroke);
    }
    if (chosen) drawPictogram("check", markBox, look.fill, stroke * 1.5f);
    // The word at the end of the row, then the label in what is left, on the left.
    float wordX = where.x1 - pad;
    if (chosen) {
        const float wordW = measureWidth(chosenWord, FontRole::Body);
        wordX -= wordW;
        const float lineH = fontFor(FontRole::Body)->FontSize * 1.15f;
        const Rect wordBox{wordX, (where.y0 + where.y1 - lineH) / 2, where.x1 - pad,
                           (where.y0 + where.y1 + lineH) / 2};
        Rect used = drawWrapped(chosenWord, wordBox, FontRole::Body, look.text, 0.f);
        recordInnerText(chosenWord, used, where, FontRole::Body, look.text, look.fill);
        wordX -= pad;
    }
    const Rect labelBox{markBox.x1 + pad, where.y0 + z.controlPadding, wordX, where.y1 - z.controlPadding};
    Rect used = drawWrapped(label, labelBox, FontRole::Large, look.text, 0.f);
    recordControl(label, s, where, used, FontRole::Large, look, chosen);
    return s.activated;
}

void Ui::moveFocus(int delta) {
    std::vector<const DrawnItem*> order;
    for (const DrawnItem* i : readingOrder(last_))
        if (i->clickable) order.push_back(i);
    if (order.empty()) return;
    int n = static_cast<int>(order.size());
    int at = -1;
    for (int i = 0; i < n; ++i)
        if (order[i]->id == focusId_) at = i;
    int next = at < 0 ? (delta > 0 ? 0 : n - 1) : ((at + delta) % n + n) % n;
    focusId_ = order[next]->id;
    announcement_ = order[next]->name.empty() ? order[next]->text : order[next]->name;
}

void Ui::focusNext() {
    moveFocus(+1);
}
void Ui::focusPrevious() {
    moveFocus(-1);
}
void Ui::activateFocused() {
    activateId_ = focusId_;
}
void Ui::clearFocus() {
    focusId_ = 0;
}

void Ui::typeText(std::string_view utf8) {
    if (typedPending_.size() + utf8.size() <= 4096) typedPending_.append(utf8);
}

std::string Ui::takeTypedText() {
    std::string out = std::move(typedPending_);
    typedPending_.clear();
    return out;
}

bool Ui::takeSubmit() {
    bool s = submitPending_;
    submitPending_ = false;
    return s;
}

float Ui::lastLineWidth(std::string_view text, float width, FontRole role) const {
    ImFont* font = fontFor(role);
    auto lines = wrapLines(font, font->FontSize, text, width);
    if (lines.empty()) return 0.f;
    std::string_view last = lines.back();
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.f, last.data(), last.data() + last.size()).x;
}

std::optional<std::string> Ui::takeFocusAnnouncement() {
    auto a = std::move(announcement_);
    announcement_.reset();
    return a;
}

}  // namespace wp::ui
