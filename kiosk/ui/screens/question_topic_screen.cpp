#include "kiosk/ui/screens/question_topic_screen.h"

#include <algorithm>

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

constexpr float kBackH = 130.f;
constexpr float kRouteH = 140.f;
constexpr float kSubTopicH = 130.f;
constexpr float kPagingH = 120.f;

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
    const float backW = std::min(width, 600.f);
    const float backX = area.x0 + (width - backW) / 2;

    float y = area.y0;
    if (topic == nullptr) {
        if (ui.button(session.tr("common.back"), {backX, y, backX + backW, y + kBackH})) session.back();
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
            case RouteKind::Appointment:
                grid.push_back({session.tr("question.appointment"), route});
                break;
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

    // Everything below the answer is measured first; the answer gets the room that is left.
    const bool anyRoute = !grid.empty() || !links.empty();
    const auto gridRows = static_cast<float>((grid.size() + 1) / 2);
    float below = kBackH;
    if (!topic->subTopics.empty())
        below += static_cast<float>(topic->subTopics.size()) * (kSubTopicH + gap) + gap;
    if (anyRoute) {
        below += gap + ui.measureHeight(session.tr("question.help_title"), width, FontRole::Large) + gap / 2;
        if (!deskLine.empty()) below += ui.measureHeight(deskLine, width, FontRole::Body) + gap / 2;
        below += (gridRows + static_cast<float>(links.size())) * (kRouteH + gap);
    }
    below += gap;

    const std::string& answer = topic->answerKey.empty() ? std::string() : session.tr(topic->answerKey);
    if (!answer.empty()) {
        float room = area.y1 - y - below - gap;
        const float paraGap = gap * 0.75f;
        auto pages = splitIntoPages(ui, answer, width, room, FontRole::Large, paraGap);
        if (pages.size() > 1)
            pages = splitIntoPages(ui, answer, width, room - kPagingH - gap, FontRole::Large, paraGap);
        page_ = std::min(page_, pages.size() - 1);  // the language may have changed
        y += drawParagraphs(ui, pages[page_], {area.x0, y, area.x1, area.y1}, FontRole::Large, c.text,
                            c.background, paraGap);
        y += gap;
        if (pages.size() > 1) {
            // [Vorig deel]  Deel 1 van 2  [Lees verder]
            const float buttonW = (width - gap * 2) / 3;
            const Rect left{area.x0, y, area.x0 + buttonW, y + kPagingH};
            const Rect right{area.x1 - buttonW, y, area.x1, y + kPagingH};
            const std::string where =
                fillIn(session.tr("question.page"),
                       {{"page", std::to_string(page_ + 1)}, {"pages", std::to_string(pages.size())}});
            const float whereH = ui.measureHeight(where, buttonW, FontRole::Body);
            ui.text(where, {left.x1 + gap, y + (kPagingH - whereH) / 2, right.x0 - gap, y + kPagingH},
                    FontRole::Body, c.text, c.background, 0.5f);
            if (page_ > 0 && ui.button(session.tr("question.previous"), left, FontRole::Body)) --page_;
            if (page_ + 1 < pages.size() && ui.button(session.tr("question.more"), right, FontRole::Body))
                ++page_;
            y += kPagingH + gap;
        }
    }

    // Deeper topics, one wide button each.
    for (const std::string& id : topic->subTopics) {
        const QuestionTopic* sub = tree.topic(id);
        if (sub == nullptr) continue;  // the loader makes sure it exists
        if (ui.button(session.tr(sub->labelKey), {area.x0, y, area.x1, y + kSubTopicH}))
            session.open({kId, sub->id});
        y += kSubTopicH + gap;
    }
    if (!topic->subTopics.empty()) y += gap;

    if (anyRoute) {
        // A thin rule between what to know and what to do next.
        ui.fill({area.x0, y, area.x1, y + 3}, c.controlBorder);
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
            const float top = y + static_cast<float>(i / 2) * (kRouteH + gap);
            placed.push_back({{x, top, alone ? area.x1 : x + cellW, top + kRouteH}, &grid[i]});
        }
        y += gridRows * (kRouteH + gap);
        for (const RouteButton& link : links) {
            placed.push_back({{area.x0, y, area.x1, y + kRouteH}, &link});
            y += kRouteH + gap;
        }
        for (const auto& [where, button] : placed) {
            if (!ui.button(button->label, where)) continue;
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
                case RouteKind::Appointment: {
                    const auto& tiles = session.bundle().content.tiles;
                    if (std::any_of(tiles.begin(), tiles.end(),
                                    [](const StartTile& s) { return s.id == "appointment"; }))
                        session.openTile("appointment");
                    else
                        session.open({"coming-soon", "question.appointment"});
                    break;
                }
                case RouteKind::Topic:
                    session.open({kId, route.topicId});
                    break;
            }
        }
    }
    if (ui.button(session.tr("common.back"), {backX, y, backX + backW, y + kBackH})) session.back();
}

}  // namespace wp::ui
