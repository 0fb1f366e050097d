#include "kiosk/ui/screens/service_choice_screen.h"

#include <algorithm>
#include <cassert>

#include "kiosk/ui/screens/ticket_closed_screen.h"
#include "kiosk/ui/screens/ticket_screen.h"
#include "kiosk/ui/screens/walk_in_text.h"

namespace wp::ui {

void takeTicketFor(ResidentSession& session, const std::string& serviceId) {
    TicketFlow* flow = session.ticketFlow();
    assert(flow != nullptr && "only a kiosk with a queue offers numbers");
    const TicketFlow::Choice* choice = flow->choice(serviceId);
    if (choice != nullptr && choice->status.state != WalkInState::Open) {
        session.open({TicketClosedScreen::kId, serviceId});
        return;
    }
    switch (flow->take(serviceId, session.texts(), session.language())) {
        case TicketFlow::Outcome::Issued:
            session.open({TicketScreen::kId, serviceId});
            break;
        case TicketFlow::Outcome::Closed:
            session.open({TicketClosedScreen::kId, serviceId});
            break;
        case TicketFlow::Outcome::Failed:
            session.open({TicketScreen::kId, serviceId});
            break;
    }
}

void ServiceChoiceScreen::onEnter(ResidentSession& session) {
    if (session.ticketFlow()) session.ticketFlow()->refreshChoices();
}

void ServiceChoiceScreen::draw(Ui& ui, ResidentSession& session, Rect area) {
    const Theme& t = ui.theme();
    TicketFlow* flow = session.ticketFlow();
    float y = area.y0;
    y += ui.text(session.tr("ticket.choose_title"), {area.x0, y, area.x1, area.y1}, FontRole::Title,
                 t.colors.text, t.colors.background, 0.5f);
    y += t.spacing * 2;

    if (flow != nullptr) {
        const auto& choices = flow->choices();
        const float gap = t.spacing;
        const float tileW = (area.width() - gap) / 2;
        const int rows = static_cast<int>((choices.size() + 1) / 2);
        const float room = area.y1 - y - t.sizes.buttonHeight - gap * 2;  // leave room for "Terug"
        const float tileH =
            rows > 0 ? std::min(t.sizes.serviceTileHeight,
                                (room - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows))
                     : 0;
        for (size_t i = 0; i < choices.size(); ++i) {
            const TicketFlow::Choice& c = choices[i];
            float x = area.x0 + static_cast<float>(i % 2) * (tileW + gap);
            float ty = y + static_cast<float>(i / 2) * (tileH + gap);
            std::string hint = session.tr(c.service->hintKey) + "\n" + describeWalkIn(session, c.status);
            if (ui.tile(session.tr(c.service->nameKey), hint, {x, ty, x + tileW, ty + tileH}))
                takeTicketFor(session, c.service->id);
        }
        y += static_cast<float>((choices.size() + 1) / 2) * (tileH + gap) + gap;
    }
    const float w = std::min(area.width(), t.sizes.buttonWidth);
    const float x = area.x0 + (area.width() - w) / 2;
    if (ui.button(session.tr("common.back"), {x, y, x + w, y + t.sizes.buttonHeight})) session.back();
}

}  // namespace wp::ui
