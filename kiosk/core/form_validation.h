// Form validation: checks what a resident typed into a form field and gives it back in one normal form,
// or names a text key in section [form] of content/texts that says which field is wrong and how to fix it
// (ACCESSIBILITY.md #16). Dutch phone numbers, e-mail addresses, Dutch postcodes and house numbers, names,
// and required free text. Pure functions over UTF-8; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace wp {

struct Checked {
    std::string value;     // the normal form when ok(); empty otherwise
    std::string errorKey;  // "form.phone_invalid", ...; empty when the input is fine
    bool ok() const { return errorKey.empty(); }
};

// A Dutch phone number: 10 digits starting with 0 ("06-12345678", "010 123 4567"), or +31 / 0031 and 9
// digits ("+31 6 1234 5678", "+31 (0)6 ..."). Spaces, dashes, dots and brackets are ignored. Normal form:
// "0612345678" for a national number, "+31612345678" for an international one. Empty is invalid.
Checked checkDutchPhone(std::string_view typed);
// One @ with something before it, a domain with a dot in it (not first or last, no two in a row), no
// spaces inside, at most 254 bytes. Spaces around it are dropped; otherwise kept as typed.
Checked checkEmail(std::string_view typed);
// Four digits not starting with 0, then two letters other than SA, SD and SS; spaces anywhere and either
// case: "1234ab" -> "1234 AB".
Checked checkPostcode(std::string_view typed);
// A number from 1 to 99999 without a leading 0, then optionally a letter ("12A", "12 a") or an addition
// after a dash or space of up to four letters or digits ("12-2", "12 bis"). Normal form: "12", "12A",
// "12-2", "12-BIS".
Checked checkHouseNumber(std::string_view typed);
// Free text that must not be empty (after trimming spaces and line breaks) nor longer than maxBytes.
Checked checkRequiredText(std::string_view typed, std::size_t maxBytes);
// A person's name as checkRequiredText checks it, spaces inside squeezed to one, then capitalised as
// capitaliseName does: "jan de vries" -> "Jan de Vries".
Checked checkName(std::string_view typed, std::size_t maxBytes);
// A name with a capital at the start of the name and of each part (after a space or a dash), except Dutch
// tussenvoegsels (van, de, der, den, het, 't, ter, ten, te, in, op, aan, bij, uit, voor) between the first
// and the last word: "van der berg" -> "Van der Berg", "jan-willem van den berg-de vries" -> "Jan-Willem van
// den Berg-de Vries". Only small letters become capitals, and only the first letter of a part: what the
// resident capitalised stays ("McDonald", "De Vries"). Latin (with accents, Polish and Turkish letters) and
// Cyrillic letters.
std::string capitaliseName(std::string_view name);

}  // namespace wp
