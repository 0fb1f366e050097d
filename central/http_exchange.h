// What every handler of the central server uses to read and answer an HTTP exchange: the JSON error reply
// of DESIGN.md ({"error": {"code", "message", "field"}}) and the client certificate of the TLS connection.
#pragma once

#include <httplib.h>
#include <openssl/ssl.h>

#include <string>
#include <string_view>

#include "common/wire.h"

namespace wp {

inline constexpr const char* kJson = "application/json";

// Sets the status and a JSON error body; field names the offending field of the request, if any.
void sendError(httplib::Response& res, int status, std::string_view code, std::string message,
               std::string field = "");
void sendError(httplib::Response& res, const ApiError& e);

// The peer certificate's subject (RFC 2253) and serial (hex); empty when the client sent none.
struct PeerCert {
    std::string subject;
    std::string serial;
};

PeerCert peerCertificate(const SSL* ssl);

}  // namespace wp
