// Screen: one resident screen, drawn from core state (STYLE.md #3: one screen = one file pair, listed
// once in screen_registry.cpp). A screen draws only into the content area it is given, through Ui's
// widgets, and changes state only through ResidentSession's actions.
//
// The shell makes every screen once, with the session it draws. A screen that keeps personal data between
// frames (typed text, a keyboard) takes that session in its constructor and registers what it keeps
// there (ResidentSession::registerHolder), so the session's wipe reaches it whether or not it is shown.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/resident_session.h"
#include "kiosk/ui/ui.h"

namespace wp::ui {

class Screen {
  public:
    virtual ~Screen() = default;
    virtual void draw(Ui& ui, ResidentSession& session, Rect area) = 0;
    // Called once each time the screen comes up, before its first frame: read what it shows from core.
    virtual void onEnter(ResidentSession& /*session*/) {}
    // Called once when another screen (or the start screen after a wipe) takes its place: forget what
    // was typed here.
    virtual void onLeave(ResidentSession& /*session*/) {}
};

// Makes the screen registered under id for session (which must outlive it), or nullptr when there is none.
std::unique_ptr<Screen> makeScreen(std::string_view id, ResidentSession& session);
// Every registered screen id, for the every-screen tests and bundle checks.
std::vector<std::string> screenIds();

}  // namespace wp::ui
