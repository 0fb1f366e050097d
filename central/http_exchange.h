// What every handler of the central server reads and answers: wp::HttpRequest and wp::HttpResponse, the JSON
// error reply of DESIGN.md ({"error": {"code", "message", "field"}}) and the client certificate of the TLS
// connection. The server core fills an HttpRequest and sends the HttpResponse the handler leaves; handlers
// see no type of the HTTP library underneath. Member and method names follow the ones handlers have always
// used (body, matches, remote_addr, get_param_value, set_content, ...).
#pragma once

#include <openssl/ssl.h>

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/wire.h"

namespace wp {

inline constexpr const char* kJson = "application/json";

// The API's error codes (common/wire.h) that only the server's HTTP core sends.
namespace error_code {
inline constexpr std::string_view kHeadersTooLarge = "headers_too_large";  // 431
inline constexpr std::string_view kBadRequest = "bad_request";             // 400: not HTTP/1.1 as it reads
}  // namespace error_code

// Header names compare without regard to case (RFC 9110).
struct HeaderNameLess {
    bool operator()(std::string_view a, std::string_view b) const;
    using is_transparent = void;
};
using HttpHeaders = std::multimap<std::string, std::string, HeaderNameLess>;

// One captured piece of the route's path: matches[0] is the whole path, matches[1..] the {parameters}.
struct PathMatch {
    std::string value;
    const std::string& str() const { return value; }
};

struct HttpRequest {
    std::string method;  // "GET", "POST"
    std::string path;    // without the query string, as sent (not percent-decoded)
    std::string body;
    HttpHeaders headers;
    std::multimap<std::string, std::string> params;  // query parameters, percent-decoded
    std::vector<PathMatch> matches;
    std::string remote_addr;
    int remote_port = 0;
    // The TLS connection, for peerCertificate(); valid for the handler's call only.
    const SSL* ssl = nullptr;

    bool has_header(std::string_view name) const;
    // The first value of the header, or "" when it is absent.
    std::string get_header_value(std::string_view name) const;
    bool has_param(const std::string& name) const;
    // The first value of the query parameter, or "" when it is absent.
    std::string get_param_value(const std::string& name) const;
};

struct HttpResponse {
    int status = 200;
    std::string body;
    HttpHeaders headers;

    // Replaces a header of that name, if any.
    void set_header(std::string_view name, std::string value);
    // The body and its Content-Type.
    void set_content(std::string content, std::string_view contentType);
    bool has_header(std::string_view name) const;
    std::string get_header_value(std::string_view name) const;
};

// Sets the status and a JSON error body; field names the offending field of the request, if any.
void sendError(HttpResponse& res, int status, std::string_view code, std::string message,
               std::string field = "");
void sendError(HttpResponse& res, const ApiError& e);

// s with every %XX replaced by its byte; plusIsSpace also reads '+' as a space (query strings).
std::string percentDecode(std::string_view s, bool plusIsSpace = false);

// The parameters of a query string ("a=1&b=x%20y"), percent-decoded, '+' read as a space.
std::multimap<std::string, std::string> parseQueryString(std::string_view query);

// The peer certificate's subject (RFC 2253) and serial (hex); empty when the client sent none.
struct PeerCert {
    std::string subject;
    std::string serial;
};

PeerCert peerCertificate(const SSL* ssl);

}  // namespace wp
