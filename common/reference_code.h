// Reference codes: what a resident gets on the receipt to look up a request (DESIGN.md: reference code).
//
// Shape: contact-point letters (3), the kiosk's code (2), eight random characters and one check character,
// joined by dashes: "SGN-K2-7KQ4XD9M-3". Codes issued earlier have six random characters
// ("SGN-K2-7KQ4XD-3") and stay valid: parsing accepts both lengths, making gives eight. Every character
// comes from kCodeAlphabet (common/bundle.h: no 0/O/1/I/L). The check character is Luhn mod N (N = 31, the
// alphabet's size) over the characters before it, so one mistyped character or two swapped neighbours are
// always caught. (N is odd, so the doubled value is reduced mod N rather than digit-summed as in classic
// Luhn: see reference_code.cpp.)
//
// The kiosk makes codes; the central server verifies the check character before it touches its database.
// Pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "common/random_source.h"

namespace wp {

// The random part of codes made now, and of codes issued with six characters, which stay valid.
inline constexpr int kReferenceRandomLength = 8;
inline constexpr int kShortReferenceRandomLength = 6;
// A whole code with its dashes: 3 + 1 + 2 + 1 + random + 1 + 1.
inline constexpr std::size_t referenceCodeLength(int randomLength) {
    return static_cast<std::size_t>(9 + randomLength);
}

struct ReferenceCodeParts {
    std::string letters;  // "SGN"
    std::string kiosk;    // "K2"
    std::string random;   // "7KQ4XD9M" (or six characters for a code issued with six)
    char check = 0;       // '3'
};

// The Luhn mod N check character for payload; nullopt when payload holds a character outside the alphabet.
std::optional<char> referenceCheckCharacter(std::string_view payload);

// A fresh code for this contact point and kiosk. letters (3) and kioskCode (2) must be alphabet characters:
// a programmer mistake otherwise (the bundle loader checks them).
std::string makeReferenceCode(std::string_view letters, std::string_view kioskCode, RandomSource& random);

// The parts of a well-formed code whose check character is right; nullopt for anything else. Exact: no case
// folding or trimming (normalizeReferenceCode does that for what people type).
std::optional<ReferenceCodeParts> parseReferenceCode(std::string_view code);
inline bool verifyReferenceCode(std::string_view code) {
    return parseReferenceCode(code).has_value();
}

// What a person typed, as a code: upper case, spaces removed. Does not verify.
std::string normalizeReferenceCode(std::string_view typed);

}  // namespace wp
