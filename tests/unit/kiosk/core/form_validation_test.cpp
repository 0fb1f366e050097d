#include "kiosk/core/form_validation.h"

#include <gtest/gtest.h>

#include <string>

namespace wp {
namespace {

void expectValue(const Checked& c, const std::string& value, const std::string& typed) {
    EXPECT_TRUE(c.ok()) << "\"" << typed << "\": " << c.errorKey;
    EXPECT_EQ(c.value, value) << "\"" << typed << "\"";
}
void expectError(const Checked& c, const std::string& key, const std::string& typed) {
    EXPECT_FALSE(c.ok()) << "\"" << typed << "\" was taken as \"" << c.value << "\"";
    EXPECT_EQ(c.errorKey, key) << "\"" << typed << "\"";
    EXPECT_TRUE(c.value.empty()) << "\"" << typed << "\"";
}

TEST(FormValidationTest, DutchPhoneNumbersInTheWaysPeopleWriteThem) {
    for (const char* typed :
         {"0612345678", "06-12345678", "06 1234 5678", " 06 12 34 56 78 ", "06.12.34.56.78"})
        expectValue(checkDutchPhone(typed), "0612345678", typed);
    for (const char* typed : {"010 123 4567", "010-1234567", "(010) 123 45 67"})
        expectValue(checkDutchPhone(typed), "0101234567", typed);
    for (const char* typed : {"+31 6 1234 5678", "+31612345678", "+31 (0)6 1234 5678", "0031 6 12345678",
                              "0031612345678", "+31-6-12345678"})
        expectValue(checkDutchPhone(typed), "+31612345678", typed);
    expectValue(checkDutchPhone("+31 10 123 4567"), "+31101234567", "+31 10 123 4567");
}

TEST(FormValidationTest, WrongPhoneNumbersNameThePhoneField) {
    for (const char* typed :
         {"", "   ", "061234567", "06123456789", "6123456789", "0012345678", "06-1234567a", "O612345678",
          "+32 6 1234 5678", "+31 6 1234 567", "+31 6 1234 56789", "0031 06 1234 56789", "06+12345678",
          "++31612345678", "+31 0 12345678", "06_12345678", "tel 0612345678"})
        expectError(checkDutchPhone(typed), "form.phone_invalid", typed);
}

TEST(FormValidationTest, EmailAddresses) {
    expectValue(checkEmail("jan@voorbeeld.nl"), "jan@voorbeeld.nl", "plain");
    expectValue(checkEmail("  Jan.de.Vries@Mail.Example.com "), "Jan.de.Vries@Mail.Example.com", "trimmed");
    expectValue(checkEmail("a_b-c+d@x.co"), "a_b-c+d@x.co", "symbols");
    for (const char* typed :
         {"", "jan", "jan@", "@voorbeeld.nl", "jan@voorbeeld", "jan@@voorbeeld.nl", "jan@a@voorbeeld.nl",
          "jan @voorbeeld.nl", "jan@voor beeld.nl", "jan@.voorbeeld.nl", "jan@voorbeeld.nl.",
          "jan@voorbeeld..nl", ".jan@voorbeeld.nl", "jan.@voorbeeld.nl", "ja..n@voorbeeld.nl",
          "jan@voorbeeld.nl\x01"})
        expectError(checkEmail(typed), "form.email_invalid", typed);
}

TEST(FormValidationTest, EmailAtMost254Bytes) {
    const std::string domain = "@voorbeeld.nl";  // 13 bytes
    std::string fits = std::string(254 - domain.size(), 'a') + domain;
    ASSERT_EQ(fits.size(), 254u);
    expectValue(checkEmail(fits), fits, "254 bytes");
    expectError(checkEmail("a" + fits), "form.email_invalid", "255 bytes");
}

TEST(FormValidationTest, Postcodes) {
    for (const char* typed : {"3111 AB", "3111AB", "3111ab", " 3111 ab ", "3111 aB", "31 11 AB"})
        expectValue(checkPostcode(typed), "3111 AB", typed);
    expectValue(checkPostcode("9999zz"), "9999 ZZ", "9999zz");
    expectValue(checkPostcode("3112ab"), "3112 AB", "3112ab");
    expectValue(checkPostcode("1000 SB"), "1000 SB", "SB is fine");
    for (const char* typed : {"", "0123 AB", "311 AB", "31111 AB", "3111 A", "3111 ABC", "3111-AB", "AB 3111",
                              "3111 SA", "3111 sd", "3111SS", "3111 1B", "3111 ÄB", "311A AB"})
        expectError(checkPostcode(typed), "form.postcode_invalid", typed);
}

TEST(FormValidationTest, HouseNumbers) {
    expectValue(checkHouseNumber("12"), "12", "12");
    expectValue(checkHouseNumber(" 12 "), "12", "spaces");
    expectValue(checkHouseNumber("12A"), "12A", "12A");
    expectValue(checkHouseNumber("12a"), "12A", "12a");
    expectValue(checkHouseNumber("12 a"), "12A", "12 a");
    expectValue(checkHouseNumber("12-2"), "12-2", "12-2");
    expectValue(checkHouseNumber("12 2"), "12-2", "12 2");
    expectValue(checkHouseNumber("12-bis"), "12-BIS", "12-bis");
    expectValue(checkHouseNumber("12 hs"), "12-HS", "12 hs");
    expectValue(checkHouseNumber("99999"), "99999", "five digits");
    for (const char* typed : {"", "0", "00", "012", "A12", "123456", "12-", "12 -", "12a3", "12abc",
                              "12-abcde", "12/2", "12-2-3", "-12", "twaalf"})
        expectError(checkHouseNumber(typed), "form.house_number_invalid", typed);
}

TEST(FormValidationTest, RequiredText) {
    expectValue(checkRequiredText("  Mijn vraag over de huur.\n", 100), "Mijn vraag over de huur.",
                "trimmed");
    expectValue(checkRequiredText("Ünïcödé", 11), "Ünïcödé", "exactly the limit in bytes");
    expectError(checkRequiredText("", 100), "form.required", "empty");
    expectError(checkRequiredText(" \n\t ", 100), "form.required", "only spaces");
    expectError(checkRequiredText("Ünïcödé!", 11), "form.too_long", "one byte over");
}

TEST(FormValidationTest, NamesGetACapitalAtTheStartOfTheNameAndOfEachPart) {
    expectValue(checkName("jan de vries", 100), "Jan de Vries", "jan de vries");
    expectValue(checkName("  jan   de\tvries ", 100), "Jan de Vries", "spaces squeezed");
    expectValue(checkName("van der berg", 100), "Van der Berg", "a tussenvoegsel first");
    expectValue(checkName("jan-willem van den berg-de vries", 100), "Jan-Willem van den Berg-de Vries",
                "parts after a dash");
    expectValue(checkName("anna in 't veld", 100), "Anna in 't Veld", "'t");
    expectValue(checkName("jan van", 100), "Jan Van", "a last word is a name");
    expectValue(checkName("ali", 100), "Ali", "one word");
}

TEST(FormValidationTest, NamesKeepWhatTheResidentCapitalised) {
    expectValue(checkName("Jan De Vries", 100), "Jan De Vries", "De as typed");
    expectValue(checkName("JAN DE VRIES", 100), "JAN DE VRIES", "all capitals");
    expectValue(checkName("ronald mcDonald", 100), "Ronald McDonald", "a capital inside");
    expectValue(checkName("Kees van Dam", 100), "Kees van Dam", "already right");
}

TEST(FormValidationTest, NamesInOtherAlphabets) {
    expectValue(checkName("émile zola", 100), "Émile Zola", "Latin-1");
    expectValue(checkName("łukasz żak", 100), "Łukasz Żak", "Polish");
    expectValue(checkName("şule çelik", 100), "Şule Çelik", "Turkish");
    expectValue(checkName("олена ґудзь", 100), "Олена Ґудзь", "Ukrainian");
    expectValue(checkName("іван їжак", 100), "Іван Їжак", "Ukrainian і and ї");
    expectValue(checkName("9 bolle", 100), "9 Bolle", "a digit stays");
}

TEST(FormValidationTest, NamesMustBeThereAndFit) {
    expectError(checkName("", 100), "form.required", "empty");
    expectError(checkName("   ", 100), "form.required", "only spaces");
    expectError(checkName("jan de vries", 5), "form.too_long", "too long");
}

}  // namespace
}  // namespace wp
