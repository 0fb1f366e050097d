#include "kiosk/core/ticket_words.h"

namespace wp {

std::string describeMoment(TimePoint when, TimePoint now, const Texts& texts, std::string_view language) {
    const LocalTime today = toLocalTime(now);
    const LocalTime at = toLocalTime(when);
    std::string key;
    if (at.day == today.day)
        key = "day.today";
    else if (at.day == nextDay(today.day))
        key = "day.tomorrow";
    else
        key = std::string("day.") + kWeekdayKeys[static_cast<std::size_t>(at.weekday)];
    return fillIn(texts.get(language, key), {{"time", formatLocalHourMinute(when)}});
}

std::vector<std::string> ticketQueueLines(const TicketView& view, const WalkInStatus& walkIn, TimePoint now,
                                          const Texts& texts, std::string_view language) {
    if (view.ticket.state != TicketState::Waiting) return {};
    auto tr = [&](std::string_view key) -> const std::string& { return texts.get(language, key); };
    std::vector<std::string> lines;
    const bool closed = walkIn.state != WalkInState::Open && walkIn.nextOpening.has_value();
    const std::string opens =
        closed ? fillIn(tr("ticket.desk_opens"),
                        {{"when", describeMoment(*walkIn.nextOpening, now, texts, language)}})
               : std::string();
    if (view.peopleAhead <= 0) {
        lines.push_back(tr("phone_queue.next"));  // the phone page's words for the same moment
        if (closed) lines.push_back(opens);
        return lines;
    }
    lines.push_back(fillIn(tr("ticket.people_ahead"), {{"count", std::to_string(view.peopleAhead)}}));
    if (view.estimatedWait) {
        const long long minutes = roundUpToMinutes(*view.estimatedWait).count();
        lines.push_back(minutes == 1 ? tr("ticket.wait_one")
                                     : fillIn(tr("ticket.wait"), {{"minutes", std::to_string(minutes)}}));
    } else if (closed) {
        lines.push_back(opens);
    } else {
        lines.push_back(tr("ticket.wait_unknown"));
    }
    return lines;
}

std::string addressInLetters(std::string_view url) {
    for (std::string_view scheme : {"https://", "http://"}) {
        if (url.starts_with(scheme)) {
            url.remove_prefix(scheme.size());
            break;
        }
    }
    while (!url.empty() && url.back() == '/') url.remove_suffix(1);
    return std::string(url);
}

}  // namespace wp
