#include "kiosk/ui/screens/request_screen.h"

#include <algorithm>
#include <cstdio>

#include "kiosk/core/request_flow.h"
#include "kiosk/core/ticket_flow.h"

namespace wp::ui {

namespace {

constexpr float kButtonH = 130.f;

// At most maxBytes of s, cut at a character boundary, with "…" when something was left off.
std::string shortened(const std::string& s, std::size_t maxBytes) {
    if (s.size() <= maxBytes) return s;
    std::size_t at = maxBytes;
    while (at > 0 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
    return s.substr(0, at) + "…";
}

// "SGN-K2-7KQ4XD-3" as it is read aloud: one character at a time, a pause between the parts.
std::string spelled(const std::string& code) {
    std::string out;
    for (char c : code) {
        if (c == '-') {
            out += ", ";
            continue;
        }
        if (!out.empty() && out.back() != ' ') out += ' ';
        out += c;
    }
    return out;
}

std::string joined(const ResidentSession& session, const std::vector<std::string>& keys) {
    std::string out;
    for (const std::string& k : keys) out += (out.empty() ? "" : ", ") + session.tr(k);
    return out;
}

// A sentence on the warning colours with a bar beside it (not by colour alone); returns the height used.
float warningPanel(Ui& ui, const std::string& text, Rect where) {
    const Theme& t = ui.theme();
    const float pad = 16.f;
    const float h = ui.measureHeight(text, where.width() - pad * 2 - 16.f, FontRole::Body) + pad * 2;
    Rect panel{where.x0, where.y0, where.x1, where.y0 + h};
    ui.fill(panel, t.colors.warning, t.cornerRadius);
    ui.fill({panel.x0, panel.y0, panel.x0 + 10.f, panel.y1}, t.colors.warningText, 0.f);
    ui.text(text, {panel.x0 + pad + 16.f, panel.y0 + pad, panel.x1 - pad, panel.y1}, FontRole::Body,
            t.colors.warningText, t.colors.warning);
    return h;
}

}  // namespace

void RequestScreen::onEnter(ResidentSession& session) {
    RequestFlow* flow = session.requestFlow();
    if (flow == nullptr) return;
    // Coming back to the same flow (after the host notice, say) continues it; anything else starts afresh.
    if (!flow->active() || flow->arg() != session.screen().arg) flow->start(session.screen().arg);
    keyboard_.reset();
    shownStep_.clear();
}

void RequestScreen::draw(Ui& ui, ResidentSession& session, Rect area) {
    const Theme& t = ui.theme();
    const auto& c = t.colors;
    const std::string& lang = session.language();
    auto tr = [&](std::string_view key) -> const std::string& { return session.tr(key); };
    RequestFlow* flow = session.requestFlow();

    // A session wiped while this screen was last shown ("Begin opnieuw", the idle timeout) and opened again
    // on the same flow gets no onEnter: start it here too.
    if (flow != nullptr && (!flow->active() || flow->arg() != session.screen().arg)) {
        flow->start(session.screen().arg);
        keyboard_.reset();
        shownStep_.clear();
    }
    auto leave = [&] {
        if (flow) flow->wipe();
        session.back();
    };
    if (flow == nullptr || !flow->active()) {
        float y = area.y0;
        y += ui.text(tr("flow.cannot_start"), {area.x0, y, area.x1, area.y1}, FontRole::Large, c.text, c.background,
                     0.5f);
        y += t.spacing * 2;
        const float w = std::min(area.width(), 600.f), x = area.x0 + (area.width() - w) / 2;
        if (ui.button(tr("common.back"), {x, y, x + w, y + kButtonH})) leave();
        return;
    }

    const FlowStep& step = flow->step();
    const bool newStep = step.id != shownStep_;
    if (newStep) {
        keyboard_.reset();
        shownStep_ = step.id;
    }
    const float gap = t.spacing;
    float y = area.y0;

    // "Terug" and the way forward, side by side; forward may be empty (no button).
    auto navRow = [&](float top, const std::string& forward, bool& back, bool& next) {
        const float w = (area.width() - gap) / 2;
        back = ui.button(tr("common.back"), {area.x0, top, area.x0 + w, top + kButtonH});
        next = !forward.empty() && ui.button(forward, {area.x1 - w, top, area.x1, top + kButtonH});
    };
    auto goBack = [&] {
        if (!flow->back()) leave();
    };
    auto goNext = [&] {
        if (!flow->next() && !flow->errorKey().empty()) session.readAloud(tr(flow->errorKey()));
        else session.noteActivity();
    };

    // The flow's name and how far along, then the one question of this screen.
    if (step.kind != StepKind::Done) {
        std::string header = tr(flow->definition()->titleKey) + " – " +
                             fillIn(tr("flow.step"), {{"n", std::to_string(flow->stepNumber())},
                                                      {"count", std::to_string(flow->stepCount())}});
        y += ui.text(header, {area.x0, y, area.x1, area.y1}, FontRole::Body, c.text, c.background);
        y += 8.f;
    }
    y += ui.text(tr(step.titleKey), {area.x0, y, area.x1, area.y1}, FontRole::Title, c.text, c.background);
    y += gap / 2;

    switch (step.kind) {
        case StepKind::Choice:
        case StepKind::Contact: {
            if (!step.bodyKey.empty()) {
                y += ui.text(tr(step.bodyKey), {area.x0, y, area.x1, area.y1}, FontRole::Body, c.text, c.background);
                y += gap / 2;
            }
            const float navY = area.y1 - kButtonH;
            // What is chosen, in words (not by colour alone), and what is wrong, above "Terug"/"Verder".
            std::vector<std::string> chosenKeys;
            for (const FlowOption& o : step.options)
                if (flow->isChosen(o.id)) chosenKeys.push_back(o.textKey);
            std::string chosenLine =
                chosenKeys.empty() ? std::string() : fillIn(tr("flow.chosen"), {{"list", joined(session, chosenKeys)}});
            std::string error = flow->errorKey().empty() ? std::string() : tr(flow->errorKey());
            float below = 0;
            if (!chosenLine.empty()) below += ui.measureHeight(chosenLine, area.width(), FontRole::Body) + gap / 2;
            if (!error.empty()) below += ui.measureHeight(error, area.width() - 48.f, FontRole::Body) + 32.f + gap / 2;
            const float n = static_cast<float>(step.options.size());
            const float room = navY - gap - below - y;
            const float optH = std::min(kButtonH, (room - (n - 1) * (gap / 2)) / n);
            std::string tapped;
            for (const FlowOption& o : step.options) {
                if (ui.button(tr(o.textKey), {area.x0, y, area.x1, y + optH}, FontRole::Large, flow->isChosen(o.id)))
                    tapped = o.id;
                y += optH + gap / 2;
            }
            if (!chosenLine.empty()) {
                y += ui.text(chosenLine, {area.x0, y, area.x1, navY}, FontRole::Body, c.text, c.background);
                y += gap / 2;
            }
            if (!error.empty()) warningPanel(ui, error, {area.x0, y, area.x1, navY});
            bool back = false, next = false;
            navRow(navY, tr("flow.next"), back, next);
            if (!tapped.empty()) {
                flow->choose(tapped);
                session.noteActivity();
            } else if (back) {
                goBack();
            } else if (next) {
                goNext();
            }
            break;
        }

        case StepKind::Entry: {
            if (!step.bodyKey.empty()) {
                y += ui.text(tr(step.bodyKey), {area.x0, y, area.x1, area.y1}, FontRole::Body, c.text, c.background);
                y += gap / 2;
            }
            TextEntry& entry = flow->entry();
            if (newStep) typedBytes_ = entry.value().size();
            if (entry.value().size() != typedBytes_) flow->clearError();
            const float kbH = Keyboard::heightFor(entry.kind(), area.width());
            const float navY = area.y1 - kbH - gap - kButtonH;
            const std::string& label = tr(step.labelKey.empty() ? step.titleKey : step.labelKey);
            std::string error = flow->errorKey().empty() ? std::string() : tr(flow->errorKey());
            // A long text gets a tall box; a phone number or postcode one line.
            const float fieldBottom = entry.maxBytes() > 200 ? navY - gap : y + 1.f;
            textField(ui, entry, label, {area.x0, y, area.x1, fieldBottom}, error);
            bool back = false, next = false;
            navRow(navY, tr("flow.next"), back, next);
            keyboard_.draw(ui, entry, lang, {area.x0, navY + kButtonH + gap, area.x1, area.y1}, tr);
            typedBytes_ = entry.value().size();
            if (back) {
                goBack();
            } else if (next || keyboard_.enterPressed()) {
                goNext();
            }
            break;
        }

        case StepKind::Privacy:
        case StepKind::Info: {
            y += gap / 2;
            ui.text(tr(step.bodyKey), {area.x0, y, area.x1, area.y1 - kButtonH - gap}, FontRole::Large, c.text,
                    c.background);
            bool back = false, next = false;
            navRow(area.y1 - kButtonH, tr("flow.next"), back, next);
            if (back) goBack();
            else if (next) goNext();
            break;
        }

        case StepKind::Summary: {
            y += ui.text(tr(step.bodyKey), {area.x0, y, area.x1, area.y1}, FontRole::Body, c.text, c.background);
            y += gap / 2;
            // A box per answer, two in a row; a tap on one goes back to its question. Each box says so under
            // its answer, unless that would push the boxes into "Terug"/"Verstuur" (a long flow): then the line
            // above the boxes says it alone, and long answers are cut shorter.
            const auto rows = flow->summary();
            const float colW = (area.width() - gap / 2) / 2;
            const float room = area.y1 - kButtonH - gap - y;
            struct Layout {
                std::vector<std::string> values;
                std::vector<float> rowH;
                float total = 0;
            };
            auto layout = [&](bool hint, std::size_t maxBytes) {
                Layout l;
                for (const auto& r : rows) {
                    std::string v = shortened(r.textKeys.empty() ? r.value : joined(session, r.textKeys), maxBytes);
                    if (hint && !r.stepId.empty()) v += "\n" + tr("flow.change");
                    l.values.push_back(std::move(v));
                }
                for (std::size_t i = 0; i < rows.size(); i += 2) {
                    float h = 0;
                    for (std::size_t k = i; k < i + 2 && k < rows.size(); ++k)
                        h = std::max(h, ui.measureHeight(tr(rows[k].labelKey), colW - 48.f, FontRole::Large) + 16.f +
                                            ui.measureHeight(l.values[k], colW - 48.f, FontRole::Body) + 48.f);
                    l.rowH.push_back(h);
                    l.total += h + gap / 2;
                }
                return l;
            };
            Layout l = layout(true, 60);
            if (l.total > room) l = layout(false, 60);
            if (l.total > room) l = layout(false, 24);
            std::string edit;
            for (std::size_t i = 0; i < rows.size(); i += 2) {
                const float rowH = l.rowH[i / 2];
                for (std::size_t k = 0; k < 2 && i + k < rows.size(); ++k) {
                    const auto& r = rows[i + k];
                    const std::string& value = l.values[i + k];
                    const float x = area.x0 + static_cast<float>(k) * (colW + gap / 2);
                    // The topic from the question tree cannot be changed here: it is shown as text.
                    if (r.stepId.empty()) {
                        float ty = y + 24.f;
                        ty += ui.text(tr(r.labelKey), {x + 24.f, ty, x + colW - 24.f, y + rowH}, FontRole::Large, c.text,
                                      c.background, 0.5f);
                        ui.text(value, {x + 24.f, ty + 16.f, x + colW - 24.f, y + rowH}, FontRole::Body, c.text,
                                c.background, 0.5f);
                    } else if (ui.tile(tr(r.labelKey), value, {x, y, x + colW, y + rowH})) {
                        edit = r.stepId;
                    }
                }
                y += rowH + gap / 2;
            }
            const float navY = area.y1 - kButtonH;
            if (flow->submitFailed()) warningPanel(ui, tr("flow.send_failed"), {area.x0, y, area.x1, navY});
            bool back = false, send = false;
            navRow(navY, tr("flow.send"), back, send);
            if (!edit.empty()) {
                flow->edit(edit);
                session.noteActivity();
            } else if (back) {
                goBack();
            } else if (send) {
                session.noteActivity();
                if (Status s = flow->submit(session.texts(), lang, &session.bundle()); !s)
                    std::fprintf(stderr, "wijkpunt: the %s request was not sent: %s\n",
                                 flow->definition()->id.c_str(), s.message().c_str());
            }
            break;
        }

        case StepKind::Done: {
            // The code, big; what happens next; whether paper came out; and the way home.
            const std::string& code = flow->reference();
            y += gap / 2;
            y += ui.text(tr("receipt.code_label"), {area.x0, y, area.x1, area.y1}, FontRole::Large, c.text,
                         c.background, 0.5f);
            const float codeH = ui.measureHeight(code, area.width() - 48.f, FontRole::Title) + 48.f;
            const Rect box{area.x0, y + 8.f, area.x1, y + 8.f + codeH};
            ui.fill(box, c.tile, t.cornerRadius);
            ui.text(code, {box.x0 + 24.f, box.y0 + 24.f, box.x1 - 24.f, box.y1}, FontRole::Title, c.tileText, c.tile,
                    0.5f);
            y = box.y1 + gap;
            // What happens next, when, and how to follow it with the code: as on the receipt (its first lines).
            const ReceiptPrintout receipt = flow->makeReceipt(session.texts(), lang, &session.bundle());
            std::string next;
            for (std::size_t i = 0; i < 3 && i < receipt.lines.size(); ++i)
                next += (next.empty() ? "" : " ") + receipt.lines[i];
            y += ui.text(next, {area.x0, y, area.x1, area.y1}, FontRole::Body, c.text, c.background);
            y += gap;

            std::string printLine;
            bool trouble = false;
            switch (flow->printState()) {
                case RequestFlow::PrintState::Printing: printLine = tr("flow.printing"); break;
                case RequestFlow::PrintState::Printed: printLine = tr("flow.printed"); break;
                case RequestFlow::PrintState::Failed:
                    printLine = tr("flow.print_failed") + " " + tr("flow.write_down");
                    trouble = true;
                    break;
                case RequestFlow::PrintState::None:
                    printLine = tr("flow.write_down");
                    trouble = true;
                    break;
            }
            const float pad = gap;
            const float lineH = ui.measureHeight(printLine, area.width() - pad * 2, FontRole::Large);
            const Rect panel{area.x0, y, area.x1, y + lineH + pad * 2};
            ui.fill(panel, trouble ? c.warning : c.background, t.cornerRadius);
            ui.text(printLine, {panel.x0 + pad, panel.y0 + pad, panel.x1 - pad, panel.y1}, FontRole::Large,
                    trouble ? c.warningText : c.text, trouble ? c.warning : c.background, 0.5f);

            const float navY = area.y1 - kButtonH;
            const float w = (area.width() - gap) / 2;
            if (ui.button(tr("flow.read_code"), {area.x0, navY, area.x0 + w, navY + kButtonH}))
                session.readAloud(fillIn(tr("flow.code_spoken"), {{"code", spelled(code)}}));
            if (ui.button(tr("flow.done"), {area.x1 - w, navY, area.x1, navY + kButtonH})) session.startAgain();
            break;
        }
    }
}

}  // namespace wp::ui
