// AnswerPrinter: "Print dit antwoord" on a topic of the question tree. It makes the paper of a topic's answer
// (the contact point, the topic's title, its whole answer with a line per paragraph, the walk-in hours of the
// topic's desk, when it was printed: no code, no QR, nothing to follow up), hands it to the printer and keeps
// how the printing goes for the topic it was printed for, so the topic screen can say so while the resident
// reads on. One paper at a time.
//
// Personal data: which topic the last resident printed says what they were looking at, so the printer is on
// the resident session's list and wipe() forgets it; holdsNothing() is true when no topic is kept. A result
// that arrives after a wipe belongs to nobody and is dropped. Not thread-safe: the UI thread owns it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/bundle.h"
#include "common/clock.h"
#include "common/question_tree.h"
#include "kiosk/core/personal_data.h"
#include "kiosk/core/receipt_queue.h"
#include "kiosk/core/texts.h"

namespace wp {

// The paper of a question-tree answer in language. Pure; thread-safe.
ReceiptPrintout answerPrintout(const QuestionTopic& topic, const Bundle& content, const Texts& texts,
                               const std::string& language, const std::string& contactPointName,
                               TimePoint now);

class AnswerPrinter final : public PersonalDataHolder {
  public:
    using PrintState = PaperState;

    // queue may be null: a kiosk without a printer prints no answers.
    AnswerPrinter(std::string contactPointName, const Clock& clock, ReceiptQueue* queue);

    // Whether this kiosk has a printer to print on.
    bool canPrint() const { return queue_ != nullptr; }
    ReceiptPrintout makePrintout(const QuestionTopic& topic, const Bundle& content, const Texts& texts,
                                 const std::string& language) const;
    // Hands the paper to the printer and returns at once; the outcome arrives through
    // collectPrintResults(). False (nothing printed) without a printer or while an answer is printing.
    bool print(const QuestionTopic& topic, const Bundle& content, const Texts& texts,
               const std::string& language);
    // The state of the last answer printed, for the topic it was printed for; None for any other topic.
    PrintState state(std::string_view topicId) const;
    // Collects the printer's outcome; true when the topic screen changed.
    bool collectPrintResults();

    std::string_view holderName() const override { return "answer printer"; }
    void wipe() override;
    bool holdsNothing() const override;

  private:
    std::string contactPointName_;
    const Clock& clock_;
    ReceiptQueue* queue_;
    std::string topic_;
    PrintState state_ = PrintState::None;
    std::uint64_t job_ = 0;
};

}  // namespace wp
