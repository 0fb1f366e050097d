// RequestSpec: one request type as content (content/requests/<type>.toml). The spec is the one source of
// what a type is: its fields on the wire (kind, required, personal, limits), the kiosk flow that asks for
// them (steps, the validator of every entry, the privacy sentence, the receipt's texts) and the team that
// gets it when no routing rule of the central server matches. The kiosk's flow engine
// (kiosk/core/request_flow.h), request validation (common/request.h) and the central server all read it,
// and the per-type schemas of central/openapi.yaml are generated from it.
//
// Specs are versioned: every request names the version it was made under. A kiosk runs the highest version
// of each type in its bundle; the central server keeps every version in its spec folder, so a kiosk on an
// older bundle is never refused. A type without steps has no kiosk flow (phones and the back office make
// it). The loader returns the whole, checked set or one Status listing every problem as
// "file:line:col: what was expected"; checks that need the rest of the bundle (text keys in every language,
// the desk's service) are done by loadBundle. Plain data; safe to read from any thread once loaded.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/entry_kind.h"
#include "common/status.h"

namespace wp {

// The teams that handle requests at the central server (DESIGN.md: team).
inline constexpr std::string_view kTeams[] = {"huurloket", "wijkteam", "gemeente", "initiatief",
                                              "wijkmanager"};
bool isTeam(std::string_view s);

// --- fields on the wire

enum class FieldKind {
    ShortText,  // one line, at most 200 bytes                   "short-text"
    Text,       // free text, at most 4000 bytes                  "text"
    Phone,      // 6..20 of digits, spaces, + - ( )               "phone"
    Email,      // local@domain, at most 254 bytes                "email"
    Id,         // 1..64 of letters, digits, - _ .                "id"
    Number,     // a JSON number within [min, max]                "number"
    Integer,    // a JSON integer within [min, max]               "integer"
};
std::string_view toString(FieldKind k);

struct FieldSpec {
    std::string name;  // "phone": lower-case letters, digits and '_'
    FieldKind kind = FieldKind::ShortText;
    bool required = false;
    // Wiped at the kiosk once delivered and at the central server after the retention period.
    bool personal = false;
    double min = 0, max = 0;  // Number and Integer only
    std::string description;  // for the API contract (English); may be empty
};

// --- the kiosk flow

enum class StepKind {
    Choice,   // pick one option, or several                                  "choice"
    Entry,    // type a value on the on-screen keyboard                         "entry"
    Contact,  // how to be reached: a choice whose options decide later steps   "contact"
    Privacy,  // the spec's privacy sentence: what the data is for, how long    "privacy"
    Info,     // a text to read (the neighbourhood budget rules)                "info"
    Summary,  // every answer, each with "change"; "send" submits                (added by the loader)
    Done,     // the reference code, and whether the receipt printed             (added by the loader)
};

struct FlowOption {
    std::string id;       // sent to the central server ("morning")
    std::string textKey;  // what the resident reads ("flow.time_morning")
};

struct FlowStep {
    std::string id;  // unique in the flow: "phone"
    StepKind kind = StepKind::Choice;
    std::string titleKey;  // the one question of the screen
    std::string bodyKey;   // an explanation under it; may be empty
    std::string labelKey;  // the answer's name on the summary ("Telefoon"); empty: not on the summary
    // Choice and Contact.
    std::vector<FlowOption> options;
    bool several = false;
    // Entry: the keyboard and the validator of the typed value.
    EntryKind entry = EntryKind::Text;
    std::size_t maxBytes = 200;
    // Entry "text": the answer is a person's name, capitalised sensibly (checkName in form_validation).
    bool personName = false;
    // Choice: nothing chosen is fine; Entry: may stay empty.
    bool optional = false;
    // Asks personal data (a privacy step must come before it).
    bool personal = false;
    // The request field the answer goes into; empty: none. Several steps may fill one field (postcode and
    // house number make the address): their values are joined with a space, in step order.
    std::string field;
    // Shown only when the earlier choice step onlyIfStep has onlyIfOption chosen.
    std::string onlyIfStep, onlyIfOption;
    // Shown only when the flow was opened without a topic (the choose-a-subject step).
    bool onlyWithoutTopic = false;
};

// Whether the resident answers the step (Choice, Contact, Entry).
bool isAnswerStep(const FlowStep& s);

// The receipt printed once the request is in the outbox; each a text key.
struct ReceiptTexts {
    std::string titleKey;  // also the done screen's title
    std::string nextKey;   // the next step: what happens now
    std::string whenKey;   // when the resident hears back; "{days}" is the initiative coaches' promise
    // The promise the when text makes, in working days (Mon-Fri, Europe/Amsterdam) after the day the request
    // arrived; 0: the text names no number (the back office uses its default). The back office marks a
    // request that nobody answered within it as overdue.
    int contactWithinWorkingDays = 0;
};

struct RequestSpec {
    std::string id;  // the request type: "question", "home-visit"
    int version = 1;
    std::string file;         // where it was loaded from
    std::string description;  // for the API contract (English)
    std::vector<FieldSpec> fields;
    // At least one of these must be present (question: topic and/or text); empty when no such rule.
    std::vector<std::string> atLeastOneOf;
    // The team used only when no routing rule of the central server matches; empty: the server's
    // [routing] default_team, and the request is flagged for someone to look at the routing.
    std::string fallbackTeam;

    // The kiosk flow; no steps: none.
    std::string titleKey;    // the flow's name over every step
    std::string privacyKey;  // the sentence of its privacy step
    // Where the request's category comes from: the topic (question tree), or this choice step's option,
    // or else fixedCategory (may be empty).
    std::string categoryStep;
    std::string fixedCategory;
    // The field the topic id goes into when the flow was opened with one ("topic"); empty: none.
    std::string topicField;
    // Answers whose field the type does not have are added to this field as "name: value" lines.
    std::string notesField;
    // The service whose walk-in hours the receipt names; empty: the topic's (or, without a topic, that of the
    // question tree's first topic in the chosen category).
    std::string deskService;
    ReceiptTexts receipt;
    std::vector<FlowStep> steps;  // the last two are Summary and Done when there is a flow

    const FieldSpec* field(std::string_view name) const;
    bool hasFlow() const { return !steps.empty(); }
    // Every text key the spec names, with the step (or "" for the spec itself) that names it.
    std::vector<std::pair<std::string, std::string>> textKeys() const;
};

// Every spec of a folder: one or more versions of each type.
class RequestSpecs {
  public:
    // False when (id, version) is already there.
    bool add(RequestSpec spec);

    const RequestSpec* find(std::string_view type, int version) const;
    // The highest version of the type; null when unknown.
    const RequestSpec* latest(std::string_view type) const;
    // The highest version of each type, by type name.
    std::vector<const RequestSpec*> latestOfEach() const;
    // Every type name, sorted.
    std::vector<std::string> typeNames() const;
    const std::vector<RequestSpec>& all() const { return specs_; }
    bool empty() const { return specs_.empty(); }

  private:
    std::vector<RequestSpec> specs_;
};

// One spec file.
Result<RequestSpec> loadRequestSpec(const std::filesystem::path& file);
// Every *.toml of the folder (content/requests); an empty or missing folder is an error.
Result<RequestSpecs> loadRequestSpecs(const std::filesystem::path& dir);

}  // namespace wp
