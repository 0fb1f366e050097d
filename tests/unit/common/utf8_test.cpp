// common/utf8.h: characters and code points of the scripts our five languages use, a four-byte character,
// and text that is not valid UTF-8 (stray bytes, a sequence cut short) handled without reading past the end.
#include "common/utf8.h"

#include <gtest/gtest.h>

namespace wp {
namespace {

TEST(Utf8Test, SplitsIntoCharactersOfOneToFourBytes) {
    EXPECT_EQ(utf8Characters("aé€😀"), (std::vector<std::string>{"a", "é", "€", "😀"}));
    EXPECT_EQ(utf8Characters("Türkçe ığ"),
              (std::vector<std::string>{"T", "ü", "r", "k", "ç", "e", " ", "ı", "ğ"}));
    EXPECT_EQ(utf8Characters("Їжак"), (std::vector<std::string>{"Ї", "ж", "а", "к"}));
    EXPECT_TRUE(utf8Characters("").empty());
}

TEST(Utf8Test, ReadsCodePoints) {
    EXPECT_EQ(utf8CodePoints("aé€😀"), (std::vector<char32_t>{U'a', U'é', U'€', U'😀'}));
    EXPECT_EQ(utf8CodePoint("ą"), U'ą');
    EXPECT_EQ(utf8CodePoint("ґ"), U'ґ');
    EXPECT_EQ(utf8CodePoint("İx"), U'İ') << "only the first character";
    EXPECT_EQ(utf8CodePoint(""), 0u);
}

TEST(Utf8Test, EncodeIsTheInverseOfDecode) {
    for (char32_t cp : {U'A', U'\x7F', U'\x80', U'é', U'\x7FF', U'\x800', U'ї', U'€', U'\xFFFD', U'\x10000',
                        U'😀', U'\x10FFFF'}) {
        const std::string bytes = utf8Encode(cp);
        EXPECT_EQ(utf8Characters(bytes).size(), 1u) << static_cast<unsigned>(cp);
        EXPECT_EQ(utf8CodePoint(bytes), cp) << static_cast<unsigned>(cp);
    }
    EXPECT_EQ(utf8Encode(U'İ'), "İ");
    EXPECT_EQ(utf8Encode(U'😀').size(), 4u);
}

TEST(Utf8Test, BadBytesAreCharactersOfTheirOwnAndNothingIsReadPastTheEnd) {
    EXPECT_EQ(utf8SequenceLength(0x80), 1u) << "a continuation byte without a lead";
    EXPECT_EQ(utf8SequenceLength(0xFF), 1u);
    EXPECT_EQ(utf8Characters("a\x80"
                             "b"),
              (std::vector<std::string>{"a", "\x80", "b"}));
    EXPECT_EQ(utf8CodePoints("a\x80"
                             "b"),
              (std::vector<char32_t>{U'a', 0xFFFD, U'b'}));
    // "€" is E2 82 AC: cut after two bytes, the last character is what is left.
    const std::string cut = std::string("x€").substr(0, 3);
    EXPECT_EQ(utf8Characters(cut), (std::vector<std::string>{"x", "\xE2\x82"}));
    EXPECT_EQ(utf8CodePoints(cut).size(), 2u);
}

}  // namespace
}  // namespace wp
