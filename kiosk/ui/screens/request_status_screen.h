// "Status van mijn vraag": the resident types (or scans) the reference code from a receipt and sees the
// request's status, the team's public note and, for an initiative, the coach's first name. The lookup runs
// in core (kiosk/core/status_lookup.h) on a worker thread; this screen shows that it is busy, explains a
// wrong or unknown code, and says plainly when the central server cannot be reached. The typed code and the
// answer are wiped when the resident leaves the screen, and by the session's wipe ("Begin opnieuw", the idle
// timeout): the screen (its typed code, the error and which view is shown) and its keyboard are
// personal-data holders on the session's list, and so is the status lookup. The field starts with this
// kiosk's part of every code it makes (the contact point's letters and the kiosk's code), so a resident who
// copied the code from the done screen types only their own part; wiping leaves that part in place.
#pragma once

#include <string>

#include "kiosk/core/resident_session.h"
#include "kiosk/core/text_entry.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/screen.h"

namespace wp::ui {

class RequestStatusScreen final : public Screen, public PersonalDataHolder {
  public:
    static constexpr const char* kId = "request-status";
    explicit RequestStatusScreen(ResidentSession& session);
    void draw(Ui& ui, ResidentSession& session, Rect area) override;
    void onEnter(ResidentSession& session) override;
    void onLeave(ResidentSession& session) override;

    // --- PersonalDataHolder: the typed code, the error under it and the view shown.
    std::string_view holderName() const override { return "request-status screen"; }
    void wipe() override;
    bool holdsNothing() const override;

  private:
    enum class View { Typing, Busy, Found, Unreachable };
    // A fresh screen: wipes this screen, its keyboard and the lookup's answer.
    void startOver();
    void search(ResidentSession& session);
    void collect(ResidentSession& session);
    float drawTyping(Ui& ui, ResidentSession& session, Rect area);
    float drawFound(Ui& ui, ResidentSession& session, Rect area);
    float drawUnreachable(Ui& ui, ResidentSession& session, Rect area);

    ResidentSession& session_;
    std::string prefix_;  // this kiosk's part of its codes, compact: "SGNK2"
    // Room for this kiosk's part and a whole code typed after it (referenceFromField), without dashes:
    // 5 + 3 + 2 + 8 random + 1.
    TextEntry code_{EntryKind::Reference, 19};
    Keyboard keyboard_{"request-status keyboard"};
    View view_ = View::Typing;
    std::string errorKey_;  // under the field: a wrong, empty or unknown code
    // Last: they end before what they register.
    PersonalDataRegistration screenHolder_, keyboardHolder_;
};

}  // namespace wp::ui
