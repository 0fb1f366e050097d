#include "common/request_spec.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "common/toml_reader.h"

namespace wp {

namespace fs = std::filesystem;
using toml_reader::TomlReader;

namespace {

constexpr std::pair<FieldKind, std::string_view> kFieldKinds[] = {
    {FieldKind::ShortText, "short-text"}, {FieldKind::Text, "text"}, {FieldKind::Phone, "phone"},
    {FieldKind::Email, "email"},          {FieldKind::Id, "id"},     {FieldKind::Number, "number"},
    {FieldKind::Integer, "integer"},
};

constexpr std::pair<StepKind, std::string_view> kStepKinds[] = {
    {StepKind::Choice, "choice"},   {StepKind::Entry, "entry"}, {StepKind::Contact, "contact"},
    {StepKind::Privacy, "privacy"}, {StepKind::Info, "info"},
};

// The validator (and keyboard) of an entry step, and the most it takes when the spec says nothing.
struct EntryName {
    EntryKind kind;
    std::string_view name;
    std::size_t defaultMaxBytes;
};
constexpr EntryName kEntryKinds[] = {
    {EntryKind::Text, "text", 200},
    {EntryKind::Phone, "phone", 20},
    {EntryKind::Email, "email", 254},
    {EntryKind::Postcode, "postcode", 7},
    {EntryKind::HouseNumber, "house-number", 10},
};

bool isTypeId(std::string_view s) {
    return !s.empty() && s.size() <= 40 && s.front() != '-' && s.back() != '-' &&
           std::all_of(s.begin(), s.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

bool isFieldName(std::string_view s) {
    return !s.empty() && s.size() <= 40 && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

bool isOptionId(std::string_view s) {
    return !s.empty() && s.size() <= 64 && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
               c == '_' || c == '.';
    });
}

template <typename Table>
auto lookup(const Table& table, std::string_view name) -> std::optional<decltype(table[0].first)> {
    for (const auto& [value, n] : table)
        if (n == name) return value;
    return std::nullopt;
}

std::string_view nameOf(const std::pair<FieldKind, std::string_view>& e) {
    return e.second;
}
std::string_view nameOf(const std::pair<StepKind, std::string_view>& e) {
    return e.second;
}
std::string_view nameOf(const EntryName& e) {
    return e.name;
}

template <typename Table>
std::string namesOf(const Table& table) {
    std::string out;
    for (const auto& entry : table) out += (out.empty() ? "" : ", ") + std::string(nameOf(entry));
    return out;
}

class SpecReader {
  public:
    explicit SpecReader(const fs::path& file) : r_(file.string()) {}

    Result<RequestSpec> read() {
        if (!r_.ok()) return r_.status();
        const toml::table& root = r_.root();
        r_.checkKeys(root,
                     {"id", "version", "description", "fallback_team", "at_least_one_of", "title", "privacy",
                      "category_step", "fixed_category", "topic_field", "notes_field", "desk_service",
                      "receipt", "field", "step"},
                     "id, version, description, fallback_team, at_least_one_of, title, privacy, "
                     "category_step, fixed_category, topic_field, notes_field, desk_service, [receipt], "
                     "[[field]] or [[step]]");
        spec_.file = r_.path();
        spec_.id = r_.requireString(root, "id", "the request type, e.g. \"question\"");
        if (!spec_.id.empty() && !isTypeId(spec_.id))
            r_.error(root.get("id"), fmt::format("'{}' must be 1 to 40 of a-z, 0-9 and '-'", spec_.id));
        long long version = r_.requireInt(root, "version", "the spec's version, 1 or more");
        if (root.get("version") && version < 1) r_.error(root.get("version"), "'version' must be 1 or more");
        spec_.version = static_cast<int>(std::clamp<long long>(version, 1, 1'000'000));
        spec_.description = r_.optionalString(root, "description", "", "a sentence for the API contract");
        spec_.fallbackTeam = r_.optionalString(root, "fallback_team", "", "a team");
        if (!spec_.fallbackTeam.empty() && !isTeam(spec_.fallbackTeam))
            r_.error(root.get("fallback_team"),
                     fmt::format("'{}' is no team ({})", spec_.fallbackTeam, teamNames()));
        readFields(root);
        if (const toml::node* n = root.get("at_least_one_of")) {
            const toml::array* a = n->as_array();
            if (a == nullptr) r_.error(n, "'at_least_one_of' must be a list of field names");
            for (size_t i = 0; a != nullptr && i < a->size(); ++i) {
                auto name = a->get(i)->value<std::string>();
                if (!name || spec_.field(*name) == nullptr)
                    r_.error(a->get(i), "each entry of 'at_least_one_of' must name a [[field]] of this type");
                else
                    spec_.atLeastOneOf.push_back(*name);
            }
        }
        if (root.get("step")) readFlow(root);
        if (!r_.ok()) return r_.status();
        return std::move(spec_);
    }

  private:
    static std::string teamNames() {
        std::string out;
        for (auto t : kTeams) out += (out.empty() ? "" : ", ") + std::string(t);
        return out;
    }

    void readFields(const toml::table& root) {
        const toml::array* list = r_.requireArray(root, "field", "[[field]] tables, one per request field");
        if (list == nullptr) return;
        if (list->empty()) r_.error(list, "a request type needs at least one [[field]]");
        for (const toml::node& n : *list) {
            const toml::table* t = n.as_table();
            if (t == nullptr) {
                r_.error(&n, "each field must be a [[field]] table");
                continue;
            }
            r_.checkKeys(*t, {"name", "kind", "required", "personal", "min", "max", "description"},
                         "name, kind, required, personal, min, max or description");
            FieldSpec f;
            f.name = r_.requireString(*t, "name", "the field's name on the wire, e.g. \"phone\"");
            if (!f.name.empty() && !isFieldName(f.name))
                r_.error(t->get("name"), fmt::format("'{}' must be 1 to 40 of a-z, 0-9 and '_'", f.name));
            if (!f.name.empty() && spec_.field(f.name) != nullptr)
                r_.error(t->get("name"), fmt::format("field '{}' appears twice", f.name));
            std::string kind = r_.requireString(*t, "kind", namesOf(kFieldKinds));
            if (auto k = lookup(kFieldKinds, kind))
                f.kind = *k;
            else if (!kind.empty())
                r_.error(t->get("kind"),
                         fmt::format("'{}' is no field kind ({})", kind, namesOf(kFieldKinds)));
            f.required = r_.optionalBool(*t, "required", false, "true or false");
            f.personal = r_.optionalBool(*t, "personal", false, "true or false");
            f.description = r_.optionalString(*t, "description", "", "a sentence for the API contract");
            bool numeric = f.kind == FieldKind::Number || f.kind == FieldKind::Integer;
            if (numeric) {
                f.min = r_.requireNumber(*t, "min", "the smallest value allowed");
                f.max = r_.requireNumber(*t, "max", "the largest value allowed");
                if (f.min > f.max) r_.error(t->get("max"), "'max' must not be below 'min'");
            } else {
                for (const char* key : {"min", "max"})
                    if (t->get(key))
                        r_.error(t->get(key), fmt::format("'{}' is for number and integer fields", key));
            }
            spec_.fields.push_back(std::move(f));
        }
    }

    // A key naming a field of this type; empty when absent.
    std::string fieldKey(const toml::table& t, std::string_view key, std::string_view what) {
        std::string name = r_.optionalString(t, key, "", what);
        if (!name.empty() && spec_.field(name) == nullptr)
            r_.error(t.get(key), fmt::format("'{}' is no [[field]] of this type", name));
        return name;
    }

    void readFlow(const toml::table& root) {
        spec_.titleKey = r_.requireString(root, "title", "the text key of the flow's name");
        spec_.privacyKey = r_.optionalString(root, "privacy", "", "the text key of the privacy sentence");
        spec_.topicField = fieldKey(root, "topic_field", "the field the question tree's topic goes into");
        spec_.notesField = fieldKey(root, "notes_field", "the field that takes answers without a field");
        spec_.fixedCategory = r_.optionalString(root, "fixed_category", "", "a routing category");
        spec_.deskService = r_.optionalString(root, "desk_service", "", "a service id");
        spec_.categoryStep = r_.optionalString(root, "category_step", "", "the id of a choice step");
        if (const toml::table* rt = r_.requireTable(root, "receipt", "a [receipt] table of text keys")) {
            r_.checkKeys(*rt, {"title", "next", "when", "contact_within_working_days"},
                         "title, next, when or contact_within_working_days");
            spec_.receipt.titleKey = r_.requireString(*rt, "title", "the text key of the receipt's title");
            spec_.receipt.nextKey = r_.requireString(*rt, "next", "the text key of what happens next");
            spec_.receipt.whenKey = r_.requireString(*rt, "when", "the text key of when they hear back");
            long long days = r_.optionalInt(*rt, "contact_within_working_days", 0, "working days, 1 to 60");
            if (rt->get("contact_within_working_days") && (days < 1 || days > 60))
                r_.error(rt->get("contact_within_working_days"),
                         "'contact_within_working_days' must be working days, 1 to 60");
            spec_.receipt.contactWithinWorkingDays = static_cast<int>(std::clamp<long long>(days, 0, 60));
        }
        const toml::array* list = root.get("step")->as_array();
        if (list == nullptr) {
            r_.error(root.get("step"), "'step' must be a list of [[step]] tables");
            return;
        }
        const toml::node* firstPersonal = nullptr;
        bool privacySeen = false;
        for (const toml::node& n : *list) {
            const toml::table* t = n.as_table();
            if (t == nullptr) {
                r_.error(&n, "each step must be a [[step]] table");
                continue;
            }
            FlowStep s = readStep(*t);
            if (s.kind == StepKind::Privacy) privacySeen = true;
            if (s.personal && !privacySeen && firstPersonal == nullptr) firstPersonal = t;
            spec_.steps.push_back(std::move(s));
        }
        if (firstPersonal != nullptr)
            r_.error(firstPersonal,
                     "this step asks personal data: a step of kind \"privacy\" must come before it");
        if (privacySeen && spec_.privacyKey.empty())
            r_.error(&r_.root(), "a flow with a privacy step needs 'privacy' (the text key of its sentence)");
        if (!spec_.categoryStep.empty()) {
            auto it = std::find_if(spec_.steps.begin(), spec_.steps.end(),
                                   [&](const FlowStep& s) { return s.id == spec_.categoryStep; });
            if (it == spec_.steps.end() || it->kind != StepKind::Choice)
                r_.error(root.get("category_step"),
                         fmt::format("'{}' is no choice step of this flow", spec_.categoryStep));
        }
        FlowStep summary;
        summary.id = "summary";
        summary.kind = StepKind::Summary;
        summary.titleKey = "flow.summary_title";
        summary.bodyKey = "flow.summary_check";
        spec_.steps.push_back(std::move(summary));
        FlowStep done;
        done.id = "done";
        done.kind = StepKind::Done;
        done.titleKey = spec_.receipt.titleKey;
        spec_.steps.push_back(std::move(done));
    }

    FlowStep readStep(const toml::table& t) {
        r_.checkKeys(
            t,
            {"id", "kind", "title", "body", "label", "options", "several", "entry", "max_bytes", "optional",
             "personal", "field", "only_if", "only_without_topic", "person_name"},
            "id, kind, title, body, label, options, several, entry, max_bytes, person_name, optional, "
            "personal, "
            "field, only_if or only_without_topic");
        FlowStep s;
        s.id = r_.requireString(t, "id", "the step's id, unique in the flow");
        if (!s.id.empty() && !isTypeId(s.id))
            r_.error(t.get("id"), fmt::format("step id '{}' must be 1 to 40 of a-z, 0-9 and '-'", s.id));
        for (const FlowStep& other : spec_.steps)
            if (!s.id.empty() && other.id == s.id)
                r_.error(t.get("id"), fmt::format("step '{}' appears twice", s.id));
        if (s.id == "summary" || s.id == "done")
            r_.error(t.get("id"), "'summary' and 'done' are the steps every flow ends with");
        std::string kind = r_.requireString(t, "kind", namesOf(kStepKinds));
        if (auto k = lookup(kStepKinds, kind))
            s.kind = *k;
        else if (!kind.empty())
            r_.error(t.get("kind"), fmt::format("'{}' is no step kind ({})", kind, namesOf(kStepKinds)));
        s.titleKey = s.kind == StepKind::Privacy
                         ? r_.optionalString(t, "title", "flow.privacy_title", "a text key")
                         : r_.requireString(t, "title", "the text key of the step's one question");
        s.bodyKey =
            r_.optionalString(t, "body", s.kind == StepKind::Privacy ? spec_.privacyKey : "", "a text key");
        if (s.kind == StepKind::Privacy && s.bodyKey.empty()) s.bodyKey = spec_.privacyKey;
        s.labelKey = r_.optionalString(t, "label", "", "the text key of the answer's name on the summary");
        // A field the type does not have goes into the notes field as a "name: value" line.
        s.field = r_.optionalString(t, "field", "", "the request field the answer goes into");
        if (!s.field.empty() && spec_.field(s.field) == nullptr && spec_.notesField.empty())
            r_.error(t.get("field"), fmt::format("'{}' is no [[field]] of this type (and there is no "
                                                 "'notes_field' to take it)",
                                                 s.field));
        if (!s.field.empty() && spec_.field(s.field) != nullptr && spec_.field(s.field)->personal)
            s.personal = true;
        s.personal = r_.optionalBool(t, "personal", s.personal, "true or false");
        s.optional = r_.optionalBool(t, "optional", false, "true or false");
        s.onlyWithoutTopic = r_.optionalBool(t, "only_without_topic", false, "true or false");
        bool choice = s.kind == StepKind::Choice || s.kind == StepKind::Contact;
        if (choice) {
            s.several = r_.optionalBool(t, "several", false, "true or false");
            readOptions(t, s);
        } else {
            for (const char* key : {"options", "several"})
                if (t.get(key))
                    r_.error(t.get(key), fmt::format("'{}' is for choice and contact steps", key));
        }
        if (s.kind == StepKind::Entry) {
            std::string entry =
                r_.optionalString(t, "entry", "text", "the validator: " + namesOf(kEntryKinds));
            const EntryName* e = nullptr;
            for (const EntryName& candidate : kEntryKinds)
                if (candidate.name == entry) e = &candidate;
            if (e == nullptr) {
                r_.error(t.get("entry"),
                         fmt::format("'{}' is no entry kind ({})", entry, namesOf(kEntryKinds)));
            } else {
                s.entry = e->kind;
                s.maxBytes = e->defaultMaxBytes;
            }
            long long maxBytes = r_.optionalInt(t, "max_bytes", static_cast<long long>(s.maxBytes),
                                                "the most bytes the field takes, 1 to 4000");
            if (maxBytes < 1 || maxBytes > 4000)
                r_.error(t.get("max_bytes"), "'max_bytes' must be 1 to 4000");
            else
                s.maxBytes = static_cast<std::size_t>(maxBytes);
            s.personName = r_.optionalBool(t, "person_name", false, "true or false");
            if (s.personName && s.entry != EntryKind::Text)
                r_.error(t.get("person_name"), "'person_name' is for entry steps of entry \"text\"");
        } else {
            for (const char* key : {"entry", "max_bytes", "person_name"})
                if (t.get(key)) r_.error(t.get(key), fmt::format("'{}' is for entry steps", key));
        }
        if (s.kind == StepKind::Entry && s.field.empty())
            r_.error(&t, "an entry step needs a 'field': the request field its answer goes into");
        if (const toml::node* n = t.get("only_if")) {
            const toml::table* c = n->as_table();
            if (c == nullptr) {
                r_.error(n, "'only_if' must be a table like { step = \"contact\", option = \"phone\" }");
            } else {
                r_.checkKeys(*c, {"step", "option"}, "step or option");
                s.onlyIfStep = r_.requireString(*c, "step", "an earlier choice or contact step");
                s.onlyIfOption = r_.requireString(*c, "option", "one of that step's options");
                auto it = std::find_if(spec_.steps.begin(), spec_.steps.end(),
                                       [&](const FlowStep& o) { return o.id == s.onlyIfStep; });
                if (it == spec_.steps.end() ||
                    (it->kind != StepKind::Choice && it->kind != StepKind::Contact))
                    r_.error(c->get("step"),
                             fmt::format("'{}' is no earlier choice or contact step", s.onlyIfStep));
                else if (std::none_of(it->options.begin(), it->options.end(),
                                      [&](const FlowOption& o) { return o.id == s.onlyIfOption; }))
                    r_.error(c->get("option"),
                             fmt::format("step '{}' has no option '{}'", s.onlyIfStep, s.onlyIfOption));
            }
        }
        return s;
    }

    void readOptions(const toml::table& t, FlowStep& s) {
        const toml::array* list = r_.requireArray(t, "options", "a list of { id = \"...\", text = \"...\" }");
        if (list == nullptr) return;
        if (list->empty()) r_.error(list, "a choice needs at least one option");
        for (const toml::node& n : *list) {
            const toml::table* o = n.as_table();
            if (o == nullptr) {
                r_.error(
                    &n,
                    "each option must be a table like { id = \"morning\", text = \"flow.time_morning\" }");
                continue;
            }
            r_.checkKeys(*o, {"id", "text"}, "id or text");
            FlowOption option{r_.requireString(*o, "id", "the option's id, sent to the central server"),
                              r_.requireString(*o, "text", "the text key of what the resident reads")};
            if (!option.id.empty() && !isOptionId(option.id))
                r_.error(o->get("id"), fmt::format("option id '{}' must be 1 to 64 letters, digits, '-', "
                                                   "'_' or '.'",
                                                   option.id));
            for (const FlowOption& other : s.options)
                if (other.id == option.id)
                    r_.error(o->get("id"), fmt::format("option '{}' appears twice", option.id));
            s.options.push_back(std::move(option));
        }
    }

    TomlReader r_;
    RequestSpec spec_;
};

}  // namespace

bool isTeam(std::string_view s) {
    return std::find(std::begin(kTeams), std::end(kTeams), s) != std::end(kTeams);
}

std::string_view toString(FieldKind k) {
    for (const auto& [kind, name] : kFieldKinds)
        if (kind == k) return name;
    return "?";
}

bool isAnswerStep(const FlowStep& s) {
    return s.kind == StepKind::Choice || s.kind == StepKind::Contact || s.kind == StepKind::Entry;
}

const FieldSpec* RequestSpec::field(std::string_view name) const {
    for (const auto& f : fields)
        if (f.name == name) return &f;
    return nullptr;
}

std::vector<std::pair<std::string, std::string>> RequestSpec::textKeys() const {
    std::vector<std::pair<std::string, std::string>> keys;
    auto add = [&](const std::string& key, const std::string& step) {
        if (!key.empty()) keys.emplace_back(key, step);
    };
    if (!hasFlow()) return keys;
    for (const std::string* k :
         {&titleKey, &privacyKey, &receipt.titleKey, &receipt.nextKey, &receipt.whenKey})
        add(*k, "");
    for (const FlowStep& s : steps) {
        for (const std::string* k : {&s.titleKey, &s.bodyKey, &s.labelKey}) add(*k, s.id);
        for (const FlowOption& o : s.options) add(o.textKey, s.id);
    }
    return keys;
}

bool RequestSpecs::add(RequestSpec spec) {
    if (find(spec.id, spec.version) != nullptr) return false;
    specs_.push_back(std::move(spec));
    std::sort(specs_.begin(), specs_.end(), [](const RequestSpec& a, const RequestSpec& b) {
        return a.id != b.id ? a.id < b.id : a.version < b.version;
    });
    return true;
}

const RequestSpec* RequestSpecs::find(std::string_view type, int version) const {
    for (const RequestSpec& s : specs_)
        if (s.id == type && s.version == version) return &s;
    return nullptr;
}

const RequestSpec* RequestSpecs::latest(std::string_view type) const {
    const RequestSpec* best = nullptr;
    for (const RequestSpec& s : specs_)
        if (s.id == type && (best == nullptr || s.version > best->version)) best = &s;
    return best;
}

std::vector<const RequestSpec*> RequestSpecs::latestOfEach() const {
    std::vector<const RequestSpec*> out;
    for (const std::string& type : typeNames()) out.push_back(latest(type));
    return out;
}

std::vector<std::string> RequestSpecs::typeNames() const {
    std::vector<std::string> out;
    for (const RequestSpec& s : specs_)
        if (out.empty() || out.back() != s.id) out.push_back(s.id);
    return out;
}

Result<RequestSpec> loadRequestSpec(const fs::path& file) {
    if (!fs::exists(file))
        return Status::notFound(fmt::format("{}: file not found (expected a request spec)", file.string()));
    return SpecReader(file).read();
}

Result<RequestSpecs> loadRequestSpecs(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return Status::notFound(fmt::format(
            "{}: folder not found (expected the request specs, one .toml per type)", dir.string()));
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.path().extension() == ".toml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    if (files.empty())
        return Status::notFound(fmt::format("{}: no request specs (*.toml) in this folder", dir.string()));
    RequestSpecs specs;
    std::vector<std::string> errors;
    std::map<std::pair<std::string, int>, std::string> seen;
    for (const fs::path& f : files) {
        auto spec = loadRequestSpec(f);
        if (!spec) {
            errors.push_back(spec.status().message());
            continue;
        }
        auto key = std::make_pair(spec->id, spec->version);
        if (auto it = seen.find(key); it != seen.end()) {
            errors.push_back(fmt::format("{}:1:1: version {} of '{}' is also in {}", f.string(),
                                         spec->version, spec->id, it->second));
            continue;
        }
        seen.emplace(key, f.string());
        specs.add(std::move(spec).value());
    }
    if (!errors.empty()) {
        std::string all;
        for (auto& e : errors) all += (all.empty() ? "" : "\n") + e;
        return Status::invalidInput(all);
    }
    return specs;
}

}  // namespace wp
