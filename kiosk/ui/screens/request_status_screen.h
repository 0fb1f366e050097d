// "Status van mijn vraag": the resident types (or scans) the reference code from a receipt and sees the
// request's status, the team's public note and, for an initiative, the coach's first name. The lookup runs
// in core (kiosk/core/status_lookup.h) on a worker thread; this screen shows that it is busy, explains a
// wrong or unknown code, and says plainly when the central server cannot be reached. The typed code and the
// answer are wiped when the resident leaves the screen, at "Begin opnieuw" and at the idle timeout.
#pragma once

#include <string>

#include "kiosk/core/resident_session.h"
#include "kiosk/core/text_entry.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/screen.h"

namespace wp::ui {

class RequestStatusScreen final : public Screen {
  public:
    static constexpr const char* kId = "request-status";
    ~RequestStatusScreen() override;
    void draw(Ui& ui, ResidentSession& session, Rect area) override;
    void onEnter(ResidentSession& session) override;
    void onLeave(ResidentSession& session) override;

  private:
    enum class View { Typing, Busy, Found, Unreachable };
    void search(ResidentSession& session);
    void collect(ResidentSession& session);
    void wipe();
    float drawTyping(Ui& ui, ResidentSession& session, Rect area);
    float drawFound(Ui& ui, ResidentSession& session, Rect area);
    float drawUnreachable(Ui& ui, ResidentSession& session, Rect area);

    TextEntry code_{EntryKind::Reference, 12};
    Keyboard keyboard_;
    View view_ = View::Typing;
    std::string errorKey_;  // under the field: a wrong, empty or unknown code
    ResidentSession* session_ = nullptr;
    ResidentSession::WipeListenerId wipeListener_ = 0;
};

}  // namespace wp::ui
