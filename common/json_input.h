// Internal to common/ and central/ .cpp files: turning outside JSON text into an nlohmann::json object
// with the API's errors (malformed JSON, bad UTF-8 naming the member). Includes nlohmann-json, so only .cpp
// files include this header.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "common/wire.h"

namespace wp::json_input {

// The text as a JSON object. Bad UTF-8 is reported with the path of the string that holds it.
Parsed<nlohmann::json> parseObject(std::string_view text);

ApiError missing(const std::string& field);
ApiError wrongType(const std::string& field, std::string_view expected);
ApiError invalid(const std::string& field, const std::string& message);

// "a" + "b" -> "a.b"; "" + "b" -> "b".
std::string join(const std::string& parent, std::string_view name);

// Whether s holds a control character (below 0x20, or 0x7f); allowNewlines lets '\n', '\r' and '\t' pass.
bool hasControlChars(std::string_view s, bool allowNewlines = false);
// The API's phone number: 6 to 20 characters, at least 6 digits, besides them only spaces and "+-()".
// nullopt when v is one, else the error that names path.
std::optional<ApiError> checkPhone(const std::string& path, std::string_view v);
// The API's e-mail address: at most 254 bytes on one line without spaces, one '@' with text either side and
// a '.' after it. nullopt when v is one, else the error that names path.
std::optional<ApiError> checkEmail(const std::string& path, std::string_view v);

}  // namespace wp::json_input
