#include "central/store/sqlite_request_rows.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace wp {

using nlohmann::json;

Status checkKnownType(const RequestSpecs& specs, const std::string& type, const std::string& reference) {
    if (specs.latest(type) != nullptr) return Status::ok();
    return Status::internal(fmt::format(
        "request {} is of type '{}', which no request spec of this server knows", reference, type));
}

Result<Request> requestFromBody(const RequestSpecs& specs, const std::string& body) {
    Request r;
    json j = json::parse(body, nullptr, false);
    if (!j.is_object()) return Status::internal("a stored request body is no JSON object");
    auto text = [&](const char* key) {
        auto it = j.find(key);
        return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    r.uuid = text("uuid");
    r.type = text("type");
    if (auto v = j.find("spec_version"); v != j.end() && v->is_number_integer())
        r.specVersion = v->get<int>();
    r.reference = text("reference");
    if (Status s = checkKnownType(specs, r.type, r.reference); !s) return s;
    r.kioskCode = text("kiosk");
    r.createdAt = parseRfc3339(text("created_at")).value_or(TimePoint{});
    r.language = text("language");
    r.category = text("category");
    auto f = j.find("fields");
    if (f != j.end() && f->is_object())
        for (auto it = f->begin(); it != f->end(); ++it)
            r.fields[it.key()] = it->is_string() ? it->get<std::string>() : it->dump();
    return r;
}

Result<RequestSummary> summaryFrom(const RequestSpecs& specs, const SqliteStatement& st, int first) {
    RequestSummary s;
    s.reference = st.text(first);
    s.type = st.text(first + 1);
    if (Status known = checkKnownType(specs, s.type, s.reference); !known) return known;
    s.category = st.text(first + 2);
    s.team = st.text(first + 3);
    s.flagged = st.integer(first + 4) != 0;
    s.status = requestStatusFromString(st.text(first + 5)).value_or(RequestStatus::Received);
    s.kioskCode = st.text(first + 6);
    s.contactPoint = st.text(first + 7);
    s.createdAt = fromUnixMillis(st.integer(first + 8));
    s.receivedAt = fromUnixMillis(st.integer(first + 9));
    s.updatedAt = fromUnixMillis(st.integer(first + 10));
    s.personalDataWiped = !st.isNull(first + 11);
    s.coach = st.text(first + 12);
    return s;
}

Result<RequestDetail> detailFrom(const RequestSpecs& specs, const SqliteStatement& st) {
    auto summary = summaryFrom(specs, st);
    if (!summary) return summary.status();
    auto request = requestFromBody(specs, st.text(kSummaryColumnCount));
    if (!request) return request.status();
    RequestDetail d;
    d.summary = std::move(summary).value();
    d.request = std::move(request).value();
    d.publicNote = st.text(kSummaryColumnCount + 1);
    d.internalNote = st.text(kSummaryColumnCount + 2);
    return d;
}

}  // namespace wp
