#include "common/utf8.h"

#include <algorithm>

namespace wp {

std::size_t utf8SequenceLength(unsigned char lead) {
    if (lead >= 0xF0 && lead <= 0xF7) return 4;
    if (lead >= 0xE0 && lead <= 0xEF) return 3;
    if (lead >= 0xC0 && lead <= 0xDF) return 2;
    return 1;
}

std::vector<std::string> utf8Characters(std::string_view text) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n =
            std::min(utf8SequenceLength(static_cast<unsigned char>(text[i])), text.size() - i);
        out.emplace_back(text.substr(i, n));
        i += n;
    }
    return out;
}

char32_t utf8CodePoint(std::string_view ch) {
    if (ch.empty()) return 0;
    const auto lead = static_cast<unsigned char>(ch[0]);
    const std::size_t n = utf8SequenceLength(lead);
    if (n == 1) return lead < 0x80 ? lead : 0xFFFD;
    char32_t cp = lead & (0xFFu >> (n + 1));  // the lead byte's payload: 5, 4 or 3 bits
    for (std::size_t k = 1; k < n && k < ch.size(); ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(ch[k]) & 0x3Fu);
    return cp;
}

std::vector<char32_t> utf8CodePoints(std::string_view text) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n =
            std::min(utf8SequenceLength(static_cast<unsigned char>(text[i])), text.size() - i);
        out.push_back(utf8CodePoint(text.substr(i, n)));
        i += n;
    }
    return out;
}

std::string utf8Encode(char32_t cp) {
    std::string out;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return out;
}

}  // namespace wp
