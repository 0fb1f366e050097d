#include "common/checkin_settings.h"

#include <fmt/format.h>

#include "common/toml_reader.h"

namespace wp {

Result<CheckinSettings> loadCheckinSettings(const std::filesystem::path& settingsFile) {
    toml_reader::TomlReader r(settingsFile.string());
    if (!r.ok()) return r.status();
    CheckinSettings c;
    const toml::node* n = r.root().get("appointments");
    if (n == nullptr) return c;
    const toml::table* t = n->as_table();
    if (t == nullptr) {
        r.error(n, "'appointments' must be a table");
        return r.status();
    }
    r.checkKeys(*t,
                {"early_minutes", "late_minutes", "refresh_minutes", "wrong_codes", "wrong_codes_minutes"},
                "early_minutes, late_minutes, refresh_minutes, wrong_codes or wrong_codes_minutes");
    auto read = [&](const char* key, int& value, int low, int high) {
        value = static_cast<int>(
            r.optionalInt(*t, key, value, fmt::format("a whole number ({}..{})", low, high)));
        if (value < low || value > high)
            r.error(t->get(key), fmt::format("{} must be between {} and {}", key, low, high));
    };
    read("early_minutes", c.earlyMinutes, 0, 240);
    read("late_minutes", c.lateMinutes, 0, 240);
    read("refresh_minutes", c.refreshMinutes, 1, 60);
    read("wrong_codes", c.wrongCodes, 1, 1000);
    read("wrong_codes_minutes", c.wrongCodesMinutes, 1, 1440);
    if (!r.ok()) return r.status();
    return c;
}

}  // namespace wp
