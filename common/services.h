// Services: what a resident comes for at a contact point (DESIGN.md: Words we use), read from the bundle's
// content/services.toml.
//
// A service has an id ("huurloket"), a ticket prefix ("H"), the text keys of its name and short
// description, walk-in hours per weekday in local time (Europe/Amsterdam), dates on which it is closed, the
// text key of what to bring to an appointment with it, and the service time in minutes the wait estimate
// uses until the day has measured times of its own.
//
// The loader lives in common/ so that the central server validates bundles with the kiosk's own code. It
// returns either every service, checked, or one Status listing each problem as "file:line:col: what was
// expected". Plain data; no locking needed.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "common/status.h"

namespace wp {

struct Content;

// One stretch of walk-in time on a day, in minutes after local midnight: [fromMinute, toMinute).
struct WalkInWindow {
    int fromMinute = 0;
    int toMinute = 0;
    bool operator==(const WalkInWindow&) const = default;
};

// Index into Service::walkIn: Monday is 0, Sunday is 6 (ISO weekday minus one).
inline constexpr std::array<const char*, 7> kWeekdayKeys = {"monday", "tuesday",  "wednesday", "thursday",
                                                            "friday", "saturday", "sunday"};

struct Service {
    std::string id;       // "huurloket": lowercase letters, digits and '-'
    std::string prefix;   // "H": one or two capital letters, unique among the services
    std::string nameKey;  // text key of the name on the tile and ticket: "service.huurloket"
    std::string hintKey;  // text key of the line under it: "service.huurloket_hint"
    // Text key of what to bring to an appointment (shown and printed on the slip); empty: nothing said.
    std::string bringKey;
    std::array<std::vector<WalkInWindow>, 7> walkIn;  // per weekday, sorted, not overlapping; empty = closed
    std::vector<std::string> closedDates;             // "YYYY-MM-DD" local days without walk-in hours, sorted
    int defaultServiceMinutes = 10;                   // 1..240
};

// Reads services.toml. A missing file is NotFound; anything wrong in it is InvalidInput with every problem.
Result<std::vector<Service>> loadServices(const std::filesystem::path& file);

// Loads contentDir/services.toml and checks that every service's text keys exist in every language of
// content (so the bundle loader can call it after the texts are in).
Result<std::vector<Service>> loadContentServices(const std::filesystem::path& contentDir,
                                                 const Content& content);

// "09:00" -> 540; "24:00" -> 1440. -1 when the text is no time of day.
int parseMinuteOfDay(std::string_view hhmm);

}  // namespace wp
