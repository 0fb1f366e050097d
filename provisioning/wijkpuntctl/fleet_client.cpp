#include "provisioning/wijkpuntctl/fleet_client.h"

#include <fmt/format.h>

namespace wp::ctl {

using nlohmann::json;

std::string describeRefusal(int status, const std::string& body) {
    json doc = json::parse(body, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("error") || !doc["error"].is_object())
        return fmt::format("the server answered {}", status);
    const json& e = doc["error"];
    std::string text = fmt::format("{} {}: {}", status, e.value("code", std::string("error")),
                                   e.value("message", std::string("no reason given")));
    if (e.contains("field") && e["field"].is_string() && !e["field"].get<std::string>().empty())
        text += fmt::format(" (field {})", e["field"].get<std::string>());
    return text;
}

FleetClient::FleetClient(HttpClient& http, std::string token) : http_(http), token_(std::move(token)) {}

Result<std::string> FleetClient::call(const std::string& method, const std::string& path,
                                      const std::string& body, int expected) {
    HttpRequest req;
    req.method = method;
    req.path = path;
    req.body = body;
    req.headers.emplace_back("Authorization", "Bearer " + token_);
    HttpResult r = http_.send(req);
    if (!r.answered())
        return Status::unavailable(
            fmt::format("no answer from the server ({}: {})", toString(r.transport), r.transportMessage));
    if (r.status == expected) return std::move(r.body);
    if (r.status == 404) return Status::notFound(describeRefusal(r.status, r.body));
    return Status::invalidInput(describeRefusal(r.status, r.body));
}

Result<json> FleetClient::callJson(const std::string& method, const std::string& path,
                                   const std::string& body, int expected) {
    auto text = call(method, path, body, expected);
    if (!text) return text.status();
    json doc = json::parse(*text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        return Status::internal(fmt::format("the server's answer to {} {} is no JSON object", method, path));
    return doc;
}

Result<json> FleetClient::createEnrollToken(const std::string& contactPoint, int hours) {
    json body = {{"contact_point", contactPoint}};
    if (hours > 0) body["hours"] = hours;
    return callJson("POST", "/v1/fleet/enroll-tokens", body.dump(), 201);
}

Result<json> FleetClient::kiosks() {
    return callJson("GET", "/v1/fleet/kiosks", "", 200);
}

Result<json> FleetClient::revoke(const std::string& kiosk) {
    return callJson("POST", "/v1/fleet/kiosks/" + kiosk + "/revoke", "{}", 200);
}

Result<json> FleetClient::sendCommand(const std::string& kiosk, const std::string& kind,
                                      const std::string& message) {
    json body = {{"kind", kind}};
    if (!message.empty()) body["message"] = message;
    return callJson("POST", "/v1/fleet/kiosks/" + kiosk + "/commands", body.dump(), 201);
}

Result<json> FleetClient::command(std::int64_t id) {
    return callJson("GET", fmt::format("/v1/fleet/commands/{}", id), "", 200);
}

Result<std::string> FleetClient::upload(std::int64_t id) {
    return call("GET", fmt::format("/v1/fleet/commands/{}/upload", id), "", 200);
}

Result<json> FleetClient::audit() {
    return callJson("GET", "/v1/backoffice/audit", "", 200);
}

}  // namespace wp::ctl
