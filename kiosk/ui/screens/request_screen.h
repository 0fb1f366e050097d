// "request": every resident request flow on one screen — leave a question, call me back, help at home,
// initiative. Its argument names the flow and maybe a topic ("question/repairs", "home-visit"); the flow's
// steps are data (kiosk/core/request_flow.h), and this screen draws the current one in a shared frame (the
// flow's name, "step n of m" and the step's question) with one draw function per kind of step: the question
// with its options as a radio list (one answer, which moves on by itself: no "Verder") or a check list
// (several, then "Verder"), the text field with the on-screen keyboard and the error under it, the privacy
// sentence or a text to read, the summary (a GOV.UK summary list: label, answer and "Wijzig" per row, paged
// when they do not fit, "Verstuur" on its last page only), and the done screen with the code in big letters.
// The way forward is each step's main action, "Terug" a secondary one. "Terug" goes one step back, and from
// the first step leaves the flow (forgetting it). Leaving the screen any other way forgets the flow too
// (onLeave); the flow's answers and the keyboard are personal-data holders on the session's list.
#pragma once

#include <cstddef>
#include <string>

#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/screen.h"

namespace wp::ui {

class RequestScreen final : public Screen {
  public:
    static constexpr const char* kId = "request";
    explicit RequestScreen(ResidentSession& session) : keyboardHolder_(session.registerHolder(keyboard_)) {}
    void onEnter(ResidentSession& session) override;
    void onLeave(ResidentSession& session) override;
    void draw(Ui& ui, ResidentSession& session, Rect area) override;

  private:
    struct StepFrame;  // what a step's draw function draws into (request_screen.cpp)
    // Choice and Contact steps: the options, what is chosen in words, the error, "Terug" and, for several
    // answers, "Verder".
    void drawChoice(StepFrame& f);
    // Entry steps: the text field, "Terug" and "Verder", the on-screen keyboard.
    void drawEntry(StepFrame& f);
    // Privacy and Info steps: the text to read, "Terug" and "Verder".
    void drawReading(StepFrame& f);
    // The summary: every answer whole, over pages, each row with "Wijzig"; "Terug" and "Lees verder", or
    // "Verstuur" on the last page.
    void drawSummary(StepFrame& f);
    // Done: the reference code grouped for copying, what happens next, whether the receipt printed (when it
    // did not, the code is read aloud once by itself); read the code aloud, done.
    void drawDone(StepFrame& f);

    Keyboard keyboard_{"request keyboard"};
    std::string shownStep_;        // the step of the previous frame: the keyboard starts afresh on a new one
    std::size_t summaryPage_ = 0;  // which page of the summary's answers is shown
    std::string editedStep_;       // the answer changed from the summary: back there, its page is shown
    bool codeSpoken_ = false;      // the done step read the code aloud by itself (nothing printed)
    PersonalDataRegistration keyboardHolder_;  // last: ends before the keyboard
};

}  // namespace wp::ui
