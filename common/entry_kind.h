// EntryKind: what a typed field takes. Request specs (common/request_spec.h) name it for every entry step;
// the kiosk's keyboard and form validation act on it.
#pragma once

namespace wp {

// What a field takes, which decides the keyboard shown and how typed characters are treated.
enum class EntryKind {
    Text,         // free text: the language's letter layout
    Email,        // letters, digits and . @ - _ + ; Latin layout also for Ukrainian
    Phone,        // numeric pad: digits, +, space
    HouseNumber,  // numeric pad, then a letter or addition ("12", "12A", "12-2")
    Postcode,     // four digits on the numeric pad, then two letters on the letter layout ("1234 AB")
    Reference,    // a reference code: the code alphabet's capitals and digits, dashes added by the field
    BookingCode,  // an appointment's booking code: the same keys, shown in two groups of four ("K7QM 2XD9")
};

}  // namespace wp
