// RawTlsConnection: one TLS connection to 127.0.0.1:port from a chosen loopback source address (any of
// 127.0.0.0/8), with an optional client certificate of the test PKI, that sends HTTP/1.1 requests one after
// another on the same connection (keep-alive). For tests that need many source addresses or one long-lived
// connection, which the kiosk's HTTP client does not offer. The server's certificate is not checked: the
// tests that use it are about what the server does, and loopback only. Bounded: 10 s per read or write.
#pragma once

#include <openssl/ssl.h>

#include <map>
#include <string>

namespace wp::testing {

class RawTlsConnection {
  public:
    struct Response {
        int status = 0;                              // 0: no answer (the connection failed or was closed)
        std::map<std::string, std::string> headers;  // names in lower case
        std::string body;
        std::string header(const std::string& lowerCaseName) const {
            auto it = headers.find(lowerCaseName);
            return it == headers.end() ? "" : it->second;
        }
    };

    // cert: a PKI name ("kiosk"), or "" for none.
    RawTlsConnection(int port, const std::string& sourceAddress = "127.0.0.1", const std::string& cert = "");
    ~RawTlsConnection();
    RawTlsConnection(const RawTlsConnection&) = delete;
    RawTlsConnection& operator=(const RawTlsConnection&) = delete;

    // Sends one request on the connection and reads its response. A closed connection is not reopened.
    Response request(const std::string& method, const std::string& path, const std::string& body = "");
    // How many TCP connections this object opened (1 once connected).
    int connections() const { return connections_; }

  private:
    bool readMore(std::string& buffer);
    int fd_ = -1;
    SSL_CTX* ctx_ = nullptr;
    SSL* ssl_ = nullptr;
    int connections_ = 0;
    std::string pending_;  // bytes read past the last response
};

}  // namespace wp::testing
