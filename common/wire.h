// Wire basics shared by the kiosk, the central server and wijkpuntctl: the JSON error body, the result of
// decoding outside input, RFC 3339 times and UUIDs (DESIGN.md: Central server).
//
// Every 4xx of the central server carries {"error": {"code", "message", "field"}}: code is a stable word a
// program may switch on (below), message is English for people, field names what was wrong as a path into
// the body ("fields.phone", "events[2].kind"), empty when it is the body as a whole.
// JSON types never appear in these headers (nlohmann-json stays in the .cpp files). Pure, thread-safe.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "common/clock.h"

namespace wp {

// The error codes of the API.
namespace error_code {
inline constexpr std::string_view kMalformedJson = "malformed_json";
inline constexpr std::string_view kBadUtf8 = "bad_utf8";
inline constexpr std::string_view kMissingField = "missing_field";
inline constexpr std::string_view kWrongType = "wrong_type";
inline constexpr std::string_view kInvalidValue = "invalid_value";
inline constexpr std::string_view kTooLong = "too_long";
inline constexpr std::string_view kBodyTooLarge = "body_too_large";
inline constexpr std::string_view kNotFound = "not_found";
inline constexpr std::string_view kConflict = "conflict";
inline constexpr std::string_view kUnauthorized = "unauthorized";
inline constexpr std::string_view kForbidden = "forbidden";
inline constexpr std::string_view kRateLimited = "rate_limited";
inline constexpr std::string_view kUnavailable = "unavailable";
inline constexpr std::string_view kInternal = "internal";
}  // namespace error_code

struct ApiError {
    int httpStatus = 400;  // not on the wire: the status line carries it
    std::string code;
    std::string message;
    std::string field;
    bool operator==(const ApiError&) const = default;
};

// {"error": {"code": ..., "message": ..., "field": ...}}
std::string encodeError(const ApiError& error);
// The error of a body in that shape; nullopt for anything else (a proxy's HTML page, say). httpStatus is
// left at its default: the caller knows the status line.
std::optional<ApiError> decodeError(std::string_view body);

// Either the decoded value or what was wrong with the input.
template <typename T>
class [[nodiscard]] Parsed {
  public:
    Parsed(T value) : v_(std::move(value)) {}         // NOLINT: implicit on purpose
    Parsed(ApiError error) : v_(std::move(error)) {}  // NOLINT
    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T& value() const& {
        assert(ok());
        return std::get<0>(v_);
    }
    T&& value() && {
        assert(ok());
        return std::get<0>(std::move(v_));
    }
    const ApiError& error() const {
        assert(!ok());
        return std::get<1>(v_);
    }

  private:
    std::variant<T, ApiError> v_;
};

// "2026-11-26T06:58:40.123Z" (UTC, milliseconds).
std::string formatRfc3339(TimePoint t);
// "YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)" with a year in 1900..2199; nullopt for anything else.
std::optional<TimePoint> parseRfc3339(std::string_view s);
std::int64_t toUnixMillis(TimePoint t);
TimePoint fromUnixMillis(std::int64_t ms);

// A UUID in its 8-4-4-4-12 hex form, any case; returns it in lower case, nullopt if it is none.
std::optional<std::string> normalizeUuid(std::string_view s);
// A random (version 4) UUID from the given 16 random bytes' source.
class RandomSource;
std::string makeUuid(RandomSource& random);

// Whether s is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool isValidUtf8(std::string_view s);

}  // namespace wp
