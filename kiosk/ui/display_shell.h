// DisplayShell: the now-serving display on the contact point's TV (role display). Read from 5 m: the latest
// call big — "H-014", an arrow and "BALIE 2" in the ticket font, the service's name under them — lit up in
// the tile colour for a few seconds after it comes in (noteNewCall); the three calls before it in a narrow
// column; and along the bottom, per service, its name and how many wait ("dicht" outside its walk-in hours
// when nobody waits any more, "gepauzeerd" when a host paused it), those lines with capitals at least
// kWaitingCapitalMm high on the configured TV; the contact point's name and the time on top. No controls:
// nobody touches a TV. UI thread only.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "common/bundle.h"
#include "kiosk/core/call_board.h"
#include "kiosk/core/texts.h"
#include "kiosk/ui/ui.h"

namespace wp::ui {

class DisplayShell {
  public:
    // The waiting lines' capital height on the TV. DESIGN.md names the reference TV (43", 1920x1080, 0.4935
    // mm per pixel); the size in pixels follows from the settings' [display_screen] mm_per_px.
    static constexpr double kWaitingCapitalMm = 25.0;
    // How long a new call stays lit up.
    static constexpr std::chrono::seconds kHighlight{8};
    static constexpr size_t kPreviousShown = 3;

    DisplayShell(const Bundle& bundle, const Texts& texts) : bundle_(bundle), texts_(texts) {}

    // A call came in (CallBoard::poll returned it) at now: the latest call is lit up until now + kHighlight.
    void noteNewCall(TimePoint now) { highlightUntil_ = now + kHighlight; }
    // Whether the latest call is lit up at now (the role redraws when this changes).
    bool highlighted(TimePoint now) const { return highlightUntil_ && now < *highlightUntil_; }

    // Call between ImGui::NewFrame and ImGui::Render.
    void drawFrame(Ui& ui, const CallBoard& board, TimePoint now, float width, float height);

  private:
    const std::string& tr(std::string_view key) const {
        return texts_.get(bundle_.settings.session.defaultLanguage, key);
    }
    std::string serviceName(const std::string& id) const;
    // Returns the strip's top.
    float drawWaitingStrip(Ui& ui, const CallBoard& board, float width, float height);

    const Bundle& bundle_;
    const Texts& texts_;
    std::optional<TimePoint> highlightUntil_;
};

}  // namespace wp::ui
