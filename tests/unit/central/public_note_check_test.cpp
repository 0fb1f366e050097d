// A public note may not hold a phone number, an e-mail address or a postcode (central/public_note_check.h);
// what a team writes to a resident otherwise passes.
#include "central/public_note_check.h"

#include <gtest/gtest.h>

namespace wp {
namespace {

TEST(PublicNoteCheckTest, PhoneNumbersAreFound) {
    for (const char* note :
         {"Bel Jan op 0612345678.", "06-12345678", "tel. 06 1234 5678", "+31 6 1234 5678", "+31612345678",
          "0031 6 12345678", "(010) 123 4567", "010-1234567 na 17 uur", "Mevrouw de Vries, 06.12.34.56.78"})
        EXPECT_EQ(contactDetailInNote(note), "a phone number") << note;
}

TEST(PublicNoteCheckTest, EmailAddressesAreFound) {
    for (const char* note :
         {"mail naar jan.devries@example.org", "j@x.nl", "Stuur het naar info@wijkpunt-sgn.nl."})
        EXPECT_EQ(contactDetailInNote(note), "an e-mail address") << note;
}

TEST(PublicNoteCheckTest, PostcodesAreFound) {
    for (const char* note : {"Woont op 3112 AB", "3112AB Schiedam", "postcode 3112ab", "(3112 AB)"})
        EXPECT_EQ(contactDetailInNote(note), "a postcode") << note;
}

TEST(PublicNoteCheckTest, WhatATeamWritesToAResidentPasses) {
    for (const char* note : {"", "We bellen u dinsdag.", "Uw afspraak is op 12-12-2026 om 10.30 uur.",
                             "Kom op 12 december 2026 om 10 uur.", "Dossier 2026-0042 is in behandeling.",
                             "Bezoek in week 51, tussen 9 en 12 uur.", "Neem uw code SGN-K2-7KQ4XD9M-3 mee.",
                             "Huur verlaagd met 25 euro per maand (3 maanden).",
                             "Zie www.schiedam.nl/huurtoeslag", "2026 om 10 uur"})
        EXPECT_EQ(contactDetailInNote(note), std::nullopt) << note;
}

}  // namespace
}  // namespace wp
