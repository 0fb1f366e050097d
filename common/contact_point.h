// The contact point as a resident reaches it after their visit: its phone number and opening hours, from the
// bundle's content/contact_point.toml, printed on every request receipt.
//
//   name = "Wijkpunt Groenoord"      the place and its address (appointments here); both optional
//   address = "Nieuwe Damlaan 90, Schiedam"
//   phone = "010 246 5000"
//   [hours]                        local time, 24-hour clock; a day that is not listed is closed
//   monday = ["09:00-12:00", "13:00-17:00"]
//
// The phone number is digits with spaces or '-' between them and an optional leading '+', 3 to 15 digits.
// The loader lives in common/ with the other bundle loaders. A missing file is not an error (the receipt then
// names neither); anything wrong in it is one InvalidInput Status listing every problem as
// "file:line:col: what was expected". Plain data and pure functions: thread-safe.
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/services.h"
#include "common/status.h"

namespace wp {

struct ContactPointDetails {
    std::string name;     // the place: "Wijkpunt Groenoord"; may be empty
    std::string address;  // "Nieuwe Damlaan 90, Schiedam"; may be empty
    std::string phone;    // "010 246 5000"
    std::array<std::vector<WalkInWindow>, 7>
        openingHours;  // per weekday (kWeekdayKeys), sorted; empty = closed
    bool operator==(const ContactPointDetails&) const = default;
};

// Whether text is a phone number as the file must give it (see the header comment).
bool isContactPhone(std::string_view text);

// Reads file. NotFound when it does not exist; InvalidInput with every problem.
Result<ContactPointDetails> loadContactPointDetails(const std::filesystem::path& file);

// contentDir/contact_point.toml, or nullopt when the content has none.
Result<std::optional<ContactPointDetails>> loadContentContactPoint(const std::filesystem::path& contentDir);

}  // namespace wp
