#include "common/json_input.h"

#include <fmt/format.h>

#include <algorithm>

namespace wp::json_input {

using nlohmann::json;

namespace {

// U+FFFF, a noncharacter no kiosk sends: stands in for each bad byte so the parser can still place it.
constexpr std::string_view kMarker = "\xEF\xBF\xBF";

std::string replaceBadBytes(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 16);
    size_t i = 0;
    while (i < s.size()) {
        // Take the longest valid sequence at i (1..4 bytes); a byte that starts none becomes the marker.
        bool taken = false;
        for (size_t len = 1; len <= 4 && i + len <= s.size(); ++len) {
            if (isValidUtf8(s.substr(i, len))) {
                out.append(s.substr(i, len));
                i += len;
                taken = true;
                break;
            }
        }
        if (!taken) {
            out.append(kMarker);
            ++i;
        }
    }
    return out;
}

bool findMarker(const json& j, const std::string& path, std::string& found, int depth = 0) {
    if (depth > 64) return false;  // deeper than any body we take; keeps the stack small
    if (j.is_string()) {
        if (j.get_ref<const std::string&>().find(kMarker) != std::string::npos) {
            found = path;
            return true;
        }
    } else if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it) {
            std::string p = join(path, it.key());
            if (it.key().find(kMarker) != std::string::npos) {
                found = p;
                return true;
            }
            if (findMarker(it.value(), p, found, depth + 1)) return true;
        }
    } else if (j.is_array()) {
        for (size_t i = 0; i < j.size(); ++i)
            if (findMarker(j[i], fmt::format("{}[{}]", path, i), found, depth + 1)) return true;
    }
    return false;
}

}  // namespace

std::string join(const std::string& parent, std::string_view name) {
    return parent.empty() ? std::string(name) : parent + "." + std::string(name);
}

ApiError missing(const std::string& field) {
    return {400, std::string(error_code::kMissingField), fmt::format("'{}' is required", field), field};
}

ApiError wrongType(const std::string& field, std::string_view expected) {
    return {400, std::string(error_code::kWrongType), fmt::format("'{}' must be {}", field, expected), field};
}

ApiError invalid(const std::string& field, const std::string& message) {
    return {400, std::string(error_code::kInvalidValue), message, field};
}

Parsed<json> parseObject(std::string_view text) {
    if (!isValidUtf8(text)) {
        std::string field;
        try {
            json j = json::parse(replaceBadBytes(text));
            findMarker(j, "", field);
        } catch (const json::exception&) {
            // Malformed as well: the UTF-8 error is still the one to report, without a field.
        }
        return ApiError{
            400, std::string(error_code::kBadUtf8),
            field.empty() ? "the body is not valid UTF-8" : fmt::format("'{}' is not valid UTF-8", field),
            field};
    }
    json j;
    try {
        j = json::parse(text);
    } catch (const json::parse_error& e) {
        return ApiError{400, std::string(error_code::kMalformedJson),
                        fmt::format("the body is no valid JSON (at byte {})", e.byte), ""};
    } catch (const json::exception&) {
        return ApiError{400, std::string(error_code::kMalformedJson), "the body is no valid JSON", ""};
    }
    if (!j.is_object()) return wrongType("", "a JSON object");
    return j;
}

bool hasControlChars(std::string_view s, bool allowNewlines) {
    return std::any_of(s.begin(), s.end(), [&](char c) {
        auto u = static_cast<unsigned char>(c);
        if (allowNewlines && (c == '\n' || c == '\t' || c == '\r')) return false;
        return u < 0x20 || u == 0x7f;
    });
}

std::optional<ApiError> checkPhone(const std::string& path, std::string_view v) {
    int digitCount = 0;
    bool ok = v.size() >= 6 && v.size() <= 20;
    for (char c : v) {
        if (c >= '0' && c <= '9')
            ++digitCount;
        else if (c != ' ' && c != '+' && c != '-' && c != '(' && c != ')')
            ok = false;
    }
    if (!ok || digitCount < 6) return invalid(path, fmt::format("'{}' must be a phone number", path));
    return std::nullopt;
}

std::optional<ApiError> checkEmail(const std::string& path, std::string_view v) {
    auto at = v.find('@');
    bool ok = v.size() <= 254 && at != std::string_view::npos && at > 0 && at + 1 < v.size() &&
              v.find('@', at + 1) == std::string_view::npos && !hasControlChars(v) &&
              v.find(' ') == std::string_view::npos && v.find('.', at) != std::string_view::npos;
    if (!ok) return invalid(path, fmt::format("'{}' must be an e-mail address", path));
    return std::nullopt;
}

}  // namespace wp::json_input
