// Texts: UI strings looked up by key in the session's language.
//
// Every key must exist in every language (the bundle loader refuses content where one is missing), so a
// lookup that fails is a programmer mistake: it returns the key in brackets, where a test will see it, and
// remembers the key in missingKeys() for the every-screen tests. Not thread-safe (UI thread).
#pragma once

#include <initializer_list>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "common/bundle.h"

namespace wp {

class Texts {
  public:
    explicit Texts(const Content& content) : content_(content) {}

    // The text of key in language; "[key]" when there is none.
    const std::string& get(std::string_view language, std::string_view key) const;
    const std::set<std::string>& missingKeys() const { return missing_; }

    // The language's own name ("Türkçe"), from the key language.name of that language.
    const std::string& languageName(std::string_view language) const {
        return get(language, "language.name");
    }

  private:
    const Content& content_;
    mutable std::set<std::string> missing_;
    mutable std::set<std::string> bracketed_;  // storage for the "[key]" strings handed out
};

// Replaces each "{name}" in a text with its value: "{service}, no appointment needed: {hours}".
std::string fillIn(std::string text, std::initializer_list<std::pair<std::string_view, std::string>> values);

}  // namespace wp
