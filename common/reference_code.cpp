#include "common/reference_code.h"

#include <cassert>
#include <cctype>

#include "common/bundle.h"

namespace wp {

namespace {

constexpr int kAlphabetSize = static_cast<int>(kCodeAlphabet.size());

int codePoint(char c) {
    auto pos = kCodeAlphabet.find(c);
    return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

[[maybe_unused]] bool allInAlphabet(std::string_view s) {
    for (char c : s)
        if (codePoint(c) < 0) return false;
    return true;
}

}  // namespace

std::optional<char> referenceCheckCharacter(std::string_view payload) {
    // Luhn mod N: from the right, every second code point is doubled, and everything summed mod N.
    // Classic Luhn adds the doubled value's two base-N "digits"; that is a permutation only for even N.
    // With N = 31 it is not (1 and 16 would both count as 2), so the doubled value is reduced mod N
    // instead: weights 2, 1, 2, ... mod a prime catch every single wrong character and every swap of two
    // neighbours.
    int factor = 2;
    int sum = 0;
    for (auto it = payload.rbegin(); it != payload.rend(); ++it) {
        int cp = codePoint(*it);
        if (cp < 0) return std::nullopt;
        sum = (sum + factor * cp % kAlphabetSize) % kAlphabetSize;
        factor = factor == 2 ? 1 : 2;
    }
    int check = (kAlphabetSize - sum % kAlphabetSize) % kAlphabetSize;
    return kCodeAlphabet[static_cast<size_t>(check)];
}

std::string makeReferenceCode(std::string_view letters, std::string_view kioskCode, RandomSource& random) {
    assert(letters.size() == 3 && allInAlphabet(letters));
    assert(kioskCode.size() == 2 && allInAlphabet(kioskCode));
    std::string randomPart;
    for (int i = 0; i < kReferenceRandomLength; ++i)
        randomPart += kCodeAlphabet[random.below(static_cast<std::uint32_t>(kAlphabetSize))];
    std::string payload = std::string(letters) + std::string(kioskCode) + randomPart;
    char check = *referenceCheckCharacter(payload);
    return std::string(letters) + "-" + std::string(kioskCode) + "-" + randomPart + "-" + check;
}

std::optional<ReferenceCodeParts> parseReferenceCode(std::string_view code) {
    // "LLL-KK-RRRRRRRR-C" (17 characters), or "LLL-KK-RRRRRR-C" (15) for a code issued with six.
    int randomLength = 0;
    for (int length : {kReferenceRandomLength, kShortReferenceRandomLength})
        if (code.size() == referenceCodeLength(length)) randomLength = length;
    const std::size_t lastDash = 7 + static_cast<std::size_t>(randomLength);
    if (randomLength == 0 || code[3] != '-' || code[6] != '-' || code[lastDash] != '-') return std::nullopt;
    ReferenceCodeParts parts{std::string(code.substr(0, 3)), std::string(code.substr(4, 2)),
                             std::string(code.substr(7, static_cast<std::size_t>(randomLength))),
                             code[lastDash + 1]};
    std::string payload = parts.letters + parts.kiosk + parts.random;
    auto check = referenceCheckCharacter(payload);
    if (!check || codePoint(parts.check) < 0 || *check != parts.check) return std::nullopt;
    return parts;
}

std::string normalizeReferenceCode(std::string_view typed) {
    std::string out;
    for (char c : typed) {
        if (c == ' ' || c == '\t') continue;
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return out;
}

}  // namespace wp
