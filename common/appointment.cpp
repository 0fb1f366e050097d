#include "common/appointment.h"

#include <fmt/format.h>

#include <algorithm>

#include "common/bundle.h"
#include "common/json_input.h"

namespace wp {

using nlohmann::json;
using namespace json_input;

// --- booking codes

std::string makeBookingCode(RandomSource& random) {
    std::string code;
    code.reserve(kBookingCodeLength);
    for (std::size_t i = 0; i < kBookingCodeLength; ++i)
        code += kCodeAlphabet[random.below(static_cast<std::uint32_t>(kCodeAlphabet.size()))];
    return code;
}

bool isBookingCode(std::string_view s) {
    return s.size() == kBookingCodeLength && std::all_of(s.begin(), s.end(), [](char c) {
               return kCodeAlphabet.find(c) != std::string_view::npos;
           });
}

std::optional<std::string> normalizeBookingCode(std::string_view typed) {
    std::string out;
    for (char c : typed) {
        if (c == ' ' || c == '-') continue;
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        out += c;
        if (out.size() > kBookingCodeLength) return std::nullopt;
    }
    if (!isBookingCode(out)) return std::nullopt;
    return out;
}

std::string groupedBookingCode(std::string_view code) {
    assert(isBookingCode(code));
    return fmt::format("{} {}", code.substr(0, 4), code.substr(4));
}

// --- words

bool isBookingLanguage(std::string_view s) {
    return std::find(std::begin(kBookingLanguages), std::end(kBookingLanguages), s) !=
           std::end(kBookingLanguages);
}

namespace {

template <typename E, std::size_t N>
std::string_view nameOf(const std::pair<E, std::string_view> (&names)[N], E v) {
    for (const auto& [e, n] : names)
        if (e == v) return n;
    return "?";
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const std::pair<E, std::string_view> (&names)[N], std::string_view s) {
    for (const auto& [e, n] : names)
        if (n == s) return e;
    return std::nullopt;
}

constexpr std::pair<BookingState, std::string_view> kStateNames[] = {{BookingState::Booked, "booked"},
                                                                     {BookingState::Arrived, "arrived"},
                                                                     {BookingState::NoShow, "no-show"},
                                                                     {BookingState::Cancelled, "cancelled"}};
constexpr std::pair<BookedBy, std::string_view> kBookedByNames[] = {{BookedBy::Kiosk, "kiosk"},
                                                                    {BookedBy::Host, "host"}};
constexpr std::pair<AppointmentEventKind, std::string_view> kEventKindNames[] = {
    {AppointmentEventKind::Arrived, "arrived"}, {AppointmentEventKind::NoShow, "no-show"}};

}  // namespace

std::string_view toString(BookingState s) {
    return nameOf(kStateNames, s);
}
std::optional<BookingState> bookingStateFromString(std::string_view s) {
    return valueOf(kStateNames, s);
}
std::string_view toString(BookedBy b) {
    return nameOf(kBookedByNames, b);
}
std::optional<BookedBy> bookedByFromString(std::string_view s) {
    return valueOf(kBookedByNames, s);
}
std::string_view toString(AppointmentEventKind k) {
    return nameOf(kEventKindNames, k);
}
std::optional<AppointmentEventKind> appointmentEventKindFromString(std::string_view s) {
    return valueOf(kEventKindNames, s);
}

bool isContactPointLetters(std::string_view s) {
    return s.size() == 3 && std::all_of(s.begin(), s.end(), [](char c) {
               return kCodeAlphabet.find(c) != std::string_view::npos;
           });
}

bool isServiceId(std::string_view s) {
    return !s.empty() && s.size() <= 64 && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

bool isLocalDay(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (s[i] < '0' || s[i] > '9') return false;
    return parseRfc3339(fmt::format("{}T00:00:00Z", s)).has_value();
}

// --- member readers: each error names the member by its path

namespace {

// "2026-12-07T08:00:00Z": whole seconds when the time has no milliseconds, as slots and bookings have.
std::string formatTime(TimePoint t) {
    std::string s = formatRfc3339(t);
    if (s.size() == 24 && s.compare(19, 4, ".000") == 0) s.erase(19, 4);
    return s;
}

// Reads a member; nullptr when it is absent or null.
const json* member(const json& obj, const char* key) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return nullptr;
    return &*it;
}

std::optional<ApiError> readString(const json& obj, const char* key, const std::string& path,
                                   std::string& out, bool required = true) {
    const json* m = member(obj, key);
    if (m == nullptr) return required ? std::optional(missing(path)) : std::nullopt;
    if (!m->is_string()) return wrongType(path, "a string");
    out = m->get<std::string>();
    return std::nullopt;
}

std::optional<ApiError> readTime(const json& obj, const char* key, const std::string& path, TimePoint& out) {
    std::string text;
    if (auto e = readString(obj, key, path, text)) return e;
    auto t = parseRfc3339(text);
    if (!t)
        return invalid(path, fmt::format("'{}' must be an RFC 3339 time like 2026-12-07T08:00:00Z", path));
    out = *t;
    return std::nullopt;
}

std::optional<ApiError> readInt(const json& obj, const char* key, const std::string& path, int min, int max,
                                int& out) {
    const json* m = member(obj, key);
    if (m == nullptr) return missing(path);
    if (!m->is_number_integer()) return wrongType(path, "an integer");
    auto v = m->get<std::int64_t>();
    if (v < min || v > max)
        return invalid(path, fmt::format("'{}' must be between {} and {}", path, min, max));
    out = static_cast<int>(v);
    return std::nullopt;
}

std::optional<ApiError> readArray(const json& obj, const char* key, const std::string& path,
                                  const json*& out) {
    out = member(obj, key);
    if (out == nullptr) return missing(path);
    if (!out->is_array()) return wrongType(path, "an array");
    return std::nullopt;
}

std::optional<ApiError> checkContactPoint(const std::string& path, const std::string& v) {
    if (!isContactPointLetters(v))
        return invalid(path, fmt::format("'{}' must be three characters of the code alphabet", path));
    return std::nullopt;
}

std::optional<ApiError> checkService(const std::string& path, const std::string& v) {
    if (!isServiceId(v)) return invalid(path, fmt::format("'{}' must be 1 to 64 of a-z, 0-9 and '-'", path));
    return std::nullopt;
}

std::optional<ApiError> checkCode(const std::string& path, const std::string& v) {
    if (!isBookingCode(v))
        return invalid(path, fmt::format("'{}' must be eight characters of the code alphabet", path));
    return std::nullopt;
}

std::optional<ApiError> readState(const json& obj, const std::string& path, BookingState& out) {
    std::string text;
    if (auto e = readString(obj, "state", path, text)) return e;
    auto s = bookingStateFromString(text);
    if (!s) return invalid(path, fmt::format("'{}' must be booked, arrived, no-show or cancelled", path));
    out = *s;
    return std::nullopt;
}

}  // namespace

// --- offers

std::string encodeAgendaOffers(const std::vector<AgendaOffer>& offers) {
    json list = json::array();
    for (const auto& o : offers)
        list.push_back({{"contact_point", o.contactPoint},
                        {"service", o.service},
                        {"place", o.place},
                        {"address", o.address},
                        {"slot_minutes", o.slotMinutes}});
    return json{{"offers", std::move(list)}}.dump();
}

Parsed<std::vector<AgendaOffer>> decodeAgendaOffers(std::string_view text) {
    auto parsed = parseObject(text);
    if (!parsed) return parsed.error();
    const json* list = nullptr;
    if (auto e = readArray(parsed.value(), "offers", "offers", list)) return *e;
    std::vector<AgendaOffer> out;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& jo = (*list)[i];
        std::string base = fmt::format("offers[{}]", i);
        if (!jo.is_object()) return wrongType(base, "an object");
        AgendaOffer o;
        if (auto e = readString(jo, "contact_point", join(base, "contact_point"), o.contactPoint)) return *e;
        if (auto e = checkContactPoint(join(base, "contact_point"), o.contactPoint)) return *e;
        if (auto e = readString(jo, "service", join(base, "service"), o.service)) return *e;
        if (auto e = checkService(join(base, "service"), o.service)) return *e;
        if (auto e = readString(jo, "place", join(base, "place"), o.place, false)) return *e;
        if (auto e = readString(jo, "address", join(base, "address"), o.address, false)) return *e;
        if (auto e = readInt(jo, "slot_minutes", join(base, "slot_minutes"), 1, 480, o.slotMinutes))
            return *e;
        out.push_back(std::move(o));
    }
    return out;
}

// --- free slots

std::string encodeFreeSlots(const FreeSlots& s) {
    json list = json::array();
    for (const auto& slot : s.slots)
        list.push_back(
            {{"start", formatTime(slot.start)}, {"end", formatTime(slot.end)}, {"free", slot.free}});
    return json{{"contact_point", s.contactPoint}, {"service", s.service}, {"slots", std::move(list)}}.dump();
}

Parsed<FreeSlots> decodeFreeSlots(std::string_view text) {
    auto parsed = parseObject(text);
    if (!parsed) return parsed.error();
    const json& j = parsed.value();
    FreeSlots s;
    if (auto e = readString(j, "contact_point", "contact_point", s.contactPoint)) return *e;
    if (auto e = checkContactPoint("contact_point", s.contactPoint)) return *e;
    if (auto e = readString(j, "service", "service", s.service)) return *e;
    if (auto e = checkService("service", s.service)) return *e;
    const json* list = nullptr;
    if (auto e = readArray(j, "slots", "slots", list)) return *e;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& js = (*list)[i];
        std::string base = fmt::format("slots[{}]", i);
        if (!js.is_object()) return wrongType(base, "an object");
        FreeSlot slot;
        if (auto e = readTime(js, "start", join(base, "start"), slot.start)) return *e;
        if (auto e = readTime(js, "end", join(base, "end"), slot.end)) return *e;
        if (slot.end <= slot.start)
            return invalid(join(base, "end"), fmt::format("'{}.end' must be after its start", base));
        if (auto e = readInt(js, "free", join(base, "free"), 1, 10000, slot.free)) return *e;
        s.slots.push_back(slot);
    }
    return s;
}

// --- booking requests

std::string encodeBookingRequest(const BookingRequest& r) {
    json j = {{"uuid", r.uuid},         {"contact_point", r.contactPoint},
              {"service", r.service},   {"start", formatTime(r.start)},
              {"name", r.name},         {"phone", r.phone},
              {"language", r.language}, {"booked_by", toString(r.bookedBy)}};
    if (!r.email.empty()) j["email"] = r.email;
    return j.dump();
}

std::optional<ApiError> validateBookingRequest(const BookingRequest& r) {
    if (!normalizeUuid(r.uuid)) return invalid("uuid", "'uuid' must be a UUID (8-4-4-4-12 hex digits)");
    if (auto e = checkContactPoint("contact_point", r.contactPoint)) return e;
    if (auto e = checkService("service", r.service)) return e;
    if (r.name.empty() || r.name.size() > 200 || hasControlChars(r.name))
        return invalid("name", "'name' must be 1 to 200 bytes on one line");
    if (auto e = checkPhone("phone", r.phone)) return e;
    if (!r.email.empty())
        if (auto e = checkEmail("email", r.email)) return e;
    if (!isBookingLanguage(r.language))
        return invalid("language", "'language' must be one of nl, en, tr, pl, uk");
    return std::nullopt;
}

Parsed<BookingRequest> decodeBookingRequest(std::string_view text) {
    auto parsed = parseObject(text);
    if (!parsed) return parsed.error();
    const json& j = parsed.value();
    BookingRequest r;
    std::string bookedBy;
    if (auto e = readString(j, "uuid", "uuid", r.uuid)) return *e;
    if (auto e = readString(j, "contact_point", "contact_point", r.contactPoint)) return *e;
    if (auto e = readString(j, "service", "service", r.service)) return *e;
    if (auto e = readTime(j, "start", "start", r.start)) return *e;
    if (auto e = readString(j, "name", "name", r.name)) return *e;
    if (auto e = readString(j, "phone", "phone", r.phone)) return *e;
    if (auto e = readString(j, "email", "email", r.email, false)) return *e;
    if (auto e = readString(j, "language", "language", r.language)) return *e;
    if (auto e = readString(j, "booked_by", "booked_by", bookedBy)) return *e;
    auto by = bookedByFromString(bookedBy);
    if (!by) return invalid("booked_by", "'booked_by' must be kiosk or host");
    r.bookedBy = *by;
    if (auto e = validateBookingRequest(r)) return *e;
    r.uuid = *normalizeUuid(r.uuid);
    return r;
}

// --- booking views

std::string encodeBookingView(const BookingView& v) {
    return json{{"code", v.code},           {"contact_point", v.contactPoint},
                {"service", v.service},     {"place", v.place},
                {"address", v.address},     {"start", formatTime(v.start)},
                {"end", formatTime(v.end)}, {"state", toString(v.state)}}
        .dump();
}

Parsed<BookingView> decodeBookingView(std::string_view text) {
    auto parsed = parseObject(text);
    if (!parsed) return parsed.error();
    const json& j = parsed.value();
    BookingView v;
    if (auto e = readString(j, "code", "code", v.code)) return *e;
    if (auto e = checkCode("code", v.code)) return *e;
    if (auto e = readString(j, "contact_point", "contact_point", v.contactPoint)) return *e;
    if (auto e = checkContactPoint("contact_point", v.contactPoint)) return *e;
    if (auto e = readString(j, "service", "service", v.service)) return *e;
    if (auto e = checkService("service", v.service)) return *e;
    if (auto e = readString(j, "place", "place", v.place, false)) return *e;
    if (auto e = readString(j, "address", "address", v.address, false)) return *e;
    if (auto e = readTime(j, "start", "start", v.start)) return *e;
    if (auto e = readTime(j, "end", "end", v.end)) return *e;
    if (v.end <= v.start) return invalid("end", "'end' must be after 'start'");
    if (auto e = readState(j, "state", v.state)) return *e;
    return v;
}

// --- changes

std::string encodeBookingChange(const BookingChange& c) {
    return json{{"start", formatTime(c.start)}}.dump();
}

Parsed<BookingChange> decodeBookingChange(std::string_view text) {
    auto parsed = parseObject(text);
    if (!parsed) return parsed.error();
    BookingChange c;
    if (auto e = readTime(parsed.value(), "start", "start", c.start)) return *e;
    return c;
}

// --- today's bookings

std::string encodeTodayBookings(const TodayBookings& t) {
    json list = json::array();
    for (const auto& b : t.bookings)
        list.push_back({{"code", b.code},
                        {"service", b.service},
                        {"start", formatTime(b.start)},
                        {"end", formatTime(b.end)},
                        {"state", toString(b.state)},
                        {"name", b.name}});
    return json{{"day", t.day}, {"bookings", std::move(list)}}.dump();
}

Parsed<TodayBookings> decodeTodayBookings(std::string_view text) {
    auto parsed = parseObject(text);
    if (!parsed) return parsed.error();
    const json& j = parsed.value();
    TodayBookings t;
    if (auto e = readString(j, "day", "day", t.day)) return *e;
    if (!isLocalDay(t.day)) return invalid("day", "'day' must be a date like 2026-12-07");
    const json* list = nullptr;
    if (auto e = readArray(j, "bookings", "bookings", list)) return *e;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& jb = (*list)[i];
        std::string base = fmt::format("bookings[{}]", i);
        if (!jb.is_object()) return wrongType(base, "an object");
        TodayBooking b;
        if (auto e = readString(jb, "code", join(base, "code"), b.code)) return *e;
        if (auto e = checkCode(join(base, "code"), b.code)) return *e;
        if (auto e = readString(jb, "service", join(base, "service"), b.service)) return *e;
        if (auto e = checkService(join(base, "service"), b.service)) return *e;
        if (auto e = readTime(jb, "start", join(base, "start"), b.start)) return *e;
        if (auto e = readTime(jb, "end", join(base, "end"), b.end)) return *e;
        if (b.end <= b.start)
            return invalid(join(base, "end"), fmt::format("'{}.end' must be after its start", base));
        if (auto e = readState(jb, join(base, "state"), b.state)) return *e;
        if (auto e = readString(jb, "name", join(base, "name"), b.name, false)) return *e;
        t.bookings.push_back(std::move(b));
    }
    return t;
}

// --- events

std::string encodeAppointmentEvents(const std::vector<AppointmentEvent>& events) {
    json list = json::array();
    for (const auto& e : events)
        list.push_back(
            {{"uuid", e.uuid}, {"code", e.code}, {"kind", toString(e.kind)}, {"at", formatRfc3339(e.at)}});
    return json{{"events", std::move(list)}}.dump();
}

Parsed<std::vector<AppointmentEvent>> decodeAppointmentEvents(std::string_view text) {
    auto parsed = parseObject(text);
    if (!parsed) return parsed.error();
    const json* list = nullptr;
    if (auto e = readArray(parsed.value(), "events", "events", list)) return *e;
    if (list->size() > kMaxAppointmentEvents)
        return ApiError{400, std::string(error_code::kTooLong),
                        fmt::format("at most {} events", kMaxAppointmentEvents), "events"};
    std::vector<AppointmentEvent> out;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& je = (*list)[i];
        std::string base = fmt::format("events[{}]", i);
        if (!je.is_object()) return wrongType(base, "an object");
        AppointmentEvent ev;
        std::string kind;
        if (auto e = readString(je, "uuid", join(base, "uuid"), ev.uuid)) return *e;
        auto uuid = normalizeUuid(ev.uuid);
        if (!uuid) return invalid(join(base, "uuid"), fmt::format("'{}.uuid' must be a UUID", base));
        ev.uuid = *uuid;
        if (auto e = readString(je, "code", join(base, "code"), ev.code)) return *e;
        if (auto e = checkCode(join(base, "code"), ev.code)) return *e;
        if (auto e = readString(je, "kind", join(base, "kind"), kind)) return *e;
        auto k = appointmentEventKindFromString(kind);
        if (!k) return invalid(join(base, "kind"), fmt::format("'{}.kind' must be arrived or no-show", base));
        ev.kind = *k;
        if (auto e = readTime(je, "at", join(base, "at"), ev.at)) return *e;
        out.push_back(std::move(ev));
    }
    return out;
}

std::string encodeAcceptedCount(int accepted) {
    return json{{"accepted", accepted}}.dump();
}

Parsed<int> decodeAcceptedCount(std::string_view text) {
    auto parsed = parseObject(text);
    if (!parsed) return parsed.error();
    int n = 0;
    if (auto e = readInt(parsed.value(), "accepted", "accepted", 0, 1'000'000, n)) return *e;
    return n;
}

}  // namespace wp
