// CentralServer: the HTTPS JSON API of wijkpunt-central (DESIGN.md: Central server; central/openapi.yaml).
//
// TLS 1.2 or newer only; plain HTTP gets a failed handshake and no answer. Every connection is asked for a
// client certificate (SSL_VERIFY_PEER without FAIL_IF_NO_PEER_CERT): a certificate from another CA or an
// expired one fails the handshake; routes decide whether they need one (api_routes.h). On every kiosk
// request the certificate's subject is mapped to a kiosk through the config and checked against the
// revocation lists, not only at the handshake. People use bearer tokens (stored hashed).
//
// Threads: cpp-httplib's pool (config threads; each open keep-alive connection holds one), the group-commit
// writer, the notifier and the retention sweeper. Timers (rate limits, retries, retention) read the injected
// clock. cpp-httplib and OpenSSL types stay out of this header: the handlers are split by caller over
// central_server.cpp, kiosk_api_handlers.cpp and staff_api_handlers.cpp, around central_server_impl.h.
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

    // Binds the configured address and port (0: any free port); returns the bound port.
    Result<int> bind();
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
