// Reading back the resident's appointment e-mails in tests: a MIME part of a message (base64 decoded) and
// the iCalendar invitation's VEVENT, parsed with libical. Header-only; link PkgConfig::LIBICAL and wp_common.
#pragma once

#include <libical/ical.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "common/hosts.h"

namespace wp::testing {

// The decoded body of the first part whose Content-Type starts with contentType ("text/calendar"), with
// that part's headers in headers; nullopt when there is none.
inline std::optional<std::string> mimePart(std::string_view message, std::string_view contentType,
                                           std::string* headers = nullptr) {
    const std::string needle = "Content-Type: " + std::string(contentType);
    size_t at = message.find(needle);
    if (at == std::string_view::npos) return std::nullopt;
    size_t bodyStart = message.find("\r\n\r\n", at);
    if (bodyStart == std::string_view::npos) return std::nullopt;
    if (headers != nullptr) *headers = std::string(message.substr(at, bodyStart - at));
    bodyStart += 4;
    size_t bodyEnd = message.find("\r\n--", bodyStart);
    if (bodyEnd == std::string_view::npos) bodyEnd = message.size();
    std::string encoded;
    for (char c : message.substr(bodyStart, bodyEnd - bodyStart))
        if (c != '\r' && c != '\n') encoded += c;
    auto bytes = base64Decode(encoded);
    if (!bytes) return std::nullopt;
    return std::string(bytes->begin(), bytes->end());
}

struct ParsedInvitation {
    std::string method;  // "REQUEST", "CANCEL"
    std::string uid, summary, location, description, status, organizer, attendee;
    std::chrono::system_clock::time_point start, end;
    bool startIsUtc = false, endIsUtc = false;
    int sequence = -1;
    int events = 0;  // VEVENTs in the calendar
};

// The calendar parsed by libical; nullopt when it does not parse or has no VEVENT.
inline std::optional<ParsedInvitation> parseInvitation(const std::string& text) {
    icalcomponent* root = icalparser_parse_string(text.c_str());
    if (root == nullptr) return std::nullopt;
    icalcomponent* calendar = root;
    if (icalcomponent_isa(root) != ICAL_VCALENDAR_COMPONENT)
        calendar = icalcomponent_get_first_component(root, ICAL_VCALENDAR_COMPONENT);
    icalcomponent* event =
        calendar != nullptr ? icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT) : nullptr;
    if (event == nullptr) {
        icalcomponent_free(root);
        return std::nullopt;
    }
    ParsedInvitation out;
    for (icalcomponent* e = event; e != nullptr;
         e = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT))
        ++out.events;
    out.method = icalenum_method_to_string(icalcomponent_get_method(calendar));
    auto text_of = [](const char* s) { return s != nullptr ? std::string(s) : std::string(); };
    out.uid = text_of(icalcomponent_get_uid(event));
    out.summary = text_of(icalcomponent_get_summary(event));
    out.location = text_of(icalcomponent_get_location(event));
    out.description = text_of(icalcomponent_get_description(event));
    out.status = icalproperty_status_to_string(icalcomponent_get_status(event));
    out.sequence = icalcomponent_get_sequence(event);
    if (icalproperty* p = icalcomponent_get_first_property(event, ICAL_ORGANIZER_PROPERTY))
        out.organizer = text_of(icalproperty_get_organizer(p));
    if (icalproperty* p = icalcomponent_get_first_property(event, ICAL_ATTENDEE_PROPERTY))
        out.attendee = text_of(icalproperty_get_attendee(p));
    const icaltimetype start = icalcomponent_get_dtstart(event);
    const icaltimetype end = icalcomponent_get_dtend(event);
    out.startIsUtc = icaltime_is_utc(start);
    out.endIsUtc = icaltime_is_utc(end);
    out.start = std::chrono::system_clock::from_time_t(icaltime_as_timet(start));
    out.end = std::chrono::system_clock::from_time_t(icaltime_as_timet(end));
    icalcomponent_free(root);
    return out;
}

}  // namespace wp::testing
