// The central server's TLS policy, for both listeners: TLS 1.2 or newer; for TLS 1.2 only ECDHE key
// exchange with AEAD ciphers (no CBC, no static RSA); TLS 1.3's default suites; no compression, no
// renegotiation, the server's cipher order.
#pragma once

#include <openssl/ssl.h>

#include <filesystem>

#include "common/status.h"

namespace wp {

// The TLS 1.2 cipher list of the policy (OpenSSL syntax).
extern const char* const kTls12Ciphers;

enum class ClientCertificate {
    Required,  // the handshake fails without a certificate from the client CA
    None,      // no certificate is asked for
};

// Applies the policy, the server's certificate chain and key and, for Required, the client CA to ctx.
Status applyTlsPolicy(SSL_CTX* ctx, const std::filesystem::path& certificate,
                      const std::filesystem::path& key, const std::filesystem::path& clientCa,
                      ClientCertificate clients);

}  // namespace wp
