#include "kiosk/core/request_flow.h"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <cstdio>
#include <functional>

#include "common/reference_code.h"
#include "common/wire.h"
#include "kiosk/core/form_validation.h"
#include "kiosk/core/opening_hours.h"
#include "kiosk/core/ticket_flow.h"

namespace wp {

// --- the four flows

namespace {

FlowStep choice(std::string id, std::string title, std::string label, std::string field,
                std::vector<FlowOption> options, bool several = false) {
    return {.id = std::move(id),
            .kind = StepKind::Choice,
            .titleKey = std::move(title),
            .labelKey = std::move(label),
            .options = std::move(options),
            .several = several,
            .field = std::move(field)};
}

FlowStep entry(std::string id, EntryKind kind, std::size_t maxBytes, std::string title, std::string body,
               std::string label, std::string field, bool personal) {
    return {.id = std::move(id),
            .kind = StepKind::Entry,
            .titleKey = std::move(title),
            .bodyKey = std::move(body),
            .labelKey = std::move(label),
            .entry = kind,
            .maxBytes = maxBytes,
            .personal = personal,
            .field = std::move(field)};
}

FlowStep onlyIf(FlowStep s, std::string step, std::string option) {
    s.onlyIfStep = std::move(step);
    s.onlyIfOption = std::move(option);
    return s;
}

FlowStep withBody(FlowStep s, std::string body) {
    s.bodyKey = std::move(body);
    return s;
}

FlowStep plain(std::string id, StepKind kind, std::string title, std::string body = {}) {
    return {.id = std::move(id), .kind = kind, .titleKey = std::move(title), .bodyKey = std::move(body)};
}

// Choose a subject when the flow was not opened from a topic of the question tree.
FlowStep categoryStep() {
    std::vector<FlowOption> options;
    for (std::string_view c : kRequestCategories)
        options.push_back({std::string(c), fmt::format("flow.category_{}", c)});
    FlowStep s = choice("category", "flow.category_title", "flow.label_topic", "topic", std::move(options));
    s.onlyWithoutTopic = true;
    return s;
}

FlowStep phoneStep() {
    return entry("phone", EntryKind::Phone, 20, "flow.phone_title", "flow.phone_body", "flow.label_phone",
                 "phone", true);
}
FlowStep emailStep() {
    return entry("email", EntryKind::Email, 254, "flow.email_title", "flow.email_body", "flow.label_email",
                 "email", true);
}
FlowStep nameStep() {
    return entry("name", EntryKind::Text, 200, "flow.name_title", "flow.name_body", "flow.label_name", "name",
                 true);
}
FlowStep callTimeStep() {
    return choice(
        "time", "flow.time_title", "flow.label_time", "preferred_time",
        {{"morning", "flow.time_morning"}, {"afternoon", "flow.time_afternoon"}, {"any", "flow.time_any"}});
}
FlowStep privacyStep(std::string body) {
    return plain("privacy", StepKind::Privacy, "flow.privacy_title", std::move(body));
}

// How to be reached: a choice whose options decide the entry steps after it.
FlowStep contactStep(std::string title, std::string field, std::vector<FlowOption> options) {
    FlowStep s =
        choice("contact", std::move(title), "flow.label_contact", std::move(field), std::move(options));
    s.kind = StepKind::Contact;
    return s;
}

// The flow's part of its receipt's text keys: "home-visit" -> "home_visit" ("receipt.title_home_visit").
std::string receiptKeyPart(std::string flowId) {
    std::replace(flowId.begin(), flowId.end(), '-', '_');
    return flowId;
}

// A flow: its steps, then the summary and the done screen (titled as the receipt).
FlowDefinition flow(FlowDefinition d, std::vector<FlowStep> steps) {
    d.steps = std::move(steps);
    d.steps.push_back(plain("summary", StepKind::Summary, "flow.summary_title", "flow.summary_body"));
    d.steps.push_back(plain("done", StepKind::Done, "receipt.title_" + receiptKeyPart(d.id)));
    return d;
}

std::vector<FlowDefinition> makeDefinitions() {
    std::vector<FlowDefinition> defs;

    // Leave a question: the question in one's own words, or just the topic; how to be reached ("none": the
    // resident comes back with the reference code).
    defs.push_back(flow({.id = "question",
                         .type = RequestType::Question,
                         .titleKey = "tile.question",
                         .categoryStep = "category",
                         .topicField = "topic",
                         .notesField = "text"},
                        {categoryStep(), privacyStep("flow.privacy_question"),
                         withBody(choice("how", "flow.how_title", {}, {},
                                         {{"type", "flow.how_type"}, {"topic-only", "flow.how_topic_only"}}),
                                  "flow.how_body"),
                         onlyIf(entry("text", EntryKind::Text, 2000, "flow.text_title", "flow.text_body",
                                      "flow.label_text", "text", true),
                                "how", "type"),
                         contactStep("flow.contact_title", "contact",
                                     {{"phone", "flow.contact_phone"},
                                      {"email", "flow.contact_email"},
                                      {"none", "flow.contact_come_back"}}),
                         onlyIf(phoneStep(), "contact", "phone"), onlyIf(emailStep(), "contact", "email"),
                         onlyIf(callTimeStep(), "contact", "phone")}));

    // Call me back: the topic, a phone number and when.
    defs.push_back(flow({.id = "callback",
                         .type = RequestType::Callback,
                         .titleKey = "flow.callback_title",
                         .categoryStep = "category",
                         .topicField = "topic"},
                        {categoryStep(), privacyStep("flow.privacy_callback"), phoneStep(), callTimeStep()}));

    // A home visit by the Wijkteam.
    std::vector<FlowOption> reasons;
    for (const char* r : {"care", "household", "money", "lonely", "safety", "other"})
        reasons.push_back({r, fmt::format("home_visit.reason_{}", r)});
    std::vector<FlowOption> days;
    for (const char* day : {"monday", "tuesday", "wednesday", "thursday", "friday"})
        days.push_back({day, fmt::format("home_visit.{}", day)});
    defs.push_back(flow(
        {.id = "home-visit",
         .type = RequestType::HomeVisit,
         .titleKey = "tile.home_help",
         .fixedCategory = "zorg",
         .notesField = "text",
         .deskService = "wijkteam"},
        {choice("reason", "home_visit.reason_title", "home_visit.label_reason", "topic", std::move(reasons)),
         privacyStep("home_visit.privacy"), nameStep(),
         entry("postcode", EntryKind::Postcode, 7, "home_visit.postcode_title", "home_visit.postcode_body",
               "home_visit.label_address", "postcode", true),
         // No label of its own: the summary shows it after the postcode, as one address.
         entry("house-number", EntryKind::HouseNumber, 10, "home_visit.house_number_title",
               "home_visit.house_number_body", {}, "house_number", true),
         phoneStep(),
         // Best days and times travel together as the preferred time: "monday,thursday morning".
         withBody(choice("days", "home_visit.days_title", "home_visit.label_days", "preferred_time",
                         std::move(days), true),
                  "flow.several"),
         withBody(choice("times", "home_visit.times_title", "home_visit.label_times", "preferred_time",
                         {{"morning", "home_visit.morning"}, {"afternoon", "home_visit.afternoon"}}, true),
                  "flow.several"),
         withBody(choice("others", "home_visit.others_title", "home_visit.label_others", "someone_present",
                         {{"yes", "home_visit.others_yes"}, {"no", "home_visit.others_no"}}),
                  "home_visit.others_body")}));

    // An initiative for the neighbourhood, for an initiative coach.
    defs.push_back(
        flow({.id = "initiative",
              .type = RequestType::Initiative,
              .titleKey = "tile.initiative",
              .notesField = "description",
              .deskService = "initiatief"},
             {privacyStep("initiative.privacy"),
              entry("idea", EntryKind::Text, 200, "initiative.idea_title", "initiative.idea_body",
                    "initiative.label_idea", "title", false),
              entry("describe", EntryKind::Text, 2000, "initiative.describe_title",
                    "initiative.describe_body", "initiative.label_describe", "description", true),
              entry("where", EntryKind::Text, 200, "initiative.where_title", "initiative.where_body",
                    "initiative.label_where", "location", false),
              choice("who", "initiative.who_title", "initiative.label_who", "initiators",
                     {{"alone", "initiative.who_alone"},
                      {"neighbours", "initiative.who_neighbours"},
                      {"association", "initiative.who_association"}}),
              withBody(choice("help", "initiative.help_title", "initiative.label_help", "help",
                              {{"money", "initiative.help_money"},
                               {"permit", "initiative.help_permit"},
                               {"materials", "initiative.help_materials"},
                               {"coach", "initiative.help_coach"}},
                              true),
                       "flow.several"),
              onlyIf(plain("budget-rules", StepKind::Info, "initiative.rules_title", "initiative.rules_body"),
                     "help", "money"),
              onlyIf(choice("budget", "initiative.budget_title", "initiative.label_budget", "budget",
                            {{"below-250", "initiative.budget_below_250"},
                             {"250-1000", "initiative.budget_250_1000"},
                             {"1000-2500", "initiative.budget_1000_2500"},
                             {"above-2500", "initiative.budget_above_2500"},
                             {"unknown", "initiative.budget_unknown"}}),
                     "help", "money"),
              choice("when", "initiative.when_title", "initiative.label_when", "when",
                     {{"this-month", "initiative.when_month"},
                      {"1-3-months", "initiative.when_months"},
                      {"later", "initiative.when_later"},
                      {"unknown", "initiative.when_unknown"}}),
              nameStep(),
              contactStep("initiative.contact_title", {},
                          {{"phone", "flow.contact_phone"}, {"email", "flow.contact_email"}}),
              onlyIf(phoneStep(), "contact", "phone"), onlyIf(emailStep(), "contact", "email")}));
    return defs;
}

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
        case EntryKind::Reference:
            break;
    }
    return checkRequiredText(typed, s.maxBytes);
}

bool isAnswerStep(const FlowStep& s) {
    return s.kind == StepKind::Choice || s.kind == StepKind::Contact || s.kind == StepKind::Entry;
}

}  // namespace

const std::vector<FlowDefinition>& requestFlowDefinitions() {
    static const std::vector<FlowDefinition> defs = makeDefinitions();
    return defs;
}

const FlowDefinition* findFlowDefinition(std::string_view id) {
    for (const FlowDefinition& d : requestFlowDefinitions())
        if (d.id == id) return &d;
    return nullptr;
}

// --- the engine

RequestFlow::RequestFlow(RequestFlowSettings settings, const Clock& clock, RandomSource& random,
                         OutboxStore& outbox, ReferenceCodeStore& references, ReceiptQueue* receipts,
                         TopicLookup topics)
    : settings_(std::move(settings)),
      clock_(clock),
      random_(random),
      outbox_(outbox),
      references_(references),
      receipts_(receipts),
      topics_(std::move(topics)) {}

bool RequestFlow::start(std::string_view arg) {
    wipe();
    std::string_view flowId = arg, topicId;
    if (auto slash = arg.find('/'); slash != std::string_view::npos) {
        flowId = arg.substr(0, slash);
        topicId = arg.substr(slash + 1);
    }
    // The start tile "home-help" ("Hulp aan huis") opens the home-visit flow.
    if (flowId == "home-help") flowId = "home-visit";
    const FlowDefinition* def = findFlowDefinition(flowId);
    if (def == nullptr) return false;
    if (!topicId.empty()) {
        std::optional<FlowTopic> t = topics_ ? topics_(topicId) : std::nullopt;
        if (!t) return false;
        topic_ = std::move(t);
    }
    def_ = def;
    arg_ = std::string(arg);
    index_ = 0;
    while (index_ < def_->steps.size() && !shown(def_->steps[index_])) ++index_;
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
    const RequestTypeSpec& spec = specOf(def_->type);
    Request r;
    r.type = def_->type;
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

ReceiptPrintout RequestFlow::makeReceipt(const Texts& texts, const std::string& language,
                                         const Bundle* content) const {
    ReceiptPrintout p;
    if (!active()) return p;
    const std::string kind = receiptKeyPart(def_->id);
    auto tr = [&](const std::string& key) { return texts.get(language, key); };
    p.contactPoint = settings_.contactPointName;
    p.title = tr("receipt.title_" + kind);
    p.referenceLabel = tr("receipt.code_label");
    p.reference = reference_;
    p.lines.push_back(tr("receipt.next_" + kind));
    p.lines.push_back(
        fillIn(tr("receipt.when_" + kind), {{"days", std::to_string(settings_.coachWorkingDays)}}));
    p.lines.push_back(tr("receipt.status_hint"));
    if (content != nullptr) {
        if (const Service* desk = findService(content->services, deskServiceId(content->questions)))
            p.lines.push_back(walkInHoursLine(*desk, texts, language));
    }
    if (!settings_.publicUrl.empty()) {
        std::string base = settings_.publicUrl;
        while (!base.empty() && base.back() == '/') base.pop_back();
        p.qrUrl = fmt::format("{}/status/{}?lang={}", base, reference_, language);
        p.qrCaption = tr("receipt.qr_caption");
    }
    p.printedAtLabel = tr("receipt.printed_at");
    p.printedAt = clock_.now();
    return p;
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
    if (auto err = validateRequest(request)) {
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

ReceiptPrintout RequestFlow::makeAnswerPrintout(const QuestionTopic& topic, const Bundle& content,
                                                const Texts& texts, const std::string& language) const {
    ReceiptPrintout p;
    p.contactPoint = settings_.contactPointName;
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
    p.printedAt = clock_.now();
    return p;
}

bool RequestFlow::printAnswer(const QuestionTopic& topic, const Bundle& content, const Texts& texts,
                              const std::string& language) {
    if (receipts_ == nullptr || answerState_ == PrintState::Printing) return false;
    answerJob_ = receipts_->submitReceipt(makeAnswerPrintout(topic, content, texts, language));
    answerTopic_ = topic.id;
    answerState_ = PrintState::Printing;
    return true;
}

RequestFlow::PrintState RequestFlow::answerPrintState(std::string_view topicId) const {
    return topicId == answerTopic_ ? answerState_ : PrintState::None;
}

bool RequestFlow::collectPrintResults() {
    if (receipts_ == nullptr) return false;
    bool changed = false;
    for (const PrintSpooler::Done& done : receipts_->takeResults()) {
        // A receipt, or a printed answer; anything else belonged to a wiped session.
        for (auto [job, state] : {std::pair{&job_, &printState_}, std::pair{&answerJob_, &answerState_}}) {
            if (*job == 0 || done.job != *job) continue;
            *state = done.outcome == PrintOutcome::Ok ? PrintState::Printed : PrintState::Failed;
            *job = 0;
            changed = true;
        }
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
    submitFailed_ = false;
    printState_ = PrintState::None;
    job_ = 0;
    answerTopic_.clear();
    answerState_ = PrintState::None;
    answerJob_ = 0;
}

std::string_view RequestFlow::holderName() const {
    return "request flow";
}

bool RequestFlow::holdsNothing() const {
    return def_ == nullptr && entries_.empty() && chosen_.empty() && reference_.empty() && job_ == 0 &&
           answerTopic_.empty() && answerJob_ == 0;
}

}  // namespace wp
