// RequestFlow: the resident's request flows — leave a question, ask to be called back, ask for a home visit,
// hand in an initiative, and any type a bundle adds — walked one question per screen by one engine.
//
// A flow is the kiosk part of a request spec (common/request_spec.h: content/requests/<type>.toml): a list
// of steps — a choice (one or several options, each a text key), a text entry (a TextEntry of an EntryKind,
// checked with form_validation), the contact choice (phone, e-mail or "I come back with my code"), the
// privacy sentence (the spec loader makes sure it comes before the first step that asks personal data), an
// information screen, the summary (every answer, each with "change"), and the done screen. A step may depend
// on an earlier choice (the phone field only when "phone" was chosen); steps whose condition does not hold
// are skipped and their answers are left out of the request. The flow opens by the spec's id: a start tile
// or a route of the question tree names it ("home-visit", "question/<topic id>").
//
// submit() (at the summary) draws a reference code that this kiosk never issued before (ReferenceCodeStore),
// builds the Request under the spec's version, checks it with validateRequest, commits it to the outbox
// (durably) and only then hands a receipt (kiosk/core/request_receipt.h) to the printer. The answers are
// wiped as soon as the request is in the outbox; the done screen keeps only the reference code and whether
// the receipt printed. wipe() forgets everything (the session's wipe: "Begin opnieuw", the idle timeout, the
// end of a flow).
//
// Core only: the outbox, the reference store and the receipt printer come in through interfaces; the specs
// are the bundle's and must outlive the flow. Not thread-safe: the UI thread owns it.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/bundle.h"
#include "common/clock.h"
#include "common/random_source.h"
#include "common/request.h"
#include "common/request_spec.h"
#include "common/status.h"
#include "kiosk/core/outbox.h"
#include "kiosk/core/personal_data.h"
#include "kiosk/core/printer.h"
#include "kiosk/core/receipt_queue.h"
#include "kiosk/core/request_receipt.h"
#include "kiosk/core/text_entry.h"
#include "kiosk/core/texts.h"

namespace wp {

// A flow is the kiosk part of a request spec.
using FlowDefinition = RequestSpec;

// --- what the engine needs from outside

// Every reference code this kiosk ever issued (kiosk/store: table issued_reference).
class ReferenceCodeStore {
  public:
    virtual ~ReferenceCodeStore() = default;
    // Records code as issued; false (and nothing recorded) when it was issued before.
    virtual Result<bool> claim(const std::string& code, TimePoint now) = 0;
};

// A topic of the question tree, as far as a flow needs it.
struct FlowTopic {
    std::string id;               // "repairs"
    std::string labelKey;         // "qtopic.repairs"
    std::string requestCategory;  // "huur"
};
using TopicLookup = std::function<std::optional<FlowTopic>(std::string_view id)>;

// --- the engine

class RequestFlow final : public PersonalDataHolder {
  public:
    // receipts may be null: a kiosk without a printer shows the code on screen only.
    RequestFlow(RequestFlowSettings settings, const RequestSpecs& specs, const Clock& clock,
                RandomSource& random, OutboxStore& outbox, ReferenceCodeStore& references,
                ReceiptQueue* receipts, TopicLookup topics);

    // Starts a flow from the screen argument "<type>" or "<type>/<topic id>", forgetting any earlier one:
    // the highest version of that type's spec. Either may end in ":<step>=<option>", a choice step answered
    // beforehand (an option it does not have is left unchosen); when that step comes first, the flow starts
    // after it. False (and nothing started) when no spec of that id has a flow, or the topic is unknown.
    bool start(std::string_view arg);
    bool active() const { return def_ != nullptr; }
    const std::string& arg() const { return arg_; }
    const FlowDefinition* definition() const { return def_; }
    const std::optional<FlowTopic>& topic() const { return topic_; }

    // --- the current step
    const FlowStep& step() const;
    // "Step 2 of 6": the current step's number among the steps shown (Done not counted).
    int stepNumber() const;
    int stepCount() const;
    // The text key of what is wrong with the current step's answer after a refused next(); empty when fine.
    // The error goes as soon as the answer changes (a key typed or erased in the entry, an option tapped),
    // and comes back only when next() or submit() finds a problem again.
    const std::string& errorKey() const;
    // Forgets the error now (the screen's own reasons; a changed answer needs no call).
    void clearError() { errorKey_.clear(); }

    // Choice and Contact steps.
    bool isChosen(const std::string& optionId) const { return isChosen(step().id, optionId); }
    bool isChosen(const std::string& stepId, const std::string& optionId) const;
    // Single: chooses it (and leaves the screen as "Verder" would when it was valid). Several: toggles it.
    void choose(const std::string& optionId);
    // Entry steps: the field being typed into.
    TextEntry& entry();
    const TextEntry* entryOf(const std::string& stepId) const;

    // Checks the current step's answer and moves to the next step shown; false (errorKey set) when the
    // answer is not right. From a step changed on the summary, it returns to the summary when every later
    // step still has its answer.
    bool next();
    // The step shown before this one; false at the first step (the screen then leaves the flow).
    bool back();
    // From the summary: back to stepId to change its answer.
    void edit(const std::string& stepId);

    // --- the summary
    struct SummaryRow {
        std::string stepId;  // empty: the topic given by the question tree (cannot change)
        std::string labelKey;
        std::string value;                  // typed text, as it will be sent
        std::vector<std::string> textKeys;  // chosen options (or the topic's title), to translate
    };
    std::vector<SummaryRow> summary() const;

    // --- sending
    // At the summary: claims a reference code, commits the request to the outbox, prints the receipt in the
    // resident's language and moves to Done. The answers are wiped once the request is in the outbox.
    // An error (the database) leaves the flow on the summary with submitError() set. content: the bundle
    // whose services and question tree give the desk's walk-in hours on the receipt; null leaves that line
    // off.
    Status submit(const Texts& texts, const std::string& language, const Bundle* content = nullptr);
    bool submitFailed() const { return submitFailed_; }
    const std::string& reference() const { return reference_; }

    using PrintState = PaperState;
    PrintState printState() const { return printState_; }
    // Collects the receipt's print outcome; true when the done screen changed.
    bool collectPrintResults();

    // The request that submit() would build now (for tests and for the summary check).
    Result<Request> buildRequest(const std::string& language) const;
    // The receipt for the current reference (content as for submit()).
    ReceiptPrintout makeReceipt(const Texts& texts, const std::string& language,
                                const Bundle* content = nullptr) const;

    // Forgets everything: answers (overwritten), the flow, the code, the receipt's print state. A print
    // result that arrives later is dropped.
    void wipe();
    // PersonalDataHolder: "request flow"; holds nothing when no flow, answer or code is kept.
    std::string_view holderName() const;
    bool holdsNothing() const;

  private:
    bool shown(const FlowStep& s) const;
    bool answered(const FlowStep& s) const;
    std::string checkStep(const FlowStep& s);  // error key; normalises entries
    // Shows errorKey for the current step and notes the entry's value it was found on.
    void refuse(std::string errorKey);
    // A fingerprint of the current step's entry (none for other steps): its length and hash, not a copy.
    std::pair<std::size_t, std::size_t> entryFingerprint() const;
    void moveTo(std::size_t index);
    std::string valueText(const FlowStep& s) const;
    // The service that handles the request being made (see the header comment); empty when none is known.
    std::string deskServiceId(const QuestionTree& questions) const;
    // What the receipt says beyond the type, from the answers given (the desk needs content).
    ReceiptFacts receiptFacts(const Bundle* content) const;
    void forgetAnswers();

    RequestFlowSettings settings_;
    const RequestSpecs& specs_;
    const Clock& clock_;
    RandomSource& random_;
    OutboxStore& outbox_;
    ReferenceCodeStore& references_;
    ReceiptQueue* receipts_;
    TopicLookup topics_;

    const FlowDefinition* def_ = nullptr;
    std::string arg_;
    std::optional<FlowTopic> topic_;
    std::size_t index_ = 0;
    bool editing_ = false;  // a step opened from the summary
    // Mutable: errorKey() forgets an error whose entry has changed since (the keyboard edits the entry
    // directly, without telling the flow).
    mutable std::string errorKey_;
    std::pair<std::size_t, std::size_t> errorEntry_;  // entryFingerprint() when errorKey_ was set
    std::map<std::string, std::set<std::string>> chosen_;
    std::map<std::string, std::unique_ptr<TextEntry>> entries_;
    std::string reference_;
    bool submitFailed_ = false;
    PrintState printState_ = PrintState::None;
    std::uint64_t job_ = 0;
    std::string category_;  // the request's category once sent (the receipt's desk without a topic)
    // What the receipt says beyond the type, kept once sent (the answers are gone then): no personal data.
    std::optional<ReceiptFacts> sentFacts_;
};

}  // namespace wp
