// KioskCa: the CA that issues kiosk client certificates ([tls] client_ca, its key [enrollment] ca_key): it
// signs the certificate signing requests (CSRs) kiosks send to enroll and to renew.
//
// A CSR is taken when it is one PEM certificate request whose own signature verifies and whose key is EC
// P-256 or RSA of at least 2048 bits; its subject and extensions are ignored. The certificate the CA makes
// has the subject the server chose (kioskSubject()), a random serial, the validity asked for, key usage
// digitalSignature (critical), extended key usage clientAuth, basicConstraints CA:FALSE, and is signed with
// SHA-256. OpenSSL types stay in the .cpp. Thread-safe after load(): signing only reads the CA.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "common/clock.h"
#include "common/status.h"

namespace wp {

// The subject of an enrolled kiosk's certificate, RFC 2253: "CN=kiosk-SGN-K3,O=Wijkpunt".
std::string kioskSubject(std::string_view contactPoint, std::string_view kioskCode);

// A fresh certificate serial: 128 random bits (the top bit clear, so it is positive, and the next one set,
// so it has no leading zero byte), as the server reads serials: 32 upper-case hex digits.
std::string randomCertificateSerial();

class KioskCa {
  public:
    // Loads the CA certificate and its private key (PEM). InvalidInput when the key is not the
    // certificate's; NotFound or IoError when a file cannot be read.
    static Result<std::unique_ptr<KioskCa>> load(const std::filesystem::path& certificate,
                                                 const std::filesystem::path& key);
    ~KioskCa();

    // Ok when the CSR would be signed; InvalidInput saying why not.
    Status checkCsr(std::string_view csrPem) const;
    // The certificate (PEM) for the CSR's key; InvalidInput for a CSR checkCsr() refuses or a subject that
    // is not "TYPE=value" pairs separated by commas (most specific first, RFC 2253) without escapes.
    // serialHex: the serial in hex, as randomCertificateSerial() makes it.
    Result<std::string> issue(std::string_view csrPem, const std::string& subject,
                              const std::string& serialHex, TimePoint notBefore, TimePoint notAfter) const;
    // The CA certificate (PEM), for kiosks to verify the server with when they use the same CA.
    const std::string& certificatePem() const { return certificatePem_; }

    struct Keys;

  private:
    KioskCa(std::unique_ptr<Keys> keys, std::string certificatePem);
    std::unique_ptr<Keys> keys_;
    std::string certificatePem_;
};

}  // namespace wp
