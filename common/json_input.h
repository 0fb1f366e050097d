// Internal to common/ and central/ .cpp files: turning outside JSON text into an nlohmann::json object
// with the API's errors (malformed JSON, bad UTF-8 naming the member). Includes nlohmann-json, so only .cpp
// files include this header.
#pragma once

#include <nlohmann/json.hpp>

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

}  // namespace wp::json_input
