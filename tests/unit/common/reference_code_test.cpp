#include "common/reference_code.h"

#include <gtest/gtest.h>

#include <set>

#include "common/bundle.h"

namespace wp {
namespace {

// Always draws the same index.
class FixedRandom final : public RandomSource {
  public:
    explicit FixedRandom(std::uint32_t v) : v_(v) {}
    std::uint32_t below(std::uint32_t bound) override { return v_ % bound; }

  private:
    std::uint32_t v_;
};

TEST(ReferenceCodeTest, HasTheDesignedShape) {
    SeededRandom random(7);
    std::string code = makeReferenceCode("SGN", "K2", random);
    ASSERT_EQ(code.size(), 17u);
    EXPECT_EQ(code.substr(0, 7), "SGN-K2-");
    EXPECT_EQ(code[15], '-');
    for (char c : code.substr(7, 8) + code.substr(16))
        EXPECT_NE(kCodeAlphabet.find(c), std::string_view::npos) << c;
    EXPECT_TRUE(verifyReferenceCode(code));
    auto parts = parseReferenceCode(code);
    ASSERT_TRUE(parts);
    EXPECT_EQ(parts->letters, "SGN");
    EXPECT_EQ(parts->kiosk, "K2");
    EXPECT_EQ(parts->random, code.substr(7, 8));
    EXPECT_EQ(parts->check, code[16]);
}

TEST(ReferenceCodeTest, CodesIssuedWithSixRandomCharactersStayValid) {
    // "SGNK27KQ4XD" has check character N (the same Luhn mod N over 11 characters).
    auto parts = parseReferenceCode("SGN-K2-7KQ4XD-N");
    ASSERT_TRUE(parts);
    EXPECT_EQ(parts->random, "7KQ4XD");
    EXPECT_EQ(parts->check, 'N');
    EXPECT_FALSE(verifyReferenceCode("SGN-K2-7KQ4XD-M"));
    EXPECT_FALSE(verifyReferenceCode("SGN-K2-7KQ4XDN"));
    EXPECT_TRUE(verifyReferenceCode("SGN-K2-7KQ4XD9M-9"));
    // Seven random characters is neither length.
    auto seven = std::string("SGNK27KQ4XD9");
    EXPECT_FALSE(verifyReferenceCode("SGN-K2-7KQ4XD9-" + std::string(1, *referenceCheckCharacter(seven))));
}

TEST(ReferenceCodeTest, RandomPartComesFromTheInjectedSource) {
    FixedRandom zeros(0);
    EXPECT_EQ(makeReferenceCode("SGN", "K2", zeros).substr(7, 8), "22222222");
    FixedRandom last(30);
    EXPECT_EQ(makeReferenceCode("SGN", "K2", last).substr(7, 8), "ZZZZZZZZ");
}

TEST(ReferenceCodeTest, CheckCharacterIsLuhnModN) {
    // Worked by hand: payload "22" has code points 0,0 -> check '2' (0); "23": 1 doubled = 2 -> 31-2 = 29
    // 'Y'.
    EXPECT_EQ(referenceCheckCharacter("22"), '2');
    EXPECT_EQ(referenceCheckCharacter("23"), 'Y');
    EXPECT_EQ(referenceCheckCharacter("2O"), std::nullopt);  // O is not in the alphabet
}

TEST(ReferenceCodeTest, EverySingleCharacterChangeIsCaught) {
    SeededRandom random(42);
    for (int n = 0; n < 50; ++n) {
        std::string code = makeReferenceCode("SGN", "K2", random);
        for (size_t i = 0; i < code.size(); ++i) {
            if (code[i] == '-') continue;
            for (char c : kCodeAlphabet) {
                if (c == code[i]) continue;
                std::string typo = code;
                typo[i] = c;
                EXPECT_FALSE(verifyReferenceCode(typo)) << code << " -> " << typo;
            }
        }
    }
}

TEST(ReferenceCodeTest, SwappedNeighboursAreCaught) {
    SeededRandom random(3);
    int checked = 0;
    for (int n = 0; n < 200; ++n) {
        std::string code = makeReferenceCode("SGN", "K2", random);
        for (size_t i = 7; i + 1 < 15; ++i) {
            if (code[i] == code[i + 1]) continue;
            std::string swapped = code;
            std::swap(swapped[i], swapped[i + 1]);
            EXPECT_FALSE(verifyReferenceCode(swapped)) << code << " -> " << swapped;
            ++checked;
        }
    }
    EXPECT_GT(checked, 500);
}

TEST(ReferenceCodeTest, MalformedCodesAreRefused) {
    for (const char* bad : {"", "SGN-K2-7KQ4XD", "SGN-K2-7KQ4XD-33", "SGNK2-7KQ4XD-3X", "sgn-k2-7kq4xd-3",
                            "SGN-K2-7KQ4X0-3", "SGN_K2_7KQ4XD_3", "SGN-K2-7KQ4XD9M", "SGN-K2-7KQ4XD9M-99",
                            "SGN-K2-7KQ4XD9-M-9", "SGN-K2-7KQ4-XD9M9", "sgn-k2-7kq4xd9m-9"})
        EXPECT_FALSE(verifyReferenceCode(bad)) << bad;
}

TEST(ReferenceCodeTest, NormalizeForgivesCaseAndSpaces) {
    SeededRandom random(9);
    std::string code = makeReferenceCode("SGN", "K2", random);
    std::string typed;
    for (char c : code) typed += static_cast<char>(std::tolower(c));
    typed = " " + typed.substr(0, 7) + " " + typed.substr(7) + " ";
    EXPECT_EQ(normalizeReferenceCode(typed), code);
}

TEST(ReferenceCodeTest, SeededCodesDoNotRepeatQuickly) {
    SeededRandom random(1);
    std::set<std::string> seen;
    for (int i = 0; i < 10000; ++i) seen.insert(makeReferenceCode("SGN", "K2", random));
    EXPECT_GE(seen.size(), 9999u);  // 31^8 ~ 852 billion codes
}

}  // namespace
}  // namespace wp
