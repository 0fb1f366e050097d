// DisplayShell: the now-serving display on the contact point's TV (role display). Read from 5 m: the latest
// call big — "H-014", an arrow and "BALIE 2" in the ticket font — the five calls before it, how many wait per
// service, the contact point's name and the time. No controls: nobody touches a TV. UI thread only.
#pragma once

#include <string>

#include "common/bundle.h"
#include "kiosk/core/call_board.h"
#include "kiosk/core/texts.h"
#include "kiosk/ui/ui.h"

namespace wp::ui {

class DisplayShell {
  public:
    DisplayShell(const Bundle& bundle, const Texts& texts) : bundle_(bundle), texts_(texts) {}

    // Call between ImGui::NewFrame and ImGui::Render.
    void drawFrame(Ui& ui, const CallBoard& board, TimePoint now, float width, float height);

  private:
    const std::string& tr(std::string_view key) const {
        return texts_.get(bundle_.settings.session.defaultLanguage, key);
    }
    const Bundle& bundle_;
    const Texts& texts_;
};

}  // namespace wp::ui
