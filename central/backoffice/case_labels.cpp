#include "central/backoffice/case_labels.h"

#include <date/tz.h>
#include <fmt/format.h>

#include "central/backoffice/contact_promise.h"

namespace wp {

int promisedWorkingDays(const std::string& type, const InboxSettings& settings) {
    if (type == "initiative") return settings.initiativeContactWorkingDays;
    if (settings.specs != nullptr)
        if (const RequestSpec* spec = settings.specs->latest(type);
            spec != nullptr && spec->receipt.contactWithinWorkingDays > 0)
            return spec->receipt.contactWithinWorkingDays;
    return settings.defaultContactWorkingDays;
}

bool isOverdue(const RequestSummary& s, const InboxSettings& settings, TimePoint now) {
    return s.status == RequestStatus::Received &&
           now >= contactDueAt(s.receivedAt, promisedWorkingDays(s.type, settings));
}

std::string statusLabel(RequestStatus s) {
    switch (s) {
        case RequestStatus::Received:
            return "Nieuw";
        case RequestStatus::InProgress:
            return "In behandeling";
        case RequestStatus::Answered:
            return "Beantwoord";
        case RequestStatus::Closed:
            return "Afgesloten";
    }
    return "";
}

std::string dutchText(const InboxSettings& settings, const std::string& key, const std::string& fallback) {
    if (settings.dutch == nullptr || key.empty()) return fallback;
    auto it = settings.dutch->texts.find(key);
    return it == settings.dutch->texts.end() || it->second.empty() ? fallback : it->second;
}

std::string typeLabel(const std::string& type, const InboxSettings& settings) {
    const RequestSpec* spec = settings.specs != nullptr ? settings.specs->latest(type) : nullptr;
    return spec != nullptr ? dutchText(settings, spec->titleKey, type) : type;
}

namespace {

constexpr const char* kDays[] = {"zo", "ma", "di", "wo", "do", "vr", "za"};
constexpr const char* kMonths[] = {"jan", "feb", "mrt", "apr", "mei", "jun",
                                   "jul", "aug", "sep", "okt", "nov", "dec"};

date::local_seconds localOf(TimePoint t) {
    static const date::time_zone* zone = date::locate_zone("Europe/Amsterdam");
    return zone->to_local(std::chrono::time_point_cast<std::chrono::seconds>(t));
}

std::string dayText(date::local_days day) {
    const date::year_month_day ymd{day};
    return fmt::format("{} {} {} {}", kDays[date::weekday{day}.c_encoding()],
                       static_cast<unsigned>(ymd.day()), kMonths[static_cast<unsigned>(ymd.month()) - 1],
                       static_cast<int>(ymd.year()));
}

}  // namespace

std::string localDate(TimePoint t) {
    return dayText(date::floor<date::days>(localOf(t)));
}

std::string localDateTime(TimePoint t) {
    const auto local = localOf(t);
    const auto day = date::floor<date::days>(local);
    const date::hh_mm_ss hms{local - day};
    return fmt::format("{} {:02}:{:02}", dayText(day), hms.hours().count(), hms.minutes().count());
}

std::string queryString(const std::vector<std::pair<std::string, std::string>>& params) {
    auto encode = [](const std::string& s) {
        std::string out;
        for (unsigned char c : s) {
            if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~')
                out += static_cast<char>(c);
            else
                out += fmt::format("%{:02X}", c);
        }
        return out;
    };
    std::string q;
    for (const auto& [name, value] : params) {
        if (!q.empty()) q += '&';
        q += encode(name) + "=" + encode(value);
    }
    return q;
}

std::string fieldLabel(const RequestSpec& spec, const FieldSpec& field, const InboxSettings& settings) {
    for (const FlowStep& step : spec.steps)
        if (step.field == field.name && !step.labelKey.empty()) {
            std::string label = dutchText(settings, step.labelKey, "");
            if (!label.empty()) return label;
        }
    std::string words = field.name;
    for (char& c : words)
        if (c == '_') c = ' ';
    if (!words.empty()) words[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(words[0])));
    return words;
}

}  // namespace wp
