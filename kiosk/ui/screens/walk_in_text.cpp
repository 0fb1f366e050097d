#include "kiosk/ui/screens/walk_in_text.h"

#include "kiosk/core/ticket_words.h"

namespace wp::ui {

std::string describeMoment(const ResidentSession& session, TimePoint when) {
    return wp::describeMoment(when, session.now(), session.texts(), session.language());
}

std::string describeWalkIn(const ResidentSession& session, const WalkInStatus& status) {
    switch (status.state) {
        case WalkInState::Open:
            if (status.closesAt)
                return fillIn(session.tr("ticket.open_until"),
                              {{"time", formatLocalHourMinute(*status.closesAt)}});
            return session.tr("ticket.closed");
        case WalkInState::Paused:
            return session.tr("ticket.paused");
        case WalkInState::Closed:
            if (status.nextOpening)
                return fillIn(session.tr("ticket.closed_until"),
                              {{"when", describeMoment(session, *status.nextOpening)}});
            return session.tr("ticket.closed");
    }
    return session.tr("ticket.closed");
}

}  // namespace wp::ui
