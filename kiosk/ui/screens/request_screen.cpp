#include "kiosk/ui/screens/request_screen.h"

#include <algorithm>

#include "common/log.h"
#include "common/utf8.h"
#include "kiosk/core/request_flow.h"
#include "kiosk/core/ticket_flow.h"
#include "kiosk/ui/screens/question_layout.h"

namespace wp::ui {

namespace {

// The height of a summary box: its label over its text (as Ui::tile draws them), with a pixel to spare. A box
// that is not a control (the topic, which cannot be changed here) needs less room around its text.
float boxHeight(const Ui& ui, const std::string& label, const std::string& text, float width,
                bool control = true) {
    const Theme::Sizes& z = ui.theme().sizes;
    const float inner = width - z.tilePadding * 2;
    return ui.measureHeight(label, inner, FontRole::Large) + z.tileGap +
           ui.measureHeight(text, inner, FontRole::Body) + (control ? z.tilePadding * 2 : 0.f) + 2.f;
}

// Parts of value that each take at most room pixels of height at the body font: between sentences, else
// between words (splitIntoPages), else between characters (a "word" typed without spaces).
std::vector<std::string> partsThatFit(const Ui& ui, const std::string& value, float width, float room) {
    std::vector<std::string> parts;
    for (std::string& part : splitIntoPages(ui, value, width, room, FontRole::Body, 0.f)) {
        std::string rest = std::move(part);
        while (ui.measureHeight(rest, width, FontRole::Body) > room) {
            const std::vector<std::string> chars = utf8Characters(rest);
            auto prefix = [&](std::size_t n) {
                std::string out;
                for (std::size_t i = 0; i < n; ++i) out += chars[i];
                return out;
            };
            // The most characters that fit; at least one, so every round takes something.
            std::size_t lo = 1, hi = chars.size() - 1;
            while (lo < hi) {
                const std::size_t mid = (lo + hi + 1) / 2;
                if (ui.measureHeight(prefix(mid), width, FontRole::Body) <= room)
                    lo = mid;
                else
                    hi = mid - 1;
            }
            parts.push_back(prefix(lo));
            rest = rest.substr(parts.back().size());
        }
        parts.push_back(std::move(rest));
    }
    return parts;
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

// Out of the flow: it forgets everything, and the resident is back where they came from.
void leaveFlow(RequestFlow* flow, ResidentSession& session) {
    if (flow) flow->wipe();
    session.back();
}

}  // namespace

// What a step's draw function draws into, in one frame.
struct RequestScreen::StepFrame {
    Ui& ui;
    ResidentSession& session;
    RequestFlow& flow;
    const FlowStep& step;
    Rect area;     // the screen's content area
    float y;       // where the step's own content starts: under its question
    bool newStep;  // the first frame of this step

    const Theme& theme() const { return ui.theme(); }
    float buttonH() const { return theme().sizes.buttonHeight; }
    const std::string& tr(std::string_view key) const { return session.tr(key); }

    // "Terug" and the way forward, side by side; forward may be empty (no button).
    void navRow(float top, const std::string& forward, bool& back, bool& next) {
        const float w = (area.width() - theme().spacing) / 2;
        back = ui.button(tr("common.back"), {area.x0, top, area.x0 + w, top + buttonH()});
        next = !forward.empty() && ui.button(forward, {area.x1 - w, top, area.x1, top + buttonH()});
    }
    // One step back; from the first step, out of the flow.
    void goBack() {
        if (!flow.back()) leaveFlow(&flow, session);
    }
    // On to the next step, or the error read aloud.
    void goNext() {
        if (!flow.next() && !flow.errorKey().empty())
            session.readAloud(tr(flow.errorKey()));
        else
            session.noteActivity();
    }
    // The step's explanation, when it has one, under its question.
    void drawBody() {
        if (step.bodyKey.empty()) return;
        const auto& c = theme().colors;
        y += ui.text(tr(step.bodyKey), {area.x0, y, area.x1, area.y1}, FontRole::Body, c.text, c.background);
        y += theme().spacing / 2;
    }
};

void RequestScreen::onEnter(ResidentSession& session) {
    RequestFlow* flow = session.requestFlow();
    if (flow == nullptr) return;
    // The flow starts afresh each time the screen comes up: leaving it, or the session's wipe, forgot it.
    flow->start(session.screen().arg);
    keyboard_.reset();
    shownStep_.clear();
    editedStep_.clear();
}

void RequestScreen::onLeave(ResidentSession& session) {
    // What was typed lives only while this screen is up.
    if (RequestFlow* flow = session.requestFlow()) flow->wipe();
    keyboard_.reset();
}

void RequestScreen::draw(Ui& ui, ResidentSession& session, Rect area) {
    const Theme& t = ui.theme();
    const auto& c = t.colors;
    RequestFlow* flow = session.requestFlow();
    if (flow == nullptr || !flow->active()) {
        float y = area.y0;
        y += ui.text(session.tr("flow.cannot_start"), {area.x0, y, area.x1, area.y1}, FontRole::Large, c.text,
                     c.background, 0.5f);
        y += t.spacing * 2;
        const float w = std::min(area.width(), t.sizes.buttonWidth), x = area.x0 + (area.width() - w) / 2;
        if (ui.button(session.tr("common.back"), {x, y, x + w, y + t.sizes.buttonHeight}))
            leaveFlow(flow, session);
        return;
    }

    const FlowStep& step = flow->step();
    const bool newStep = step.id != shownStep_;
    if (newStep) {
        keyboard_.reset();
        shownStep_ = step.id;
        summaryPage_ = 0;
    }
    float y = area.y0;

    // The flow's name and how far along, then the one question of this screen.
    if (step.kind != StepKind::Done) {
        std::string header = session.tr(flow->definition()->titleKey) + " – " +
                             fillIn(session.tr("flow.step"), {{"n", std::to_string(flow->stepNumber())},
                                                              {"count", std::to_string(flow->stepCount())}});
        y += ui.text(header, {area.x0, y, area.x1, area.y1}, FontRole::Body, c.text, c.background);
        y += t.sizes.lineGap;
    }
    y += ui.text(session.tr(step.titleKey), {area.x0, y, area.x1, area.y1}, FontRole::Title, c.text,
                 c.background);
    y += t.spacing / 2;

    StepFrame f{ui, session, *flow, step, area, y, newStep};
    switch (step.kind) {
        case StepKind::Choice:
        case StepKind::Contact:
            drawChoice(f);
            break;
        case StepKind::Entry:
            drawEntry(f);
            break;
        case StepKind::Privacy:
        case StepKind::Info:
            drawReading(f);
            break;
        case StepKind::Summary:
            drawSummary(f);
            break;
        case StepKind::Done:
            drawDone(f);
            break;
    }
}

void RequestScreen::drawChoice(StepFrame& f) {
    Ui& ui = f.ui;
    RequestFlow& flow = f.flow;
    const Rect area = f.area;
    const auto& c = f.theme().colors;
    const float gap = f.theme().spacing;
    f.drawBody();
    const float navY = area.y1 - f.buttonH();
    // What is chosen, in words (not by colour alone), and what is wrong, above "Terug"/"Verder".
    std::vector<std::string> chosenKeys;
    for (const FlowOption& o : f.step.options)
        if (flow.isChosen(o.id)) chosenKeys.push_back(o.textKey);
    std::string chosenLine = chosenKeys.empty()
                                 ? std::string()
                                 : fillIn(f.tr("flow.chosen"), {{"list", joined(f.session, chosenKeys)}});
    std::string error = flow.errorKey().empty() ? std::string() : f.tr(flow.errorKey());
    float below = 0;
    if (!chosenLine.empty()) below += ui.measureHeight(chosenLine, area.width(), FontRole::Body) + gap / 2;
    if (!error.empty()) below += ui.warningPanelHeight(error, area.width()) + gap / 2;
    const float n = static_cast<float>(f.step.options.size());
    const float room = navY - gap - below - f.y;
    const float optH = std::min(f.buttonH(), (room - (n - 1) * (gap / 2)) / n);
    float y = f.y;
    std::string tapped;
    for (const FlowOption& o : f.step.options) {
        if (ui.button(f.tr(o.textKey), {area.x0, y, area.x1, y + optH}, FontRole::Large, flow.isChosen(o.id)))
            tapped = o.id;
        y += optH + gap / 2;
    }
    if (!chosenLine.empty()) {
        y += ui.text(chosenLine, {area.x0, y, area.x1, navY}, FontRole::Body, c.text, c.background);
        y += gap / 2;
    }
    if (!error.empty()) ui.warningPanel(error, {area.x0, y, area.x1, navY});
    bool back = false, next = false;
    f.navRow(navY, f.tr("flow.next"), back, next);
    if (!tapped.empty()) {
        flow.choose(tapped);
        f.session.noteActivity();
    } else if (back) {
        f.goBack();
    } else if (next) {
        f.goNext();
    }
}

void RequestScreen::drawEntry(StepFrame& f) {
    Ui& ui = f.ui;
    const Rect area = f.area;
    const float gap = f.theme().spacing;
    f.drawBody();
    // The flow forgets an error as soon as the entry changes (RequestFlow::errorKey).
    TextEntry& entry = f.flow.entry();
    const float kbH = Keyboard::heightFor(f.theme(), entry.kind(), area.width());
    const float navY = area.y1 - kbH - gap - f.buttonH();
    const std::string& label = f.tr(f.step.labelKey.empty() ? f.step.titleKey : f.step.labelKey);
    std::string error = f.flow.errorKey().empty() ? std::string() : f.tr(f.flow.errorKey());
    // A long free text (the question, the idea described) gets a tall box; everything else (phone, e-mail,
    // postcode, house number, a name, a place) one line, which grows only when what is typed wraps.
    const bool tall = entry.kind() == EntryKind::Text && entry.maxBytes() > 200;
    const float fieldBottom = tall ? navY - gap : f.y + 1.f;
    textField(ui, entry, label, {area.x0, f.y, area.x1, fieldBottom}, error);
    bool back = false, next = false;
    f.navRow(navY, f.tr("flow.next"), back, next);
    keyboard_.draw(ui, entry, f.session.language(), {area.x0, navY + f.buttonH() + gap, area.x1, area.y1},
                   [&](std::string_view key) -> const std::string& { return f.tr(key); });
    if (back) {
        f.goBack();
    } else if (next || keyboard_.enterPressed()) {
        f.goNext();
    }
}

void RequestScreen::drawReading(StepFrame& f) {
    const Rect area = f.area;
    const auto& c = f.theme().colors;
    const float y = f.y + f.theme().spacing / 2;
    f.ui.text(f.tr(f.step.bodyKey), {area.x0, y, area.x1, area.y1 - f.buttonH() - f.theme().spacing},
              FontRole::Large, c.text, c.background);
    bool back = false, next = false;
    f.navRow(area.y1 - f.buttonH(), f.tr("flow.next"), back, next);
    if (back)
        f.goBack();
    else if (next)
        f.goNext();
}

void RequestScreen::drawSummary(StepFrame& f) {
    Ui& ui = f.ui;
    ResidentSession& session = f.session;
    RequestFlow& flow = f.flow;
    const Rect area = f.area;
    const auto& c = f.theme().colors;
    const float gap = f.theme().spacing;
    const Theme::Sizes& z = f.theme().sizes;
    const float pagingH = z.compactRowHeight;                // "Vorig deel" / "Lees verder" under the answers
    const float boxPad = z.tilePadding, boxGap = z.tileGap;  // as Ui::tile lays out its label and hint
    float y = f.y;
    y += ui.text(f.tr(f.step.bodyKey), {area.x0, y, area.x1, area.y1}, FontRole::Body, c.text, c.background);
    y += gap / 2;
    // One full-width box per answer, its whole text wrapped, "Tik om te wijzigen" under it; a tap goes back
    // to its question. Boxes that do not fit go to a next page ("Lees verder" / "Vorig deel" above
    // "Terug"/"Verstuur", which stay where they are); an answer taller than a page is split over pages, each
    // part in its own box. Nothing is cut short.
    const auto rows = flow.summary();
    const std::string& change = f.tr("flow.change");
    const float width = area.width();
    std::vector<std::string> labels, values;
    for (const auto& r : rows) {
        labels.push_back(f.tr(r.labelKey));
        values.push_back(r.textKeys.empty() ? r.value : joined(session, r.textKeys));
    }
    // The topic from the question tree cannot be changed here: its box is text, without the hint.
    auto boxText = [&](std::size_t row, const std::string& value) {
        return rows[row].stepId.empty() ? value : value + "\n" + change;
    };
    const float navY = area.y1 - f.buttonH();
    float bottom = navY - gap;
    const std::string failed = flow.submitFailed() ? f.tr("flow.send_failed") : std::string();
    if (!failed.empty()) bottom -= ui.warningPanelHeight(failed, width) + gap;
    struct Box {
        std::size_t row;
        std::string value;
        float height;
    };
    using Pages = std::vector<std::vector<Box>>;
    auto paginate = [&](float room) {
        Pages pages(1);
        float used = 0;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const bool control = !rows[i].stepId.empty();
            std::vector<std::string> parts{values[i]};
            if (boxHeight(ui, labels[i], boxText(i, values[i]), width, control) > room) {
                const float fixed = boxHeight(ui, labels[i], boxText(i, {}), width, control);
                parts = partsThatFit(ui, values[i], width - boxPad * 2, room - fixed);
            }
            for (std::string& part : parts) {
                const float h = boxHeight(ui, labels[i], boxText(i, part), width, control);
                if (!pages.back().empty() && used + h > room) {
                    pages.emplace_back();
                    used = 0;
                }
                pages.back().push_back({i, std::move(part), h});
                used += h + gap / 2;
            }
        }
        return pages;
    };
    Pages pages = paginate(bottom - y);
    if (pages.size() > 1) pages = paginate(bottom - pagingH - gap - y);
    // Back from changing an answer: the page with that answer.
    if (f.newStep && !editedStep_.empty()) {
        bool found = false;
        for (std::size_t p = 0; p < pages.size() && !found; ++p)
            for (const Box& b : pages[p])
                if (rows[b.row].stepId == editedStep_) {
                    summaryPage_ = p;
                    found = true;
                    break;
                }
    }
    editedStep_.clear();
    summaryPage_ = std::min(summaryPage_, pages.size() - 1);  // the language may have changed

    std::string edit;
    for (const Box& b : pages[summaryPage_]) {
        const auto& r = rows[b.row];
        const Rect box{area.x0, y, area.x1, y + b.height};
        if (r.stepId.empty()) {
            float ty = box.y0;
            ty += ui.text(labels[b.row], {box.x0 + boxPad, ty, box.x1 - boxPad, box.y1}, FontRole::Large,
                          c.text, c.background, 0.5f);
            ui.text(b.value, {box.x0 + boxPad, ty + boxGap, box.x1 - boxPad, box.y1}, FontRole::Body, c.text,
                    c.background, 0.5f);
        } else if (ui.tile(labels[b.row], boxText(b.row, b.value), box)) {
            edit = r.stepId;
        }
        y += b.height + gap / 2;
    }
    bool earlier = false, later = false;
    if (pages.size() > 1) {
        // [Vorig deel]  Deel 1 van 2  [Lees verder], as on the question-topic screen.
        const float top = bottom - pagingH;
        const float buttonW = (width - gap * 2) / 3;
        const Rect left{area.x0, top, area.x0 + buttonW, top + pagingH};
        const Rect right{area.x1 - buttonW, top, area.x1, top + pagingH};
        const std::string where = fillIn(f.tr("question.page"), {{"page", std::to_string(summaryPage_ + 1)},
                                                                 {"pages", std::to_string(pages.size())}});
        const float whereH = ui.measureHeight(where, buttonW, FontRole::Body);
        ui.text(where, {left.x1 + gap, top + (pagingH - whereH) / 2, right.x0 - gap, top + pagingH},
                FontRole::Body, c.text, c.background, 0.5f);
        // One line each (a low row leaves the answers more room), a little smaller where it must be.
        earlier =
            summaryPage_ > 0 && ui.compactButton(f.tr("question.previous"), left, FontRole::Body, false);
        later = summaryPage_ + 1 < pages.size() &&
                ui.compactButton(f.tr("question.more"), right, FontRole::Body, false);
    }
    if (!failed.empty()) ui.warningPanel(failed, {area.x0, bottom + gap, area.x1, navY});
    bool back = false, send = false;
    f.navRow(navY, f.tr("flow.send"), back, send);
    if (!edit.empty()) {
        editedStep_ = edit;
        flow.edit(edit);
        session.noteActivity();
    } else if (earlier || later) {
        summaryPage_ = later ? summaryPage_ + 1 : summaryPage_ - 1;
        session.noteActivity();
    } else if (back) {
        f.goBack();
    } else if (send) {
        session.noteActivity();
        if (Status s = flow.submit(session.texts(), session.language(), &session.bundle()); !s)
            log::error("the {} request was not sent: {}", flow.definition()->id, s.message());
    }
}

void RequestScreen::drawDone(StepFrame& f) {
    Ui& ui = f.ui;
    ResidentSession& session = f.session;
    RequestFlow& flow = f.flow;
    const Rect area = f.area;
    const Theme& t = f.theme();
    const auto& c = t.colors;
    const float gap = t.spacing;
    // The code, big; what happens next; whether paper came out; and the way home.
    const std::string& code = flow.reference();
    float y = f.y + gap / 2;
    y += ui.text(f.tr("receipt.code_label"), {area.x0, y, area.x1, area.y1}, FontRole::Large, c.text,
                 c.background, 0.5f);
    // In a tile-coloured box, the spacing around it.
    const float codeH = ui.measureHeight(code, area.width() - gap * 2, FontRole::Title) + gap * 2;
    const float codeY = y + t.sizes.lineGap;
    const Rect box{area.x0, codeY, area.x1, codeY + codeH};
    ui.fill(box, c.tile, t.cornerRadius);
    ui.text(code, {box.x0 + gap, box.y0 + gap, box.x1 - gap, box.y1}, FontRole::Title, c.tileText, c.tile,
            0.5f);
    y = box.y1 + gap;
    // What happens next, when, and how to follow it with the code: as on the receipt (its first lines).
    const ReceiptPrintout receipt = flow.makeReceipt(session.texts(), session.language(), &session.bundle());
    std::string next;
    for (std::size_t i = 0; i < 3 && i < receipt.lines.size(); ++i)
        next += (next.empty() ? "" : " ") + receipt.lines[i];
    y += ui.text(next, {area.x0, y, area.x1, area.y1}, FontRole::Body, c.text, c.background);
    y += gap;

    std::string printLine;
    bool trouble = false;
    switch (flow.printState()) {
        case RequestFlow::PrintState::Printing:
            printLine = f.tr("flow.printing");
            break;
        case RequestFlow::PrintState::Printed:
            printLine = f.tr("flow.printed");
            break;
        case RequestFlow::PrintState::Failed:
            printLine = f.tr("flow.print_failed") + " " + f.tr("flow.write_down");
            trouble = true;
            break;
        case RequestFlow::PrintState::None:
            printLine = f.tr("flow.write_down");
            trouble = true;
            break;
    }
    const float pad = gap;
    const float lineH = ui.measureHeight(printLine, area.width() - pad * 2, FontRole::Large);
    const Rect panel{area.x0, y, area.x1, y + lineH + pad * 2};
    ui.fill(panel, trouble ? c.warning : c.background, t.cornerRadius);
    ui.text(printLine, {panel.x0 + pad, panel.y0 + pad, panel.x1 - pad, panel.y1}, FontRole::Large,
            trouble ? c.warningText : c.text, trouble ? c.warning : c.background, 0.5f);

    const float navY = area.y1 - f.buttonH();
    const float w = (area.width() - gap) / 2;
    if (ui.button(f.tr("flow.read_code"), {area.x0, navY, area.x0 + w, navY + f.buttonH()}))
        session.readAloud(fillIn(f.tr("flow.code_spoken"), {{"code", spelled(code)}}));
    if (ui.button(f.tr("flow.done"), {area.x1 - w, navY, area.x1, navY + f.buttonH()})) session.startAgain();
}

}  // namespace wp::ui
