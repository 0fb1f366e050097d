// CurlHttpClient: HttpClient (kiosk/core/net/http_client.h) over libcurl and OpenSSL, for the kiosk's
// connection to the central server.
//
// The server certificate is always verified against the configured CA file, host name included; there is
// no switch to turn that off. Optional: a public-key pin ("sha256//BASE64", checked on top of the CA), a
// client certificate and key (mutual TLS), connect and whole-transfer timeouts. TLS 1.2 or newer.
// The connection is kept alive between requests. One client per thread; curl.h stays in the .cpp.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "kiosk/core/net/http_client.h"

namespace wp {

struct CurlHttpClientOptions {
    std::string baseUrl;  // "https://central.example.org:8443" (no trailing slash)
    std::filesystem::path caFile;
    std::string pinnedPublicKey;                         // empty: no pin
    std::filesystem::path clientCertificate, clientKey;  // empty: no client certificate
    long connectTimeoutMs = 5000;
    long transferTimeoutMs = 20000;
};

class CurlHttpClient final : public HttpClient {
  public:
    explicit CurlHttpClient(CurlHttpClientOptions options);
    ~CurlHttpClient() override;
    CurlHttpClient(const CurlHttpClient&) = delete;
    CurlHttpClient& operator=(const CurlHttpClient&) = delete;

    HttpResult send(const HttpRequest& request) override;

  private:
    CurlHttpClientOptions options_;
    void* curl_ = nullptr;  // CURL*
};

}  // namespace wp
