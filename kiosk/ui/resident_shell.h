// ResidentShell: draws one frame of the walk-in role — the top bar (contact point, clock), the language
// switch, the current screen, the bottom bar ("Begin opnieuw", "Voorlezen", "Hoog contrast", "Vraag het de
// gastvrouw of gastheer") and, over the content, the idle warning or the host notice.
//
// It draws one session for its whole life: at construction it makes every registered screen for that
// session (so what a screen keeps is on the session's list of personal-data holders from the start), and
// it owns them. When the screen shown changes — another screen, or a new visit after the session's wipe —
// the one that was shown gets onLeave and the new one onEnter before its first frame. Read-aloud and the
// keypad focus announcements go to the session's speaker from here. UI thread only.
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
    // session must outlive the shell.
    explicit ResidentShell(ResidentSession& session);

    // Call between ImGui::NewFrame and ImGui::Render, with the session given at construction.
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

    const ResidentSession& session_;
    std::map<std::string, std::unique_ptr<Screen>> screens_;
    bool readAloudRequested_ = false;
    // The screen of the previous frame and the session's visit then, to call onLeave and onEnter when
    // either changes.
    ScreenRef shown_;
    std::uint64_t shownVisit_ = 0;
};

}  // namespace wp::ui
