#include "kiosk/core/form_validation.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "common/utf8.h"

namespace wp {

namespace {

constexpr const char* kPhoneInvalid = "form.phone_invalid";
constexpr const char* kEmailInvalid = "form.email_invalid";
constexpr const char* kPostcodeInvalid = "form.postcode_invalid";
constexpr const char* kHouseNumberInvalid = "form.house_number_invalid";
constexpr const char* kRequired = "form.required";
constexpr const char* kTooLong = "form.too_long";

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char upper(char c) {
    return static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
}
bool isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && isBlank(s.front())) s.remove_prefix(1);
    while (!s.empty() && isBlank(s.back())) s.remove_suffix(1);
    return s;
}

Checked fine(std::string value) {
    return {std::move(value), {}};
}
Checked wrong(const char* key) {
    return {{}, key};
}

}  // namespace

Checked checkDutchPhone(std::string_view typed) {
    // Keep digits and a leading +; separators people write are dropped, anything else is wrong.
    std::string digits;
    bool plus = false;
    std::string_view t = trim(typed);
    for (size_t i = 0; i < t.size(); ++i) {
        char c = t[i];
        if (isDigit(c)) {
            digits += c;
        } else if (c == '+' && digits.empty() && !plus) {
            plus = true;
        } else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/') {
            continue;
        } else {
            return wrong(kPhoneInvalid);
        }
    }
    // "+31 (0)6 ...": the national 0 in brackets after the country code is not dialled.
    std::string national;
    if (plus) {
        if (digits.rfind("31", 0) != 0) return wrong(kPhoneInvalid);
        national = digits.substr(2);
    } else if (digits.rfind("0031", 0) == 0) {
        national = digits.substr(4);
    } else {
        if (digits.size() != 10 || digits[0] != '0' || digits[1] == '0') return wrong(kPhoneInvalid);
        return fine(digits);
    }
    if (national.size() == 10 && national[0] == '0') national.erase(0, 1);
    if (national.size() != 9 || national[0] == '0') return wrong(kPhoneInvalid);
    return fine("+31" + national);
}

Checked checkEmail(std::string_view typed) {
    std::string_view t = trim(typed);
    if (t.empty() || t.size() > 254) return wrong(kEmailInvalid);
    size_t at = t.find('@');
    if (at == std::string_view::npos || at == 0 || t.find('@', at + 1) != std::string_view::npos)
        return wrong(kEmailInvalid);
    for (char c : t)
        if (isBlank(c) || static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return wrong(kEmailInvalid);
    std::string_view domain = t.substr(at + 1);
    size_t dot = domain.find('.');
    if (dot == std::string_view::npos || domain.front() == '.' || domain.back() == '.' ||
        domain.find("..") != std::string_view::npos)
        return wrong(kEmailInvalid);
    std::string_view local = t.substr(0, at);
    if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos)
        return wrong(kEmailInvalid);
    return fine(std::string(t));
}

Checked checkPostcode(std::string_view typed) {
    std::string compact;
    for (char c : typed) {
        if (c == ' ' || c == '\t') continue;
        compact += c;
    }
    if (compact.size() != 6) return wrong(kPostcodeInvalid);
    for (int i = 0; i < 4; ++i)
        if (!isDigit(compact[static_cast<size_t>(i)])) return wrong(kPostcodeInvalid);
    if (compact[0] == '0') return wrong(kPostcodeInvalid);
    if (!isAsciiLetter(compact[4]) || !isAsciiLetter(compact[5])) return wrong(kPostcodeInvalid);
    std::string letters{upper(compact[4]), upper(compact[5])};
    // Letter pairs that PostNL does not use, for the associations they would have.
    if (letters == "SA" || letters == "SD" || letters == "SS") return wrong(kPostcodeInvalid);
    return fine(compact.substr(0, 4) + " " + letters);
}

Checked checkHouseNumber(std::string_view typed) {
    std::string_view t = trim(typed);
    size_t n = 0;
    while (n < t.size() && isDigit(t[n])) ++n;
    if (n == 0 || n > 5 || t[0] == '0') return wrong(kHouseNumberInvalid);
    std::string out(t.substr(0, n));
    std::string_view rest = t.substr(n);
    // A separator, then the addition.
    bool separated = false;
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '-')) {
        separated = true;
        rest.remove_prefix(1);
    }
    if (rest.empty()) return separated ? wrong(kHouseNumberInvalid) : fine(out);
    if (rest.size() > 4) return wrong(kHouseNumberInvalid);
    std::string addition;
    bool letters = true;
    for (char c : rest) {
        if (!isDigit(c) && !isAsciiLetter(c)) return wrong(kHouseNumberInvalid);
        if (!isAsciiLetter(c)) letters = false;
        addition += upper(c);
    }
    // One letter joins the number ("12A"); anything else follows a dash ("12-2", "12-BIS").
    if (letters && addition.size() == 1) return fine(out + addition);
    if (!separated) return wrong(kHouseNumberInvalid);  // "12a3", "12abc": say where the addition starts
    return fine(out + "-" + addition);
}

Checked checkRequiredText(std::string_view typed, std::size_t maxBytes) {
    std::string_view t = trim(typed);
    if (t.empty()) return wrong(kRequired);
    if (t.size() > maxBytes) return wrong(kTooLong);
    return fine(std::string(t));
}

namespace {

// The capital of a small letter; any other character as it is.
char32_t capitalOf(char32_t c) {
    if (c >= U'a' && c <= U'z') return c - 0x20;
    if ((c >= 0xE0 && c <= 0xFE && c != 0xF7)) return c - 0x20;  // à..þ, not ÷
    if (c == 0x131) return U'I';                                 // Turkish dotless ı
    if (c >= 0x100 && c <= 0x17F) {
        // Latin Extended-A pairs capital then small, with a shift of one in two stretches.
        const bool oddSmall = (c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177);
        const bool evenSmall = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
        if (oddSmall && c % 2 == 1) return c - 1;
        if (evenSmall && c % 2 == 0) return c - 1;
        return c;
    }
    if (c >= 0x430 && c <= 0x44F) return c - 0x20;  // а..я
    if (c >= 0x450 && c <= 0x45F) return c - 0x50;  // ѐ..џ (і, ї, є)
    if (c == 0x491) return 0x490;                   // ґ
    return c;
}

bool isTussenvoegsel(std::string_view part) {
    constexpr std::array<std::string_view, 15> kWords{"van", "de", "der", "den", "het", "'t",  "ter", "ten",
                                                      "te",  "in", "op",  "aan", "bij", "uit", "voor"};
    for (std::string_view w : kWords)
        if (part == w) return true;
    return false;
}

// part with its first character made a capital.
std::string withCapital(std::string_view part) {
    if (part.empty()) return {};
    const std::size_t n = std::min(part.size(), utf8SequenceLength(static_cast<unsigned char>(part[0])));
    return utf8Encode(capitalOf(utf8CodePoint(part.substr(0, n)))) + std::string(part.substr(n));
}

}  // namespace

std::string capitaliseName(std::string_view name) {
    std::vector<std::string_view> words;
    for (std::size_t from = 0; from < name.size();) {
        std::size_t end = name.find(' ', from);
        if (end == std::string_view::npos) end = name.size();
        if (end > from) words.push_back(name.substr(from, end - from));
        from = end + 1;
    }
    std::string out;
    for (std::size_t w = 0; w < words.size(); ++w) {
        if (w > 0) out += ' ';
        const bool inside = w > 0 && w + 1 < words.size();
        std::string_view word = words[w];
        for (std::size_t from = 0;;) {
            std::size_t dash = word.find('-', from);
            std::string_view part = word.substr(from, dash == std::string_view::npos ? dash : dash - from);
            const bool first = w == 0 && from == 0;
            // A tussenvoegsel after a dash ("Berg-de Vries") stays small too, unless it ends the name.
            const bool small = !first && isTussenvoegsel(part) && (inside || dash != std::string_view::npos);
            out += small ? std::string(part) : withCapital(part);
            if (dash == std::string_view::npos) break;
            out += '-';
            from = dash + 1;
        }
    }
    return out;
}

Checked checkName(std::string_view typed, std::size_t maxBytes) {
    Checked c = checkRequiredText(typed, maxBytes);
    if (!c.ok()) return c;
    std::string squeezed;
    for (char ch : c.value) {
        if (isBlank(ch)) ch = ' ';
        if (ch == ' ' && !squeezed.empty() && squeezed.back() == ' ') continue;
        squeezed += ch;
    }
    return fine(capitaliseName(squeezed));
}

}  // namespace wp
