// UTF-8 one character at a time: splitting text into characters and reading or writing code points. The
// on-screen keyboard, the script runner's `type` step, the ticket layout's word cutting and the UI tests'
// glyph checks all read text this way, so they agree on what one character is.
//
// Meant for text that is valid UTF-8 (bundle texts, what a keyboard or scanner typed; common/wire.h has
// isValidUtf8 for outside input). On anything else they do not crash: a stray byte is a character of its
// own, and a sequence cut short at the end of the text is taken as far as it goes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace wp {

// Length in bytes (1 to 4) of the UTF-8 sequence that starts with `lead`; 1 for a stray byte.
std::size_t utf8SequenceLength(unsigned char lead);

// The characters of text, each its own UTF-8 string, in order.
std::vector<std::string> utf8Characters(std::string_view text);

// The code point of the first character of ch; 0 for an empty ch, U+FFFD for a stray byte.
char32_t utf8CodePoint(std::string_view ch);

// The code points of text, one per character.
std::vector<char32_t> utf8CodePoints(std::string_view text);

// The UTF-8 bytes of one code point (up to U+10FFFF).
std::string utf8Encode(char32_t cp);

}  // namespace wp
