#include "central/http_exchange.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/x509.h>

namespace wp {

void sendError(httplib::Response& res, int status, std::string_view code, std::string message,
               std::string field) {
    res.status = status;
    res.set_content(encodeError({status, std::string(code), std::move(message), std::move(field)}), kJson);
}

void sendError(httplib::Response& res, const ApiError& e) {
    res.status = e.httpStatus;
    res.set_content(encodeError(e), kJson);
}

PeerCert peerCertificate(const SSL* ssl) {
    PeerCert out;
    if (ssl == nullptr) return out;
    X509* cert = SSL_get1_peer_certificate(ssl);
    if (cert == nullptr) return out;
    if (SSL_get_verify_result(ssl) == X509_V_OK) {
        BIO* bio = BIO_new(BIO_s_mem());
        X509_NAME_print_ex(bio, X509_get_subject_name(cert), 0, XN_FLAG_RFC2253);
        char* data = nullptr;
        long len = BIO_get_mem_data(bio, &data);
        out.subject.assign(data, static_cast<size_t>(len));
        BIO_free(bio);
        if (BIGNUM* bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr)) {
            if (char* hex = BN_bn2hex(bn)) {
                out.serial = hex;
                OPENSSL_free(hex);
            }
            BN_free(bn);
        }
    }
    X509_free(cert);
    return out;
}

}  // namespace wp
