// Requests: what a resident hands in at the kiosk and the central server stores (DESIGN.md: Words we use,
// The walk-in path), with their JSON codecs.
//
// One intake endpoint takes every type. A type is content: its fields come from its spec
// (common/request_spec.h), and the request names the spec's version it was made under ("spec_version";
// absent means 1, as from kiosks that predate versioned specs). Field values travel as JSON strings except
// number and integer fields, which are JSON numbers; in a Request they are all kept as text (numbers in their
// shortest decimal form), so storage and wiping need no per-type code.
//
// decodeRequest() is a tolerant reader: unknown members are ignored at every level (a newer kiosk can talk
// to an older server); a missing, mistyped or invalid member is an ApiError naming it. An unknown type is
// refused (422); a known type in a version the specs do not have is 503, so the kiosk keeps it and tries
// again once the server has that spec, instead of losing it. It never throws and never returns half a
// request. Personal fields (name, phone, e-mail, address, free text) are marked in the spec: the kiosk wipes
// them after delivery, the server after the retention period.
// Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/request_spec.h"
#include "common/wire.h"

namespace wp {

struct Request {
    std::string uuid;       // made by the kiosk; the idempotency key. Lower-case 8-4-4-4-12 hex.
    std::string type;       // the request type, the id of its spec: "question"
    int specVersion = 1;    // the version of that spec it was made under
    std::string reference;  // made by the kiosk: "SGN-K2-7KQ4XD9M-3" (common/reference_code.h)
    std::string kioskCode;  // "K2"; equals the reference's kiosk part
    TimePoint createdAt;    // when the resident handed it in (kiosk clock), millisecond precision
    std::string language;   // the resident's language, "nl"; may be empty
    std::string category;   // routing key within the type ("huur", "zorg"); may be empty
    std::map<std::string, std::string> fields;  // by field name; only fields of the type's spec
    bool operator==(const Request&) const = default;
};

// A type or version the specs do not know is encoded with every field as a string.
std::string encodeRequest(const Request& r, const RequestSpecs& specs);
Parsed<Request> decodeRequest(std::string_view json, const RequestSpecs& specs);
// Checks a request built in code (the kiosk's flows) against its type's spec, as decodeRequest would.
std::optional<ApiError> validateRequest(const Request& r, const RequestSpecs& specs);

// The request without its personal fields (what is kept after delivery or retention). Of a type or
// version the specs do not know, no field is kept.
Request withoutPersonalFields(const Request& r, const RequestSpecs& specs);

// Where a request stands at the central server.
enum class RequestStatus { Received, InProgress, Answered, Closed };
std::string_view toString(RequestStatus s);  // "received", "in-progress", "answered", "closed"
std::optional<RequestStatus> requestStatusFromString(std::string_view s);

// The body of the 201 (and of every repeat of the same UUID): {"reference", "status"}.
struct IntakeAnswer {
    std::string reference;
    RequestStatus status = RequestStatus::Received;
    bool operator==(const IntakeAnswer&) const = default;
};
std::string encodeIntakeAnswer(const IntakeAnswer& a);
Parsed<IntakeAnswer> decodeIntakeAnswer(std::string_view json);

// What anyone may see by reference code: no personal data.
struct RequestStatusView {
    std::string reference;
    RequestStatus status = RequestStatus::Received;
    std::string publicNote;
    TimePoint updatedAt;
    // First name of the initiative coach the server assigned; empty when none (other types, or no coach
    // configured). Optional on the wire: a reader of an older server sees "".
    std::string coach;
    bool operator==(const RequestStatusView&) const = default;
};
std::string encodeStatusView(const RequestStatusView& v);
Parsed<RequestStatusView> decodeStatusView(std::string_view json);

// Anonymous queue statistics: the kiosk's queue events (kiosk/core/queue.h) as they travel.
struct QueueStatEvent {
    std::int64_t seq = 0;  // the kiosk's event number: (kiosk, seq) is stored once
    std::string kind;      // "issued", "called", ...
    std::string service;   // "huurloket"
    std::string day;       // "2026-11-26", local day of the ticket
    std::int64_t number = 0;
    std::string counter;  // may be empty
    TimePoint at;
    // The ticket as residents know it ("H-014"; a transferred ticket keeps it); empty for counter and pause
    // events and from kiosks that do not send it (optional on the wire).
    std::string ticket;
    bool operator==(const QueueStatEvent&) const = default;
};
struct QueueStatBatch {
    std::string kioskCode;
    std::vector<QueueStatEvent> events;  // at most 1000; none: a heartbeat (the kiosk is online)
    bool operator==(const QueueStatBatch&) const = default;
};
std::string encodeQueueStatBatch(const QueueStatBatch& b);
Parsed<QueueStatBatch> decodeQueueStatBatch(std::string_view json);

}  // namespace wp
