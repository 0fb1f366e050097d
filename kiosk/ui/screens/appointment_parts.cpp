#include "kiosk/ui/screens/appointment_parts.h"

#include <algorithm>

#include "kiosk/core/appointment_slip.h"

namespace wp::ui {

float appointmentTitle(Ui& ui, const std::string& text, Rect area) {
    const Theme& t = ui.theme();
    return ui.text(text, {area.x0, area.y0, area.x1, area.y1}, FontRole::Title, t.colors.text,
                   t.colors.background, 0.5f) +
           t.spacing;
}

float appointmentNotice(Ui& ui, const std::string& text, Rect area, bool warning) {
    if (warning) return ui.warningPanel(text, area) + ui.theme().spacing;
    const Theme& t = ui.theme();
    return ui.text(text, area, FontRole::Large, t.colors.text, t.colors.background) + t.spacing;
}

void openAppointmentUnreachable(ResidentSession& session, const std::string& serviceId) {
    session.back();
    session.open({kAppointmentUnreachableScreen, serviceId});
}

void openAppointmentCallback(ResidentSession& session, const std::string& serviceId) {
    // The request screen starts the flow; its service step is answered already.
    session.open({"request", serviceId.empty() ? std::string("appointment-callback")
                                               : "appointment-callback:service=" + serviceId});
}

int pagedButtons(Ui& ui, ResidentSession& session, const std::vector<std::string>& labels, int columns,
                 Rect room, int& page) {
    const Theme& t = ui.theme();
    const float gap = t.spacing;
    const float h = t.sizes.lowButtonHeight;
    const float navH = t.sizes.lowButtonHeight;
    const int count = static_cast<int>(labels.size());
    // Rows that fit with the paging row under them (only drawn when there is more than one page).
    int rows = std::max(1, static_cast<int>((room.height() + gap) / (h + gap)));
    if (rows * columns < count) rows = std::max(1, static_cast<int>((room.height() - navH) / (h + gap)));
    const int perPage = rows * columns;
    const int pages = std::max(1, (count + perPage - 1) / perPage);
    page = std::clamp(page, 0, pages - 1);
    const float w = (room.width() - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    int tapped = -1;
    for (int i = page * perPage, n = 0; i < count && n < perPage; ++i, ++n) {
        const float x = room.x0 + static_cast<float>(n % columns) * (w + gap);
        const float y = room.y0 + static_cast<float>(n / columns) * (h + gap);
        if (ui.menuItem(labels[static_cast<std::size_t>(i)], {x, y, x + w, y + h})) tapped = i;
    }
    if (pages > 1) {
        const float y = room.y0 + static_cast<float>(rows) * (h + gap);
        const float half = (room.width() - gap) / 2;
        if (page > 0 &&
            ui.button(session.tr("appointment.earlier"), {room.x0, y, room.x0 + half, y + navH})) {
            --page;
            session.noteActivity();
        }
        if (page < pages - 1 &&
            ui.button(session.tr("appointment.later"), {room.x0 + half + gap, y, room.x1, y + navH})) {
            ++page;
            session.noteActivity();
        }
    }
    return tapped;
}

void backAndMain(Ui& ui, ResidentSession& session, const std::string& main, Rect area, float y, bool& back,
                 bool& go) {
    const Theme& t = ui.theme();
    const float gap = t.spacing;
    const float h = t.sizes.buttonHeight;
    const float half = (area.width() - gap) / 2;
    back = ui.button(session.tr("common.back"), {area.x0, y, area.x0 + half, y + h});
    go = !main.empty() && ui.mainAction(main, {area.x0 + half + gap, y, area.x1, y + h});
}

void onlyBack(Ui& ui, ResidentSession& session, Rect area, float y) {
    const Theme& t = ui.theme();
    const float w = std::min(area.width(), t.sizes.buttonWidth);
    const float x = area.x0 + (area.width() - w) / 2;
    if (ui.mainAction(session.tr("common.back"), {x, y, x + w, y + t.sizes.buttonHeight})) session.back();
}

std::string serviceName(const ResidentSession& session, const std::string& serviceId) {
    return session.tr(serviceNameKey(session.bundle(), serviceId));
}

}  // namespace wp::ui
