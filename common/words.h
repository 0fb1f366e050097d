// The fixed words residents read: for each thing the kiosk deals in (a question, a request, an idea, the
// code, the paper from the printer, changing an answer) the one word per language that resident texts use,
// and the words that must not stand in for it. From the bundle's content/words.toml:
//
//   [[word]]
//   id = "bon"
//   meaning = "the paper the kiosk prints: a queue ticket or the receipt of a request"
//   [word.nl]
//   use = ["bon"]                      the word and its forms as texts write them
//   not = ["ticket", "bonnetje"]       never a whole word of a resident text (any case)
//
// Every word names every language of the content (checked by the words test against content.toml). The
// loader lives in common/ with the other bundle loaders: a missing file is NotFound, anything wrong in it
// one InvalidInput Status listing every problem as "file:line:col: what was expected". Plain data and pure
// functions: thread-safe.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace wp {

struct FixedWord {
    struct Terms {
        std::vector<std::string> use;    // lower case
        std::vector<std::string> avoid;  // the file's "not", lower case
    };
    std::string id;
    std::string meaning;
    std::map<std::string, Terms> byLanguage;  // by language code
};

Result<std::vector<FixedWord>> loadWords(const std::filesystem::path& file);
// contentDir/words.toml.
Result<std::vector<FixedWord>> loadContentWords(const std::filesystem::path& contentDir);

// The words of text, lower-cased (Latin, Turkish, Polish and Cyrillic letters; "İ" becomes "i"), split at
// everything that is not a letter, a digit, '-' inside a word or an apostrophe inside a word.
std::vector<std::string> wordsOf(std::string_view text);

// The avoided words of terms that text contains as whole words, in text order (empty when none).
std::vector<std::string> avoidedWordsIn(std::string_view text, const FixedWord::Terms& terms);

}  // namespace wp
