#include "central/public_note_check.h"

#include <cctype>

namespace wp {

namespace {

bool digit(char c) {
    return c >= '0' && c <= '9';
}
bool alnum(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}
bool separator(char c) {
    return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/';
}

// A phone number starting at i (where the character before is no letter or digit).
bool phoneAt(std::string_view s, std::size_t i) {
    if (s[i] == '(') ++i;
    if (i >= s.size()) return false;
    if (s[i] == '+') {
        ++i;
    } else if (s[i] != '0') {
        return false;
    }
    int digits = 0;
    int separators = 0;  // in a row: ") " between groups is two
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (digit(c)) {
            ++digits;
            separators = 0;
        } else if (separator(c) && separators < 2 && digits > 0) {
            ++separators;
        } else {
            break;
        }
        if (digits >= 9) return true;
    }
    return false;
}

// A Dutch postcode starting at i: 1234 AB, 1234AB or 1234ab, not part of a longer word or number.
bool postcodeAt(std::string_view s, std::size_t i) {
    if (i + 6 > s.size() || s[i] < '1' || s[i] > '9') return false;
    for (std::size_t k = 1; k < 4; ++k)
        if (!digit(s[i + k])) return false;
    std::size_t j = i + 4;
    bool space = s[j] == ' ';
    if (space) ++j;
    if (j + 2 > s.size()) return false;
    auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
    auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
    bool letters = (upper(s[j]) && upper(s[j + 1])) || (!space && lower(s[j]) && lower(s[j + 1]));
    if (!letters) return false;
    return j + 2 == s.size() || !alnum(s[j + 2]);
}

bool localPartChar(char c) {
    return alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

// An e-mail address around the '@' at i.
bool emailAt(std::string_view s, std::size_t at) {
    if (at == 0 || !localPartChar(s[at - 1])) return false;
    std::size_t j = at + 1;
    std::size_t lastDot = std::string_view::npos;
    while (j < s.size() && (alnum(s[j]) || s[j] == '-' || s[j] == '.')) ++j;
    while (j > at + 1 && s[j - 1] == '.') --j;  // a full stop after the address
    for (std::size_t k = at + 1; k < j; ++k)
        if (s[k] == '.') lastDot = k;
    if (lastDot == std::string_view::npos || lastDot == at + 1) return false;
    std::size_t tld = 0;
    for (std::size_t k = lastDot + 1; k < j && std::isalpha(static_cast<unsigned char>(s[k])); ++k) ++tld;
    return tld >= 2;
}

}  // namespace

std::optional<std::string> contactDetailInNote(std::string_view note) {
    for (std::size_t i = 0; i < note.size(); ++i) {
        if (note[i] == '@' && emailAt(note, i)) return "an e-mail address";
        const bool startsWord = i == 0 || !alnum(note[i - 1]);
        if (!startsWord) continue;
        if (phoneAt(note, i)) return "a phone number";
        if (postcodeAt(note, i)) return "a postcode";
    }
    return std::nullopt;
}

}  // namespace wp
