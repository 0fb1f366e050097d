// What a team may not write in a request's public note: the note is shown to anyone who has the reference
// code (the status page, the kiosk's status screen), so it must not hold contact details. The back office
// API refuses a public note that looks like it holds a phone number, an e-mail address or a Dutch postcode;
// those belong in the internal note. Pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace wp {

// What the note seems to hold, in words for an error message ("a phone number", "an e-mail address",
// "a postcode"); nullopt when it holds none of them.
//  - a phone number: 9 to 13 digits, starting with 0, + or 00 (an opening parenthesis may come first),
//    with at most two spaces, dashes, dots, slashes or parentheses between groups: "06-12345678", "+31 6 1234
//    5678",
//    "(010) 123 4567"; a date or a time ("12-12-2026 10.30") does not start with 0 and is no phone number;
//  - an e-mail address: something@something.tld;
//  - a postcode: four digits (the first not 0) and two capitals, with or without a space ("3112 AB",
//    "3112AB"), or two small letters right after the digits ("3112ab"), standing on its own.
std::optional<std::string> contactDetailInNote(std::string_view note);

}  // namespace wp
