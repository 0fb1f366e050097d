// TomlReader: reads hand-edited TOML files and words every problem as "file:line:col: what was expected".
//
// Internal to common/: the bundle loaders use it, and nothing outside common/ sees toml++ types.
// A reader collects every error of a file instead of stopping at the first, so an editor can fix them
// all in one go. Not thread-safe; one reader per file.
#pragma once

#include <toml++/toml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace wp::toml_reader {

class TomlReader {
  public:
    // Parses the file. On a syntax error ok() is false and errors() holds "file:line:col: ...".
    explicit TomlReader(std::string path);

    bool ok() const { return errors_.empty(); }
    const toml::table& root() const { return root_; }
    const std::string& path() const { return path_; }

    // Required values: on a missing key or a wrong type an error is recorded and a fallback returned.
    std::string requireString(const toml::table& t, std::string_view key, std::string_view expected);
    long long requireInt(const toml::table& t, std::string_view key, std::string_view expected);
    double requireNumber(const toml::table& t, std::string_view key, std::string_view expected);
    const toml::table* requireTable(const toml::table& t, std::string_view key, std::string_view expected);
    const toml::array* requireArray(const toml::table& t, std::string_view key, std::string_view expected);

    // Optional values: absent gives the fallback; present with the wrong type is an error.
    std::string optionalString(const toml::table& t, std::string_view key, std::string fallback,
                               std::string_view expected);
    long long optionalInt(const toml::table& t, std::string_view key, long long fallback,
                          std::string_view expected);
    double optionalNumber(const toml::table& t, std::string_view key, double fallback,
                          std::string_view expected);
    bool optionalBool(const toml::table& t, std::string_view key, bool fallback, std::string_view expected);

    // A misspelt key ("anwser") is an error, not silently ignored: every key of t not in allowed is one.
    void checkKeys(const toml::table& t, std::initializer_list<std::string_view> allowed,
                   std::string_view expected);

    // Records "file:line:col: message" at the node's position (or the file's start when it has none).
    void error(const toml::node* at, std::string_view message);
    // Every error so far as one Status (ok when there were none).
    Status status() const;
    std::vector<std::string> takeErrors() { return std::move(errors_); }

    static std::string typeName(const toml::node& n);

  private:
    template <typename T, typename Out>
    Out required(const toml::table& t, std::string_view key, std::string_view expected);
    const toml::node* find(const toml::table& t, std::string_view key, std::string_view expected,
                           bool required);
    std::string path_;
    toml::table root_;
    std::vector<std::string> errors_;
};

// "file:line:col" of a node, for messages made outside the reader.
std::string position(const std::string& path, const toml::node* at);

}  // namespace wp::toml_reader
