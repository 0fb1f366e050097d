// HttpClient: how core talks HTTPS to the central server, without knowing libcurl (STYLE.md #4, #8).
//
// The real one is drivers/net (CurlHttpClient: server certificate always verified, optional public-key pin,
// client certificate, timeouts); tests use fakes. A result keeps transport errors apart from HTTP statuses:
// `transport` says whether an HTTP answer came back at all; only then do `status` and `body` mean anything.
// One client per thread: implementations need not be thread-safe.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace wp {

struct HttpRequest {
    std::string method = "POST";
    std::string path;  // "/v1/requests"; the client knows the server's base URL
    std::string body;
    std::string contentType = "application/json";
    std::vector<std::pair<std::string, std::string>> headers;
};

enum class TransportError {
    None,         // an HTTP answer came back (any status)
    Connect,      // nobody listening, host unreachable, refused
    Tls,          // handshake failed: server certificate not trusted, wrong pin, our certificate refused
    Timeout,      // connect or transfer took too long
    Interrupted,  // the connection broke while sending or receiving
    Other,        // anything else (out of memory, bad URL): a setup problem
};

const char* toString(TransportError e);

struct HttpResult {
    TransportError transport = TransportError::None;
    std::string transportMessage;  // for logs and the host console
    int status = 0;                // only when transport == None
    std::string body;
    bool answered() const { return transport == TransportError::None; }
};

class HttpClient {
  public:
    virtual ~HttpClient() = default;
    virtual HttpResult send(const HttpRequest& request) = 0;
};

inline const char* toString(TransportError e) {
    switch (e) {
        case TransportError::None:
            return "none";
        case TransportError::Connect:
            return "connect";
        case TransportError::Tls:
            return "tls";
        case TransportError::Timeout:
            return "timeout";
        case TransportError::Interrupted:
            return "interrupted";
        case TransportError::Other:
            return "other";
    }
    return "?";
}

}  // namespace wp
