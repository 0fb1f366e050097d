#include "kiosk/ui/host/figures_panel.h"

#include "kiosk/core/ticket_flow.h"

namespace wp::ui {

void FiguresPanel::draw(Ui& ui, HostConsole& console, Rect area) {
    const Theme& t = ui.theme();
    const auto& c = t.colors;
    auto tr = [&](std::string_view key) -> const std::string& { return console.tr(key); };
    float y = area.y0;
    y +=
        ui.text(tr("console.figures"), {area.x0, y, area.x1, area.y1}, FontRole::Large, c.text, c.background);
    auto duration = [&](const std::optional<std::chrono::seconds>& s) {
        return s ? fillIn(tr("console.minutes"), {{"count", wholeMinutes(*s)}}) : tr("console.none");
    };
    for (const ServiceFigures& f : console.snapshot().figures) {
        if (f.tickets == 0) continue;
        std::string line = console.prefixOf(f.serviceId) + ": " +
                           fillIn(tr("console.figures_line"), {{"tickets", std::to_string(f.tickets)},
                                                               {"served", std::to_string(f.served)},
                                                               {"no_shows", std::to_string(f.noShows)},
                                                               {"average", duration(f.averageWait)},
                                                               {"longest", duration(f.longestWait)},
                                                               {"service", duration(f.averageServiceTime)}});
        y += ui.text(line, {area.x0, y, area.x1, area.y1}, FontRole::Body, c.text, c.background);
    }
}

}  // namespace wp::ui
