#include "kiosk/core/request_flow.h"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <cstdio>
#include <functional>

#include "common/reference_code.h"
#include "common/wire.h"
#include "kiosk/core/form_validation.h"
#include "kiosk/core/request_receipt.h"

namespace wp {

namespace {

// The entry step's answer checked (and normalised) by the validator of its kind. Left empty (or only
// spaces), every kind says the field is still empty, not that a phone number or postcode is wrong.
Checked checkEntry(const FlowStep& s, std::string_view typed) {
    if (typed.find_first_not_of(" \t\r\n") == std::string_view::npos) return {{}, "form.required"};
    switch (s.entry) {
        case EntryKind::Phone:
            return checkDutchPhone(typed);
        case EntryKind::Email:
            return checkEmail(typed);
        case EntryKind::Postcode:
            return checkPostcode(typed);
        case EntryKind::HouseNumber:
            return checkHouseNumber(typed);
        case EntryKind::Text:
            if (s.personName) return checkName(typed, s.maxBytes);
            break;
        case EntryKind::Reference:
        case EntryKind::BookingCode:
            break;
    }
    return checkRequiredText(typed, s.maxBytes);
}

}  // namespace

// --- the engine

RequestFlow::RequestFlow(RequestFlowSettings settings, const RequestSpecs& specs, const Clock& clock,
                         RandomSource& random, OutboxStore& outbox, ReferenceCodeStore& references,
                         ReceiptQueue* receipts, TopicLookup topics)
    : settings_(std::move(settings)),
      specs_(specs),
      clock_(clock),
      random_(random),
      outbox_(outbox),
      references_(references),
      receipts_(receipts),
      topics_(std::move(topics)) {}

bool RequestFlow::start(std::string_view arg) {
    wipe();
    std::string_view flowId = arg, topicId, given;
    if (auto colon = arg.find(':'); colon != std::string_view::npos) {
        given = arg.substr(colon + 1);
        flowId = arg.substr(0, colon);
    }
    if (auto slash = flowId.find('/'); slash != std::string_view::npos) {
        topicId = flowId.substr(slash + 1);
        flowId = flowId.substr(0, slash);
    }
    const FlowDefinition* def = specs_.latest(flowId);
    if (def == nullptr || !def->hasFlow()) return false;
    if (!topicId.empty()) {
        std::optional<FlowTopic> t = topics_ ? topics_(topicId) : std::nullopt;
        if (!t) return false;
        topic_ = std::move(t);
    }
    def_ = def;
    arg_ = std::string(arg);
    index_ = 0;
    while (index_ < def_->steps.size() && !shown(def_->steps[index_])) ++index_;
    // A choice answered beforehand ("<step>=<option>"): chosen, and the flow starts after it when it is
    // first.
    if (auto eq = given.find('='); eq != std::string_view::npos) {
        const std::string stepId(given.substr(0, eq)), optionId(given.substr(eq + 1));
        for (const FlowStep& s : def_->steps)
            if (s.id == stepId && s.kind == StepKind::Choice &&
                std::any_of(s.options.begin(), s.options.end(),
                            [&](const FlowOption& o) { return o.id == optionId; }))
                chosen_[stepId] = {optionId};
        if (step().id == stepId && answered(step())) next();
    }
    return true;
}

const FlowStep& RequestFlow::step() const {
    assert(def_ != nullptr && "the request screen starts a flow before it draws one");
    return def_->steps[index_];
}

bool RequestFlow::shown(const FlowStep& s) const {
    if (s.onlyWithoutTopic && topic_) return false;
    if (!s.onlyIfStep.empty()) {
        // The step it depends on must itself be shown and have the option chosen.
        for (const FlowStep& other : def_->steps)
            if (other.id == s.onlyIfStep && !shown(other)) return false;
        return isChosen(s.onlyIfStep, s.onlyIfOption);
    }
    return true;
}

bool RequestFlow::answered(const FlowStep& s) const {
    switch (s.kind) {
        case StepKind::Choice:
        case StepKind::Contact: {
            auto it = chosen_.find(s.id);
            return s.optional || (it != chosen_.end() && !it->second.empty());
        }
        case StepKind::Entry: {
            auto it = entries_.find(s.id);
            return s.optional || (it != entries_.end() && !it->second->empty());
        }
        default:
            return true;
    }
}

int RequestFlow::stepNumber() const {
    int n = 0;
    for (std::size_t i = 0; i <= index_ && i < def_->steps.size(); ++i)
        if (shown(def_->steps[i]) && def_->steps[i].kind != StepKind::Done) ++n;
    return n;
}

int RequestFlow::stepCount() const {
    int n = 0;
    // Steps that hang on a choice not made yet count as the most that one option of it would add, so the
    // count does not grow while the resident goes on (e-mail instead of phone may make it one less).
    std::map<std::string, std::map<std::string, int>> pending;  // choice step -> option -> steps it adds
    for (const FlowStep& s : def_->steps) {
        if (s.kind == StepKind::Done) continue;
        if (shown(s)) {
            ++n;
        } else if (!s.onlyIfStep.empty() && !(s.onlyWithoutTopic && topic_)) {
            auto it = chosen_.find(s.onlyIfStep);
            if (it == chosen_.end() || it->second.empty()) ++pending[s.onlyIfStep][s.onlyIfOption];
        }
    }
    for (const auto& [step, options] : pending) {
        int most = 0;
        for (const auto& [option, count] : options) most = std::max(most, count);
        n += most;
    }
    return n;
}

bool RequestFlow::isChosen(const std::string& stepId, const std::string& optionId) const {
    auto it = chosen_.find(stepId);
    return it != chosen_.end() && it->second.contains(optionId);
}

void RequestFlow::choose(const std::string& optionId) {
    const FlowStep& s = step();
    assert((s.kind == StepKind::Choice || s.kind == StepKind::Contact) && "choose() on a choice step");
    auto& set = chosen_[s.id];
    errorKey_.clear();
    if (s.several) {
        if (!set.erase(optionId)) set.insert(optionId);
        return;
    }
    set = {optionId};
    next();
}

TextEntry& RequestFlow::entry() {
    const FlowStep& s = step();
    assert(s.kind == StepKind::Entry && "entry() on an entry step");
    auto& e = entries_[s.id];
    if (!e) e = std::make_unique<TextEntry>(s.entry, s.maxBytes);
    return *e;
}

const TextEntry* RequestFlow::entryOf(const std::string& stepId) const {
    auto it = entries_.find(stepId);
    return it == entries_.end() ? nullptr : it->second.get();
}

std::string RequestFlow::checkStep(const FlowStep& s) {
    switch (s.kind) {
        case StepKind::Choice:
        case StepKind::Contact:
            return answered(s) ? std::string() : std::string("flow.choose_one");
        case StepKind::Entry: {
            TextEntry& e =
                *entries_.try_emplace(s.id, std::make_unique<TextEntry>(s.entry, s.maxBytes)).first->second;
            if (e.empty() && s.optional) return {};
            const Checked c = checkEntry(s, e.value());
            if (!c.ok()) return c.errorKey;
            if (c.value != e.value()) e.set(c.value);
            return {};
        }
        default:
            return {};
    }
}

const std::string& RequestFlow::errorKey() const {
    if (!errorKey_.empty() && active() && step().kind == StepKind::Entry && entryFingerprint() != errorEntry_)
        errorKey_.clear();
    return errorKey_;
}

std::pair<std::size_t, std::size_t> RequestFlow::entryFingerprint() const {
    if (!active() || step().kind != StepKind::Entry) return {};
    const TextEntry* e = entryOf(step().id);
    const std::string_view v = e ? std::string_view(e->value()) : std::string_view();
    return {v.size(), std::hash<std::string_view>{}(v)};
}

void RequestFlow::refuse(std::string errorKey) {
    errorKey_ = std::move(errorKey);
    errorEntry_ = entryFingerprint();
}

void RequestFlow::moveTo(std::size_t index) {
    index_ = index;
    errorKey_.clear();
}

bool RequestFlow::next() {
    if (!active()) return false;
    const FlowStep& s = step();
    if (s.kind == StepKind::Summary || s.kind == StepKind::Done) return false;  // submit() moves on
    if (std::string err = checkStep(s); !err.empty()) {
        refuse(std::move(err));
        return false;
    }
    std::size_t i = index_ + 1;
    while (i < def_->steps.size() && !shown(def_->steps[i])) ++i;
    if (editing_) {
        // Back to the summary, unless a later step now shown still needs an answer (e-mail chosen instead
        // of phone: the e-mail step).
        std::size_t j = i;
        while (j < def_->steps.size() && def_->steps[j].kind != StepKind::Summary &&
               (!shown(def_->steps[j]) || answered(def_->steps[j]) || !isAnswerStep(def_->steps[j])))
            ++j;
        if (j < def_->steps.size() && def_->steps[j].kind == StepKind::Summary) editing_ = false;
        i = j;
    }
    if (i >= def_->steps.size()) return false;
    moveTo(i);
    return true;
}

bool RequestFlow::back() {
    if (!active()) return false;
    if (step().kind == StepKind::Done) return false;
    editing_ = false;
    std::size_t i = index_;
    while (i > 0) {
        --i;
        if (shown(def_->steps[i])) {
            moveTo(i);
            return true;
        }
    }
    return false;
}

void RequestFlow::edit(const std::string& stepId) {
    if (!active() || step().kind != StepKind::Summary) return;
    for (std::size_t i = 0; i < def_->steps.size(); ++i)
        if (def_->steps[i].id == stepId && shown(def_->steps[i])) {
            editing_ = true;
            moveTo(i);
            return;
        }
}

std::string RequestFlow::valueText(const FlowStep& s) const {
    if (s.kind == StepKind::Entry) {
        const TextEntry* e = entryOf(s.id);
        return e ? e->value() : std::string();
    }
    std::string out;
    auto it = chosen_.find(s.id);
    if (it == chosen_.end()) return out;
    // In the order of the options, not of the taps.
    for (const FlowOption& o : s.options)
        if (it->second.contains(o.id)) out += (out.empty() ? "" : ",") + o.id;
    return out;
}

std::vector<RequestFlow::SummaryRow> RequestFlow::summary() const {
    std::vector<SummaryRow> rows;
    if (!active()) return rows;
    if (topic_) rows.push_back({{}, "flow.label_topic", {}, {topic_->labelKey}});
    for (const FlowStep& s : def_->steps) {
        if (!isAnswerStep(s) || !shown(s)) continue;
        SummaryRow row{s.id, s.labelKey, {}, {}};
        if (s.kind == StepKind::Entry) {
            row.value = valueText(s);
            if (row.value.empty()) continue;
        } else {
            auto it = chosen_.find(s.id);
            if (it == chosen_.end() || it->second.empty()) continue;
            for (const FlowOption& o : s.options)
                if (it->second.contains(o.id)) row.textKeys.push_back(o.textKey);
        }
        // A step without a label of its own (the house number) joins the row before it (the postcode).
        if (s.labelKey.empty() && !rows.empty() && s.kind == StepKind::Entry) {
            rows.back().value += " " + row.value;
            continue;
        }
        if (s.labelKey.empty()) continue;
        rows.push_back(std::move(row));
    }
    return rows;
}

Result<Request> RequestFlow::buildRequest(const std::string& language) const {
    if (!active()) return Status::invalidInput("no flow has been started");
    const RequestSpec& spec = *def_;
    Request r;
    r.type = def_->id;
    r.specVersion = def_->version;
    r.kioskCode = settings_.kioskCode;
    r.language = language;
    r.createdAt = std::chrono::time_point_cast<std::chrono::milliseconds>(clock_.now());
    r.reference = reference_;

    std::vector<std::string> notes;
    auto put = [&](const std::string& field, const std::string& value) {
        if (field.empty() || value.empty()) return;
        if (spec.field(field) != nullptr) {
            std::string& slot = r.fields[field];
            slot += (slot.empty() ? "" : " ") + value;
        } else {
            notes.push_back(fmt::format("{}: {}", field, value));
        }
    };
    if (topic_) {
        put(def_->topicField, topic_->id);
        r.category = topic_->requestCategory;
    }
    for (const FlowStep& s : def_->steps) {
        if (!isAnswerStep(s) || !shown(s)) continue;
        put(s.field, valueText(s));
        if (!topic_ && s.id == def_->categoryStep) r.category = valueText(s);
    }
    if (r.category.empty()) r.category = def_->fixedCategory;
    if (!notes.empty() && !def_->notesField.empty()) {
        std::string& slot = r.fields[def_->notesField];
        for (const std::string& n : notes) slot += (slot.empty() ? "" : "\n") + n;
    }
    return r;
}

std::string RequestFlow::deskServiceId(const QuestionTree& questions) const {
    if (!def_->deskService.empty()) return def_->deskService;
    if (topic_) {
        const QuestionTopic* t = questions.topic(topic_->id);
        return t ? t->serviceId : std::string();
    }
    // Without a topic: the desk of the tree's first topic in the category the resident chose.
    for (const QuestionTopic& t : questions.topics())
        if (!category_.empty() && t.requestCategory == category_) return t.serviceId;
    return {};
}

ReceiptFacts RequestFlow::receiptFacts(const Bundle* content) const {
    ReceiptFacts facts;
    facts.deskService = content != nullptr ? deskServiceId(content->questions) : std::string();
    // What it is about: the topic, or the subject chosen without one (never typed text).
    if (topic_) facts.topicKey = topic_->labelKey;
    for (const FlowStep& s : def_->steps) {
        if (!topic_ && !def_->categoryStep.empty() && s.id == def_->categoryStep) {
            if (auto it = chosen_.find(s.id); it != chosen_.end())
                for (const FlowOption& o : s.options)
                    if (it->second.contains(o.id)) facts.topicKey = o.textKey;
        }
        if (s.kind != StepKind::Contact || !shown(s)) continue;
        if (auto it = chosen_.find(s.id); it != chosen_.end() && it->second.size() == 1)
            facts.contactWay = *it->second.begin();
    }
    return facts;
}

ReceiptPrintout RequestFlow::makeReceipt(const Texts& texts, const std::string& language,
                                         const Bundle* content) const {
    if (!active()) return {};
    ReceiptFacts facts = sentFacts_ ? *sentFacts_ : receiptFacts(content);
    if (content == nullptr) facts.deskService.clear();
    return requestReceipt(*def_, settings_, reference_, facts, texts, language, content, clock_.now());
}

Status RequestFlow::submit(const Texts& texts, const std::string& language, const Bundle* content) {
    if (!active() || step().kind != StepKind::Summary)
        return Status::invalidInput("submit() outside the summary step");
    submitFailed_ = false;
    // Every answer must still be right (an edit may have left a shown step empty).
    for (std::size_t i = 0; i < def_->steps.size(); ++i) {
        const FlowStep& s = def_->steps[i];
        if (!isAnswerStep(s) || !shown(s)) continue;
        if (std::string err = checkStep(s); !err.empty()) {
            editing_ = true;
            moveTo(i);
            refuse(err);
            return Status::invalidInput(fmt::format("step '{}' is not answered: {}", s.id, err));
        }
    }
    // A code this kiosk never issued before: draw again on a repeat.
    std::string code;
    for (int attempt = 0; attempt < 20 && code.empty(); ++attempt) {
        std::string candidate = makeReferenceCode(settings_.letters, settings_.kioskCode, random_);
        auto claimed = references_.claim(candidate, clock_.now());
        if (!claimed) {
            submitFailed_ = true;
            return claimed.status();
        }
        if (*claimed) code = candidate;
    }
    if (code.empty()) {
        submitFailed_ = true;
        return Status::internal("20 reference codes in a row were issued before");
    }
    reference_ = code;
    auto built = buildRequest(language);
    if (!built) {
        submitFailed_ = true;
        return built.status();
    }
    Request request = std::move(built).value();
    request.uuid = makeUuid(random_);
    if (auto err = validateRequest(request, specs_)) {
        // A flow that builds a request its type does not allow is a programmer mistake; say which field.
        submitFailed_ = true;
        reference_.clear();
        return Status::internal(
            fmt::format("the {} flow built an invalid request: {} ({})", def_->id, err->message, err->field));
    }
    if (auto added = outbox_.add(request, clock_.now()); !added) {
        submitFailed_ = true;
        reference_.clear();
        return added.status();
    }
    // In the outbox, durably: now the receipt, and the answers can go.
    category_ = request.category;
    sentFacts_ = receiptFacts(content);
    ReceiptPrintout receipt = makeReceipt(texts, language, content);
    if (receipts_ != nullptr) {
        job_ = receipts_->submitReceipt(std::move(receipt));
        printState_ = PrintState::Printing;
    } else {
        printState_ = PrintState::None;
    }
    forgetAnswers();
    for (auto& [k, v] : request.fields) std::fill(v.begin(), v.end(), '\0');
    moveTo(def_->steps.size() - 1);
    return Status::ok();
}

bool RequestFlow::collectPrintResults() {
    if (receipts_ == nullptr) return false;
    bool changed = false;
    for (const PrintSpooler::Done& done : receipts_->takeResults()) {
        if (job_ == 0 || done.job != job_) continue;  // the receipt of a wiped session
        printState_ = done.outcome == PrintOutcome::Ok ? PrintState::Printed : PrintState::Failed;
        job_ = 0;
        changed = true;
    }
    return changed;
}

void RequestFlow::forgetAnswers() {
    for (auto& [id, e] : entries_) e->wipe();
    entries_.clear();
    chosen_.clear();
    editing_ = false;
}

void RequestFlow::wipe() {
    forgetAnswers();
    def_ = nullptr;
    arg_.clear();
    topic_.reset();
    index_ = 0;
    errorKey_.clear();
    reference_.clear();
    category_.clear();
    sentFacts_.reset();
    submitFailed_ = false;
    printState_ = PrintState::None;
    job_ = 0;
}

std::string_view RequestFlow::holderName() const {
    return "request flow";
}

bool RequestFlow::holdsNothing() const {
    return def_ == nullptr && entries_.empty() && chosen_.empty() && reference_.empty() && job_ == 0;
}

}  // namespace wp
