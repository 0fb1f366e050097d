#include "kiosk/ui/screens/question_topic_screen.h"

#include <algorithm>

#include "kiosk/core/answer_printer.h"
#include "kiosk/ui/screens/live_routes.h"
#include "kiosk/ui/screens/question_layout.h"
#include "kiosk/ui/screens/service_choice_screen.h"
#include "kiosk/ui/screens/walk_in_text.h"

namespace wp::ui {

namespace {

// One button under the answer and what it does.
struct RouteButton {
    std::string label;
    QuestionRoute route;
};

// What the place of "Print dit antwoord" says once it was tapped; empty while it is a button.
std::string printStateText(const ResidentSession& session, AnswerPrinter::PrintState state) {
    switch (state) {
        case AnswerPrinter::PrintState::Printing:
            return session.tr("question.printing");
        case AnswerPrinter::PrintState::Printed:
            return session.tr("question.printed");
        case AnswerPrinter::PrintState::Failed:
            return session.tr("question.print_failed");
        case AnswerPrinter::PrintState::None:
            break;
    }
    return {};
}

}  // namespace

void QuestionTopicScreen::onEnter(ResidentSession& session) {
    page_ = 0;
    auto ids = screenIds();
    requestScreen_ = std::find(ids.begin(), ids.end(), kRequestScreen) != ids.end();
    if (session.ticketFlow()) session.ticketFlow()->refreshChoices();
}

void QuestionTopicScreen::draw(Ui& ui, ResidentSession& session, Rect area) {
    const Theme& t = ui.theme();
    const auto& c = t.colors;
    const float gap = t.spacing;
    const float width = area.width();
    const QuestionTree& tree = session.bundle().questions;
    const QuestionTopic* topic = topicOf(session);
    const Theme::Sizes& z = t.sizes;
    const float backH = z.buttonHeight, subTopicH = z.buttonHeight;  // "Terug"; a deeper topic
    const float routeH = z.routeHeight, pagingH = z.lowButtonHeight;
    const float panelPad = z.panelPadding, markerW = z.markerWidth;
    const float backW = std::min(width, z.buttonWidth);
    const float backX = area.x0 + (width - backW) / 2;

    float y = area.y0;
    if (topic == nullptr) {
        if (ui.button(session.tr("common.back"), {backX, y, backX + backW, y + backH})) session.back();
        return;
    }
    y += ui.text(session.tr(topic->labelKey), {area.x0, y, area.x1, area.y1}, FontRole::Title, c.text,
                 c.background, 0.5f);
    y += gap * 1.5f;

    // The routes this kiosk can offer now.
    const TicketFlow* flow = session.ticketFlow();
    const TicketFlow::Choice* desk = flow ? flow->choice(topic->serviceId) : nullptr;
    std::vector<RouteButton> grid, links;  // grid: two per row; links: a related topic, full width
    for (const QuestionRoute& route : topic->routes) {
        switch (route.kind) {
            case RouteKind::TalkNow:
                if (desk != nullptr) grid.push_back({session.tr("question.talk_now"), route});
                break;
            case RouteKind::LeaveQuestion:
                if (requestScreen_) grid.push_back({session.tr("question.leave"), route});
                break;
            case RouteKind::Callback:
                if (requestScreen_) grid.push_back({session.tr("question.callback"), route});
                break;
            case RouteKind::Appointment: {
                // Without appointments at the kiosk, what is offered in their place (live_routes.h): a call
                // back about this topic, once, where the topic has no callback route of its own.
                const bool hasCallback =
                    std::any_of(topic->routes.begin(), topic->routes.end(),
                                [](const QuestionRoute& r) { return r.kind == RouteKind::Callback; });
                if (appointmentsLive(session))
                    grid.push_back({session.tr("question.appointment"), route});
                else if (requestScreen_ && !hasCallback)
                    grid.push_back({session.tr(appointmentOfferKey(session)), {RouteKind::Callback, {}}});
                break;
            }
            case RouteKind::Topic:
                if (const QuestionTopic* other = tree.topic(route.topicId))
                    links.push_back(
                        {fillIn(session.tr("question.see_also"), {{"topic", session.tr(other->labelKey)}}),
                         route});
                break;
        }
    }
    const std::string deskLine =
        desk ? fillIn(session.tr("question.desk"), {{"service", session.tr(desk->service->nameKey)},
                                                    {"status", describeWalkIn(session, desk->status)}})
             : std::string();

    // "Print dit antwoord" beside "Terug", when this kiosk has a printer that works; once tapped, its place
    // says how the printing goes. The row is as tall as the longest of those sentences needs, so the answer's
    // parts stay the same while the paper comes out.
    AnswerPrinter* answers = session.answerPrinter();
    const AnswerPrinter::PrintState printState =
        answers ? answers->state(topic->id) : AnswerPrinter::PrintState::None;
    const bool printerTrouble = flow != nullptr && flow->printerTrouble();
    const bool printable = answers != nullptr && answers->canPrint() && !topic->answerKey.empty() &&
                           (!printerTrouble || printState != AnswerPrinter::PrintState::None);
    const float halfW = (width - gap) / 2;
    float bottomH = backH;
    if (printable) {
        for (auto state : {AnswerPrinter::PrintState::Printing, AnswerPrinter::PrintState::Printed,
                           AnswerPrinter::PrintState::Failed})
            bottomH = std::max(bottomH, ui.measureHeight(printStateText(session, state),
                                                         halfW - panelPad * 3 - markerW, FontRole::Body) +
                                            panelPad * 2);
    }

    // Everything below the answer is measured first; the answer gets the room that is left.
    const bool anyRoute = !grid.empty() || !links.empty();
    const auto gridRows = static_cast<float>((grid.size() + 1) / 2);
    float nextH = 0;  // the deeper topics and the routes: what the resident can do after reading
    if (!topic->subTopics.empty())
        nextH += static_cast<float>(topic->subTopics.size()) * (subTopicH + gap) + gap;
    if (anyRoute) {
        nextH += gap + ui.measureHeight(session.tr("question.help_title"), width, FontRole::Large) + gap / 2;
        if (!deskLine.empty()) nextH += ui.measureHeight(deskLine, width, FontRole::Body) + gap / 2;
        nextH += (gridRows + static_cast<float>(links.size())) * (routeH + gap);
    }
    const float below = bottomH + nextH + gap;

    bool showNext = true;
    const std::string& answer = topic->answerKey.empty() ? std::string() : session.tr(topic->answerKey);
    if (!answer.empty()) {
        const float paraGap = gap * 0.75f;
        const float room = area.y1 - y - below - gap;
        auto pages = splitIntoPages(ui, answer, width, room, FontRole::Large, paraGap);
        if (pages.size() > 1)
            pages = splitIntoPages(ui, answer, width, room - pagingH - gap, FontRole::Large, paraGap);
        // Beside many routes (a closed desk's longer line, a long language) a part could shrink to a line or
        // two. Then the answer takes the screen and the routes follow its last part, or a part of their own.
        const float minRoom = area.height() * 0.2f;
        if (room - (pages.size() > 1 ? pagingH + gap : 0.f) < minRoom) {
            const float roomAlone = area.y1 - y - bottomH - pagingH - gap * 3;
            pages = splitIntoPages(ui, answer, width, roomAlone, FontRole::Large, paraGap);
            if (measureParagraphs(ui, pages.back(), width, FontRole::Large, paraGap) + nextH > roomAlone)
                pages.emplace_back();
            page_ = std::min(page_, pages.size() - 1);
            showNext = page_ + 1 == pages.size();
        }
        page_ = std::min(page_, pages.size() - 1);  // the language may have changed
        y += drawParagraphs(ui, pages[page_], {area.x0, y, area.x1, area.y1}, FontRole::Large, c.text,
                            c.background, paraGap);
        y += gap;
        if (pages.size() > 1) {
            // [Vorig deel]  Deel 1 van 2  [Lees verder]
            const float buttonW = (width - gap * 2) / 3;
            const Rect left{area.x0, y, area.x0 + buttonW, y + pagingH};
            const Rect right{area.x1 - buttonW, y, area.x1, y + pagingH};
            const std::string where =
                fillIn(session.tr("question.page"),
                       {{"page", std::to_string(page_ + 1)}, {"pages", std::to_string(pages.size())}});
            const float whereH = ui.measureHeight(where, buttonW, FontRole::Body);
            ui.text(where, {left.x1 + gap, y + (pagingH - whereH) / 2, right.x0 - gap, y + pagingH},
                    FontRole::Body, c.text, c.background, 0.5f);
            if (page_ > 0 && ui.button(session.tr("question.previous"), left, FontRole::Body)) --page_;
            // While there is more to read, reading on is the main action.
            if (page_ + 1 < pages.size() && ui.mainAction(session.tr("question.more"), right, FontRole::Body))
                ++page_;
            y += pagingH + gap;
        }
    }

    // Deeper topics, one wide button each.
    for (const std::string& id : showNext ? topic->subTopics : std::vector<std::string>{}) {
        const QuestionTopic* sub = tree.topic(id);
        if (sub == nullptr) continue;  // the loader makes sure it exists
        if (ui.menuItem(session.tr(sub->labelKey), {area.x0, y, area.x1, y + subTopicH}))
            session.open({kId, sub->id});
        y += subTopicH + gap;
    }
    if (showNext && !topic->subTopics.empty()) y += gap;

    if (showNext && anyRoute) {
        // A thin rule between what to know and what to do next, as thick as a control's outline.
        ui.fill({area.x0, y, area.x1, y + z.borderWidth}, c.controlBorder);
        y += gap;
        y += ui.text(session.tr("question.help_title"), {area.x0, y, area.x1, area.y1}, FontRole::Large,
                     c.text, c.background, 0.f);
        y += gap / 2;
        if (!deskLine.empty()) {
            y += ui.text(deskLine, {area.x0, y, area.x1, area.y1}, FontRole::Body, c.text, c.background, 0.f);
            y += gap / 2;
        }
        const float cellW = (width - gap) / 2;
        std::vector<std::pair<Rect, const RouteButton*>> placed;
        for (size_t i = 0; i < grid.size(); ++i) {
            const bool alone = i + 1 == grid.size() && i % 2 == 0;  // an odd last one takes the whole row
            const float x = area.x0 + static_cast<float>(i % 2) * (cellW + gap);
            const float top = y + static_cast<float>(i / 2) * (routeH + gap);
            placed.push_back({{x, top, alone ? area.x1 : x + cellW, top + routeH}, &grid[i]});
        }
        y += gridRows * (routeH + gap);
        for (const RouteButton& link : links) {
            placed.push_back({{area.x0, y, area.x1, y + routeH}, &link});
            y += routeH + gap;
        }
        for (const auto& [where, button] : placed) {
            if (!ui.menuItem(button->label, where)) continue;
            const QuestionRoute& route = button->route;
            switch (route.kind) {
                case RouteKind::TalkNow:
                    takeTicketFor(session, topic->serviceId);
                    break;
                case RouteKind::LeaveQuestion:
                    session.open({kRequestScreen, "question/" + topic->id});
                    break;
                case RouteKind::Callback:
                    session.open({kRequestScreen, "callback/" + topic->id});
                    break;
                case RouteKind::Appointment:
                    openBooking(session, topic->serviceId);
                    break;
                case RouteKind::Topic:
                    session.open({kId, route.topicId});
                    break;
            }
        }
    }
    if (!printable) {
        if (ui.button(session.tr("common.back"), {backX, y, backX + backW, y + backH})) session.back();
        return;
    }
    if (ui.button(session.tr("common.back"), {area.x0, y, area.x0 + halfW, y + bottomH})) session.back();
    const Rect place{area.x1 - halfW, y, area.x1, y + bottomH};
    if (printState == AnswerPrinter::PrintState::None) {
        if (ui.button(session.tr("question.print"), place))
            answers->print(*topic, session.bundle(), session.texts(), session.language());
        return;
    }
    // The sentence in a panel; a failure on the warning colours with a bar beside it (not by colour alone).
    const bool failed = printState == AnswerPrinter::PrintState::Failed;
    const Rgba& panel = failed ? c.warning : c.background;
    const Rgba& ink = failed ? c.warningText : c.text;
    if (failed) {
        ui.fill(place, panel, t.cornerRadius);
        ui.fill({place.x0, place.y0, place.x0 + markerW, place.y1}, ink, 0.f);
    }
    const std::string line = printStateText(session, printState);
    const float lineW = place.width() - panelPad * 3 - markerW;
    const float lineH = ui.measureHeight(line, lineW, FontRole::Body);
    ui.text(
        line,
        {place.x0 + panelPad * 2 + markerW, place.y0 + (bottomH - lineH) / 2, place.x1 - panelPad, place.y1},
        FontRole::Body, ink, panel);
}

}  // namespace wp::ui
