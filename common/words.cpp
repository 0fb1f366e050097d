#include "common/words.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "common/toml_reader.h"
#include "common/utf8.h"

namespace wp {

using toml_reader::TomlReader;
namespace fs = std::filesystem;

namespace {

char32_t lower(char32_t c) {
    if (c >= U'A' && c <= U'Z') return c + 32;
    if (c == U'\u0130') return U'i';                             // İ
    if ((c >= 0xC0 && c <= 0xDE) && c != 0xD7) return c + 32;    // Latin-1
    if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131) {  // Latin Extended-A
        const bool oddUpper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
        if (oddUpper ? (c % 2 == 1) : (c % 2 == 0)) return c + 1;
        return c;
    }
    if (c >= 0x410 && c <= 0x42F) return c + 32;  // Cyrillic А..Я
    if (c >= 0x400 && c <= 0x40F) return c + 80;  // Ѐ..Џ (Є, І, Ї)
    if (c == 0x490) return 0x491;                 // Ґ
    return c;
}

bool isLetterOrDigit(char32_t c) {
    return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= 0xDF && c <= 0x24F && c != 0xF7) ||
           (c >= 0x400 && c <= 0x4FF);
}

bool isJoiner(char32_t c) {
    return c == U'-' || c == U'\'' || c == U'\u2019';
}

std::vector<std::string> readList(TomlReader& r, const toml::table& t, std::string_view key,
                                  std::string_view expected) {
    std::vector<std::string> out;
    const toml::array* list = r.requireArray(t, key, expected);
    if (list == nullptr) return out;
    for (const toml::node& n : *list) {
        std::optional<std::string_view> s = n.value<std::string_view>();
        if (!n.is_string() || !s || s->empty()) {
            r.error(&n, fmt::format("each entry of '{}' must be a word in quotes", key));
            continue;
        }
        std::vector<std::string> words = wordsOf(*s);
        if (words.size() != 1 || words[0] != std::string(*s)) {
            r.error(&n, fmt::format("\"{}\" must be one word in lower case", *s));
            continue;
        }
        out.emplace_back(*s);
    }
    return out;
}

}  // namespace

std::vector<std::string> wordsOf(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    const std::vector<char32_t> cps = utf8CodePoints(text);
    for (std::size_t i = 0; i < cps.size(); ++i) {
        const char32_t c = lower(cps[i]);
        if (isLetterOrDigit(c)) {
            word += utf8Encode(c);
        } else if (isJoiner(c) && !word.empty() && i + 1 < cps.size() && isLetterOrDigit(lower(cps[i + 1]))) {
            word += utf8Encode(c);
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

std::vector<std::string> avoidedWordsIn(std::string_view text, const FixedWord::Terms& terms) {
    std::vector<std::string> found;
    for (const std::string& w : wordsOf(text))
        if (std::find(terms.avoid.begin(), terms.avoid.end(), w) != terms.avoid.end()) found.push_back(w);
    return found;
}

Result<std::vector<FixedWord>> loadWords(const fs::path& file) {
    if (!fs::exists(file)) return Status::notFound(fmt::format("{}: file not found", file.string()));
    TomlReader r(file.string());
    if (!r.ok()) return r.status();
    std::vector<FixedWord> out;
    const toml::array* list = r.requireArray(r.root(), "word", "[[word]] entries");
    if (list == nullptr) return r.status();
    std::set<std::string> ids;
    for (const toml::node& n : *list) {
        const toml::table* t = n.as_table();
        if (t == nullptr) {
            r.error(&n, "each word must be a [[word]] table");
            continue;
        }
        FixedWord w;
        w.id = r.requireString(*t, "id", "the word's id, like \"bon\"");
        w.meaning = r.requireString(*t, "meaning", "what the word stands for, in English");
        if (!w.id.empty() && !ids.insert(w.id).second)
            r.error(t, fmt::format("word '{}' appears twice", w.id));
        for (const auto& [key, node] : *t) {
            if (key.str() == "id" || key.str() == "meaning") continue;
            const toml::table* lang = node.as_table();
            if (lang == nullptr) {
                r.error(&node,
                        fmt::format("'{}' must be a [word.{}] table with use and not", key.str(), key.str()));
                continue;
            }
            r.checkKeys(*lang, {"use", "not"}, "use and not");
            FixedWord::Terms terms;
            terms.use = readList(r, *lang, "use", "the words to use, like [\"bon\"]");
            terms.avoid = readList(r, *lang, "not", "the words it replaces, like [\"ticket\"]");
            for (const std::string& a : terms.avoid)
                if (std::find(terms.use.begin(), terms.use.end(), a) != terms.use.end())
                    r.error(lang, fmt::format("'{}' is both used and replaced", a));
            w.byLanguage.emplace(std::string(key.str()), std::move(terms));
        }
        if (w.byLanguage.empty()) r.error(t, fmt::format("word '{}' names no language", w.id));
        out.push_back(std::move(w));
    }
    if (!r.ok()) return r.status();
    return out;
}

Result<std::vector<FixedWord>> loadContentWords(const fs::path& contentDir) {
    return loadWords(contentDir / "words.toml");
}

}  // namespace wp
