#include "common/request.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "common/bundle.h"
#include "common/json_input.h"
#include "common/reference_code.h"

namespace wp {

using nlohmann::json;
using namespace json_input;

// --- field values

namespace {

bool isIdChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
}

// Checks a text value of the given kind; the error names `path`.
std::optional<ApiError> checkText(const FieldSpec& spec, const std::string& path, std::string_view v) {
    auto tooLong = [&](size_t max) {
        return ApiError{400, std::string(error_code::kTooLong),
                        fmt::format("'{}' is longer than {} bytes", path, max), path};
    };
    switch (spec.kind) {
        case FieldKind::ShortText:
            if (v.size() > 200) return tooLong(200);
            if (v.empty()) return invalid(path, fmt::format("'{}' must not be empty", path));
            if (hasControlChars(v, false)) return invalid(path, fmt::format("'{}' must be one line", path));
            return std::nullopt;
        case FieldKind::Text:
            if (v.size() > 4000) return tooLong(4000);
            if (v.empty()) return invalid(path, fmt::format("'{}' must not be empty", path));
            if (hasControlChars(v, true))
                return invalid(path, fmt::format("'{}' holds control characters", path));
            return std::nullopt;
        case FieldKind::Phone:
            return checkPhone(path, v);
        case FieldKind::Email:
            return checkEmail(path, v);
        case FieldKind::Id:
            if (v.empty() || v.size() > 64 || !std::all_of(v.begin(), v.end(), isIdChar))
                return invalid(path,
                               fmt::format("'{}' must be 1 to 64 letters, digits, '-', '_' or '.'", path));
            return std::nullopt;
        case FieldKind::Number:
        case FieldKind::Integer:
            break;
    }
    return std::nullopt;
}

std::string numberText(double v, bool integer) {
    if (integer) return fmt::format("{}", static_cast<long long>(v));
    return fmt::format("{}", v);  // shortest round-trip form
}

std::optional<ApiError> checkNumber(const FieldSpec& spec, const std::string& path, double v) {
    if (!std::isfinite(v) || v < spec.min || v > spec.max)
        return invalid(path, fmt::format("'{}' must be between {} and {}", path, spec.min, spec.max));
    return std::nullopt;
}

bool isCategory(std::string_view s) {
    return !s.empty() && s.size() <= 64 && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

bool isLanguage(std::string_view s) {
    return s.size() >= 2 && s.size() <= 8 &&
           std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; });
}

bool isKioskCode(std::string_view s) {
    return s.size() == 2 && std::all_of(s.begin(), s.end(), [](char c) {
               return kCodeAlphabet.find(c) != std::string_view::npos;
           });
}

// Reads a required string member; error when missing or no string.
std::optional<ApiError> requireString(const json& obj, const char* key, const std::string& path,
                                      std::string& out) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return missing(path);
    if (!it->is_string()) return wrongType(path, "a string");
    out = it->get<std::string>();
    return std::nullopt;
}

std::optional<ApiError> optionalString(const json& obj, const char* key, const std::string& path,
                                       std::string& out) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) return wrongType(path, "a string");
    out = it->get<std::string>();
    return std::nullopt;
}

// Checks the common members that do not depend on JSON (shared by decode and validateRequest).
std::optional<ApiError> checkEnvelope(const Request& r) {
    if (!normalizeUuid(r.uuid)) return invalid("uuid", "'uuid' must be a UUID (8-4-4-4-12 hex digits)");
    auto parts = parseReferenceCode(r.reference);
    if (!parts)
        return invalid("reference", "'reference' is no reference code or its check character is wrong");
    if (!isKioskCode(r.kioskCode))
        return invalid("kiosk", "'kiosk' must be two characters of the code alphabet");
    if (parts->kiosk != r.kioskCode)
        return invalid("reference", "'reference' was not made by the kiosk named in 'kiosk'");
    if (!r.language.empty() && !isLanguage(r.language))
        return invalid("language", "'language' must be a language code like \"nl\"");
    if (!r.category.empty() && !isCategory(r.category))
        return invalid("category", "'category' must be 1 to 64 of a-z, 0-9, '-' and '_'");
    return std::nullopt;
}

}  // namespace

// --- requests

std::string encodeRequest(const Request& r, const RequestSpecs& specs) {
    const RequestSpec* spec = specs.find(r.type, r.specVersion);
    json fields = json::object();
    for (const auto& [name, value] : r.fields) {
        const FieldSpec* f = spec != nullptr ? spec->field(name) : nullptr;
        if (spec != nullptr && f == nullptr) continue;
        if (f == nullptr)
            fields[name] = value;
        else if (f->kind == FieldKind::Integer)
            fields[name] = std::strtoll(value.c_str(), nullptr, 10);
        else if (f->kind == FieldKind::Number)
            fields[name] = std::strtod(value.c_str(), nullptr);
        else
            fields[name] = value;
    }
    json j = {{"uuid", r.uuid},
              {"type", r.type},
              {"spec_version", r.specVersion},
              {"reference", r.reference},
              {"kiosk", r.kioskCode},
              {"created_at", formatRfc3339(r.createdAt)},
              {"fields", std::move(fields)}};
    if (!r.language.empty()) j["language"] = r.language;
    if (!r.category.empty()) j["category"] = r.category;
    return j.dump();
}

Parsed<Request> decodeRequest(std::string_view text, const RequestSpecs& specs) {
    auto parsed = parseObject(text);
    if (!parsed) return parsed.error();
    const json& j = parsed.value();
    Request r;

    std::string createdAt;
    if (auto e = requireString(j, "uuid", "uuid", r.uuid)) return *e;
    if (auto e = requireString(j, "type", "type", r.type)) return *e;
    if (specs.latest(r.type) == nullptr)
        return invalid("type", fmt::format("'type' \"{}\" is no request type", r.type.substr(0, 40)));
    if (auto it = j.find("spec_version"); it != j.end() && !it->is_null()) {
        if (!it->is_number_integer()) return wrongType("spec_version", "an integer");
        std::int64_t v = it->get<std::int64_t>();
        if (v < 1 || v > 1'000'000) return invalid("spec_version", "'spec_version' must be 1 or more");
        r.specVersion = static_cast<int>(v);
    }
    const RequestSpec* found = specs.find(r.type, r.specVersion);
    if (found == nullptr)
        return ApiError{503, std::string(error_code::kUnavailable),
                        fmt::format("version {} of request type '{}' is not in this server's request specs; "
                                    "the request is kept and sent again",
                                    r.specVersion, r.type),
                        "spec_version"};
    const RequestSpec& spec = *found;
    if (auto e = requireString(j, "reference", "reference", r.reference)) return *e;
    if (auto e = requireString(j, "kiosk", "kiosk", r.kioskCode)) return *e;
    if (auto e = requireString(j, "created_at", "created_at", createdAt)) return *e;
    auto created = parseRfc3339(createdAt);
    if (!created)
        return invalid("created_at", "'created_at' must be an RFC 3339 time like 2026-11-26T09:30:00Z");
    r.createdAt = fromUnixMillis(toUnixMillis(*created));
    if (auto e = optionalString(j, "language", "language", r.language)) return *e;
    if (auto e = optionalString(j, "category", "category", r.category)) return *e;
    if (auto e = checkEnvelope(r)) return *e;
    r.uuid = *normalizeUuid(r.uuid);

    auto fieldsIt = j.find("fields");
    if (fieldsIt == j.end() || fieldsIt->is_null()) return missing("fields");
    if (!fieldsIt->is_object()) return wrongType("fields", "an object");
    for (const FieldSpec& f : spec.fields) {
        std::string path = join("fields", f.name);
        auto it = fieldsIt->find(std::string(f.name));
        if (it == fieldsIt->end() || it->is_null()) {
            if (f.required) return missing(path);
            continue;
        }
        if (f.kind == FieldKind::Number) {
            if (!it->is_number()) return wrongType(path, "a number");
            double v = it->get<double>();
            if (auto e = checkNumber(f, path, v)) return *e;
            r.fields[std::string(f.name)] = numberText(v, false);
        } else if (f.kind == FieldKind::Integer) {
            if (!it->is_number_integer()) return wrongType(path, "an integer");
            auto v = static_cast<double>(it->get<std::int64_t>());
            if (auto e = checkNumber(f, path, v)) return *e;
            r.fields[std::string(f.name)] = numberText(v, true);
        } else {
            if (!it->is_string()) return wrongType(path, "a string");
            std::string v = it->get<std::string>();
            if (auto e = checkText(f, path, v)) return *e;
            r.fields[std::string(f.name)] = std::move(v);
        }
    }
    if (!spec.atLeastOneOf.empty()) {
        bool any = std::any_of(spec.atLeastOneOf.begin(), spec.atLeastOneOf.end(),
                               [&](std::string_view n) { return r.fields.count(std::string(n)) > 0; });
        if (!any) {
            std::string path = join("fields", spec.atLeastOneOf.front());
            return ApiError{400, std::string(error_code::kMissingField),
                            fmt::format("a {} needs at least one of 'fields.{}'", r.type,
                                        fmt::join(spec.atLeastOneOf, "', 'fields.")),
                            path};
        }
    }
    return r;
}

std::optional<ApiError> validateRequest(const Request& r, const RequestSpecs& specs) {
    if (auto e = checkEnvelope(r)) return e;
    if (specs.latest(r.type) == nullptr)
        return invalid("type", fmt::format("'type' \"{}\" is no request type", r.type.substr(0, 40)));
    const RequestSpec* found = specs.find(r.type, r.specVersion);
    if (found == nullptr)
        return invalid("spec_version",
                       fmt::format("version {} of request type '{}' is unknown", r.specVersion, r.type));
    const RequestSpec& spec = *found;
    for (const auto& [name, value] : r.fields)
        if (spec.field(name) == nullptr)
            return invalid(join("fields", name), fmt::format("a {} has no field '{}'", r.type, name));
    for (const FieldSpec& f : spec.fields) {
        std::string path = join("fields", f.name);
        auto it = r.fields.find(std::string(f.name));
        if (it == r.fields.end()) {
            if (f.required) return missing(path);
            continue;
        }
        if (f.kind == FieldKind::Number || f.kind == FieldKind::Integer) {
            char* end = nullptr;
            double v = std::strtod(it->second.c_str(), &end);
            if (it->second.empty() || *end != '\0') return wrongType(path, "a number");
            if (f.kind == FieldKind::Integer && v != std::floor(v)) return wrongType(path, "an integer");
            if (auto e = checkNumber(f, path, v)) return e;
        } else if (auto e = checkText(f, path, it->second)) {
            return e;
        }
    }
    if (!spec.atLeastOneOf.empty() &&
        std::none_of(spec.atLeastOneOf.begin(), spec.atLeastOneOf.end(),
                     [&](std::string_view n) { return r.fields.count(std::string(n)) > 0; }))
        return missing(join("fields", spec.atLeastOneOf.front()));
    return std::nullopt;
}

Request withoutPersonalFields(const Request& r, const RequestSpecs& specs) {
    Request out = r;
    const RequestSpec* spec = specs.find(r.type, r.specVersion);
    for (auto it = out.fields.begin(); it != out.fields.end();) {
        const FieldSpec* f = spec != nullptr ? spec->field(it->first) : nullptr;
        if (f == nullptr || f->personal)
            it = out.fields.erase(it);
        else
            ++it;
    }
    return out;
}

// --- statuses and answers

namespace {
constexpr std::pair<RequestStatus, std::string_view> kStatusNames[] = {
    {RequestStatus::Received, "received"},
    {RequestStatus::InProgress, "in-progress"},
    {RequestStatus::Answered, "answered"},
    {RequestStatus::Closed, "closed"},
};
}  // namespace

std::string_view toString(RequestStatus s) {
    for (const auto& [v, n] : kStatusNames)
        if (v == s) return n;
    return "?";
}

std::optional<RequestStatus> requestStatusFromString(std::string_view s) {
    for (const auto& [v, n] : kStatusNames)
        if (n == s) return v;
    return std::nullopt;
}

std::string encodeIntakeAnswer(const IntakeAnswer& a) {
    return json{{"reference", a.reference}, {"status", toString(a.status)}}.dump();
}

Parsed<IntakeAnswer> decodeIntakeAnswer(std::string_view text) {
    auto parsed = parseObject(text);
    if (!parsed) return parsed.error();
    IntakeAnswer a;
    std::string status;
    if (auto e = requireString(parsed.value(), "reference", "reference", a.reference)) return *e;
    if (auto e = requireString(parsed.value(), "status", "status", status)) return *e;
    auto s = requestStatusFromString(status);
    if (!s) return invalid("status", "'status' is no request status");
    a.status = *s;
    return a;
}

std::string encodeStatusView(const RequestStatusView& v) {
    return json{{"reference", v.reference},
                {"status", toString(v.status)},
                {"public_note", v.publicNote},
                {"updated_at", formatRfc3339(v.updatedAt)},
                {"coach", v.coach}}
        .dump();
}

Parsed<RequestStatusView> decodeStatusView(std::string_view text) {
    auto parsed = parseObject(text);
    if (!parsed) return parsed.error();
    const json& j = parsed.value();
    RequestStatusView v;
    std::string status, updated;
    if (auto e = requireString(j, "reference", "reference", v.reference)) return *e;
    if (auto e = requireString(j, "status", "status", status)) return *e;
    if (auto e = optionalString(j, "public_note", "public_note", v.publicNote)) return *e;
    if (auto e = requireString(j, "updated_at", "updated_at", updated)) return *e;
    if (auto e = optionalString(j, "coach", "coach", v.coach)) return *e;
    auto s = requestStatusFromString(status);
    if (!s) return invalid("status", "'status' is no request status");
    auto t = parseRfc3339(updated);
    if (!t) return invalid("updated_at", "'updated_at' must be an RFC 3339 time");
    v.status = *s;
    v.updatedAt = *t;
    return v;
}

// --- queue statistics

std::string encodeQueueStatBatch(const QueueStatBatch& b) {
    json events = json::array();
    for (const auto& e : b.events) {
        json je = {{"seq", e.seq}, {"kind", e.kind},     {"service", e.service},
                   {"day", e.day}, {"number", e.number}, {"at", formatRfc3339(e.at)}};
        if (!e.counter.empty()) je["counter"] = e.counter;
        if (!e.ticket.empty()) je["ticket"] = e.ticket;
        events.push_back(std::move(je));
    }
    return json{{"kiosk", b.kioskCode}, {"events", std::move(events)}}.dump();
}

Parsed<QueueStatBatch> decodeQueueStatBatch(std::string_view text) {
    auto parsed = parseObject(text);
    if (!parsed) return parsed.error();
    const json& j = parsed.value();
    QueueStatBatch b;
    if (auto e = requireString(j, "kiosk", "kiosk", b.kioskCode)) return *e;
    if (!isKioskCode(b.kioskCode))
        return invalid("kiosk", "'kiosk' must be two characters of the code alphabet");
    auto it = j.find("events");
    if (it == j.end() || it->is_null()) return missing("events");
    if (!it->is_array()) return wrongType("events", "an array");
    if (it->size() > 1000)
        return ApiError{400, std::string(error_code::kTooLong), "at most 1000 events", "events"};
    for (size_t i = 0; i < it->size(); ++i) {
        const json& je = (*it)[i];
        std::string base = fmt::format("events[{}]", i);
        if (!je.is_object()) return wrongType(base, "an object");
        QueueStatEvent e;
        auto intMember = [&](const char* key, std::int64_t& out) -> std::optional<ApiError> {
            auto m = je.find(key);
            std::string path = join(base, key);
            if (m == je.end() || m->is_null()) return missing(path);
            if (!m->is_number_integer()) return wrongType(path, "an integer");
            out = m->get<std::int64_t>();
            if (out < 0) return invalid(path, fmt::format("'{}' must not be negative", path));
            return std::nullopt;
        };
        auto idMember = [&](const char* key, std::string& out, bool required) -> std::optional<ApiError> {
            std::string path = join(base, key);
            auto err = required ? requireString(je, key, path, out) : optionalString(je, key, path, out);
            if (err) return err;
            if ((required || !out.empty()) && (out.size() > 64 || hasControlChars(out, false) || out.empty()))
                return invalid(path, fmt::format("'{}' must be 1 to 64 characters on one line", path));
            return std::nullopt;
        };
        std::string at;
        if (auto err = intMember("seq", e.seq)) return *err;
        if (auto err = idMember("kind", e.kind, true)) return *err;
        if (auto err = idMember("service", e.service, true)) return *err;
        if (auto err = idMember("day", e.day, true)) return *err;
        if (auto err = intMember("number", e.number)) return *err;
        if (auto err = idMember("counter", e.counter, false)) return *err;
        if (auto err = idMember("ticket", e.ticket, false)) return *err;
        if (auto err = requireString(je, "at", join(base, "at"), at)) return *err;
        auto t = parseRfc3339(at);
        if (!t) return invalid(join(base, "at"), fmt::format("'{}.at' must be an RFC 3339 time", base));
        e.at = *t;
        b.events.push_back(std::move(e));
    }
    return b;
}

}  // namespace wp
