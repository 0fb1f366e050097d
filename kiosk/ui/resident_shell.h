// ResidentShell: draws one frame of the walk-in role — the top bar (contact point, clock), the language
// switch, the current screen, the bottom bar ("Begin opnieuw", "Voorlezen", "Hoog contrast", "Vraag het de
// gastvrouw of gastheer") and, over the content, the idle warning or the host notice.
//
// It owns one instance of each screen, made on first use from the registry. Read-aloud and the keypad
// focus announcements go to the session's speaker from here. UI thread only.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "kiosk/core/resident_session.h"
#include "kiosk/ui/screen.h"
#include "kiosk/ui/ui.h"

namespace wp::ui {

class ResidentShell {
  public:
    // Call between ImGui::NewFrame and ImGui::Render.
    void drawFrame(Ui& ui, ResidentSession& session, float width, float height);

    // What "Voorlezen" says for the given frame: its content first, then the controls around it.
    static std::string screenText(const FrameRecord& frame);

  private:
    Screen& screenFor(const std::string& id);
    void drawTopBar(Ui& ui, ResidentSession& session, Rect bar);
    void drawLanguages(Ui& ui, ResidentSession& session, Rect row);
    void drawBottomBar(Ui& ui, ResidentSession& session, Rect bar);
    void drawIdleWarning(Ui& ui, ResidentSession& session, Rect area);
    void drawHostNotice(Ui& ui, ResidentSession& session, Rect area);

    std::map<std::string, std::unique_ptr<Screen>> screens_;
    bool readAloudRequested_ = false;
    ScreenRef shown_;  // the screen of the previous frame, to call onEnter when it changes
};

}  // namespace wp::ui
