#include "common/contact_point.h"

#include <fmt/format.h>

#include <algorithm>

#include "common/toml_reader.h"

namespace wp {

using toml_reader::TomlReader;
namespace fs = std::filesystem;

bool isContactPhone(std::string_view text) {
    if (text.starts_with('+')) text.remove_prefix(1);
    int digits = 0;
    char previous = ' ';
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9') {
            ++digits;
        } else if (c == ' ' || c == '-') {
            // Only between digits, one at a time.
            if (i == 0 || i + 1 == text.size() || previous == ' ' || previous == '-') return false;
        } else {
            return false;
        }
        previous = c;
    }
    return digits >= 3 && digits <= 15;
}

namespace {

std::vector<WalkInWindow> readHours(TomlReader& r, const toml::node& n, std::string_view weekday) {
    std::vector<WalkInWindow> out;
    const toml::array* list = n.as_array();
    if (list == nullptr) {
        r.error(&n, fmt::format("'{}' must be a list of opening times like [\"09:00-17:00\"], found {}",
                                weekday, TomlReader::typeName(n)));
        return out;
    }
    for (const toml::node& item : *list) {
        std::optional<std::string_view> text = item.value<std::string_view>();
        const std::size_t dash = text ? text->find('-') : std::string_view::npos;
        const int from = dash == std::string_view::npos ? -1 : parseMinuteOfDay(text->substr(0, dash));
        const int to = dash == std::string_view::npos ? -1 : parseMinuteOfDay(text->substr(dash + 1));
        if (!item.is_string() || from < 0 || to < 0) {
            r.error(&item, "an opening time must be a string like \"09:00-17:00\" (24-hour clock)");
            continue;
        }
        if (from >= to) {
            r.error(&item, fmt::format("opening time \"{}\" must end after it starts", *text));
            continue;
        }
        out.push_back({from, to});
    }
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.fromMinute < b.fromMinute; });
    for (std::size_t i = 1; i < out.size(); ++i)
        if (out[i].fromMinute < out[i - 1].toMinute)
            r.error(&n, fmt::format("opening times on {} overlap", weekday));
    return out;
}

}  // namespace

Result<ContactPointDetails> loadContactPointDetails(const fs::path& file) {
    if (!fs::exists(file)) return Status::notFound(fmt::format("{}: file not found", file.string()));
    TomlReader r(file.string());
    if (!r.ok()) return r.status();
    const toml::table& root = r.root();
    ContactPointDetails d;
    d.name =
        r.optionalString(root, "name", "", "the contact point's place name, like \"Wijkpunt Groenoord\"");
    d.address =
        r.optionalString(root, "address", "", "its street address, like \"Nieuwe Damlaan 90, Schiedam\"");
    d.phone = r.requireString(root, "phone", "the contact point's phone number, like \"010 246 5000\"");
    if (!d.phone.empty() && !isContactPhone(d.phone))
        r.error(root.get("phone"),
                fmt::format("phone \"{}\" must be 3 to 15 digits, with single spaces or '-' between them and "
                            "an optional leading '+', like \"010 246 5000\"",
                            d.phone));
    if (const toml::table* hours =
            r.requireTable(root, "hours", "an [hours] table of opening times per weekday")) {
        for (const auto& [key, node] : *hours) {
            auto it = std::find(kWeekdayKeys.begin(), kWeekdayKeys.end(), key.str());
            if (it == kWeekdayKeys.end()) {
                r.error(&node, fmt::format("'{}' is no weekday (expected monday ... sunday)", key.str()));
                continue;
            }
            d.openingHours[static_cast<std::size_t>(it - kWeekdayKeys.begin())] =
                readHours(r, node, key.str());
        }
    }
    if (!r.ok()) return r.status();
    return d;
}

Result<std::optional<ContactPointDetails>> loadContentContactPoint(const fs::path& contentDir) {
    const fs::path file = contentDir / "contact_point.toml";
    if (!fs::exists(file)) return std::optional<ContactPointDetails>();
    auto d = loadContactPointDetails(file);
    if (!d) return d.status();
    return std::optional<ContactPointDetails>(std::move(d).value());
}

}  // namespace wp
