#include "kiosk/ui/resident_shell.h"

#include <imgui.h>

#include <cassert>

namespace wp::ui {

ResidentShell::ResidentShell(ResidentSession& session) : session_(session) {
    for (const std::string& id : screenIds()) screens_.emplace(id, makeScreen(id, session));
}

Screen& ResidentShell::screenFor(const std::string& id) {
    auto it = screens_.find(id);
    assert(it != screens_.end() &&
           "the app checks at start-up that every screen the content names is registered");
    return *it->second;
}

std::string ResidentShell::screenText(const FrameRecord& frame) {
    std::string out;
    for (const DrawnItem* item : readingOrder(frame))
        if (!item->text.empty() && !item->keyboardKey) {
            // One sentence per item; texts that end in their own punctuation keep it.
            if (!out.empty())
                out += std::string_view(".?!:").find(out.back()) == std::string_view::npos ? ". " : " ";
            out += item->name.empty() ? item->text : item->name;
        }
    return out;
}

void ResidentShell::drawFrame(Ui& ui, ResidentSession& session, float width, float height) {
    assert(&session == &session_ && "a shell draws the session it was made for");
    // "Voorlezen" reads what the previous frame showed, which is what the resident saw when tapping it.
    if (readAloudRequested_) {
        readAloudRequested_ = false;
        session.readAloud(screenText(ui.lastFrame()));
    }
    if (auto focused = ui.takeFocusAnnouncement()) session.readAloud(*focused);

    const Theme& theme = session.theme();
    ui.beginFrame("resident", theme, width, height);

    const float margin = theme.spacing * 1.5f;
    const float topH = theme.titleSize * 2.f;
    const float langH = theme.sizes.languageRowHeight;
    const float bottomH = theme.sizes.buttonHeight * 2 + theme.spacing * 3;

    ui.setRegion(Region::Chrome);
    drawTopBar(ui, session, {0, 0, width, topH});
    drawLanguages(ui, session, {margin, topH + theme.spacing, width - margin, topH + theme.spacing + langH});

    Rect content{margin, topH + langH + theme.spacing * 3, width - margin, height - bottomH - theme.spacing};
    ui.setRegion(Region::Content);
    if (session.idlePhase() == IdleTimer::Phase::Warning) {
        drawIdleWarning(ui, session, content);
    } else if (session.hostNoticeShown()) {
        drawHostNotice(ui, session, content);
    } else {
        Screen& screen = screenFor(session.screen().id);
        if (!(session.screen() == shown_) || session.visit() != shownVisit_) {
            if (auto left = screens_.find(shown_.id); left != screens_.end() && left->second.get() != &screen)
                left->second->onLeave(session);
            shown_ = session.screen();
            shownVisit_ = session.visit();
            screen.onEnter(session);
        }
        screen.draw(ui, session, content);
    }

    ui.setRegion(Region::Chrome);
    drawBottomBar(ui, session, {0, height - bottomH, width, height});
    ui.endFrame();
}

void ResidentShell::drawTopBar(Ui& ui, ResidentSession& session, Rect bar) {
    const Theme& t = ui.theme();
    ui.fill(bar, t.colors.bar);
    const float pad = t.spacing * 1.5f;
    std::string clock = formatLocalHourMinute(session.now());
    const float clockW = t.titleSize * 3.2f;
    float nameH = ui.measureHeight(session.bundle().settings.contactPoint.name,
                                   bar.width() - clockW - pad * 2, FontRole::Large);
    float nameY = bar.y0 + (bar.height() - nameH) / 2;
    ui.text(session.bundle().settings.contactPoint.name, {bar.x0 + pad, nameY, bar.x1 - clockW - pad, bar.y1},
            FontRole::Large, t.colors.barText, t.colors.bar);
    float clockY = bar.y0 + (bar.height() - t.titleSize * 1.15f) / 2;
    ui.text(clock, {bar.x1 - clockW - pad, clockY, bar.x1 - pad, bar.y1}, FontRole::Title, t.colors.barText,
            t.colors.bar, 1.f);
}

void ResidentShell::drawLanguages(Ui& ui, ResidentSession& session, Rect row) {
    const auto& langs = session.bundle().content.languages;
    const float gap = ui.theme().spacing / 2;
    const float w =
        (row.width() - gap * static_cast<float>(langs.size() - 1)) / static_cast<float>(langs.size());
    float x = row.x0;
    for (const std::string& code : langs) {
        // Each language is named in itself, so a resident finds their own without reading Dutch.
        if (ui.compactButton(session.texts().languageName(code), {x, row.y0, x + w, row.y1}, FontRole::Body,
                             code == session.language()))
            session.setLanguage(code);
        x += w + gap;
    }
}

void ResidentShell::drawBottomBar(Ui& ui, ResidentSession& session, Rect bar) {
    const Theme& t = ui.theme();
    ui.fill(bar, t.colors.bar);
    const float pad = t.spacing * 1.5f;
    const float gap = t.spacing;
    const float rowH = t.sizes.buttonHeight;
    float y = bar.y0 + t.spacing;
    const float w = (bar.width() - pad * 2 - gap * 2) / 3;
    float x = bar.x0 + pad;
    // Quiet buttons on the bar: always there, never louder than the screen's main action.
    if (ui.quietButton(session.tr("common.start_again"), {x, y, x + w, y + rowH})) session.startAgain();
    x += w + gap;
    if (ui.quietButton(session.tr("common.read_aloud"), {x, y, x + w, y + rowH})) readAloudRequested_ = true;
    x += w + gap;
    if (ui.quietButton(session.tr("common.high_contrast"), {x, y, x + w, y + rowH}, session.highContrast()))
        session.setHighContrast(!session.highContrast());
    y += rowH + gap;
    if (ui.quietButton(session.tr("common.ask_host"), {bar.x0 + pad, y, bar.x1 - pad, y + rowH}))
        session.askForHost();
}

void ResidentShell::drawIdleWarning(Ui& ui, ResidentSession& session, Rect area) {
    const Theme& t = ui.theme();
    const float top = area.y0 + t.spacing * 2;
    Rect panel{area.x0, top, area.x1, top + t.sizes.dialogHeight};
    ui.fill(panel, t.colors.warning, t.cornerRadius);
    const float pad = t.spacing * 2;
    float y = panel.y0 + pad;
    y += ui.text(session.tr("idle.title"), {panel.x0 + pad, y, panel.x1 - pad, panel.y1}, FontRole::Title,
                 t.colors.warningText, t.colors.warning, 0.5f);
    y += t.spacing;
    std::string body = session.tr("idle.body");
    const std::string marker = "{seconds}";
    if (auto at = body.find(marker); at != std::string::npos)
        body.replace(at, marker.size(), std::to_string(session.idleSecondsLeft()));
    y += ui.text(body, {panel.x0 + pad, y, panel.x1 - pad, panel.y1}, FontRole::Body, t.colors.warningText,
                 t.colors.warning, 0.5f);
    y += t.spacing * 2;
    if (ui.mainAction(session.tr("idle.still_here"),
                      {panel.x0 + pad, y, panel.x1 - pad, y + t.sizes.largeButtonHeight}))
        session.stillHere();
}

void ResidentShell::drawHostNotice(Ui& ui, ResidentSession& session, Rect area) {
    const Theme& t = ui.theme();
    float y = area.y0 + t.spacing * 2;
    y += ui.text(session.tr("host.title"), {area.x0, y, area.x1, area.y1}, FontRole::Title, t.colors.text,
                 t.colors.background, 0.5f);
    y += t.spacing * 2;
    y += ui.text(session.tr("host.body"), {area.x0, y, area.x1, area.y1}, FontRole::Body, t.colors.text,
                 t.colors.background, 0.5f);
    y += t.spacing * 2;
    const float w = std::min(area.width(), t.sizes.buttonWidth);
    const float x = area.x0 + (area.width() - w) / 2;
    // The only way on: the main action.
    if (ui.mainAction(session.tr("common.back"), {x, y, x + w, y + t.sizes.buttonHeight}))
        session.dismissHostNotice();
}

}  // namespace wp::ui
