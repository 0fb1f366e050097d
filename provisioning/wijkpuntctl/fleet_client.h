// FleetClient: the central server's staff fleet API (central/openapi.yaml, /v1/fleet/... and the audit log)
// as wijkpuntctl calls it, with the admin's personal bearer token, over any HttpClient (the real one is
// drivers/net's CurlHttpClient against the public listener).
//
// A call gives the answer's JSON, or a Status whose message says why not for people: the server's error
// message and code ("403 enroll-token-spent: ..."), or what went wrong on the way ("tls: ..."). NotFound
// is kept for a 404, so callers can tell "not there (yet)" from the rest. Not thread-safe (one HttpClient).
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

#include "common/status.h"
#include "kiosk/core/net/http_client.h"

namespace wp::ctl {

class FleetClient {
  public:
    FleetClient(HttpClient& http, std::string token);

    // POST /v1/fleet/enroll-tokens; hours 0 leaves out "hours" (the server's default).
    Result<nlohmann::json> createEnrollToken(const std::string& contactPoint, int hours);
    Result<nlohmann::json> kiosks();
    Result<nlohmann::json> revoke(const std::string& kiosk);
    // message: only for out-of-service; empty leaves it out.
    Result<nlohmann::json> sendCommand(const std::string& kiosk, const std::string& kind,
                                       const std::string& message);
    Result<nlohmann::json> command(std::int64_t id);
    // The command's upload (PNG bytes or log text); NotFound while there is none.
    Result<std::string> upload(std::int64_t id);
    Result<nlohmann::json> audit();

  private:
    // The answer's body when its status is expected, else the Status that says why not.
    Result<std::string> call(const std::string& method, const std::string& path, const std::string& body,
                             int expected);
    Result<nlohmann::json> callJson(const std::string& method, const std::string& path,
                                    const std::string& body, int expected);
    HttpClient& http_;
    std::string token_;
};

// "403 enroll-token-spent: the token was used (field token)" from an error answer; the status alone when
// the body is no error object.
std::string describeRefusal(int status, const std::string& body);

}  // namespace wp::ctl
