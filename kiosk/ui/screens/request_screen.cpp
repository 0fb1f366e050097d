#include "kiosk/ui/screens/request_screen.h"

#include <algorithm>

#include "common/log.h"
#include "common/utf8.h"
#include "kiosk/core/request_flow.h"
#include "kiosk/core/status_lookup.h"
#include "kiosk/core/ticket_flow.h"
#include "kiosk/ui/screens/question_layout.h"
#include "kiosk/ui/summary_list.h"

namespace wp::ui {

namespace {

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

    // "Terug" (secondary) and the way forward (the main action), side by side; forward may be empty (no
    // button).
    void navRow(float top, const std::string& forward, bool& back, bool& next) {
        const float w = (area.width() - theme().spacing) / 2;
        next = !forward.empty() && ui.mainAction(forward, {area.x1 - w, top, area.x1, top + buttonH()});
        back = ui.button(tr("common.back"), {area.x0, top, area.x0 + w, top + buttonH()});
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
    codeSpoken_ = false;
}

void RequestScreen::onLeave(ResidentSession& session) {
    // What was typed lives only while this screen is up.
    if (RequestFlow* flow = session.requestFlow()) flow->wipe();
    keyboard_.reset();
    codeSpoken_ = false;
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
        // The only way on is back, so it is the main action.
        if (ui.mainAction(session.tr("common.back"), {x, y, x + w, y + t.sizes.buttonHeight}))
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
    const bool several = f.step.several;
    f.drawBody();
    // One answer moves on by itself (RequestFlow::choose): no "Verder". Several: say to tap "Verder".
    if (several) {
        f.y += ui.text(f.tr("flow.then_next"), {area.x0, f.y, area.x1, area.y1}, FontRole::Body, c.text,
                       c.background);
        f.y += gap / 2;
    }
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
        if (ui.choice(f.tr(o.textKey), {area.x0, y, area.x1, y + optH}, several, flow.isChosen(o.id),
                      f.tr("flow.chosen_mark")))
            tapped = o.id;
        y += optH + gap / 2;
    }
    if (!chosenLine.empty()) {
        y += ui.text(chosenLine, {area.x0, y, area.x1, navY}, FontRole::Body, c.text, c.background);
        y += gap / 2;
    }
    if (!error.empty()) ui.warningPanel(error, {area.x0, y, area.x1, navY});
    bool back = false, next = false;
    f.navRow(navY, several ? f.tr("flow.next") : std::string(), back, next);
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
    float y = f.y;
    // One list, GOV.UK's "check your answers": per answer its short label, "Wijzig" and the answer whole
    // (summary_list.h). Rows that do not fit go to a next page; an answer taller than a page is split over
    // pages, each part in a row of its own. Nothing is cut short. "Verstuur" is the main action of the last
    // page only: before it, "Lees verder" is, so nothing is sent unseen. "Terug" goes a page back, and from
    // the first page a step back.
    const auto rows = flow.summary();
    const float width = area.width();
    std::vector<SummaryRowView> views;
    for (const auto& r : rows) {
        SummaryRowView v{
            f.tr(r.labelKey), r.textKeys.empty() ? r.value : joined(session, r.textKeys), {}, {}};
        // The topic from the question tree cannot be changed here: its row has no "Wijzig".
        if (!r.stepId.empty()) {
            v.changeLabel = f.tr("flow.change_row");
            v.changeName = fillIn(f.tr("flow.change_named"), {{"label", v.label}});
        }
        views.push_back(std::move(v));
    }
    const std::string intro = f.tr(f.step.bodyKey);
    const std::string more = f.tr("flow.summary_more");
    const float navY = area.y1 - f.buttonH();
    const std::string failed = flow.submitFailed() ? f.tr("flow.send_failed") : std::string();
    // Under the rows: where in the list ("Deel 1 van 2", and on an earlier page what to do) and the error.
    auto pageLine = [&](std::size_t page, std::size_t count) {
        std::string line = fillIn(f.tr("question.page"),
                                  {{"page", std::to_string(page + 1)}, {"pages", std::to_string(count)}});
        return page + 1 < count ? line + ". " + more : line;
    };
    // The longest such line: an earlier page of many.
    const float wordsH = ui.measureHeight(pageLine(97, 99), width, FontRole::Body);
    struct Row {
        std::size_t index;
        SummaryRowView view;
        float height;
    };
    using Pages = std::vector<std::vector<Row>>;
    auto paginate = [&](float room) {
        Pages pages(1);
        float used = 0;
        for (std::size_t i = 0; i < views.size(); ++i) {
            std::vector<std::string> parts{views[i].value};
            if (summaryRowHeight(ui, views[i], width) > room) {
                SummaryRowView empty = views[i];
                empty.value.clear();
                parts = partsThatFit(ui, views[i].value, summaryValueWidth(ui, width),
                                     room - summaryRowHeight(ui, empty, width));
            }
            for (std::string& part : parts) {
                SummaryRowView v = views[i];
                v.value = std::move(part);
                const float h = summaryRowHeight(ui, v, width);
                if (!pages.back().empty() && used + h > room) {
                    pages.emplace_back();
                    used = 0;
                }
                pages.back().push_back({i, std::move(v), h});
                used += h;
            }
        }
        return pages;
    };
    y += ui.measureHeight(intro, width, FontRole::Body) + gap / 2;
    float bottom = navY - gap;
    if (!failed.empty()) bottom -= ui.warningPanelHeight(failed, width) + gap;
    Pages pages = paginate(bottom - y);
    if (pages.size() > 1) pages = paginate(bottom - wordsH - gap - y);
    // Back from changing an answer: the page with that answer.
    if (f.newStep && !editedStep_.empty()) {
        bool found = false;
        for (std::size_t p = 0; p < pages.size() && !found; ++p)
            for (const Row& r : pages[p])
                if (rows[r.index].stepId == editedStep_) {
                    summaryPage_ = p;
                    found = true;
                    break;
                }
    }
    editedStep_.clear();
    summaryPage_ = std::min(summaryPage_, pages.size() - 1);  // the language may have changed
    const bool last = summaryPage_ + 1 == pages.size();

    y = f.y;
    y += ui.text(intro, {area.x0, y, area.x1, area.y1}, FontRole::Body, c.text, c.background);
    y += gap / 2;
    std::string edit;
    for (const Row& r : pages[summaryPage_]) {
        if (summaryRow(ui, r.view, {area.x0, y, area.x1, y + r.height})) edit = rows[r.index].stepId;
        y += r.height;
    }
    if (pages.size() > 1)
        ui.text(pageLine(summaryPage_, pages.size()), {area.x0, bottom - wordsH, area.x1, bottom},
                FontRole::Body, c.text, c.background);
    if (!failed.empty()) ui.warningPanel(failed, {area.x0, bottom + gap, area.x1, navY});
    bool back = false, forward = false;
    f.navRow(navY, last ? f.tr("flow.send") : f.tr("question.more"), back, forward);
    if (!edit.empty()) {
        editedStep_ = edit;
        flow.edit(edit);
        session.noteActivity();
    } else if (forward && !last) {
        ++summaryPage_;
        session.noteActivity();
    } else if (back && summaryPage_ > 0) {
        --summaryPage_;
        session.noteActivity();
    } else if (back) {
        f.goBack();
    } else if (forward) {
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
    // The code, big and grouped for copying (this kiosk's part, then the resident's own part in threes);
    // what happens next; whether paper came out; and the way home.
    const std::string& code = flow.reference();
    const std::string shownCode = groupedReferenceCode(code);
    float y = f.y + gap / 2;
    y += ui.text(f.tr("receipt.code_label"), {area.x0, y, area.x1, area.y1}, FontRole::Large, c.text,
                 c.background, 0.5f);
    // On the page between two rules, the spacing around it: text to copy, not a control.
    const float codeH = ui.measureHeight(shownCode, area.width() - gap * 2, FontRole::Title) + gap * 2;
    const float codeY = y + t.sizes.lineGap;
    const Rect box{area.x0, codeY, area.x1, codeY + codeH};
    ui.fill({box.x0, box.y0, box.x1, box.y0 + t.sizes.borderWidth}, c.text);
    ui.fill({box.x0, box.y1 - t.sizes.borderWidth, box.x1, box.y1}, c.text);
    ui.text(shownCode, {box.x0 + gap, box.y0 + gap, box.x1 - gap, box.y1}, FontRole::Title, c.text,
            c.background, 0.5f);
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

    // Nothing came out of the printer: the code is read aloud once by itself, grouped as it is shown.
    const std::string spoken = fillIn(f.tr("flow.code_spoken"), {{"code", spokenReferenceCode(code)}});
    if (trouble && !codeSpoken_) {
        codeSpoken_ = true;
        session.readAloud(spoken);
    }
    const float navY = area.y1 - f.buttonH();
    const float w = (area.width() - gap) / 2;
    if (ui.mainAction(f.tr("flow.done"), {area.x1 - w, navY, area.x1, navY + f.buttonH()})) {
        session.startAgain();
        return;
    }
    if (ui.button(f.tr("flow.read_code"), {area.x0, navY, area.x0 + w, navY + f.buttonH()}))
        session.readAloud(spoken);
}

}  // namespace wp::ui
