// CentralServer: the HTTPS JSON API of wijkpunt-central (DESIGN.md: Central server; central/openapi.yaml).
//
// Served by the HTTP core of central/http_server.h on two listeners, with the TLS policy of
// central/tls_policy.h; plain HTTP gets a failed handshake and no answer. The kiosk listener ([server] port)
// requires a client certificate from the client CA at the handshake and serves every route; the public
// listener ([server] public_port: phone pages, back office) asks for none and answers kiosk routes with 401.
// On every kiosk request the certificate's subject is mapped to a kiosk through the config and checked
// against the revocation lists, not only at the handshake, and before the body is read. People use bearer
// tokens (stored hashed), also checked before the body.
//
// Threads: the HTTP core's I/O threads and worker pool (config io_threads, threads), the group-commit
// writer, the notifier, the appointment mailer and the retention sweeper. Timers (rate limits, retries,
// retention) read the injected clock. Boost and OpenSSL types stay out of this header: the handlers are split
// by caller over central_server.cpp, kiosk_api_handlers.cpp and staff_api_handlers.cpp, around
// central_server_impl.h.
#pragma once

#include <memory>

#include "central/central_config.h"
#include "central/store/central_store.h"
#include "central/team_notifier.h"
#include "common/clock.h"
#include "common/status.h"

namespace wp {

class CentralServer {
  public:
    // The server over an open store; sender delivers team notifications. Fails on unusable TLS files.
    static Result<std::unique_ptr<CentralServer>> create(const CentralConfig& config, CentralStore& store,
                                                         const Clock& clock, NotificationSender& sender);
    ~CentralServer();

    // Binds the configured address, port and public port (0: any free port); returns the bound kiosk port.
    Result<int> bind();
    // The bound public port; after bind().
    int publicPort() const;
    // Serves until stop(); call after bind().
    Status run();
    // Thread-safe; run() returns soon after.
    void stop();

    struct Impl;

  private:
    explicit CentralServer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace wp
