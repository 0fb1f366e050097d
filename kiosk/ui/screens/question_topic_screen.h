// "Vraag stellen", step three: one topic (argument: the topic id). Its title, its answer in plain language —
// split into parts with "Lees verder" when it does not fit, never clipped — then its sub-topics and what
// the resident can do next: talk to someone now (a number for the topic's desk, exactly as "Wachtnummer"
// issues it), leave the question or ask to be called back (the "request" screen, drawn only once that screen
// exists), make an appointment (only while appointments are live, live_routes.h), or read a related topic.
// With a printer, "Print dit antwoord" beside "Terug" puts the whole answer and the desk's walk-in hours on
// paper (kiosk/core/answer_printer.h); its place then says how the printing goes, while the resident reads
// on.
#pragma once

#include <cstddef>

#include "kiosk/ui/screen.h"

namespace wp::ui {

class QuestionTopicScreen final : public Screen {
  public:
    static constexpr const char* kId = "question-topic";
    // The screen that takes a question or a callback request: "request" with "question/<topic id>" or
    // "callback/<topic id>".
    static constexpr const char* kRequestScreen = "request";

    void onEnter(ResidentSession& session) override;
    void draw(Ui& ui, ResidentSession& session, Rect area) override;

  private:
    size_t page_ = 0;             // the part of the answer shown
    bool requestScreen_ = false;  // whether kRequestScreen is registered
};

}  // namespace wp::ui
