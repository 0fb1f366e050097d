#include "kiosk/ui/screens/walk_in_text.h"

namespace wp::ui {

std::string describeMoment(const ResidentSession& session, TimePoint when) {
    const LocalTime now = toLocalTime(session.now());
    const LocalTime at = toLocalTime(when);
    const std::string time = formatLocalHourMinute(when);
    std::string key;
    if (at.day == now.day)
        key = "day.today";
    else if (at.day == nextDay(now.day))
        key = "day.tomorrow";
    else
        key = std::string("day.") + kWeekdayKeys[static_cast<size_t>(at.weekday)];
    return fillIn(session.tr(key), {{"time", time}});
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
