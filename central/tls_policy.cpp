#include "central/tls_policy.h"

#include <fmt/format.h>

namespace wp {

const char* const kTls12Ciphers =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
    "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

Status applyTlsPolicy(SSL_CTX* ctx, const std::filesystem::path& certificate,
                      const std::filesystem::path& key, const std::filesystem::path& clientCa,
                      ClientCertificate clients) {
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_options(ctx,
                        SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);
    if (SSL_CTX_set_cipher_list(ctx, kTls12Ciphers) != 1)
        return Status::invalidInput("the TLS 1.2 cipher list is not supported by this OpenSSL");
    if (SSL_CTX_use_certificate_chain_file(ctx, certificate.c_str()) != 1)
        return Status::invalidInput(
            fmt::format("{}: cannot load the server certificate", certificate.string()));
    if (SSL_CTX_use_PrivateKey_file(ctx, key.c_str(), SSL_FILETYPE_PEM) != 1 ||
        SSL_CTX_check_private_key(ctx) != 1)
        return Status::invalidInput(
            fmt::format("{}: cannot load the server key, or it does not fit the certificate", key.string()));
    static const unsigned char kContext[] = "wijkpunt-central";
    SSL_CTX_set_session_id_context(ctx, kContext, sizeof kContext - 1);
    if (clients == ClientCertificate::None) {
        SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
        return Status::ok();
    }
    if (SSL_CTX_load_verify_locations(ctx, clientCa.c_str(), nullptr) != 1)
        return Status::invalidInput(fmt::format("{}: cannot load the client CA", clientCa.string()));
    SSL_CTX_set_client_CA_list(ctx, SSL_load_client_CA_file(clientCa.c_str()));
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nullptr);
    return Status::ok();
}

}  // namespace wp
