#include "kiosk/core/answer_printer.h"

#include <algorithm>

#include "kiosk/core/opening_hours.h"

namespace wp {

ReceiptPrintout answerPrintout(const QuestionTopic& topic, const Bundle& content, const Texts& texts,
                               const std::string& language, const std::string& contactPointName,
                               TimePoint now) {
    ReceiptPrintout p;
    p.contactPoint = contactPointName;
    p.title = texts.get(language, topic.labelKey);
    if (!topic.answerKey.empty()) {
        // A line per paragraph: the paper wraps each one to its width.
        const std::string& answer = texts.get(language, topic.answerKey);
        for (std::size_t from = 0; from <= answer.size();) {
            std::size_t nl = std::min(answer.find('\n', from), answer.size());
            if (nl > from) p.lines.push_back(answer.substr(from, nl - from));
            from = nl + 1;
        }
    }
    if (const Service* desk = findService(content.services, topic.serviceId))
        p.lines.push_back(walkInHoursLine(*desk, texts, language));
    p.printedAtLabel = texts.get(language, "receipt.printed_at");
    p.printedAt = now;
    return p;
}

AnswerPrinter::AnswerPrinter(std::string contactPointName, const Clock& clock, ReceiptQueue* queue)
    : contactPointName_(std::move(contactPointName)), clock_(clock), queue_(queue) {}

ReceiptPrintout AnswerPrinter::makePrintout(const QuestionTopic& topic, const Bundle& content,
                                            const Texts& texts, const std::string& language) const {
    return answerPrintout(topic, content, texts, language, contactPointName_, clock_.now());
}

bool AnswerPrinter::print(const QuestionTopic& topic, const Bundle& content, const Texts& texts,
                          const std::string& language) {
    if (queue_ == nullptr || state_ == PrintState::Printing) return false;
    job_ = queue_->submitReceipt(makePrintout(topic, content, texts, language));
    topic_ = topic.id;
    state_ = PrintState::Printing;
    return true;
}

AnswerPrinter::PrintState AnswerPrinter::state(std::string_view topicId) const {
    return topicId == topic_ ? state_ : PrintState::None;
}

bool AnswerPrinter::collectPrintResults() {
    if (queue_ == nullptr) return false;
    bool changed = false;
    for (const PrintSpooler::Done& done : queue_->takeResults()) {
        if (job_ == 0 || done.job != job_) continue;  // printed for a resident who has gone
        state_ = done.outcome == PrintOutcome::Ok ? PrintState::Printed : PrintState::Failed;
        job_ = 0;
        changed = true;
    }
    return changed;
}

void AnswerPrinter::wipe() {
    topic_.clear();
    state_ = PrintState::None;
    job_ = 0;
}

bool AnswerPrinter::holdsNothing() const {
    return topic_.empty() && job_ == 0;
}

}  // namespace wp
